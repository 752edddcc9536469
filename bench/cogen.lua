-- cogen: coroutines as generators: a chain of coroutine.wrap filters
-- that sieve primes (each prime found adds a filter to the chain), an
-- in-order tree walk that yields from nested calls, and a generator
-- pipeline (numbers -> map -> take); measures resume/yield and the
-- switching between coroutine stacks.
-- compat: 5.1
-- quick-size: 2000
-- iter-size: 8000
local n = tonumber(arg and arg[1]) or 250000

local wrap, yield = coroutine.wrap, coroutine.yield

local function count_from(k)
  return wrap(function()
    while true do yield(k); k = k + 1 end
  end)
end

local function without_multiples(p, source)
  return wrap(function()
    while true do
      local v = source()
      if v % p ~= 0 then yield(v) end
    end
  end)
end

-- The first `count` primes by a growing chain of filters.
local function primes(count)
  local source, sum, last = count_from(2), 0, 0
  for _ = 1, count do
    local p = source()
    sum, last = sum + p, p
    source = without_multiples(p, source)
  end
  return sum, last
end

-- A balanced binary search tree of 1..k, walked by a recursive generator.
local function build(lo, hi)
  if lo > hi then return nil end
  local mid = math.floor((lo + hi) / 2)
  return { value = mid, left = build(lo, mid - 1), right = build(mid + 1, hi) }
end

local function walk(node)
  if node then
    walk(node.left)
    yield(node.value)
    walk(node.right)
  end
end

local function in_order(tree)
  return wrap(function() walk(tree) end)
end

local function map(f, gen)
  return wrap(function()
    for v in gen do yield(f(v)) end
  end)
end

local function take(k, gen)
  return wrap(function()
    for _ = 1, k do
      local v = gen()
      if v == nil then return end
      yield(v)
    end
  end)
end

-- Each filter is one more coroutine resumed from inside the next, and Lua
-- 5.4 allows about 200 nested resumes (C stack), so chains stay at 100.
local prime_sum, last_prime = 0, 0
for _ = 1, math.floor(n / 2000) + 1 do
  local sum, last = primes(100)
  prime_sum, last_prime = prime_sum + sum, last
end
local tree = build(1, 1000)
local walked, ordered = 0, true
for _ = 1, math.floor(n / 1000) + 1 do
  local previous = 0
  for v in in_order(tree) do
    if v <= previous then ordered = false end
    previous = v
    walked = walked + v
  end
end
local piped = 0
for v in take(n * 10, map(function(x) return x * x % 1009 end, count_from(1))) do
  piped = piped + v
end
print(string.format("cogen(%d) = %d %d %d %d %s", n, prime_sum, last_prime, walked, piped,
                    tostring(ordered)))
