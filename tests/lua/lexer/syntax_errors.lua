-- Messages of the lexer and parser for malformed chunks, via load().
local cases = {
  "x = = 1", "x = 1 +", "local 1 = 2", "return return", "x = }", "f(",
  "x = 'abc", "x = \"abc\ndef\"", "x = 3x", "x = 0x", "local function 1() end",
  "if x then", "if x y", "while true", "for i = 1 do end", "for i = 1, 2 end",
  "for i in do end", "for 1 = 1, 2 do end", "function f( end", "function f(a,) end",
  "function f(..., a) end", "local t = {1 2}", "local t = {x = }", "x.1 = 2",
  "x:y = 1", "a, b", "a + 1", "(a) = 1", "a() = 1", "local a <foo> = 1",
  "local a <const>", "return 1,", "break", "goto", "goto 1", "::a", ":: a ::: ",
  "repeat x = 1", "do", "end", "else", "until x", "x = function", "@", "$x = 1",
  "x = #", "x = 1 .. ", "return ...", "function f() return ... end",
  "local x = y z", "f() g() h", "x = \1", "x = \127", "x = '\\300'", "a.b:c = 1",
  "local function f() end f() = 1", "return (...)", "elseif", "x = [[", "--[[",
  "x = {[1] 2}", "return not", "return 1 2", "local", "local function", "function",
  "function a.b:c.d() end", "x = a.", "x = a:", "x = a:b", "return a.b.c:",
  "if x then else elseif y then end", "return 'a' 'b'", "f{}{}\"\" 1",
}
for _, src in ipairs(cases) do
  local f, err = load(src)
  local shown = string.format("%q", src):gsub("\\\n", "\\n")
  print(shown .. " -> " .. tostring(err))
end
-- chunk names shown in messages
print(load("x =", "=mychunk"))
print(load("x =", "@file.lua"))
print(load("x =", "a long source name that goes on and on and on and on and on and on"))
print(load("x =\ny = 2", "multi\nline"))
print(load("\n\n\nx = = 1"))
