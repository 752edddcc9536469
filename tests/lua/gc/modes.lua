-- collectgarbage in each mode: what every option returns, switching modes
-- in the middle of a cycle, stopping and restarting, steps of various
-- sizes, and "count" following real allocations (compared, not printed:
-- byte counts differ between engines).

print(collectgarbage("incremental"))   -- the standalone program starts generational
-- a full cycle by steps: ends with true
local steps = 0
repeat steps = steps + 1 until collectgarbage("step", 0)
print("cycle finished by steps:", steps > 0)
-- stop halfway, switch mode: the switch finishes the cycle
collectgarbage("step", 0)
print(collectgarbage("generational"))
print(collectgarbage("step", 0), collectgarbage("step", 1))
print(collectgarbage("incremental"))
collectgarbage("step", 0)
print(collectgarbage("incremental"))   -- same mode: nothing changes

-- stop / restart, and steps while stopped
print(collectgarbage("stop"), collectgarbage("isrunning"))
local before = collectgarbage("count")
local junk = {}
for i = 1, 10000 do junk[i] = {i} end
junk = nil
print("memory grew while stopped:", collectgarbage("count") > before)
print("explicit step runs anyway:", type(collectgarbage("step", 0)))
print("still stopped:", collectgarbage("isrunning"))
collectgarbage()                       -- a full collection works when stopped
print("collect frees while stopped:", collectgarbage("count") < before + 100)
print(collectgarbage("restart"), collectgarbage("isrunning"))

-- count follows allocation and freeing
collectgarbage()
local base = collectgarbage("count")
local big = {}
for i = 1, 100000 do big[i] = i end
local grown = collectgarbage("count")
print("big table counted:", grown - base > 1000)   -- > 1 MB (16 bytes a slot)
big = nil
collectgarbage()
print("freed again:", collectgarbage("count") - base < 100)

-- parameters
print(collectgarbage("incremental", 100, 400, 10))
print(collectgarbage("setpause", 150), collectgarbage("setstepmul", 200))
print(collectgarbage("setpause", 200), collectgarbage("setstepmul", 100))
print(collectgarbage("generational", 10, 50))
print(collectgarbage("generational", 20, 100))
print(collectgarbage("incremental", 200, 100, 13))

-- a big step in incremental mode finishes the cycle
collectgarbage()
print("big step:", collectgarbage("step", 100000))
-- in generational mode steps never report the end of a cycle
collectgarbage("generational")
print("generational step:", collectgarbage("step", 0), collectgarbage("step", 100000))
collectgarbage("incremental")

-- many switches in a row with live data
local live = {}
for i = 1, 1000 do live[i] = {tostring(i)} end
for i = 1, 10 do
  collectgarbage(i % 2 == 0 and "incremental" or "generational")
  for j = 1, 100 do live[#live + 1] = {tostring(j)} end
  collectgarbage("step", 0)
end
local n = 0
for _, v in ipairs(live) do n = n + #v[1] end
print("live data after switching:", #live, n)
