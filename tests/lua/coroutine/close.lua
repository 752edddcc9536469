-- coroutine.close: suspended, dead, running, normal; pending tbc variables.

local co = coroutine.create(function() coroutine.yield() end)
print(coroutine.close(co))
print(coroutine.status(co))
print(coroutine.resume(co))

-- closing a never-started coroutine
local fresh = coroutine.create(function() print("never runs") end)
print(coroutine.close(fresh), coroutine.status(fresh))

-- closing a finished coroutine
local done = coroutine.create(function() return 1 end)
coroutine.resume(done)
print(coroutine.close(done))

-- closing a coroutine that died with an error returns the error
local dead = coroutine.create(function() error("died") end)
print(coroutine.resume(dead))
print(coroutine.close(dead))
print(coroutine.status(dead))

local deadobj = coroutine.create(function() error(setmetatable({}, {__tostring = function() return "E" end})) end)
coroutine.resume(deadobj)
local ok, e = coroutine.close(deadobj)
print(ok, tostring(e))

-- pending to-be-closed variables are closed, in reverse order
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. ":" .. tostring(err) end})
end
local pending = coroutine.create(function()
  local a <close> = closer("a")
  local b <close> = closer("b")
  coroutine.yield("suspended with two")
end)
print(coroutine.resume(pending))
print(coroutine.close(pending))
print(table.concat(log, " "))
print(coroutine.status(pending))

-- an error while closing
log = {}
local failing = coroutine.create(function()
  local a <close> = closer("a")
  local b <close> = setmetatable({}, {__close = function() error("close error") end})
  coroutine.yield()
end)
coroutine.resume(failing)
print(coroutine.close(failing))
print(table.concat(log, " "))

-- cannot close running or normal coroutines
print(pcall(coroutine.close, coroutine.running()))
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function()
    print(pcall(coroutine.close, outer))
  end)
  coroutine.resume(inner)
  print(pcall(coroutine.close, coroutine.running()))
end)
coroutine.resume(outer)
print(pcall(coroutine.close))
print(pcall(coroutine.close, 1))
