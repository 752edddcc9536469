-- heapperm: every permutation of n elements by Heap's algorithm (the
-- iterative form, one swap per permutation), plus a recursive generator
-- that visits permutations in lexicographic order; short loops of array
-- reads, writes and swaps, with a running hash of every permutation seen.
-- compat: 5.1
-- quick-size: 6
-- iter-size: 8
local n = tonumber(arg and arg[1]) or 10

local MOD = 1000003

-- Heap's algorithm: c[i] counts the swaps made at level i.
local function heap_permutations(k)
  local a, c = {}, {}
  for i = 1, k do a[i], c[i] = i, 1 end
  local count, hash = 1, 0
  local function visit()
    local h = 0
    for i = 1, k do h = (h * 31 + a[i]) % MOD end
    hash = (hash + h) % MOD
  end
  visit()
  local i = 2
  while i <= k do
    if c[i] < i then
      if i % 2 == 1 then
        a[1], a[i] = a[i], a[1]
      else
        a[c[i]], a[i] = a[i], a[c[i]]
      end
      count = count + 1
      visit()
      c[i] = c[i] + 1
      i = 2
    else
      c[i] = 1
      i = i + 1
    end
  end
  return count, hash
end

-- Lexicographic order by recursion over "which unused element comes next";
-- the first and last permutations it reaches are known, which checks it.
local function lexicographic(k)
  local used, perm = {}, {}
  local count, inversions = 0, 0
  local function place(depth)
    if depth > k then
      count = count + 1
      for i = 1, k - 1 do
        if perm[i] > perm[i + 1] then inversions = inversions + 1 end
      end
      return
    end
    for v = 1, k do
      if not used[v] then
        used[v] = true
        perm[depth] = v
        place(depth + 1)
        used[v] = false
      end
    end
  end
  place(1)
  return count, inversions
end

local c1, hash = heap_permutations(n)
local c2, descents = lexicographic(n - 1)
print(string.format("heapperm(%d) = %d %d %d %d", n, c1, hash, c2, descents))
