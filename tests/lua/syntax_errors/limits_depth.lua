-- The exact nesting depth at which load() gives up ("C stack overflow"):
-- statements and subexpressions each count as one C level, like lua5.4's
-- parser, on top of the C calls already active when load runs.
local function maxdepth(make)
  local n = 1
  while n < 400 and load(make(n)) do n = n + 1 end
  return n
end
print("parentheses", maxdepth(function(n) return "return " .. ("("):rep(n) .. "1" .. (")"):rep(n) end))
print("tables", maxdepth(function(n) return "return " .. ("{"):rep(n) .. ("}"):rep(n) end))
print("unary", maxdepth(function(n) return "return " .. ("- "):rep(n) .. "1" end))
print("do blocks", maxdepth(function(n) return ("do "):rep(n) .. ("end "):rep(n) end))
print("if", maxdepth(function(n) return ("if x then "):rep(n) .. ("end "):rep(n) end))
print("functions", maxdepth(function(n) return ("x = function() "):rep(n) .. ("end "):rep(n) end))
print("concat", maxdepth(function(n) return "return 1" .. (" .. 1"):rep(n) end))
print("assignment targets", maxdepth(function(n) return ("a, "):rep(n) .. "a = 1" end))
-- from inside a coroutine and a nested pcall the budget is smaller
print("in coroutine", coroutine.wrap(function()
  return maxdepth(function(n) return "return " .. ("("):rep(n) .. "1" .. (")"):rep(n) end)
end)())
print("in pcall", select(2, pcall(maxdepth, function(n)
  return "return " .. ("("):rep(n) .. "1" .. (")"):rep(n) end)))
