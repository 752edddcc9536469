-- Every escape sequence in short strings, shown as byte lists.
local function bytes(s)
  local t = {}
  for i = 1, #s do t[i] = s:byte(i) end
  return "<" .. table.concat(t, ",") .. ">"
end
print(bytes("\a\b\f\n\r\t\v\\\"\'"))
print(bytes('\'"'), bytes("'\""))
print(bytes("a\
b"))
print(bytes("\z
      x\z  y"))
print(bytes("\x00\x41\xff\xFf\x7a"))
print(bytes("\0\00\000\65\065\0651\255\1\12\123"))
print(bytes("\u{0}\u{41}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"))
print(bytes("\u{110000}\u{1FFFFF}\u{200000}\u{3FFFFFF}\u{4000000}\u{7FFFFFFF}"))
print(bytes("\u{000000041}"))
-- a backslash-newline in the source of a load()ed chunk, with \r\n
print(bytes(load("return 'a\\\r\nb'")()))
print(bytes(load("return 'a\\\n\rb'")()))
print(bytes(load("return 'a\\\rb'")()))
print(bytes(load("return 'a\\z\r\n\r\n  b'")()))
-- errors
local bad = {
  [[return "\q"]], [[return "\x4"]], [[return "\xg0"]], [[return "\256"]],
  [[return "\999"]], [[return "\u{80000000}"]], [[return "\u41"]],
  [[return "\u{41"]], [[return "\u{}"]], [[return "\u{zz}"]],
  [[return "abc]], "return 'abc\ndef'", [[return "\]], "return 'x\\",
  [[return "\u{FFFFFFFFFFFF}"]], [[return '\x']], [[return "\300"]],
}
for _, src in ipairs(bad) do
  local f, err = load(src)
  print(f, err)
end
