-- tonumber with and without a base.

local cases = {
  "10", "  10  ", "0x10", "0X1p4", "1e2", " -7 ", "- 7", "1 2", "", " ",
  "0x", "1e", ".5", "5.", "inf", "nan", "0x.8", "10\0", "\t\n12\v\f\r",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808",
  "0xffffffffffffffff", "1" .. string.rep("0", 30),
}
for _, s in ipairs(cases) do
  print(string.format("%q", s), tonumber(s), math.type(tonumber(s)))
end

print(tonumber(10), tonumber(1.5), tonumber(-0.0))
print(tonumber(nil), tonumber(true), tonumber({}))
print(pcall(tonumber))

-- with a base
print(tonumber("ff", 16), tonumber("FF", 16), tonumber("zz", 36), tonumber("ZZ", 36))
print(tonumber("777", 8), tonumber("8", 8), tonumber("101", 2), tonumber("102", 2))
print(tonumber("  11  ", 2), tonumber("-11", 2), tonumber("+11", 2), tonumber("- 11", 2))
print(tonumber("", 10), tonumber(" ", 10), tonumber("1.5", 10), tonumber("0x10", 16))
print(tonumber("10", 36), tonumber("7fffffffffffffff", 16), tonumber("ffffffffffffffff", 16))
print(tonumber("1" .. string.rep("0", 20), 10))
print(tonumber("1\0", 10))
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(pcall(tonumber, "10", 0))
print(pcall(tonumber, 10, 10))
print(pcall(tonumber, "10", "x"))
print(pcall(tonumber, "10", 2.5))
print(pcall(tonumber, nil, 10))
print(tonumber("10", 16.0))
print(tonumber("10", nil))
