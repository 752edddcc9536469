-- string.sub and string.byte with every kind of position
local s = "hello"
local out = {}
for i = -7, 7 do
  local row = {}
  for j = -7, 7 do
    row[#row + 1] = string.format("%-5s", s:sub(i, j))
  end
  out[#out + 1] = string.format("%3d ", i) .. table.concat(row, "|")
end
print(table.concat(out, "\n"))
print(s:sub(2), s:sub(-2), s:sub(0), s:sub(10), s:sub(-10))
print(s:sub(math.mininteger, math.maxinteger), s:sub(math.maxinteger), s:sub(3, math.mininteger))
print(s:sub(2.0, 3.0), s:sub("2", "3"))
print(pcall(string.sub, s))
print(pcall(string.sub, s, 1.5))
print(pcall(string.sub, s, 1, "x"))
print(pcall(string.sub))
print(("\0a\0b"):sub(2, 3) == "a\0")
print((""):sub(1, 1) == "")

-- byte
print(s:byte(), s:byte(1), s:byte(-1), s:byte(10), s:byte(0))
print(s:byte(1, -1))
print(s:byte(2, 4))
print(s:byte(-3, -2))
print(s:byte(4, 2))
print(s:byte(-100, 2))
print(s:byte(3, 100))
print(("\0\1\255"):byte(1, 3))
print(select("#", (""):byte()), select("#", (""):byte(1, -1)))
print(select("#", s:byte(math.mininteger, math.maxinteger)))
print(pcall(string.byte, s, 1.5))
print(pcall(string.byte, s, 1, {}))
print(pcall(string.byte))
local big = string.rep("x", 300)
print(select("#", big:byte(1, -1)), big:byte(-1))
