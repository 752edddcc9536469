-- Register pressure and nesting depth limits.
-- Only the first line of a message is printed: lua5.4 reports "C stack
-- overflow" from the parser through the caller's message handler, so a
-- traceback may follow; the first line is the behaviour we pin down.
local function firstline(v)
  if type(v) == "string" then return (v:match("^[^\n]*")) end
  if type(v) == "table" or type(v) == "function" then return "a " .. type(v) end
  return v
end
local function try(what, src)
  local f, err = load(src, "=src")
  if f then
    local ok, res = pcall(f)
    print(what, "runs:", ok, firstline(res))
  else
    print(what, "error:", firstline(err))
  end
end
-- a call with very many arguments needs one register each
local function call_args(n)
  return "local function f(...) return select('#', ...) end return f(" ..
         string.rep("1, ", n - 1) .. "1)"
end
try("call 200 args", call_args(200))
try("call 260 args", call_args(260))
-- a table constructor flushes its items, so it has no such limit
try("table 1000 items", "return #{" .. string.rep("1, ", 999) .. "1}")
-- a long concatenation keeps its operands in registers
try("concat 100", "local a = 'x' return #(" .. string.rep("a .. ", 99) .. "a)")
try("concat 300", "local a = 'x' return #(" .. string.rep("a .. ", 299) .. "a)")
-- many return values
try("return 250", "return select('#', " .. string.rep("1, ", 249) .. "1)")
try("return 300", "return " .. string.rep("1, ", 299) .. "1")
-- nesting depth: parentheses, tables, function calls, blocks, operators
try("parens 100", "return " .. string.rep("(", 100) .. "1" .. string.rep(")", 100))
try("parens 300", "return " .. string.rep("(", 300) .. "1" .. string.rep(")", 300))
try("tables 100", "return " .. string.rep("{", 100) .. string.rep("}", 100))
try("tables 300", "return " .. string.rep("{", 300) .. string.rep("}", 300))
try("do 100", string.rep("do ", 100) .. string.rep("end ", 100))
try("do 300", string.rep("do ", 300) .. string.rep("end ", 300))
try("if 300", string.rep("if true then ", 300) .. string.rep("end ", 300))
try("functions 40", string.rep("return function() ", 40) .. string.rep("end ", 40))
try("functions 300", string.rep("return function() ", 300) .. string.rep("end ", 300))
try("unary 100", "return " .. string.rep("- ", 100) .. "1")
try("unary 300", "return " .. string.rep("- ", 300) .. "1")
try("not 300", "return " .. string.rep("not ", 300) .. "1")
try("pow chain 300", "return " .. string.rep("1 ^ ", 300) .. "1")
try("concat chain 300", "local a = 'x' return " .. string.rep("a .. ", 300) .. "a")
try("index chain 1000", "local t = {} t.t = t return t" .. string.rep(".t", 1000) .. " == t")
try("call chain 300", "local function f() return f end return f" .. string.rep("()", 300) .. " == f")
try("sum 1000", "return " .. string.rep("1 + ", 999) .. "1")
try("and chain 1000", "return " .. string.rep("true and ", 999) .. "1")
