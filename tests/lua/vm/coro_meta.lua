-- Interpreter (vm-A): yields inside metamethods, iterators, pcall and hooks;
-- closing coroutines; what crosses a C-call boundary.
-- yields across pcall, metamethods, iterators, table.sort (C boundary)
local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
    return "end"
  end)
end
local g = gen(3)
print(g(), g(), g(), g())
print(pcall(g))

-- yield inside pcall inside coroutine
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("in pcall")
    error("err " .. x)
  end)
  print("pcall ->", ok, v)
  local ok2, v2 = pcall(coroutine.yield, "direct")
  print("pcall2 ->", ok2, v2)
  return "fin"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "A"))
print(coroutine.resume(co, "B"))
print(coroutine.resume(co))
print(coroutine.status(co))

-- yield in __index / __add / __lt / __concat / __eq / __len / __call
local mt = {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __le = function(a, b) return coroutine.yield("le") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __len = function(a) return coroutine.yield("len") end,
  __call = function(self, x) return coroutine.yield("call " .. x) end,
  __newindex = function(t, k, v) coroutine.yield("newindex " .. k) end,
  __unm = function(a) return coroutine.yield("unm") end,
}
local co2 = coroutine.wrap(function()
  local a = setmetatable({}, mt)
  local b = setmetatable({}, mt)
  local r = {}
  r[#r+1] = a.foo
  r[#r+1] = a + 1
  r[#r+1] = 1 + a
  r[#r+1] = tostring(a < b)
  r[#r+1] = tostring(a <= b)
  r[#r+1] = tostring(a > 3)
  r[#r+1] = a .. "x"
  r[#r+1] = "y" .. a .. "z"
  r[#r+1] = tostring(a == b)
  r[#r+1] = #a
  r[#r+1] = a(5)
  r[#r+1] = -a
  a.bar = 10
  if a < b then r[#r+1] = "yes" else r[#r+1] = "no" end
  return table.concat(r, ",")
end)
local v = co2()
while true do
  io.write("[", tostring(v), "] ")
  if v:sub(1, 5) == "index" then v = co2("I")
  elseif v == "add" then v = co2(100)
  elseif v == "lt" or v == "le" then v = co2(true)
  elseif v == "concat" then v = co2("C")
  elseif v == "eq" then v = co2(false)
  elseif v == "len" then v = co2(7)
  elseif v:sub(1,4) == "call" then v = co2("K")
  elseif v == "unm" then v = co2(-1)
  elseif v:sub(1,8) == "newindex" then v = co2()
  else break end
end
print()

-- yield inside generic for iterator
local function iter()
  return function(s, c)
    if c >= 3 then return nil end
    coroutine.yield("it" .. c)
    return c + 1
  end, nil, 0
end
local co3 = coroutine.wrap(function()
  local acc = {}
  for i in iter() do acc[#acc+1] = i end
  return table.concat(acc, " ")
end)
print(co3(), co3(), co3(), co3())

-- yield across C boundary
local co4 = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
end)
print(coroutine.resume(co4))
print(pcall(coroutine.yield, 1))
print(coroutine.isyieldable())
print(coroutine.wrap(function() return coroutine.isyieldable() end)())
-- resume dead / non-suspended
local co5 = coroutine.create(function() return 1 end)
coroutine.resume(co5)
print(coroutine.resume(co5))
print(coroutine.resume(coroutine.running()))
-- errors in coroutines with tracebacks
local co6 = coroutine.create(function() local x = nil; return x.field end)
print(coroutine.resume(co6))
-- close
local co7 = coroutine.create(function()
  local t <close> = setmetatable({}, {__close = function(o, e) print("closing", e) end})
  coroutine.yield(1)
end)
print(coroutine.resume(co7))
print(coroutine.close(co7))
print(coroutine.status(co7))
local co8 = coroutine.create(function()
  local t <close> = setmetatable({}, {__close = function(o, e) error("in close") end})
  coroutine.yield(1)
end)
coroutine.resume(co8)
print(coroutine.close(co8))
-- wrap error propagates
print(select(2, pcall(coroutine.wrap(function() error({code = 1}) end))).code)
print(select(2, pcall(coroutine.wrap(function() error("x", 0) end))))
-- yield many values
local co9 = coroutine.create(function(...) local a = {coroutine.yield(...)} return #a, ... end)
print(coroutine.resume(co9, 1, 2, 3))
print(coroutine.resume(co9, "a", "b"))
