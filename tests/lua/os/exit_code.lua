-- os.exit(n, true) closes the state first: __gc and __close run.
local keep = setmetatable({}, {__gc = function() print("finalizer ran") end})  -- reachable: only exit can finalize it
local x <close> = setmetatable({}, {__close = function() print("not closed by exit") end})
print("exiting with 7")
os.exit(7, true)
