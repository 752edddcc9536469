-- bigheap.lua: the longest collector pause with a large live heap.
-- Builds a live heap of about TARGET_MB megabytes (collectgarbage "count")
-- of small objects (a table with three fields, a string and a nested
-- table each, in 2000 arrays), then keeps allocating short-lived garbage
-- while replacing live objects (stores into old tables: write barriers)
-- for CHURN rounds. Run it with a -DCRESCENT_GC_TIMING=1 build (see
-- README.md): the collector prints the longest step and a histogram of
-- step durations at exit. The mode is incremental unless arg[3] is "gen".
local target_mb = tonumber(arg[1]) or 512
local churn = tonumber(arg[2]) or 2000000
if arg[3] == "gen" then collectgarbage("generational") else collectgarbage("incremental") end

local NCHUNKS = 2000
local chunks = {}
for c = 1, NCHUNKS do chunks[c] = {} end
local n = 0
local function newobj(i)
  return {id = i, name = "object number " .. i, pos = {i % 1000, i // 1000}}
end
local t0 = os.clock()
while collectgarbage("count") < target_mb * 1024 do
  for _ = 1, 10000 do
    n = n + 1
    local chunk = chunks[n % NCHUNKS + 1]
    chunk[#chunk + 1] = newobj(n)
  end
end
local built = os.clock() - t0
io.stderr:write(string.format("live objects: %d, heap %.0f MB, built in %.1f s\n",
  n, collectgarbage("count") / 1024, built))

-- churn: garbage plus replacements of live objects
local seed = 12345
local sum = 0
t0 = os.clock()
for i = 1, churn do
  seed = (seed * 1103515245 + 12345) % 2147483648
  local tmp = {seed, tostring(seed)}          -- garbage
  sum = sum + #tmp[2]
  if i % 4 == 0 then
    local chunk = chunks[seed % NCHUNKS + 1]
    local k = seed % #chunk + 1
    chunk[k] = newobj(k)                       -- store into an old table
  end
end
io.stderr:write(string.format("churn: %d rounds in %.1f s, heap %.0f MB\n",
  churn, os.clock() - t0, collectgarbage("count") / 1024))
print(n, sum)
