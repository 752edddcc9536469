-- An error object with __tostring: the message is its result, no traceback.
error(setmetatable({}, {__tostring = function() return "described error" end}))
