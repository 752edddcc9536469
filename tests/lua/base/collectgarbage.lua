-- collectgarbage: every option and its result types (values that depend
-- on the heap are only checked for their type).

print(collectgarbage())
print(collectgarbage("collect"))
print(math.type(collectgarbage("count")))
print(collectgarbage("count") > 0)
print(collectgarbage("isrunning"))
print(collectgarbage("stop"))
print(collectgarbage("isrunning"))
print(collectgarbage("restart"))
print(collectgarbage("isrunning"))
print(type(collectgarbage("step")))
print(type(collectgarbage("step", 0)))
print(type(collectgarbage("step", 100)))

print(collectgarbage("incremental"))
print(collectgarbage("generational"))
print(collectgarbage("generational"))
print(collectgarbage("incremental"))
print(collectgarbage("incremental", 200, 100, 13))
print(collectgarbage("generational", 20, 100))
print(collectgarbage("incremental", 0, 0, 0))

print(math.type(collectgarbage("setpause", 200)))
print(collectgarbage("setpause", 150))
print(collectgarbage("setpause"))
print(collectgarbage("setpause", 200))
print(math.type(collectgarbage("setstepmul", 100)))
print(collectgarbage("setstepmul", 300))
print(collectgarbage("setstepmul", 100))

print(pcall(collectgarbage, "x"))
print(math.type(select(2, pcall(collectgarbage, "count", "x"))))
print(pcall(collectgarbage, 1))
print(pcall(collectgarbage, "step", "big"))
print(pcall(collectgarbage, "setpause", 1.5))

-- finalizers run on collect
local finalized = false
do
  local x = setmetatable({}, {__gc = function() finalized = true end})
end
collectgarbage()
collectgarbage()
print(finalized)

-- weak tables are cleared
local weak = setmetatable({}, {__mode = "k"})
weak[{}] = 1
collectgarbage()
print(next(weak))
