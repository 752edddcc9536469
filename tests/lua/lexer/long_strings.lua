-- Long brackets: levels, first newline skipped, nesting of other levels.
local s1 = [[hello]]
local s2 = [[
first newline skipped]]
local s3 = [==[contains ]] and ]=] but ends here]==]
local s4 = [=[
[[nested]] ]]=]
local s5 = [[

two newlines, only the first skipped]]
print(s1) print(s2) print(s3) print(s4) print(s5)
print(#s5, s5:byte(1))
-- escapes are not interpreted in long strings
print([[a\nb\tc\\]])
-- line endings inside long strings become "\n", whatever the source used
for _, src in ipairs{"return [[a\r\nb]]", "return [[a\n\rb]]", "return [[a\rb]]",
                      "return [[a\nb]]", "return [[a\r\n\r\nb]]", "return [[a\n\n\rb]]",
                      "return [[\r\nx]]", "return [[\n\rx]]"} do
  local v = load(src)()
  print(#v, (v:gsub("\n", "\\n")))
end
-- empty and bracket-only contents
print("[" .. [[]] .. "]", "[" .. [==[]==] .. "]", [[]])
-- long comments
--[[ a long
comment ]] print("after long comment")
--[==[ contains ]] and ]=]
]==] print("after level-2 comment")
--[ not a long comment, just a line comment
print("after line comment")
---[[ this is a line comment; the next line runs
print("line comment trick")
--]]
-- a long string made of many lines keeps them all
local many = load("return [[" .. string.rep("line\n", 100) .. "]]")()
print(#many)
-- errors
print(load("return [[abc"))
print(load("return [==[abc]=]"))
print(load("--[[ unfinished comment"))
print(load("return [=x"))
print(load("return [==x]]"))
print(load("x = [=[\n\n\nabc"))
