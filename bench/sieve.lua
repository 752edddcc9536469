-- sieve: the sieve of Eratosthenes, repeated; array stores in strided
-- loops over a large table.
-- compat: 5.1
-- quick-size: 100000
-- iter-size: 150000
local n = tonumber(arg and arg[1]) or 2000000

local function sieve(limit)
  local composite = {}
  for i = 2, limit do composite[i] = false end
  local count = 0
  for i = 2, limit do
    if not composite[i] then
      count = count + 1
      for j = i * i, limit, i do composite[j] = true end
    end
  end
  return count
end

local total = 0
for _ = 1, 4 do total = total + sieve(n) end
print(string.format("sieve(%d) = %d", n, total))
