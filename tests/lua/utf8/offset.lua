-- utf8.offset: n-th character positions from the start, the end or a given byte
local s = "aé€😀z"   -- bytes: a=1 é=2-3 €=4-6 😀=7-10 z=11
for n = -7, 7 do
  io.write(n, "=", tostring(utf8.offset(s, n)), " ")
end
print()
for i = 1, #s + 1 do
  io.write(i, ":", tostring(utf8.offset(s, 0, i)), " ")
end
print()
print(utf8.offset(s, 1, 4), utf8.offset(s, 2, 4), utf8.offset(s, -1, 4), utf8.offset(s, -1, 12), utf8.offset(s, 1, 12))
print(utf8.offset(s, 3, -1), utf8.offset(s, -2, -1), utf8.offset(s, 1, -1), utf8.offset("", 1), utf8.offset("", -1), utf8.offset("", 0))
print(utf8.offset("abc", 5), utf8.offset("abc", 4), utf8.offset("abc", -3), utf8.offset("abc", -4))
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.offset, s, -1, 5))
print(pcall(utf8.offset, s, 1, 0))
print(pcall(utf8.offset, s, 1, 13))
print(pcall(utf8.offset, s, 1, -100))
print(pcall(utf8.offset, s))
print(pcall(utf8.offset, s, 1.5))
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 10), utf8.offset("\x80\x80", 0, 2))
print(utf8.offset("\x80\x80a", 1, 3), utf8.offset("a\x80\x80", 2), pcall(utf8.offset, "\x80", 1))
