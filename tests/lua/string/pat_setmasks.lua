-- Sets with classes as the first item of a pattern (the search loops test
-- them through a bitmap plus ctype masks): every byte against many sets,
-- through find, gsub and gmatch, on subjects short and long.
local all = {}
for c = 0, 255 do all[#all + 1] = string.char(c) end
local bytes = table.concat(all)

local sets = {
  "[%a]", "[%c\"\\]", "[^%c\"\\]", "[%s%d]", "[^%s%d]", "[%S]", "[^%S]",
  "[%S_]", "[%A%D]", "[%S%W]", "[^%S%W]", "[%w_%-]", "[^%w_]", "[%p%z]",
  "[%Z]", "[%D]", "[^%D]", "[%x%u]", "[%l%g]", "[%q%]]", "[%%a-c]",
  "[a-f%C]", "[^a-f%C]", "[%G]", "[%L%U]", "[%c%P]", "[%.%z]", "[]%a]",
  "[^]%l]", "[%d-z]", "[ \n\r\t]", "[^ \n\r\t]",
}

local function digest(s)
  local h = 0
  for i = 1, #s do h = (h * 31 + s:byte(i)) % 1000000007 end
  return h
end

for _, set in ipairs(sets) do
  -- gsub over every byte at once (a long subject) and in short pieces
  local long, n1 = bytes:gsub(set, "#")
  local pieces, n2 = {}, 0
  for i = 1, 256, 3 do
    local r, k = bytes:sub(i, i + 2):gsub(set, "#")
    pieces[#pieces + 1] = r
    n2 = n2 + k
  end
  local short = table.concat(pieces)
  -- find from every 17th position, and the members found by gmatch
  local found = {}
  for i = 1, 256, 17 do
    found[#found + 1] = tostring(bytes:find(set .. "+", i))
  end
  local members = {}
  for m in bytes:gmatch(set) do members[#members + 1] = m:byte() end
  print(set, n1, n2, long == short, digest(long),
        table.concat(found, ","), #members, digest(table.concat(members, ".")))
end

-- a frontier with a class set
print(("THE (quick) fox"):find("%f[%a]%a+", 5))
print(("hello world from lua"):gsub("%f[%w]%w+", string.upper))
print(("x1 y22 z333"):gsub("%f[%S]%S+", "<%0>"))
-- errors still come from the matcher
print(pcall(string.find, "abc", "[%a"))
print(pcall(string.gsub, "abc", "[%"))
print(pcall(string.find, string.rep("a", 300), "[%a%"))
