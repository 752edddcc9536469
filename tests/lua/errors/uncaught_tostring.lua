-- An uncaught error whose value is a table with __tostring: the standalone
-- interpreter prints the converted value (without a traceback).
local E = setmetatable({msg = "custom error object"}, {__tostring = function(e) return "E: " .. e.msg end})
local function thrower() error(E) end
thrower()
