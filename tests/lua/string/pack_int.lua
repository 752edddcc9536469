-- string.pack/unpack of integers: every size, endianness, signedness, overflow checks
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
for _, fmt in ipairs{"b", "B", "h", "H", "i", "I", "l", "L", "j", "J", "T",
                     "i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9", "i12", "i16",
                     "I1", "I2", "I3", "I7", "I8", "I9", "I16"} do
  local row = {}
  for _, v in ipairs{0, 1, -1, 127, -128, 255, 0x1234, -0x8000, 0x7fffffff} do
    local ok, packed = pcall(string.pack, "<" .. fmt, v)
    if ok then
      local back = string.unpack("<" .. fmt, packed)
      row[#row + 1] = hex(packed) .. "=" .. back
    else
      row[#row + 1] = "ERR"
    end
  end
  print(fmt, string.packsize(fmt), table.concat(row, " "))
end
-- big endian and native
print(hex(string.pack(">i4", 0x01020304)), hex(string.pack("<i4", 0x01020304)), hex(string.pack("=i4", 1)))
print(hex(string.pack(">j", math.mininteger)), hex(string.pack("<J", -1)), hex(string.pack(">I3", 0xabcdef)))
print(string.unpack(">i2", "\xff\xfe"), string.unpack("<i2", "\xff\xfe"), string.unpack(">I2", "\xff\xfe"))
print(string.unpack("<i3", "\x00\x00\x80"), string.unpack("<I3", "\x00\x00\x80"))
print(hex(string.pack("<i16", -2)), hex(string.pack(">i16", -2)), hex(string.pack("<I16", 5)))
print(string.unpack("<i16", string.pack("<i16", math.mininteger)), string.unpack("<i16", string.pack("<i16", math.maxinteger)))
print(string.unpack("<I9", "\xff\xff\xff\xff\xff\xff\xff\xff\x00"), string.unpack("<i9", "\xff\xff\xff\xff\xff\xff\xff\xff\xff"))
print(pcall(string.unpack, "<i9", "\xff\xff\xff\xff\xff\xff\xff\x7f\xff"))
print(pcall(string.unpack, "<I9", "\x00\x00\x00\x00\x00\x00\x00\x00\x01"))
print(pcall(string.unpack, ">i16", "\1" .. string.rep("\0", 15)))
print(pcall(string.unpack, "<i12", string.rep("\0", 8) .. "\0\0\0\1"))
print(string.unpack("<i12", string.rep("\255", 12)))
-- overflow checks when packing
local function try(...) print(pcall(string.pack, ...)) end
try("b", 128) try("b", -129) try("B", 256) try("B", -1) try("h", 32768) try("H", 65536)
try("i3", 0x800000) try("i3", -0x800001) try("I3", 0x1000000) try("i1", 127) try("I1", 255)
try("i7", 1 << 55) try("I7", 1 << 56) try("i8", math.mininteger) try("I8", -1) try("j", 1.5)
try("i", "12") try("i", "x") try("i", 2^63) try("i") try("B", 0)
-- sizes out of limits
try("i0", 1) try("i17", 1) try("I100", 1) try("i99999999999", 1) try("!17", 1) try("!0", 1)
-- unsigned values above maxinteger come back negative
print(string.unpack("<J", string.pack("<J", -1)), string.unpack("<I8", "\0\0\0\0\0\0\0\x80"))
-- several values and the final position
print(string.unpack("<i1i2i4", string.pack("<i1i2i4", 1, 2, 3)))
print(string.unpack("<bb", "\1\2\3", 2))
print(string.unpack("<b", "\1\2\3", -1))
print(pcall(string.unpack, "<b", "\1\2\3", 4))
print(pcall(string.unpack, "<b", "\1\2\3", 5))
print(pcall(string.unpack, "<b", "\1\2\3", -10))
print(string.unpack("", "abc", 4), pcall(string.unpack, "<i4", "abc"))
print(pcall(string.unpack, "<i4", "abcd", 2))
