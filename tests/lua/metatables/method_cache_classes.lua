-- Method lookups through class chains, as the field caches of SELF and
-- GETFIELD sites remember them: each way a cached answer can go stale must
-- show in the next call.

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  return c
end

local function call(o) return o:who() end        -- one method site
local function get(o) return o.who end           -- one load site

-- self-indexed classes, one hop
local A = class()
function A:who() return "A" end
local a = setmetatable({ x = 1 }, A)
for _ = 1, 5 do assert(call(a) == "A") end
A.who = function() return "A2" end               -- the holder's value changes
print(call(a))
A.who = nil                                      -- and goes: nil, no chain
print(pcall(call, a))
print(get(a))
A.who = function() return "A3" end
print(call(a))

-- __index replaced by another table, by a function, removed
local B = class()
function B:who() return "B" end
A.__index = B
print(call(a))
A.__index = function(t, k) return function() return "fn " .. k end end
print(call(a))
A.__index = nil
print(pcall(call, a))
A.__index = A
print(call(a))

-- the object gets its own field (shadowing), then loses it
a.who = function() return "own" end
print(call(a))
a.who = nil
print(call(a))

-- the metatable of the object changes
setmetatable(a, B)
print(call(a))
setmetatable(a, nil)
print(pcall(call, a))
setmetatable(a, A)
print(call(a))

-- inheritance, two and three hops, a middle class gains the method
local Base = class()
function Base:who() return "Base" end
local Mid = class(Base)
local Leaf = class(Mid)
local l1 = setmetatable({ y = 1 }, Leaf)
local m1 = setmetatable({ y = 1 }, Mid)
for _ = 1, 5 do assert(call(l1) == "Base" and call(m1) == "Base") end
function Mid:who() return "Mid" end
print(call(l1), call(m1))
Mid.who = nil
print(call(l1), call(m1))
getmetatable(Mid).__index = A                    -- Mid's parent changes
print(call(l1), call(m1))
getmetatable(Mid).__index = Base
print(call(l1), call(m1))

-- many classes through one site: polymorphic, then megamorphic
local classes, objs = {}, {}
for i = 1, 10 do
  local c = class(i % 2 == 0 and Base or nil)
  if i % 2 == 1 then c.who = function() return "c" .. i end end
  classes[i] = c
  local o = {}
  for j = 1, i do o["f" .. j] = j end
  objs[i] = setmetatable(o, c)
end
for _ = 1, 3 do
  local out = {}
  for i = 1, #objs do out[i] = call(objs[i]) end
  print(table.concat(out, " "))
end
classes[3].who = nil
classes[4].who = function() return "four" end
Base.who = function() return "base2" end
local out = {}
for i = 1, #objs do out[i] = tostring(select(2, pcall(call, objs[i]))) end
print(table.concat(out, " "))

-- an object whose shape is that of a class table on another object's
-- chain (the cache must not take the class's pair for an object entry)
local P = class()
local Q = class(P)
function P:who() return "P" end
local q = setmetatable({ z = 1 }, Q)
local twin = {}
for k in pairs(Q) do twin[k] = true end         -- Q's keys: __index only
twin.__index = nil
local tw = setmetatable({}, { __index = { who = function() return "twin" end } })
local qq = setmetatable({}, Q)                   -- an empty object
for _ = 1, 4 do
  print(call(q), call(tw), call(qq), call(setmetatable({ __index = 1 }, P)))
end

-- nil results through classes are cached too: a later definition shows
local E = class()
local e = setmetatable({}, E)
for _ = 1, 4 do assert(get(e) == nil) end
E.who = function() return "E" end
print(get(e) ~= nil, call(e))
rawset(e, "who", false)
print(get(e))

-- __index chains with a non-table in the middle
local F = setmetatable({}, { __index = "string" })
local f = setmetatable({}, { __index = F })
print(pcall(call, f))

-- own fields that hold nil (set, then cleared): loads look through the
-- class, the answer shared between sites (and with megamorphic ones)
do
  local K = class()
  K.head = "class head"
  local function head(o) return o.head end
  local function head2(o) return o.head end
  local qs = {}
  for i = 1, 6 do
    local q = setmetatable({ size = i }, K)
    q.head = i                       -- the shape gets head
    qs[i] = q
  end
  for _ = 1, 3 do for i = 1, 6 do assert(head(qs[i]) == i) end end
  for i = 1, 6, 2 do qs[i].head = nil end
  local out = {}
  for _ = 1, 3 do
    for i = 1, 6 do out[#out + 1] = tostring(head(qs[i])) end
  end
  print(table.concat(out, ","))
  K.head = nil                       -- the class loses it: nil
  print(head(qs[1]), head2(qs[1]), head(qs[2]))
  K.head = "again"
  print(head(qs[1]), head2(qs[3]))
  qs[1].head = "own"                 -- the own field comes back
  print(head(qs[1]), head2(qs[1]))
  qs[1].head = nil
  setmetatable(K, { __index = function(_, k) return "fn:" .. k end })
  K.head = nil
  print(head(qs[1]), head2(qs[5]))
  setmetatable(qs[3], nil)
  print(head(qs[3]), head(qs[1]))
  local other = {}
  for i = 1, 12 do                   -- many more shapes: megamorphic
    local o = setmetatable({}, K)
    for j = 1, i do o["x" .. j] = j end
    o.head = i; o.head = nil
    other[i] = head(o)
  end
  print(table.concat(other, " "))
end

-- a global that existed and was cleared (GETTABUP's cache keeps its
-- slot), then globals get a metatable, then lose it
do
  glob_x = 1
  local function f() return glob_x end
  local out = {}
  for i = 1, 60 do
    if i == 20 then glob_x = nil end
    if i == 40 then setmetatable(_G, { __index = function(_, k) return k end }) end
    if i == 50 then setmetatable(_G, nil); glob_x = 2 end
    if i % 10 == 0 or i % 10 == 1 then out[#out + 1] = tostring(f()) end
  end
  print(table.concat(out, " "))
  glob_x = nil
end

-- own fields holding nil under an __index function (not cacheable), then
-- a table, then a function again
do
  local mt = { __index = function(_, k) return "fn " .. k end }
  local objs = {}
  for i = 1, 5 do
    local o = setmetatable({ a = 1, b = 2 }, mt)
    o.a = nil
    objs[i] = o
  end
  local function geta(o) return o.a end
  local out = {}
  for r = 1, 3 do
    if r == 2 then mt.__index = { a = "table a" } end
    if r == 3 then mt.__index = function() return "fn2" end end
    for i = 1, 5 do out[#out + 1] = geta(objs[i]) end
  end
  print(table.concat(out, ","))
end
