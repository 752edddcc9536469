-- gsub: Lua patterns over generated text: gsub with string, function and
-- table replacements and captures, find with anchors and plain search,
-- match with several captures, gmatch over words and key=value pairs,
-- balanced %b() and frontier %f[] items, character classes and sets.
-- compat: 5.1
-- quick-size: 20
-- iter-size: 200
local n = tonumber(arg and arg[1]) or 7000

local words = { "lorem", "ipsum", "dolor", "sit", "amet", "consectetur",
                "adipiscing", "elit", "sed", "do", "eiusmod", "tempor" }

-- One paragraph: words, numbers, key=value pairs, parenthesised groups.
local function paragraph(seed)
  local parts = {}
  for i = 1, 40 do
    local w = words[(seed + i * 7) % #words + 1]
    local k = (seed * 3 + i) % 9
    if k == 0 then
      parts[#parts + 1] = w .. "=" .. ((seed + i) % 1000)
    elseif k == 1 then
      parts[#parts + 1] = "(" .. w .. " (" .. i .. "))"
    elseif k == 2 then
      parts[#parts + 1] = w:upper() .. ","
    else
      parts[#parts + 1] = w
    end
  end
  return table.concat(parts, " ") .. ".\n"
end

local caps = { lorem = "LOREM", dolor = "pain", sed = false }
local checksum, count = 0, 0
local function add(s)
  checksum = (checksum * 33 + #s) % 1000000007
end

for round = 1, n do
  local text = paragraph(round)
  local a, c1 = text:gsub("(%w+)=(%d+)", "%2:%1")
  local b, c2 = text:gsub("%a+", caps)
  local c, c3 = text:gsub("%d+", function(d) return tostring(#d * 2) end)
  local d, c4 = text:gsub("%b()", "<>")
  local e, c5 = text:gsub("%f[%a]%u+", string.lower)
  local f, c6 = text:gsub("^(%a+)%s+(%a+)", "%2 %1", 1)
  local g, c7 = text:gsub("%s+", " ")
  add(a); add(b); add(c); add(d); add(e); add(f); add(g)
  count = count + c1 + c2 + c3 + c4 + c5 + c6 + c7
  for key, value in text:gmatch("(%a+)=(%d+)") do
    count = count + #key + tonumber(value) % 7
  end
  for word in text:gmatch("%a+") do
    if word:find("^[aeiou]") then count = count + 1 end
  end
  local s, e2 = text:find("dolor", 1, true)
  if s then count = count + s + e2 end
  local first, rest = text:match("^(%S+)%s(.-)%.%s*$")
  if first then add(first); add(rest) end
  local lazy = text:match("%((.-)%)")
  if lazy then add(lazy) end
  if text:find("[%(%)][^%w%s]") then count = count + 1 end
end
print(string.format("gsub(%d) = %d %d", n, count, checksum))
