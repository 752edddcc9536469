-- coroutine.wrap: results, errors with positions, dead wrappers.

local gen = coroutine.wrap(function(n)
  for i = 1, n do coroutine.yield(i) end
  return "end"
end)
print(gen(3), gen(), gen(), gen())
print(pcall(gen))

local function values()
  return coroutine.wrap(function()
    coroutine.yield(1, 2)
    coroutine.yield()
  end)
end
local w = values()
print(w())
print(select('#', w()))
print(select('#', w()))

-- error messages gain the position of the call of the wrapper
local failing = coroutine.wrap(function() error("oops") end)
print(pcall(failing))
local failing2 = coroutine.wrap(function() error("oops", 0) end)
local ok, e = pcall(function() return failing2() end)
print(ok, e)
local failing3 = coroutine.wrap(function() error({1}) end)
ok, e = pcall(function() failing3() end)
print(ok, type(e))
local failing4 = coroutine.wrap(function() local x = nil; x() end)
print(pcall(function() failing4() end))
local failing5 = coroutine.wrap(function() error(42) end)
print(pcall(function() failing5() end))

-- a wrapper that already raised
print(pcall(function() failing2() end))
-- a wrapper that finished
local finished = coroutine.wrap(function() end)
finished()
print(pcall(function() finished() end))
print(pcall(finished))

-- nested wrap generators
local function range(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local sum = 0
for i in range(4) do
  for j in range(i) do sum = sum + j end
end
print(sum)

-- wrap with to-be-closed variables in the failing coroutine
local closed = {}
local tbc = coroutine.wrap(function()
  local x <close> = setmetatable({}, {__close = function(_, err) closed[#closed + 1] = tostring(err) end})
  coroutine.yield("first")
  error("after yield")
end)
print(tbc())
print(pcall(tbc))
print(closed[1])

-- error in __close replaces the error
local tbc2 = coroutine.wrap(function()
  local x <close> = setmetatable({}, {__close = function() error("close failed") end})
  error("original")
end)
print(pcall(tbc2))
