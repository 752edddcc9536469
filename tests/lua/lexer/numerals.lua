-- Numeric literals: integers, floats, hex, hex floats, overflow rules.
local function show(src)
  local v = load("return " .. src)()
  print(src, math.type(v), string.format("%.17g", v), v)
end
for _, s in ipairs{
  "0", "3", "345", "0xff", "0XBEBADA", "0x0", "00012", "1e2", "1E2", "1e-2",
  "3.0", "3.1416", "314.16e-2", "0.31416E1", "34e1", ".5", "5.", "3.e2", ".3e-2",
  "0x0.1E", "0xA23p-4", "0X1.921FB54442D18P+1", "0x.8", "0x8.", "0x1p4", "0x1P-2",
  "0xa.8p1", "1e308", "1e309", "2e-324", "4.9e-324",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808",
  "18446744073709551615", "1000000000000000000000",
  "0x7fffffffffffffff", "0xffffffffffffffff", "0x10000000000000000",
  "0x1ffffffffffffffff", "0xffffffffffffffffff", "0x8000000000000000",
} do show(s) end
print(math.mininteger == -9223372036854775808 // 1)
print(math.type(-9223372036854775808), math.type(- 9223372036854775807 - 1))
-- malformed numbers
for _, s in ipairs{"3x", "3..2", "0x", "0xg", "1e", "1e+", "3.4.5", "0x1p", "08x",
                   "1.5e2x", "0x1.2.3", "1__2", "12a", "3e3e3", "0xep1e", ".e2"} do
  print(s, load("return " .. s))
end
-- a number followed by '..' needs a space
print(load("return 1..2"))
print(load("return 1 ..2")())
