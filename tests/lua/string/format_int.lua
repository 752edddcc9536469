-- string.format integer conversions: %d %i %u %o %x %X %c with flags, width, precision
local values = {0, 1, -1, 42, -42, 255, 65536, math.maxinteger, math.mininteger, 3.0, "17", "0x1F", -0.0}
local specs = {"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.4d", "%-+8.3d|", "%0+6d",
               "%x", "%X", "%#x", "%#X", "%08x", "%#10.6x", "%-#10x|", "%o", "%#o", "%.0d", "%.0x",
               "%u", "%5u", "%-5u|", "%05u", "%.2u"}
for _, spec in ipairs(specs) do
  local row = {}
  for _, v in ipairs(values) do
    row[#row + 1] = string.format(spec, v)
  end
  print(spec, table.concat(row, " "))
end
-- %c
print(string.format("%c%c%c", 76, 117, 97), string.format("[%5c][%-5c]", 65, 66))
print(#string.format("%c", 0), string.format("%c", 0) == "\0", string.format("%c", 256 + 65))
print(string.format("%c", "66"), string.format("%c", 67.0))
-- errors in integer conversions
print(pcall(string.format, "%d", 1.5))
print(pcall(string.format, "%d", "1.5"))
print(pcall(string.format, "%d", "x"))
print(pcall(string.format, "%x", {}))
print(pcall(string.format, "%d", 2^63))
print(pcall(string.format, "%d", -2^63))
print(pcall(string.format, "%c", 1.5))
print(pcall(string.format, "%c"))
print(pcall(string.format, "%d", nil))
print(pcall(string.format, "%i", true))
-- %% and literal text
print(string.format("100%% sure"), string.format("%%d"), string.format("a%%%db", 5))
print(string.format("no conversions"), string.format(""), string.format("%d%d%d", 1, 2, 3))
print(string.format("%5d|%-5d|%05d", -7, -7, -7))
print(string.format("%d", 9007199254740993), string.format("%x", -1), string.format("%o", -1))
print(string.format(12), string.format(1.5), pcall(string.format, {}))
print(string.format("%s %d", "extra", 1, 2, 3))
