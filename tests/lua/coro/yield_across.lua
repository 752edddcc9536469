-- Yielding across pcall, metamethods, iterators and nested Lua calls.
local co = coroutine.wrap(function()
  local ok, v = pcall(function()
    local got = coroutine.yield("yield inside pcall")
    error("error after resume: " .. got, 0)
  end)
  coroutine.yield("pcall returned " .. tostring(ok) .. " " .. v)
  return "end"
end)
print(co())
print(co("X"))
print(co())
-- yield from metamethods (__index, __add, __lt, __concat, __eq, __call)
local mt = {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __call = function(self, x) return coroutine.yield("call " .. x) end,
  __len = function() return coroutine.yield("len") end,
}
local A, B = setmetatable({}, mt), setmetatable({}, mt)
local steps = coroutine.wrap(function()
  local r = {}
  r[#r + 1] = A.foo
  r[#r + 1] = A + 1
  r[#r + 1] = tostring(A < B)
  r[#r + 1] = A .. "s"
  r[#r + 1] = tostring(A == B)
  r[#r + 1] = A("arg")
  r[#r + 1] = #A
  return table.concat(r, " | ")
end)
print(steps())
print(steps("v1"))
print(steps("v2"))
print(steps(false))
print(steps("v4"))
print(steps(true))
print(steps("v6"))
print(steps("v7"))
-- yield inside a generic for iterator
local producer = coroutine.wrap(function()
  local function iter() return coroutine.yield("want next") end
  local got = {}
  for v in iter do got[#got + 1] = v end
  return table.concat(got, ",")
end)
print(producer())
print(producer("a"))
print(producer("b"))
print(producer(nil))
-- yield across a C function that does not allow it
local blocked = coroutine.create(function()
  return table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
end)
print(coroutine.resume(blocked))
local viagsub = coroutine.create(function()
  return string.gsub("x", "x", function() coroutine.yield() end)
end)
print(coroutine.resume(viagsub))
-- deep Lua recursion inside a coroutine with a yield at the bottom
local deep = coroutine.wrap(function()
  local function rec(n) if n == 0 then return coroutine.yield("bottom") end return rec(n - 1) + 0 end
  return rec(1000)
end)
print(deep())
print(deep(41) + 1)
-- generators
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local total = 0
for v in range(100) do total = total + v end
print(total)
