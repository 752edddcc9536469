-- Deeply nested source is refused by the compiler with an error, never a
-- crash: parentheses, table constructors, function bodies, blocks, unary
-- operators, calls and index chains a million levels deep, and long flat
-- sequences that are fine.
local function try(label, src)
  local f, err = load(src, "=deep")
  if f then
    print(label, "compiled", select("#", pcall(f)))
  else
    print(label, (err:match("^[^\n]*")))
  end
end

local N = 1000000
try("parens", "return " .. ("("):rep(N) .. "1" .. (")"):rep(N))
try("tables", "return " .. ("{"):rep(N) .. ("}"):rep(N))
try("functions", ("return function() "):rep(N) .. ("end "):rep(N))
try("blocks", ("do "):rep(N) .. ("end "):rep(N))
try("ifs", ("if true then "):rep(N) .. ("end "):rep(N))
try("whiles", ("while false do "):rep(N) .. ("end "):rep(N))
try("not", "return " .. ("not "):rep(N) .. "true")
try("unary minus", "return " .. ("- "):rep(N) .. "1")
try("length", "return " .. ("#"):rep(N) .. "'x'")
try("power", "return " .. ("2 ^ "):rep(N) .. "1")
try("concat", "local a = 'x' return " .. ("a .. "):rep(N) .. "a")
try("calls", "local f = function() return f end return f" .. ("()"):rep(N))
try("index", "local t = {} t.t = t return t" .. (".t"):rep(N))
try("brackets", "local t = {} t[t] = t return t" .. ("[t]"):rep(N))
try("strings", "return " .. ('"a" .. '):rep(N) .. '"b"')

-- just below the limits everything works
try("parens 100", "return " .. ("("):rep(100) .. "1" .. (")"):rep(100))
try("tables 100", "return " .. ("{"):rep(100) .. ("}"):rep(100))
try("sum 100000", "local a = 1 return " .. ("a + "):rep(100000) .. "a")
try("calls 10000", "local f = function() return f end return f" .. ("()"):rep(10000))
try("index 100000", "local t = {} t.t = t return t" .. (".t"):rep(100000))
