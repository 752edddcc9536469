-- tostring/print formatting of numbers ("%.14g" for floats, ".0" suffix).
local vals = {
  0, -0, 0.0, -0.0, 1, -1, 1.0, -1.0, 0.1, 1/3, 2/3, 100.0, 1e15, 1e16, 1e100,
  -1e100, 123456789012345.0, 1234567890123456.0, 2^53, 2^63, -2^63, 2^64, 1e-5,
  1e-300, 5e-324, 3.14159265358979, math.pi, -math.pi, 1/0, -1/0,
  math.maxinteger, math.mininteger, math.maxinteger + 0.0, 255, 0xff, 1e14, 1e-4,
  12345678901234.5, 0.1 + 0.2, 100 / 3, 2^24, 2.5, -2.5, 3.0 * 1e20,
}
for _, v in ipairs(vals) do io.write(tostring(v), "  ") end
print()
-- nan prints as nan or -nan depending on sign; normalise
local nan = 0 / 0
print((tostring(nan):gsub("^%-", "")), (tostring(-nan):gsub("^%-", "")))
print(string.format("%.17g %.3f %5.1f %g %e %a", 0.1, 2/3, 3.14159, 1e20, 12345.678, 1.0))
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil))
print(tostring(1e15), tostring(1e15 + 0.5), 2^31, -(2^31), 1 << 31)
print(#tostring(12345), #tostring(1.5), tostring(-0.0) == "-0.0")
-- integers and floats with the same value are equal but print differently
print(3 == 3.0, tostring(3), tostring(3.0), 3 .. "", 3.0 .. "")
-- tostring of other types (addresses excluded)
print(tostring(nil), tostring(true), tostring(false), tostring("s"))
print(tostring(print):match("^builtin: ") ~= nil, tostring(print):match("^function: ") ~= nil)
print(tostring({}):match("^table: ") ~= nil, tostring(coroutine.create(print)):match("^thread: ") ~= nil)
