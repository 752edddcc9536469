-- differential fuzz of the pattern matcher: seeded random patterns and subjects through find/match/gsub/gmatch
local seed = 20240611
math.randomseed(seed)
local atoms = {"a", "b", ".", "%a", "%d", "%s", "%w", "[ab]", "[^a]", "[a-c]", "%b()", "%f[%a]", "(", ")", "()",
               "%1", "%2", "*", "+", "-", "?", "^", "$", "%", "[", "]", "x", "%%", "%z", "[%d%s]", "%A"}
local chars = {"a", "b", "c", "(", ")", " ", "1", "2", "x", "\0", "%", "-"}
local function gen(tbl, n)
  local t = {}
  for i = 1, n do t[i] = tbl[math.random(#tbl)] end
  return table.concat(t)
end
local function fmt(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = type(t[i]) == "string" and string.format("%q", t[i]) or tostring(t[i]) end
  return table.concat(t, ",")
end
for i = 1, 700 do
  local p = gen(atoms, math.random(0, 6))
  local s = gen(chars, math.random(0, 12))
  local init = math.random(-3, 5)
  print(i, fmt(p), fmt(s), init,
    fmt(pcall(string.find, s, p, init)),
    fmt(pcall(string.match, s, p)),
    fmt(pcall(string.gsub, s, p, "<%0>")),
    fmt(pcall(string.gsub, s, p, "%1", 2)))
  local ok, it = pcall(string.gmatch, s, p)
  if ok then
    local r = {}
    local ok2, err = pcall(function() for a, b in it do r[#r+1] = fmt(a, b) if #r > 20 then break end end end)
    print("  gm", ok2, err, table.concat(r, ";"))
  end
end
