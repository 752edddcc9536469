-- utf8.char and utf8.charpattern
local function hex(s) return (s:gsub(".", function(c) return string.format("%02X", c:byte()) end)) end
for _, cp in ipairs{0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 0x1FFFFF,
                    0x200000, 0x3FFFFFF, 0x4000000, 0x7FFFFFFF, 0xD800, 0xDFFF} do
  print(string.format("%X", cp), hex(utf8.char(cp)))
end
print(utf8.char(), utf8.char(72, 0x20AC, 0x1F600, 33), #utf8.char(0x1F600))
print(utf8.char(72.0, "101", 0x6C, 0x6C, 0x6F))
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, math.maxinteger))
print(pcall(utf8.char, 65, -1))
print(pcall(utf8.char, 1.5))
print(pcall(utf8.char, "x"))
print(pcall(utf8.char, nil))
print(pcall(utf8.char, 65, nil))
print(hex(utf8.charpattern), #utf8.charpattern)
local s = "aé€😀" .. utf8.char(0x7FFFFFFF)
local parts = {}
for c in s:gmatch(utf8.charpattern) do parts[#parts + 1] = hex(c) end
print(table.concat(parts, " "))
parts = {}
for c in ("\xC0\x80x\xFF\x80"):gmatch(utf8.charpattern) do parts[#parts + 1] = hex(c) end
print(table.concat(parts, " "))
local keys = {}
for k, v in pairs(utf8) do keys[#keys + 1] = k .. ":" .. type(v) end
table.sort(keys)
print(table.concat(keys, " "))
