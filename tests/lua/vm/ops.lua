-- Interpreter (vm-A): varargs, tail calls, closures in loops, numeric for
-- edge cases, integer/float semantics, immediates and constants in tests.
local function va(...) return select('#', ...), ... end
print(va())
print(va(nil, nil))
print((va(1, 2, 3)))
local function pass(...) return ... end
print(pass(1, nil, 3, nil))
local t = {pass(1, 2, 3), pass(4, 5, 6)}
print(#t, t[1], t[2], t[4])
local big = {}
for i = 1, 300 do big[i] = i end
local function unpackall(t) return table.unpack(t) end
local big2 = {unpackall(big)}
print(#big2, big2[300])
local function tail(n, acc) if n == 0 then return acc end return tail(n - 1, acc + n) end
print(tail(1000000, 0))
local function vtail(...) local n = ... if n == 0 then return "done" end return vtail(n - 1, ...) end
print(vtail(50))
-- closures capture per-iteration
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local ws = {}
local j = 0
while j < 3 do j = j + 1; local k = j; ws[j] = function() k = k + 10; return k end end
print(ws[1](), ws[1](), ws[2]())
-- for loop edge cases
local c = 0
for i = math.maxinteger - 1, math.maxinteger do c = c + 1 end
print(c)
c = 0
for i = math.mininteger, math.mininteger + 2 do c = c + 1 end
print(c)
for i = 3, 1 do print("never") end
for i = 1, 3, -1 do print("never") end
for i = -1, -3, -1 do io.write(i, " ") end print()
for i = 1, 2.5 do io.write(i, " ") end print()
for i = 0.1, 0.35, 0.1 do io.write(string.format("%.1f ", i)) end print()
for i = 5, math.huge do if i > 7 then break end io.write(i, " ") end print()
for i = 1, -math.huge, -1 do if i < -1 then break end io.write(i, " ") end print()
for i = math.maxinteger, math.maxinteger + 1.0 do io.write(i, " ") break end print()
local ok = pcall(function() for i = 1, 0/0 do print("nan") end end) print(ok)
-- integer/float
print(1 == 1.0, math.type(2^53), 3 // 0.0, -3 // 0.0, 0/0 ~= 0/0, 3 % math.huge, -3 % math.huge)
print(7 // -2, -7 // 2, 7 % -2, -7 % 2, 7.5 % 2, -7.5 % 2)
print(1 << 63, 1 << 64, -1 >> 1, 3 & 5, 3 | 5, 3 ~ 5, ~0)
print("10" + 5, "3" * "4", 10 .. 20, "0x10" + 0, " 5 " + 1)
print(2^63 == math.maxinteger + 1.0, math.maxinteger + 0.0 == 2^63)
print(1 < 1.5, 2 <= 2.0, -0.0 == 0, math.mininteger < -2^63 + 1)
-- comparisons with immediates
local x = 5
print(x < 10, x > 10, x <= 5, x >= 6, x == 5, x ~= 5.0, 5.5 > x)
local s = "abc"
print(s < "abd", s == "abc", s ~= "abd")
-- constants and EQK
local function kind(v) if v == "yes" then return 1 elseif v == 3.5 then return 2 elseif v == nil then return 3 elseif v == true then return 4 end return 0 end
print(kind("yes"), kind(3.5), kind(nil), kind(true), kind(7))
-- string len, concat
print(#"hello", "a" .. 1 .. 2.0 .. "b")
-- goto loops
do local i = 1 ::top:: if i <= 3 then io.write(i, ";") i = i + 1 goto top end print() end
-- repeat-until with local in condition
local r = 0 repeat local q = r; r = r + 1 until q >= 3 print(r)
-- method calls and self
local obj = {v = 1}
function obj:inc(n) self.v = self.v + (n or 1) return self end
obj:inc():inc(5)
print(obj.v)
-- multiple assignment evaluation order
local a, b = 1, 2
a, b = b, a
print(a, b)
local tt = {}
local i = 1
i, tt[i] = i + 1, 20
print(i, tt[1], tt[2])
-- long method name (long string key in SELF)
local long = {}
long["a_very_long_method_name_that_exceeds_forty_characters_xyz"] = function(self) return "long ok" end
print(long:a_very_long_method_name_that_exceeds_forty_characters_xyz())
-- integer keys normalization
local nk = {}
nk[1.0] = "one"; nk[2] = "two"
print(nk[1], nk[2.0], #nk)
-- next / pairs order for array
local p = {10, 20, 30}
local s2 = 0 for k, v in pairs(p) do s2 = s2 + k * v end print(s2)
