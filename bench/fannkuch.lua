-- fannkuch: for every permutation of 1..n, count the prefix reversals it
-- takes until 1 is in front; array reads and writes in short loops.
-- compat: 5.1
-- quick-size: 7
-- iter-size: 8
local n = tonumber(arg and arg[1]) or 9

local perm, work, count = {}, {}, {}
for i = 1, n do perm[i] = i end
local max_flips, checksum, index = 0, 0, 0

-- Permutations are visited in the order of a rotation counter: count[k]
-- says how many more times the first k elements are rotated before the
-- counter at k + 1 moves. After level r moved, the levels below it restart.
local r = n + 1
while true do
  for k = r - 1, 2, -1 do count[k] = k end

  -- count the flips of this permutation
  local first = perm[1]
  if first ~= 1 then
    for i = 1, n do work[i] = perm[i] end
    local flips = 0
    while first ~= 1 do
      local lo, hi = 1, first
      while lo < hi do
        work[lo], work[hi] = work[hi], work[lo]
        lo, hi = lo + 1, hi - 1
      end
      flips = flips + 1
      first = work[1]
    end
    if flips > max_flips then max_flips = flips end
    if index % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end
  end
  index = index + 1

  -- next permutation: rotate the first r elements left, for growing r
  -- while their counter runs out
  r = 2
  while true do
    if r > n then
      print(string.format("fannkuch(%d) = %d %d", n, checksum, max_flips))
      return
    end
    local head = perm[1]
    for i = 1, r - 1 do perm[i] = perm[i + 1] end
    perm[r] = head
    count[r] = count[r] - 1
    if count[r] > 0 then break end
    r = r + 1
  end
end
