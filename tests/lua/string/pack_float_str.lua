-- string.pack/unpack of floats and strings: f d n, z, s[n], c[n]
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 0.1, 1/3, 1e300, 2^-1074, 1/0, -1/0, 3, "2.5"} do
  local f, d, n = string.pack("<f", v), string.pack("<d", v), string.pack("<n", v)
  print(v, hex(f), hex(d), hex(n), string.unpack("<f", f), string.unpack("<d", d), string.unpack("<n", n))
end
print(hex(string.pack(">f", 1.5)), hex(string.pack(">d", 1.5)), hex(string.pack(">n", -2)))
print(string.unpack(">d", string.pack(">d", math.pi)) == math.pi, string.unpack("<f", string.pack("<f", 0.1)) == 0.1)
local nan = string.unpack("<d", string.pack("<d", 0/0))
print(nan ~= nan, math.type(string.unpack("<d", string.pack("<d", 3))))
print(pcall(string.pack, "f", "x"), pcall(string.pack, "d"), pcall(string.pack, "n", {}))
print(string.packsize("f"), string.packsize("d"), string.packsize("n"), string.packsize("fdn"))
-- zero-terminated strings
print(hex(string.pack("z", "abc")), hex(string.pack("zz", "", "x")), string.unpack("z", "abc\0def\0"))
print(string.unpack("zz", "abc\0def\0"))
print(pcall(string.pack, "z", "a\0b"))
print(pcall(string.unpack, "z", "abc"))
print(pcall(string.unpack, "z", ""))
print(pcall(string.packsize, "z"))
-- length-prefixed strings
print(hex(string.pack("<s1", "abc")), hex(string.pack(">s2", "abc")), hex(string.pack("<s", "ab")))
print(string.unpack("<s1", "\3abcdef"), string.unpack("<s1", "\0xyz"))
print(pcall(string.unpack, "<s1", "\5abc"))
print(pcall(string.unpack, "<s4", "\1\0\0"))
print(pcall(string.pack, "s1", string.rep("x", 256)))
print(#string.pack("s1", string.rep("x", 255)), #string.pack("s2", string.rep("x", 300)))
print(hex(string.pack("<s16", "a")))
print(pcall(string.packsize, "s"))
print(pcall(string.packsize, "s4"))
print(pcall(string.pack, "s17", "x"))
-- fixed-size strings
print(hex(string.pack("c5", "ab")), hex(string.pack("c2", "ab")), hex(string.pack("c0", "")))
print(string.unpack("c3c2", "abcdef"), string.unpack("c0", "x"))
print(pcall(string.pack, "c2", "abc"))
print(pcall(string.pack, "c", "abc"))
print(pcall(string.unpack, "c4", "abc"))
print(string.packsize("c10"), string.packsize("c0"), string.packsize("c1c2c3"))
print(pcall(string.pack, "c1", 5), string.pack("c2", 5))
-- mixed records round-trip
local fmt = "<i4 z d s2 B c3"
local data = string.pack(fmt, -5, "name", 2.75, "payload", 200, "xyz")
print(#data, hex(data))
print(string.unpack(fmt, data))
