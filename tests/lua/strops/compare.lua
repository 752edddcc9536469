-- String comparison: byte order (C locale), embedded zeros, prefixes,
-- equality of long and short strings.
local words = {"b", "a", "B", "A", "ab", "aB", "Ab", "", " ", "a b", "a\0", "a\0\0",
               "\0", "z", "Z", "0", "9", "10", "~", "\127", "\128", "\255", "aa", "a"}
table.sort(words)
local shown = {}
for i, w in ipairs(words) do shown[i] = string.format("%q", w):gsub("\n", "n") end
print(table.concat(shown, " "))
local function cmp(a, b)
  return (a < b and "<" or "") .. (a <= b and "<=" or "") .. (a == b and "==" or "") ..
         (a > b and ">" or "") .. (a >= b and ">=" or "")
end
print(cmp("a", "b"), cmp("b", "a"), cmp("a", "a"), cmp("", ""), cmp("a\0b", "a\0c"),
      cmp("a", "a\0"), cmp("abc", "abd"), cmp("abc", "ab"), cmp("\255", "\0"))
-- long strings compare by content
local l1 = string.rep("x", 100) .. "a"
local l2 = string.rep("x", 100) .. "b"
local l3 = string.rep("x", 50) .. string.rep("x", 50) .. "a"
print(cmp(l1, l2), cmp(l1, l3), l1 == l3, rawequal(l1, l3))
-- strings and numbers are never equal
print("1" == 1, "1.0" == 1.0, "" == nil)
-- comparison of strings differing after an embedded zero
local p, q = "same\0x", "same\0y"
print(p < q, p == q, #p)
