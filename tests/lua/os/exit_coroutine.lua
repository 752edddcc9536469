-- os.exit(n, true) from inside a coroutine: closing the state closes the main thread's pending
-- variables and runs finalizers, but not the variables of the running coroutine.
local keep = setmetatable({}, {__gc = function() print("gc at close") end})  -- reachable until the state closes
local x <close> = setmetatable({}, {__close = function() print("main tbc closed?") end})
coroutine.wrap(function()
  local y <close> = setmetatable({}, {__close = function() print("co tbc closed?") end})
  io.write("exiting from coroutine\n")
  os.exit(3, true)
end)()
