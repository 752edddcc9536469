-- Stores of nil into absent fields: the field caches of store sites
-- remember that the key is absent from a shape and skip such stores when
-- no __newindex can see them. Every way the answer can change must show.

local function setnil(t) t.link = nil end         -- one store site
local function setval(t, v) t.link = v end        -- another

-- plain: nothing inserted, the shape's other fields intact
local a = { kind = 1, dest = 2 }
for _ = 1, 20 do setnil(a) end
print(a.link, a.kind, a.dest, rawget(a, "link"))
local n = 0
for _ in pairs(a) do n = n + 1 end
print("fields", n)

-- a __newindex appears on the metatable after the site has cached
local log = {}
local mt = {}
setmetatable(a, mt)
for _ = 1, 3 do setnil(a) end
mt.__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v) end
for _ = 1, 3 do setnil(a) end
print("newindex calls", #log, log[1])
mt.__newindex = nil
for _ = 1, 3 do setnil(a) end
print("after removal", #log)

-- a metatable set after caching (with __newindex from the start)
local b = { kind = 1, dest = 2 }
for _ = 1, 5 do setnil(b) end
local seen = 0
setmetatable(b, { __newindex = function() seen = seen + 1 end })
for _ = 1, 5 do setnil(b) end
print("late metatable", seen)

-- __newindex a table: the nil store goes there (rawset of nil: nothing)
local store = {}
local c = setmetatable({ kind = 1, dest = 2 }, { __newindex = store })
for _ = 1, 4 do setnil(c) end
print("table newindex", rawget(c, "link"), next(store))

-- the key exists in the shape: a nil store removes the value
local d = { kind = 1, dest = 2 }
for _ = 1, 5 do setnil(d) end
setval(d, "x")
print(d.link)
setnil(d)
print(d.link, rawget(d, "link"))
setval(d, "y")
print(d.link)
for _ = 1, 3 do setnil(d) end
print(d.link)

-- many shapes through one site (poly, then megamorphic)
local objs = {}
for i = 1, 12 do
  local t = {}
  for j = 1, i do t["f" .. j] = j end
  objs[i] = t
end
for _ = 1, 3 do
  for i = 1, #objs do setnil(objs[i]) end
end
local total = 0
for i = 1, #objs do
  local cnt = 0
  for _ in pairs(objs[i]) do cnt = cnt + 1 end
  total = total + cnt + (objs[i].link == nil and 0 or 100)
end
print("poly", total)
for i = 1, #objs do setval(objs[i], i) end
local sum = 0
for i = 1, #objs do sum = sum + objs[i].link end
print("set", sum)
for i = 1, #objs do io.write(tostring(objs[i].link), " ") end print()
for i = 1, #objs do setnil(objs[i]) end
for i = 1, #objs do assert(objs[i].link == nil) end
print("cleared")

-- constructors with nil fields (the common case), then fields set later
local Q = {}
Q.__index = Q
local function newq() return setmetatable({ head = nil, tail = nil, size = 0 }, Q) end
local qs = {}
for i = 1, 10 do qs[i] = newq() end
for i = 1, 10 do if i % 2 == 0 then qs[i].tail = i end end
local s = 0
for i = 1, 10 do s = s + (qs[i].tail or 0) + qs[i].size end
print("queues", s, qs[1].head, qs[2].tail)

-- a __newindex on the class, which objects reach through their metatable
local W = {}
W.__newindex = function(t, k, v) rawset(t, k, v == nil and "was nil" or v) end
local w = setmetatable({ kind = 1 }, W)
for _ = 1, 3 do setnil(w) end
print("class newindex", w.link)

-- a dictionary-mode table (many keys come and go)
local big = {}
for i = 1, 80 do big["k" .. i] = i end
for i = 1, 80 do big["k" .. i] = nil end
for _ = 1, 5 do setnil(big) end
print("dict", next(big), big.link)

-- errors are unchanged: indexing a non-table
print(pcall(setnil, nil))
print(pcall(setnil, 42))

-- a megamorphic store site must not store through the chains its key's
-- megamorphic load sites recorded (they may prove a load gives nil)
do
  local function get(t) return t.zz end
  local function put(t, v) t.zz = v end
  local ts = {}
  for i = 1, 8 do
    local t, u = {}, {}
    for j = 1, i do t["a" .. j] = j; u["a" .. j] = j end
    u.zz = 0           -- the child shape by zz exists
    ts[i] = t
  end
  for _ = 1, 2 do
    for i = 1, #ts do assert(get(ts[i]) == nil) end
  end
  for i = 1, #ts do put(ts[i], i * 10) end
  local out = {}
  for i = 1, #ts do out[i] = tostring(rawget(ts[i], "zz")) end
  print(table.concat(out, " "))
  print(rawget({}, "nothing"), ({}).nothing)
end
