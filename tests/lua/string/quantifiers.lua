-- repetition items: * + - ? on single characters, classes and sets, with backtracking
local function m(s, p, init)
  local r = table.pack(string.find(s, p, init))
  for i = 1, r.n do r[i] = tostring(r[i]) end
  return table.concat(r, ",")
end
local cases = {
  {"aaab", "a*"}, {"aaab", "a+"}, {"aaab", "a-"}, {"aaab", "a?"}, {"aaab", "a-b"}, {"aaab", "a*b"},
  {"b", "a*b"}, {"b", "a+b"}, {"b", "a?b"}, {"b", "a-b"}, {"ab", "a?b"}, {"aab", "a?b"},
  {"xyz", "x*y*z*"}, {"", "a*"}, {"", "a+"}, {"", "a?"}, {"", "a-"}, {"", ".-"},
  {"<a><b>", "<.*>"}, {"<a><b>", "<.->"}, {"<a><b>", "<[^>]*>"}, {"aaa", "a-a"}, {"aaa", "a-$"},
  {"1234abc", "%d+"}, {"1234abc", "%d*%a+"}, {"abc123", "%a-%d"}, {"abc", "[abc]+"}, {"abc", "[^c]*"},
  {"a-b-c", "[%a%-]+"}, {"aaa", "a*a*a*a*a"}, {"aaaa", "(a*)(a+)"}, {"aaaa", "(a-)(a+)"},
  {"aaaa", "(a?)(a?)(a*)"}, {"foo.bar", "^(.-)%.(.*)$"}, {"  x  ", "^%s*(.-)%s*$"}, {"x*", "x%*"},
  {"a.b", "a.b"}, {"axb", "a.b"}, {"a\nb", "a.b"}, {"abc", "a.-c"}, {"abcabc", "a.-c$"},
  {"==", "=+"}, {"-", "-"}, {"a-", "a-"}, {"a--", "a--"}, {"?", "?"}, {"a?", "a??"}, {"*", "*"},
  {"**", "**"}, {"+", "+"}, {"a+", "a++"}, {"abc", "abc?d?"}, {"hello", "l*o"}, {"hello", "[lo]+$"},
  {"x$y", "x$y"}, {"x$", "x%$"}, {"$", "$"}, {"$$", "$$"}, {"^", "^^"}, {"a^", "a^"},
}
for _, c in ipairs(cases) do
  print(string.format("%-10s %-14s", string.format("%q", c[1]), string.format("%q", c[2])), m(c[1], c[2]))
end
