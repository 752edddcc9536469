-- Generational major collections mark without whitening the heap first
-- (docs/gc.md): old objects, weak tables holding old and young objects,
-- objects written after they became old, open upvalues and finalizers
-- must come out of full collections as they do in lua5.4.
collectgarbage("generational")

local keep = {}
for i = 1, 200 do keep[i] = { id = i, data = { i } } end
collectgarbage()                           -- all of keep is old now
collectgarbage()

-- weak values and keys over old objects, some dropped
local wv = setmetatable({}, { __mode = "v" })
local wk = setmetatable({}, { __mode = "k" })
for i = 1, 200 do wv[i] = keep[i]; wk[keep[i]] = i end
for i = 1, 200, 2 do keep[i] = false end
collectgarbage()
local nv, nk = 0, 0
for _ in pairs(wv) do nv = nv + 1 end
for _ in pairs(wk) do nk = nk + 1 end
print("weak", nv, nk)

-- an old table written with a young object, then a full collection
local old = keep[2]
old.child = { "young" }
collectgarbage("step")
collectgarbage()
print(old.child[1], keep[4].data[1])

-- ephemerons whose values point back to their keys
local eph = setmetatable({}, { __mode = "k" })
do
  local k1 = {}
  eph[k1] = { k1 }
  eph[keep[6]] = { keep[6] }
end
collectgarbage()
local ne = 0
for k, v in pairs(eph) do ne = ne + 1; assert(v[1] == k) end
print("ephemeron", ne)

-- open upvalues across full collections
local function counter()
  local n = 0
  local f = function() n = n + 1; return n end
  collectgarbage()
  f()
  collectgarbage()
  return f
end
local c = counter()
print("upvalue", c(), c())

-- a coroutine suspended across majors keeps its stack alive
local co = coroutine.wrap(function()
  local t = { "kept" }
  coroutine.yield(1)
  collectgarbage()
  coroutine.yield(t[1])
  return #t
end)
print(co())
collectgarbage(); collectgarbage()
print(co(), co())

-- finalizers of old and young objects
local order = {}
do
  local a = setmetatable({}, { __gc = function() order[#order + 1] = "a" end })
  collectgarbage(); collectgarbage()       -- a is old
  local b = setmetatable({}, { __gc = function() order[#order + 1] = "b" end })
  a, b = nil, nil
end
collectgarbage()
collectgarbage()
table.sort(order)
print("finalized", table.concat(order, ","))

-- strings kept only by old tables, and dropped ones
local s = {}
for i = 1, 100 do s[i] = "str" .. i end
collectgarbage(); collectgarbage()
for i = 1, 100, 3 do s[i] = nil end
collectgarbage()
local total = 0
for i = 1, 100 do if s[i] then total = total + #s[i] end end
print("strings", total)

-- many majors with churn
local live = {}
for round = 1, 30 do
  for i = 1, 50 do live[(round * 50 + i) % 400] = { round, i } end
  if round % 5 == 0 then collectgarbage() end
end
local cnt = 0
for _, v in pairs(live) do cnt = cnt + v[2] end
print("churn", cnt, collectgarbage("count") > 0)
