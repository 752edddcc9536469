-- Typed fast paths (tier 1 picks integer-only / float-only arithmetic and
-- comparison stencils by type profile): operands of other types after the
-- warm-up, metamethods, overflow, coercion, NaN; integer for-loop
-- preparation done inline (edge limits, negative steps, zero step);
-- integer keys in the hash part read and written by the inline probe.
local function f(a, b) return a + b, a - b, a * b, a / b, a + 1, a * 2, a - 3.5 end
local mt = {__add = function(x, y) return "add" end, __sub = function() return "sub" end,
  __mul = function() return "mul" end, __div = function() return "div" end}
local t = setmetatable({}, mt)
for i = 1, 3000 do f(i, i + 1) end
print(f(1, 2)); print(f(1.5, 2.5)); print(f(1, 2.5)); print(f(math.maxinteger, 1))
print(f("10", 3)); print(pcall(f, {}, 1)); print(f(t, 1)); print(f(2^53, 0.5))
local function g(x, y) return x * y + 0.5, x / y end
for i = 1, 3000 do g(i + 0.5, 2.0) end
print(g(3, 4)); print(pcall(g, nil, 1))
for i = 5, 1, -2 do io.write(i, " ") end for i = 1, 0 do print("no") end
for i = math.maxinteger - 2, math.maxinteger do io.write(i, " ") end
for i = math.mininteger, math.mininteger + 4, 2 do io.write(i, " ") end
for i = 3, 1 do print("x") end for i = 1, 3, 7 do io.write(i, ";") end
for i = 10, 1, -3 do io.write(i, ",") end print(pcall(function() for i = 1, 10, 0 do end end))
local h = {} for k = 9, 2, -1 do h[k] = k * 10 end
local s = 0 for i = 1, 100 do s = s + (h[(i % 9) + 1] or 0) end print(s)
for i = 2, 9 do h[i] = h[i] + 1 end print(h[2], h[9], h[1], h[10])
local function d(a, b) return a / b, a / 4, a / 0, -a / 0 end
for i = 1, 3000 do d(i, 3) end
print(d(7, 2)); print(d(7.5, 2)); print(d(0, 0) ~= d(0, 0)); print(d(math.maxinteger, 3))
print(d(math.mininteger, -1)); print(pcall(d, "x", 1)); print(d("9", 3))
local function cmp(a, b)
  local r = {}
  r[1] = a < b; r[2] = a <= b; r[3] = a > b; r[4] = a >= b
  r[5] = a < 5; r[6] = a <= 5; r[7] = a > 5; r[8] = a >= 5
  r[9] = not (a < b); r[10] = a > -3
  if a < b then r[11] = 1 else r[11] = 0 end
  if a >= 2.0 then r[12] = 1 else r[12] = 0 end
  return table.concat({tostring(r[1]), tostring(r[2]), tostring(r[3]), tostring(r[4]),
    tostring(r[5]), tostring(r[6]), tostring(r[7]), tostring(r[8]), tostring(r[9]),
    tostring(r[10]), r[11], r[12]}, " ")
end
for i = 1, 3000 do cmp(i, 7) end
print(cmp(3, 7)); print(cmp(7, 3)); print(cmp(5, 5)); print(cmp(5.5, 7)); print(cmp(3, 7.5))
print(cmp(0/0, 1)); print(cmp(math.mininteger, math.maxinteger)); print(pcall(cmp, "a", 1))
print(pcall(cmp, {}, {}))
local function cmpf(a, b) if a < b then return 1 end if a <= b then return 2 end return 3 end
for i = 1, 3000 do cmpf(i + 0.5, 100.25) end
print(cmpf(1.5, 2.5), cmpf(2.5, 2.5), cmpf(3.5, 2.5), cmpf(1, 2.5), cmpf(2, 1), cmpf(0/0, 1.0))
print(pcall(cmpf, 1.5, "x"))
local mt = {__lt = function() return true end, __le = function() return false end}
local o = setmetatable({}, mt)
print(cmpf(o, o), cmpf(2.0, math.huge), cmpf(-math.huge, -1e308))
local function imm(x)
  local r = {x + 1, x - 1, x + 127, x - 128, x + 5000, x - 70000}
  local c = {x < -5, x <= -1, x > -100, x >= 0, x < 1000, x > 65535, x >= -65535}
  local s = {}
  for i = 1, #r do s[#s + 1] = tostring(r[i]) end
  for i = 1, #c do s[#s + 1] = tostring(c[i]) end
  return table.concat(s, " ")
end
for i = -1500, 1500 do imm(i) end
for _, v in ipairs({-200, -5, -1, 0, 1, 999, 1000, 65535, 65536, math.maxinteger, math.mininteger, 2.5, -0.0}) do
  print(imm(v))
end
local function eqi(x)
  local a, b, c, d = x == 0, x ~= 1, x == -3, x == 100
  if x == 7 then a = "seven" end
  return tostring(a) .. tostring(b) .. tostring(c) .. tostring(d)
end
for i = -10, 2000 do eqi(i) end
for _, v in ipairs({0, 1, -3, 100, 7, 0.0, -0.0, 1.0, -3.0, 7.0, 0.5, "0", true, math.mininteger, math.huge}) do
  io.write(eqi(v), " ")
end
print(eqi(nil), eqi(0/0))
local function li() local a, b, c, d, e = 0, -1, 65535, -65536, 2147483647; local f = -2147483647; return a, b, c, d, e, f, math.type(b) end
for i = 1, 2000 do li() end
print(li())
local function sh(x) return x >> 1, x >> 63, x << 1, x << 63, x >> 7, x << 13, x >> 64, x << 64, x >> -2, x << -3 end
for i = 1, 3000 do sh(i) end
print(sh(0x2545F4914F6CDD1D)); print(sh(-1)); print(sh(math.mininteger)); print(sh(3.0)); print(pcall(sh, 2.5))
local function md(x) return x % 7, x // 7, x % -3, x // -3, x % 1, x // 1, x % 2, x // 2 end
for i = -1500, 1500 do md(i) end
print(md(-7)); print(md(-8)); print(md(math.mininteger)); print(md(math.maxinteger)); print(md(7.5)); print(md(-0.0))
local function m0(x) return x % -1, x // -1 end
for i = 1, 3000 do m0(i) end
print(m0(math.mininteger)); print(pcall(function(x) return x % 0 end, 5)); print(pcall(function(x) return x // 0 end, 5))
