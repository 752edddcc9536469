-- Constant expressions that a compiler may fold must keep run-time
-- semantics: signed zeros, NaN, integer wraparound, division by zero
-- (an error at run time, never at compile time), and float/int subtypes.
local rawprint = print
local function print(...)          -- hide NaN's sign bit (see numbers/arith.lua)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = (tostring(t[i]):gsub("%-nan", "nan")) end
  rawprint(table.concat(t, "\t"))
end
print(-0.0, 0.0 * -1, -(0.0), 0 * -1, -0, 1 / -0.0, 1 / (0.0 * -1))
print(0.0 == -0.0, 1 / 0.0, -1 / 0.0, 0 / 0 ~= 0 / 0)
print(9223372036854775807 + 1, -9223372036854775807 - 2, 4611686018427387904 * 2)
print(9223372036854775807 + 1.0, 2^63 == 9223372036854775807 + 1.0)
print(7 // 2, 7.0 // 2, -7 // 2, 7 % -3, 7.5 % 2, -7.5 % 2, 2^2, 10 / 2)
print(1 << 64, 1 << 63, -1 >> 1, 3 & 5, 3 | 5, 3 ~ 5, ~0)
print(math.type(2^31), math.type(1 << 31), math.type(10 // 3), math.type(10 / 5))
print("10" + 0, "0x10" + 0, "1e1" + 0, #"abc" + 1)
print(pcall(load("return 1 // 0")))
print(pcall(load("return 1 % 0")))
print(pcall(load("return 1 << 1.5")))
print(pcall(load("return 2^53 | 0")))
print(pcall(load("return 'a' + 1")))
print(pcall(load("return -{}")))
-- the same expressions through variables (not foldable) agree
local zero, negone, big, one, two, three, five = 0.0, -1, 9223372036854775807, 1, 2, 3, 5
print(zero * negone, big + one, 1 / (zero * negone), three & five, one << 64)
local k <const> = 10
local k2 <const> = k * 2 + 1
print(k2, k2 // 4, k2 / 4, k2 % 4, -k2, ~k2)
-- folding of comparisons and logical operators with constants
print(1 < 2, 2 <= 1, "a" < "b", nil == false, not nil, not 0, 1 and 2, nil or "d")
print(1 == 1.0, 2^53 == 2^53 + 1, math.maxinteger + 0.0 == math.maxinteger)
