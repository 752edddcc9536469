-- os.exit(n, true) closes the state first: __gc and __close run.
setmetatable({}, {__gc = function() print("finalizer ran") end})
local x <close> = setmetatable({}, {__close = function() print("not closed by exit") end})
print("exiting with 7")
os.exit(7, true)
