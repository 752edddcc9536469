-- differential fuzz of string.pack/packsize/unpack: seeded random formats and values
local seed = 4242
math.randomseed(seed)
local opts = {"b", "B", "h", "H", "i", "I", "l", "L", "j", "J", "T", "f", "d", "n", "z", "x", "s", "s1", "s2", "c3", "c0",
              "i3", "I5", "i9", "I16", "<", ">", "=", "!", "!2", "!4", "!8", "!16", "Xi4", "Xd", "X", "Xc", " ", "i17", "!3", "c", "y"}
local values = {0, 1, -1, 127, 128, 255, 256, -129, 65535, 1 << 31, math.maxinteger, math.mininteger, 1.5, -0.0, 1/0, 0/0, "ab", "", "x\0y", "hello", 3.0}
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function fmt(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    if v ~= v then t[i] = "nan" elseif type(v) == "string" then t[i] = hex(v) else t[i] = tostring(v) end
  end
  return table.concat(t, ",")
end
for i = 1, 600 do
  local f = {}
  for j = 1, math.random(1, 5) do f[j] = opts[math.random(#opts)] end
  f = table.concat(f)
  local args = {}
  for j = 1, math.random(0, 5) do args[j] = values[math.random(#values)] end
  local ok, packed = pcall(string.pack, f, table.unpack(args))
  local line = {i, f, fmt(pcall(string.packsize, f)), ok and hex(packed) or packed}
  if ok then
    line[#line + 1] = fmt(pcall(string.unpack, f, packed))
    line[#line + 1] = fmt(pcall(string.unpack, f, packed, 2))
  end
  print(table.concat(line, " | "))
end
