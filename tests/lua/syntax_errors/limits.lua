-- Compiler limits from load(): locals (200), upvalues (255), registers
-- (255), constructor and call sizes, and deep syntactic nesting. Only the
-- first line of each message is printed: lua5.4 adds a traceback to
-- "C stack overflow" (its message handler runs inside load).
local function show(what, src)
  local f, err = load(src)
  print(what, f and "ok" or (err:match("^[^\n]*")))
end

local names = {}
for i = 1, 201 do names[i] = "a" .. i end
show("200 locals", "local " .. table.concat(names, ", ", 1, 200))
show("201 locals", "local " .. table.concat(names, ", ", 1, 201))
show("201 locals in function", "local function f()\n" ..
     ("local x\n"):rep(201) .. "end")
show("201 params", "local function f(" .. table.concat(names, ", ") .. ") end")

-- 255 upvalues are fine, 256 are not
local function upvalsrc(n)
  local outer, inner = {}, {}
  for i = 1, n do
    outer[#outer + 1] = ("local u%d = %d"):format(i, i)
    inner[#inner + 1] = "u" .. i
  end
  -- split over two enclosing functions to stay under 200 locals each
  local half = n // 2
  return "local function a()\n" .. table.concat(outer, "\n", 1, half) ..
         "\nlocal function b()\n" .. table.concat(outer, "\n", half + 1, n) ..
         "\nreturn function() return " .. table.concat(inner, " + ") ..
         " end end end"
end
show("255 upvalues", upvalsrc(255))
show("256 upvalues", upvalsrc(256))

show("call with 250 args", "f(" .. ("1, "):rep(249) .. "1)")
show("call with 260 args", "f(" .. ("1, "):rep(259) .. "1)")
show("constructor with 1000 items", "return {" .. ("1, "):rep(1000) .. "}")
show("constructor with 300 calls", "return {" .. ("f(), "):rep(300) .. "}")
show("concat of 300", "return " .. ("a .. "):rep(299) .. "a")
show("assign to 250 targets", ("a, "):rep(249) .. "a = 1")
show("300 parentheses", "return " .. ("("):rep(300) .. "1" .. (")"):rep(300))
show("300 tables", "return " .. ("{"):rep(300) .. ("}"):rep(300))
show("300 unary minus", "return " .. ("- "):rep(300) .. "1")
show("300 nested do", ("do "):rep(300) .. ("end "):rep(300))
show("300 nested functions", ("return function() "):rep(300) .. ("end "):rep(300))
show("300 powers", "return 2" .. (" ^ 2"):rep(300))
show("many constants", (function()
  local t = {}
  for i = 1, 70000 do t[i] = ("x%d = %d.5"):format(i, i) end
  return table.concat(t, "\n")
end)())
show("long jump", "if x then " .. ("y = 1 "):rep(100000) .. "end")
