-- %b balances, %f frontiers, back-references, position captures, nested captures
local function m(s, p, init)
  local r = table.pack(string.find(s, p, init))
  for i = 1, r.n do r[i] = tostring(r[i]) end
  return table.concat(r, ",")
end
local cases = {
  -- %b
  {"f(a(b)c)d", "%b()"}, {"(()", "%b()"}, {"x)(", "%b()"}, {"[[x]]", "%b[]"}, {"if x then y end", "%bie"},
  {"((a)", "%b()"}, {"aXbXc", "%bXX"}, {"\"quoted\" text", "%b\"\""}, {"(a)(b)", "(%b())(%b())"},
  {"{ {} }", "^%b{}$"}, {"no parens", "%b()"}, {"((((x))))", "%b()"}, {"a)b(c", "%b)("},
  -- %f
  {"THE (quick) fox", "%f[%a]%a+"}, {"hello world", "%f[%w]%w+$"}, {"AAbbCC", "%f[%l]"}, {"abc", "%f[%a]"},
  {"abc", "%f[%A]"}, {"abc", "%f[^%a]"}, {"x1y22z", "%f[%d]%d+"}, {"a\0b", "%f[%z]"}, {"", "%f[%z]"},
  {"", "%f[^%z]"}, {"word", "%f[%w]word%f[%W]"}, {"swords", "%f[%w]word%f[%W]"}, {"a.b", "%f[.]"},
  -- back-references
  {"abcabc", "(abc)%1"}, {"hello", "(l)%1"}, {"xyzzy", "(.)%1"}, {"'quote' here", "(['\"])(.-)%1"},
  {"\"mixed'", "(['\"])(.-)%1"}, {"aa bb cc", "(%a)%1 (%a)%2"}, {"abab", "(a)(b)%1%2"}, {"aaa", "(a*)%1"},
  {"x==x", "(%w+)==%1"}, {"x==y", "(%w+)==%1"}, {"abcab", "((a)b)c%1"}, {"aab", "(a)%1?b"},
  -- position captures
  {"hello", "()ll()"}, {"hello", "()"}, {"hello", "()$"}, {"", "()"}, {"abc", "a()b()c()"},
  {"abc", "(()b())"}, {"aaa", "()a+()"},
  -- nesting
  {"abcd", "((a)(b)((c)(d)))"}, {"key=val", "((%w+)=(%w+))"}, {"x", "(((((((((((x)))))))))))"},
}
for _, c in ipairs(cases) do
  print(string.format("%-18s %-22s", string.format("%q", c[1]), string.format("%q", c[2])), m(c[1], c[2]))
end
-- a back-reference to a position capture never matches
print(string.find("aa1", "()a%1"), string.find("abc", "()%1"))
-- frontier at both ends of the subject uses '\0' outside it
print(string.find("abc", "%f[%z]"), string.find("abc", "c%f[%z]"), string.find("abc", "%f[a]"))
for w in string.gmatch("THE (quick) brown, fox-jumps", "%f[%a]%a+%f[%A]") do io.write(w, ";") end
print()
