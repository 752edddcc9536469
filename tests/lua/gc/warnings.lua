-- Errors in finalizers become warnings "error in __gc (...)" and never
-- stop the program or other finalizers; non-string error values and
-- non-function __gc fields too. A finalizer cannot yield (it runs inside
-- the collector).
warn("@on")
local order = {}
do
  local objs = {
    setmetatable({}, {__gc = function() order[#order + 1] = "ok1" end}),
    setmetatable({}, {__gc = function() error("plain message") end}),
    setmetatable({}, {__gc = function() error({code = 1}) end}),
    setmetatable({}, {__gc = function() error() end}),
    setmetatable({}, {__gc = 42}),
    setmetatable({}, {__gc = function() coroutine.yield() end}),
    setmetatable({}, {__gc = function() order[#order + 1] = "ok2" end}),
  }
end
collectgarbage()
print("other finalizers ran:", table.concat(order, " "))
-- inside a coroutine, a finalizer error does not reach the coroutine
local co = coroutine.wrap(function()
  do local x = setmetatable({}, {__gc = function() error("in coroutine") end}) end
  collectgarbage()
  return "coroutine fine"
end)
print(co())
-- warnings off: silent
warn("@off")
do local x = setmetatable({}, {__gc = function() error("silent") end}) end
collectgarbage()
print("done")
