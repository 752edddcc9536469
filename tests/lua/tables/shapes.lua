-- Objects whose string keys are added, changed, deleted and re-added in
-- different orders (what hidden classes and dictionary fallback must keep
-- exact); every result is read back by key, never by iteration order.
local function describe(t, keys)
  local out = {}
  for i, k in ipairs(keys) do out[i] = k .. "=" .. tostring(t[k]) end
  return table.concat(out, " ")
end
local keys = {"a", "b", "c", "d", "e"}
-- same keys, different insertion orders
local p = {}; p.a = 1; p.b = 2; p.c = 3
local q = {}; q.c = 3; q.b = 2; q.a = 1
print(describe(p, keys), describe(q, keys))
-- delete and re-add
p.b = nil
print(describe(p, keys))
p.b = 20; p.d = 4
print(describe(p, keys))
-- many objects of one shape, then one diverges
local objs = {}
for i = 1, 100 do objs[i] = {a = i, b = i * 2} end
objs[50].c = "extra"
objs[60].a = nil
local sa, sb = 0, 0
for i = 1, 100 do sa = sa + (objs[i].a or 0); sb = sb + objs[i].b end
print(sa, sb, objs[50].c, objs[51].c, objs[60].a)
-- a function reading the same field from objects of different shapes
local function geta(o) return o.a end
local shapes = {{a = 1}, {b = 0, a = 2}, {c = 0, b = 0, a = 3}, {d = 0, a = 4}, {e = 0, a = 5},
                setmetatable({}, {__index = {a = 6}}), {a = false}, {}}
local res = {}
for round = 1, 3 do
  for i, o in ipairs(shapes) do res[#res + 1] = tostring(geta(o)) end
end
print(table.concat(res, ","))
-- a function writing fields: new key vs existing key vs __newindex
local function seta(o, v) o.a = v end
local log = {}
local watched = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. v; rawset(t, k, v) end})
for i = 1, 3 do seta(watched, i) end
print(table.concat(log, " "), watched.a)
-- lots of fields on one object (beyond any small-object limit)
local wide = {}
for i = 1, 300 do wide["f" .. i] = i end
for i = 1, 300, 2 do wide["f" .. i] = nil end
local sum = 0
for i = 1, 300 do sum = sum + (wide["f" .. i] or 0) end
print(sum, wide.f2, wide.f3, wide.f300)
for i = 1, 300, 2 do wide["f" .. i] = -i end
sum = 0
for i = 1, 300 do sum = sum + wide["f" .. i] end
print(sum)
-- integer-like string keys are strings, not array indices
local s = {}
s["1"] = "string key"; s[1] = "integer key"
print(s["1"], s[1], #s)
-- fields set to nil then read
local n = {x = 1}
n.x = nil
print(n.x, rawget(n, "x"), next(n))
