-- utf8.codepoint: ranges, negative positions, strict and lax decoding, errors
local s = "aé€😀z"
print(utf8.codepoint(s))
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 2), utf8.codepoint(s, 4), utf8.codepoint(s, 7), utf8.codepoint(s, -1))
print(utf8.codepoint(s, 2, 4))
print(select("#", utf8.codepoint(s, 3, 2)), select("#", utf8.codepoint("", 1, 0)))
print(pcall(utf8.codepoint, s, 3))
print(pcall(utf8.codepoint, s, 0))
print(pcall(utf8.codepoint, s, 1, 100))
print(pcall(utf8.codepoint, s, -100))
print(pcall(utf8.codepoint, "", 1))
print(pcall(utf8.codepoint, s, 1.5))
print(pcall(utf8.codepoint))
print(utf8.codepoint("abc", -2, -1), utf8.codepoint(123, 1, -1))
-- strict rejects surrogates and code points above 10FFFF; lax accepts them
local cases = {"\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF7\xBF\xBF\xBF",
               "\xF8\x88\x80\x80\x80", "\xFB\xBF\xBF\xBF\xBF", "\xFC\x84\x80\x80\x80\x80", "\xFD\xBF\xBF\xBF\xBF\xBF",
               "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF",
               "\xF8\x80\x80\x80\x80", "\xFC\x80\x80\x80\x80\x80", "\xFE\x80\x80\x80\x80\x80\x80", "\xFF",
               "\x80", "\xBF", "\xC2", "\xE2\x82", "\xC2\x41", "\xE2\x28\xA1", "\xEF\xBF\xBF", "\xEF\xBF\xBE"}
for _, c in ipairs(cases) do
  local hex = c:gsub(".", function(x) return string.format("%02X", x:byte()) end)
  print(hex, pcall(utf8.codepoint, c, 1, -1), pcall(utf8.codepoint, c, 1, -1, true))
end
