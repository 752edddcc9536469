-- String <-> number coercions in arithmetic and concatenation.
local function show(v) return math.type(v) or type(v), tostring(v) end
print(show("10" + 0))
print(show("10" + 0.0))
print(show("0x10" + 0))
print(show(" 10 " + 0))
print(show("1e1" + 0))
print(show("10" * "2"))
print(show("3" / "2"))
print(show("2" ^ "3"))
print(show("-5" // "2"))
print(show("9223372036854775807" + 0))
print(show("9223372036854775808" + 0))
print(show("0x7fffffffffffffff" + 0))
print(show("0xffffffffffffffff" + 0))
print(show(" \t\n0x1p4\n" + 0))
print(show("inf" == nil))
-- concatenation converts numbers
print(1 .. "", 1.0 .. "", -0.0 .. "", 2^63 .. "", 1e100 .. "", 10 // 3 .. "|" .. 10 / 2)
print(math.maxinteger .. "", math.mininteger .. "")
-- tonumber conversions
for _, s in ipairs{"10", "  10  ", "10.5", "1e5", "0x1A", "0x1.8p1", "1 0", "", " ",
                   "abc", "10a", ".5", "5.", "0x", "-0x10", "- 10", "+10", "1e", "nan",
                   "inf", "0b101", "1_000", "١"} do
  print(string.format("%q", s), tonumber(s))
end
print(tonumber("10", 2), tonumber("ff", 16), tonumber("zz", 36), tonumber("8", 8))
print(tonumber(" 11 ", 2), tonumber("7fffffffffffffff", 16), tonumber("ffffffffffffffff", 16))
print(tonumber(10), tonumber(1.5), tonumber(nil), tonumber({}), tonumber(true))
-- strings never equal numbers, and do not compare with numbers
print("10" == 10, "1" ~= 1)
print(pcall(function() return "10" < 20 end))
print(pcall(function() return 1 <= "2" end))
-- errors for non-numeric strings
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return "1" + "x" end))
print(pcall(function() local s = "x"; return s * 2 end))
print(pcall(function() return ("5"):rep(2) + 1 end))
