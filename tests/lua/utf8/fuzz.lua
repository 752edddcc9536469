-- differential fuzz of the utf8 library: seeded random byte strings and positions
local seed = 31337
math.randomseed(seed)
local bytes = {0x41, 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xF8, 0xFC, 0xFD, 0xFE, 0xFF, 0xA0, 0x90, 0x8F}
local function fmt(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  return table.concat(t, ",")
end
for i = 1, 500 do
  local t = {}
  for j = 1, math.random(0, 8) do t[j] = string.char(bytes[math.random(#bytes)]) end
  local s = table.concat(t)
  local a, b = math.random(-10, 10), math.random(-10, 10)
  local lax = math.random() < 0.5
  local hex = s:gsub(".", function(c) return string.format("%02X", c:byte()) end)
  local codes = {}
  local okc, errc = pcall(function() for p, c in utf8.codes(s, lax) do codes[#codes + 1] = p .. ":" .. c end end)
  print(i, hex, a, b, lax,
    fmt(pcall(utf8.len, s, a, b, lax)),
    fmt(pcall(utf8.codepoint, s, a, b, lax)),
    fmt(pcall(utf8.offset, s, a, b)),
    fmt(pcall(utf8.offset, s, a)),
    okc, errc, table.concat(codes, " "))
end
