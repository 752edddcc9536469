-- differential fuzz of string.format: seeded random specifications and values
local seed = 777
math.randomseed(seed)
local flags = {"", "-", "+", " ", "#", "0"}
local convs = {"d", "i", "u", "c", "x", "X", "o", "e", "E", "f", "F", "g", "G", "a", "A", "s", "q", "p", "%", "y", ""}
local values = {0, 1, -1, 255, 65, math.maxinteger, math.mininteger, 0.0, -0.0, 1.5, -2.75, 1e300, 1e-300, 1/0, -1/0, 0/0,
                "abc", "", "a\0b", "12", "0x10", true, nil, 3.0, 2^63, 123456.789}
local function pick(t) return t[math.random(#t)] end
for i = 1, 1500 do
  local spec = "%"
  for _ = 1, math.random(0, 3) do spec = spec .. pick(flags) end
  if math.random() < 0.6 then spec = spec .. math.random(0, 120) end
  if math.random() < 0.5 then spec = spec .. "." .. (math.random() < 0.8 and math.random(0, 120) or "") end
  spec = spec .. pick(convs)
  local v = values[math.random(#values + 1)]
  local ok, r = pcall(string.format, spec, v)
  if ok and spec:sub(-1) == "p" then r = r:gsub("0x%x+", "ADDR") end
  print(i, spec, ok, ok and string.format("%q", r) or r)
end
