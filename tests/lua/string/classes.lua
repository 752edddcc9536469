-- pattern character classes and sets, checked over all 256 bytes
local all = {}
for b = 0, 255 do all[#all + 1] = string.char(b) end
all = table.concat(all)
local function members(pattern)
  local bytes = {}
  for c in all:gmatch(pattern) do bytes[#bytes + 1] = c:byte() end
  -- compress into ranges
  local out, i = {}, 1
  while i <= #bytes do
    local j = i
    while j < #bytes and bytes[j + 1] == bytes[j] + 1 do j = j + 1 end
    out[#out + 1] = (i == j) and tostring(bytes[i]) or (bytes[i] .. "-" .. bytes[j])
    i = j + 1
  end
  return #bytes .. ": " .. table.concat(out, ",")
end
for _, cls in ipairs{"a", "c", "d", "g", "l", "p", "s", "u", "w", "x", "z"} do
  print("%" .. cls, members("%" .. cls))
  print("%" .. cls:upper(), members("%" .. cls:upper()))
end
for _, pat in ipairs{".", "[abc]", "[^abc]", "[a-f]", "[^a-f]", "[%a_]", "[^%s%d]", "[a-]", "[-a]",
                     "[]]", "[^]]", "[]a]", "[%]]", "[%-]", "[a%-z]", "[z-a]", "[%w_%-]", "[\0-\31]",
                     "[\200-\255]", "[%%]", "[.]", "[%.]", "[^%z]", "[%A%d]", "[a-a]", "[---]", "[!-/]",
                     "%%", "%.", "%[", "%]", "%(", "%^", "%$", "%-", "%*", "%+", "%?", "[^]", "%\200", "%_"} do
  local ok, res = pcall(members, pat)
  print(pat, ok and res or ("error: " .. res))
end
