-- Generational mode: objects age through minor collections while the
-- program keeps storing young objects into old ones (tables, upvalues,
-- metatables, weak tables, coroutine stacks). Enough garbage is made to
-- trigger many minor collections (and some major ones); every stored
-- value is checked afterwards.

collectgarbage("generational")
local old = {list = {}, map = {}, weakv = setmetatable({}, {__mode = "v"}),
             weakk = setmetatable({}, {__mode = "k"})}
for i = 1, 1000 do old.list[i] = {i} end
collectgarbage()                           -- everything above is old now

local box = {0}
local function getbox() return box end
local co = coroutine.wrap(function()
  local mine = {}
  while true do
    local v = coroutine.yield(#mine)
    mine[#mine + 1] = v
  end
end)
co()

local strong = {}
for round = 1, 200 do
  -- garbage to drive minor collections
  for _ = 1, 60 do local g = {round, tostring(round)} end
  -- young objects into old places
  local i = round % 1000 + 1
  old.list[i] = {old.list[i][1] + 1}
  old.map["k" .. round] = {round}
  local v = {round}
  old.weakv[round] = v
  if round % 3 == 0 then strong[#strong + 1] = v end
  local key = {}
  old.weakk[key] = {round}
  if round % 5 == 0 then strong[#strong + 1] = key end
  box = {round}
  setmetatable(old, {__index = {round = {round}}})
  co({round})
end
collectgarbage()

local s = 0
for i = 1, 1000 do s = s + old.list[i][1] end
print("list:", s)
local m = 0
for k, v in pairs(old.map) do m = m + v[1] end
print("map:", m)
local wv = 0
for _, v in pairs(old.weakv) do wv = wv + 1 end
print("weak values kept:", wv)
local wk = 0
for _ in pairs(old.weakk) do wk = wk + 1 end
print("weak keys kept:", wk)
print("upvalue:", getbox()[1], "metatable:", old.round[1], "coroutine:", co(nil))

-- major collections: memory that stays live keeps growing
local keep = {}
for i = 1, 5000 do keep[i] = {i, {i}} end
collectgarbage("step", 0)
local t = 0
for i = 1, 5000, 100 do t = t + keep[i][2][1] end
print("after growth:", t)
print(collectgarbage("incremental"))
