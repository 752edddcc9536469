-- ackermann: the Ackermann function by plain recursion: non-tail calls
-- nested up to about a thousand frames deep (ack(3, 7)) mixed with tail
-- calls, on small integers; stresses call/return and stack growth.
-- compat: 5.1
-- quick-size: 8
-- iter-size: 8
local n = tonumber(arg and arg[1]) or 400

local function ack(m, k)
  if m == 0 then return k + 1 end
  if k == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, k - 1))
end

-- Many moderate calls rather than one huge one, so the stack stays within
-- every engine's limits and the size scales linearly.
local sum, deepest = 0, 0
for i = 1, n do
  local k = i % 8
  local v = ack(3, k) + ack(2, i % 50)
  sum = sum + v
  if v > deepest then deepest = v end
end
print(string.format("ackermann(%d) = %d %d", n, sum, deepest))
