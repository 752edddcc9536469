-- Blocks of one size dropped, then blocks of other sizes made, in phases,
-- with the old contents checked each time they are replaced: the default
-- allocator (gc/pool.c) reuses freed memory across size classes by
-- cutting bigger free blocks and by sorting its free lists out.
local seed = 11
local function rnd(k) seed = (seed * 16807) % 2147483647; return seed % k end

local function make(kind, i)
  if kind == 0 then return string.rep("s", rnd(200)) .. "#" .. i
  elseif kind == 1 then
    local t = {}
    for j = 1, rnd(30) do t[j] = i * 100 + j end
    return t
  else
    local t = { id = i, name = "n" .. i }
    for j = 1, rnd(8) do t["f" .. j] = j end
    return t
  end
end

local function check(v, i)
  if type(v) == "string" then
    assert(v:match("#(%d+)$") == tostring(i), "string " .. i)
  elseif v.id then
    assert(v.id == i and v.name == "n" .. i, "record " .. i)
  else
    for j = 1, #v do assert(v[j] == i * 100 + j, "array " .. i) end
  end
  return 1
end

local keep, checked = {}, 0
for phase = 1, 9 do
  local kind = phase % 3
  for i = 1, 300 do
    local slot = rnd(150) + 1
    local old = keep[slot]
    if old then checked = checked + check(old[2], old[1]) end
    keep[slot] = { i, make(kind, i) }
  end
  if phase % 3 == 0 then keep = {} end
  collectgarbage(phase % 2 == 0 and "collect" or "step")
end
for _, v in pairs(keep) do checked = checked + check(v[2], v[1]) end
print("checked", checked)

-- a big drop of one size, then another size (sizes the pool keeps apart)
local strs = {}
for i = 1, 4000 do strs[i] = "string number " .. i .. " with some padding" end
local total = 0
for i = 1, #strs do total = total + #strs[i] end
strs = nil
collectgarbage()
local tabs = {}
for i = 1, 4000 do tabs[i] = { i, i + 1, i + 2 } end
local sum = 0
for i = 1, #tabs do sum = sum + tabs[i][3] end
print("sizes", total, sum)
