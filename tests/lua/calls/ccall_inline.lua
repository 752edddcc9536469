-- C functions called from compiled code (the CALL stencils' inline C call:
-- result counts, yields, errors, hooks set inside the call), RETURN's inline
-- return (varargs, several results, open upvalues, to-be-closed variables),
-- VARARG/VARARGPREP fast paths, select and table.pack, with their errors.
-- C calls from compiled code: results shapes, yields, hooks, errors
local function f()
  local t = {}
  for i = 1, 50 do
    local a = math.max(i, 3)
    local b, c = math.modf(i / 3)
    local d, e, g = string.byte("abc", 1, -1)
    local x, y, z = select(2, 1, 2)
    t[#t+1] = a + b + c + d + e + g + (x or 0) + (y or 0) + tostring(z):len()
    local p = {pcall(error, "boom")}
    t[#t+1] = #p
    local q = table.pack(string.byte("hello", 1, i % 6))
    t[#t+1] = q.n
  end
  return t
end
local t = f()
local s = 0 for i = 1, #t do s = s + t[i] end
print(s)
-- yields across C calls inside coroutines
local co = coroutine.wrap(function(a)
  for i = 1, 30 do
    local r = coroutine.yield(i)
    local v = select('#', coroutine.yield(i, r))
    a = a + v
  end
  return a
end)
local acc = 0
for i = 1, 200 do local v = co(i) if type(v) == "number" then acc = acc + v end if i == 55 then break end end
print(acc)
-- pcall / error with tracebacks
local function g(n) if n == 0 then error({code=1}) end return g(n-1) end
for i = 1, 40 do local ok, e = pcall(g, 3) assert(not ok and e.code == 1) end
local ok, msg = pcall(function() for i=1,40 do string.rep() end end)
print(ok, msg)
print(select(2, pcall(string.format, "%d", "x")))
-- hook set from a C function called by compiled code
local cnt = 0
local function h() cnt = cnt + 1 end
local function k()
  for i = 1, 60 do
    if i == 30 then debug.sethook(h, "r") end
    math.abs(i)
  end
  debug.sethook()
end
k() print(cnt > 0)
-- tbc in C frames: not available from Lua; to-be-closed in Lua
do
  local log = {}
  for i=1,40 do
    local x <close> = setmetatable({}, {__close=function() log[#log+1]=i end})
    string.len("x")
  end
  print(#log)
end
-- __call metamethod and Cclosures
local gm = string.gmatch("a b c d", "%a")
local n = 0 for i=1,50 do local w = gm() if w then n = n + #w end end print(n)
local callable = setmetatable({}, {__call=function(_, a) return a * 2 end})
local z = 0 for i=1,50 do z = z + callable(i) end print(z)

-- RETURN with open upvalues and to-be-closed variables
local function mk(n)
  local a, b = n, n * 2
  local f = function() return a + b end
  return f, a, b
end
local s = 0
for i = 1, 100 do local f, a, b = mk(i) s = s + f() + a + b end
print(s)
local function v(...)
  local x = select('#', ...)
  local g = function() return x end
  return g, ...
end
for i = 1, 100 do local g, p, q = v(i, i + 1) s = s + g() + p + q end
print(s)
local log = {}
local function t(i)
  local c <close> = setmetatable({}, {__close = function() log[#log + 1] = i end})
  local h = function() return i end
  return h(), i * 2
end
for i = 1, 60 do local a, b = t(i) s = s + a + b end
print(s, #log)
local function e(i)
  local c <close> = setmetatable({}, {__close = function() error("in close " .. i) end})
  return i
end
for i = 1, 30 do local ok, m = pcall(e, i) if i == 30 then print(ok, m) end end
local co = coroutine.wrap(function()
  for i = 1, 40 do
    local c <close> = setmetatable({}, {__close = function() coroutine.yield("closing " .. i) end})
    local f = function() return i end
    if i == 40 then return f() end
  end
end)
for i = 1, 45 do local r = co() if i % 10 == 0 then print(r) end if r == 40 then break end end

print(select('#'), select('#', nil, nil), select(2, 'a', 'b', 'c'), select(-1, 'a', 'b'))
print(select("2", 'a', 'b', 'c'), select(2.0, 'x', 'y'), select('#x', 1, 2))
print(pcall(select, 2.5, 1)) print(pcall(select, 0, 1)) print(pcall(select, -3, 1))
print(pcall(select, {}, 1)) print(pcall(select, "x", 1)) print(pcall(select)) print(pcall(select, nil))
print(select(10, 1, 2), select(math.maxinteger, 1), select(math.mininteger // 2 * 0 - 1, 1, 2))
print(pcall(select, math.mininteger, 1))
print(table.pack(1, nil, 3).n, #table.pack(), table.pack(nil, nil)[2], table.pack(1,2,3)[3])

-- varargs of many values (the stack grows), and VARARG adjusted to a count
local function count(...) return select('#', ...) end
local function fwd(...) local a, b, c = ... return count(...), a, b, c end
local big = {}
for i = 1, 300 do big[i] = i end
for i = 1, 30 do
  local n, a, b, c = fwd(table.unpack(big, 1, i * 10))
  if i % 10 == 0 then print(n, a, b, c) end
end
local function deep(n, ...)
  if n == 0 then return select('#', ...) end
  return deep(n - 1, n, ...)
end
print(deep(150))
