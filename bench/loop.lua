-- loop: one tight numeric for loop with arithmetic, a modulo and a branch;
-- measures the interpreter's basic dispatch and number handling.
-- compat: 5.1
-- quick-size: 1000000
-- iter-size: 1200000
local n = tonumber(arg and arg[1]) or 40000000

local acc = 0
for i = 1, n do
  acc = acc + i % 7 * 3 + 1
  if acc > 1000003 then acc = acc - 1000003 end
end

print(string.format("loop(%d) = %d", n, acc))
