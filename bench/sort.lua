-- sort: table.sort on numbers (default order and a descending comparator),
-- on strings, and on records with a several-key comparator (a closure
-- called for every comparison), plus a merge sort written in Lua used as a
-- stable sort; checks each result is ordered and hashes it.
-- compat: 5.1
-- quick-size: 2000
-- iter-size: 8000
local n = tonumber(arg and arg[1]) or 250000

local sort, floor = table.sort, math.floor

local seed = 12345
local function random(k)               -- Park-Miller: exact in doubles too
  seed = (seed * 16807) % 2147483647
  return seed % k
end

local function hash_array(t, key)
  local h = 0
  for i = 1, #t, 7 do
    local v = key and key(t[i]) or t[i]
    h = (h * 31 + v) % 1000000007
  end
  return h
end

-- Stable merge sort with a comparator, ping-ponging between two arrays.
local function merge_sort(t, less)
  local count = #t
  local src, dst = t, {}
  local width = 1
  while width < count do
    for lo = 1, count, 2 * width do
      local mid = math.min(lo + width, count + 1)
      local hi = math.min(lo + 2 * width, count + 1)
      local i, j, k = lo, mid, lo
      while i < mid and j < hi do
        if less(src[j], src[i]) then
          dst[k] = src[j]; j = j + 1
        else
          dst[k] = src[i]; i = i + 1
        end
        k = k + 1
      end
      while i < mid do dst[k] = src[i]; i = i + 1; k = k + 1 end
      while j < hi do dst[k] = src[j]; j = j + 1; k = k + 1 end
    end
    src, dst = dst, src
    width = width * 2
  end
  if src ~= t then
    for i = 1, count do t[i] = src[i] end
  end
  return t
end

local result = {}

-- Integers, ascending with the built-in order then descending by closure.
local nums = {}
for i = 1, n do nums[i] = random(1000000) end
sort(nums)
for i = 2, n do assert(nums[i - 1] <= nums[i]) end
result[#result + 1] = hash_array(nums)
sort(nums, function(a, b) return a > b end)
result[#result + 1] = hash_array(nums)

-- Strings.
local strs = {}
for i = 1, floor(n / 4) do strs[i] = "k" .. random(100000) .. "-" .. (i % 97) end
sort(strs)
for i = 2, #strs do assert(strs[i - 1] <= strs[i]) end
result[#result + 1] = hash_array(strs, function(s) return #s + s:byte(2) end)

-- Records: by group, then by score descending, then id (a total order, so
-- every engine's sort gives the same sequence).
local recs = {}
for i = 1, floor(n / 2) do
  recs[i] = { id = i, group = random(20), score = random(1000) }
end
sort(recs, function(a, b)
  if a.group ~= b.group then return a.group < b.group end
  if a.score ~= b.score then return a.score > b.score end
  return a.id < b.id
end)
result[#result + 1] = hash_array(recs, function(r) return r.id end)

-- Stability: merge-sort by score only; ties keep the previous order.
merge_sort(recs, function(a, b) return a.score < b.score end)
for i = 2, #recs do
  local a, b = recs[i - 1], recs[i]
  assert(a.score < b.score or (a.score == b.score and (a.group < b.group or
         (a.group == b.group and a.id < b.id))))
end
result[#result + 1] = hash_array(recs, function(r) return r.id end)

print(string.format("sort(%d) = %d %d %d %d %d", n, result[1], result[2], result[3],
                    result[4], result[5]))
