-- fib: naive doubly recursive Fibonacci; measures the cost of Lua-to-Lua
-- calls and returns with small integer arithmetic.
-- compat: 5.1
-- quick-size: 20
-- iter-size: 28
local n = tonumber(arg and arg[1]) or 35

local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end

print(string.format("fib(%d) = %d", n, fib(n)))
