-- bitops: a 64-bit xorshift generator and a hash mix using Lua 5.4's
-- integer operators (<<, >>, ~, &, //); wrapping integer arithmetic.
-- quick-size: 100000
-- iter-size: 500000
local n = tonumber(arg and arg[1]) or 20000000

local state = 0x2545F4914F6CDD1D
local hash = 0
local buckets = {0, 0, 0, 0, 0, 0, 0, 0}
for _ = 1, n do
  local x = state
  x = x ~ (x << 13)
  x = x ~ (x >> 7)
  x = x ~ (x << 17)
  state = x
  hash = (hash ~ (x & 0xffff)) * 0x100000001b3
  local b = (x >> 61) + 1
  buckets[b] = buckets[b] + (x & 0xff) // 3
end
print(string.format("bitops(%d) = %x %x %s", n, state, hash, table.concat(buckets, ",")))
