-- Searches that skip positions: after a failed attempt at s, a pattern
-- whose first item is "c+" skips the rest of c's run from s (unless the
-- pattern has a back-reference); %b starts with its opening byte; a
-- frontier's search looks for "before out of the set, here in it".
-- Each case runs through find, match, gmatch and gsub.
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  return table.concat(t, ",")
end
local function all(s, p)
  local r = {}
  r[#r + 1] = "find=" .. show(s:find(p))
  r[#r + 1] = "find5=" .. show(s:find(p, 5))
  r[#r + 1] = "match=" .. show(s:match(p))
  local g = {}
  for a, b in s:gmatch(p) do g[#g + 1] = show(a, b) end
  r[#r + 1] = "gmatch=" .. table.concat(g, ";")
  r[#r + 1] = "gsub=" .. show(s:gsub(p, "<%0>"))
  r[#r + 1] = "gsub2=" .. show(s:gsub(p, "<%0>", 2))
  print(string.format("%q %q %s", s, p, table.concat(r, " ")))
end
local subjects = {
  "lorem=12 ipsum dolor=x sit=345 amet",
  "aaa=1 aa=22 a=333 =4 b=",
  "abcabc abcabcd abc1abc",
  "x(a(b)c)d (e) ((f) (g)",
  "THE Quick bROWN fox JUMPS",
  "  spaces   and\ttabs\n",
  "",
  "a",
  "=====",
  "123abc456def",
}
local patterns = {
  "(%w+)=(%d+)", "%a+=", "%a+%d", "%w+=%d+", "(%a+)(%a)%2", "(%a+)=%1",
  "%a+$", "%d+%a+", "[%a=]+%d", "[abc]+d", "[^ ]+=", ".+=", "a+b", "(a+)b",
  "()%a+()=", "%s+%a", "%S+%s", "%u+%l", "%f[%a]%a+", "%f[%u]%u+%f[%A]",
  "%f[%w]%w+=", "%f[%s]", "%f[^%s]%S", "%b()", "%b()%s", "%b)(", "%b((", "%bab",
  "x*=", "%d-=", "a?=", "[%d]+[^%d]", "%x+g",
}
for _, s in ipairs(subjects) do
  for _, p in ipairs(patterns) do all(s, p) end
end
-- a long subject, where sets are tabulated as bitmaps
local long = string.rep("word=12 WORD other (x(y)z) ", 20)
for _, p in ipairs({"(%w+)=(%d+)", "%f[%a]%u+", "%b()", "[%a]+%d", "[wo]+r", "%f[%l]%l+%s%u"}) do
  local n, c = long:gsub(p, "#")
  print(p, #n, c, long:find(p, 100))
end
-- a replacement function that changes nothing and one that runs between steps
local count = 0
local r = ("aa=1 bb=2 cc"):gsub("(%a+)=(%d)", function(k, v) count = count + 1 end)
print(r, count)
for k, v in ("k1=v1,k2=,=v3,k4=v4"):gmatch("(%w+)=(%w+)") do io.write(k, ":", v, " ") end
print()
-- errors still come from the matcher
print(pcall(string.gsub, "abc", "%b", ""))
print(pcall(string.gsub, "abc", "%ba", ""))
print(pcall(string.find, "abc", "%f"))
print(pcall(string.find, "abc", "%fa"))
print(pcall(string.find, "abc", "%f[a"))
print(pcall(string.gsub, "aaa=", "(a+)=%2", ""))
