-- Yielding across pcall, xpcall, metamethods, iterators and dofile:
-- the continuations of the base library.

local co = coroutine.create(function()
  local ok, a, b = pcall(function()
    local x = coroutine.yield("in pcall")
    return x, "second"
  end)
  print("pcall returned", ok, a, b)
  print(pcall(function() coroutine.yield("before error"); error("after yield") end))
  print(xpcall(function()
    local v = coroutine.yield("in xpcall")
    error(v)
  end, function(m) return "handled " .. tostring(m) end))
  print(xpcall(function(...) coroutine.yield("xpcall args"); return ... end, print, 1, 2, 3))
  return "finished"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "resumed value"))
print(coroutine.resume(co))
print(coroutine.resume(co, "xp"))
print(coroutine.resume(co))
print(coroutine.status(co))

-- yielding inside a __pairs metamethod called by pairs
local obj = setmetatable({}, {__pairs = function(t)
  coroutine.yield("yield in __pairs")
  return next, {10, 20}, nil
end})
local co2 = coroutine.wrap(function()
  local s = 0
  for _, v in pairs(obj) do s = s + v end
  return s
end)
print(co2())
print(co2())

-- yielding inside iterators and metamethods
local gen = coroutine.wrap(function()
  local t = setmetatable({}, {__index = function(_, k) return coroutine.yield(k) end,
                              __add = function(a, b) return coroutine.yield("add") end})
  local v = t.key
  local w = t + 1
  return v, w
end)
print(gen())
print(gen("index result"))
print(gen("add result"))

-- yield inside dofile
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("local v = coroutine.yield('from file'); return v, 'file end'")
f:close()
local df = coroutine.wrap(function() return dofile(name) end)
print(df())
print(df("resumed file"))
os.remove(name)

-- yield across table.sort's comparator is not allowed (C call boundary)
local sorter = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield(); return a < b end)
end)
print(coroutine.resume(sorter))

-- yield inside load's reader is not allowed either
local loader = coroutine.create(function()
  return load(function() coroutine.yield() end)
end)
print(coroutine.resume(loader))
