-- __index and __newindex: tables, functions, chains, rawget/rawset.
local base = {greet = "hello", shared = "base"}
local mid = setmetatable({shared = "mid"}, {__index = base})
local obj = setmetatable({}, {__index = mid})
print(obj.greet, obj.shared, obj.missing, rawget(obj, "greet"))
-- function __index receives the original table and key
local fobj = setmetatable({}, {__index = function(t, k) return k .. "!" end})
print(fobj.x, fobj[1], rawget(fobj, "x"))
-- chain of 50 tables
local chain = {deep = "bottom"}
for i = 1, 50 do chain = setmetatable({}, {__index = chain}) end
print(chain.deep)
-- __index not consulted when the key exists (even false)
local present = setmetatable({f = false}, {__index = function() return "meta" end})
print(present.f, present.g)
-- __newindex with a table stores into that table
local store = {}
local proxy = setmetatable({}, {__newindex = store})
proxy.a = 1
print(rawget(proxy, "a"), store.a)
-- __newindex with a function
local log = {}
local watched = setmetatable({}, {__newindex = function(t, k, v)
  log[#log + 1] = tostring(k) .. "=" .. tostring(v); rawset(t, k, v) end})
watched.x = 1
watched.x = 2          -- exists now: no metamethod call
watched.y = nil
print(table.concat(log, " "), watched.x)
-- __newindex chain through tables that themselves have __newindex
local final = {}
local second = setmetatable({}, {__newindex = final})
local first = setmetatable({}, {__newindex = second})
first.z = "deep"
print(rawget(first, "z"), rawget(second, "z"), final.z)
-- __index on strings through the string metatable
print(("abc").len == string.len, ("x").nothing)
-- __index on non-table values via debug.setmetatable
debug.setmetatable(10, {__index = function(n, k) return n * 2 .. k end})
print((5).x)
debug.setmetatable(10, nil)
print(pcall(function() return (5).x end))
-- __index as a callable table? Only functions are called; tables are indexed
local callable = setmetatable({}, {__call = function() return "called" end})
local viaTable = setmetatable({}, {__index = callable})
print(viaTable.anything)
-- __index with integer keys and array part
local arr = setmetatable({1, 2}, {__index = function(_, i) return i * 10 end})
print(arr[1], arr[2], arr[3], arr[-1])
-- __newindex on integer keys that go to the array part
local nlog = {}
local narr = setmetatable({}, {__newindex = function(t, k, v) nlog[#nlog + 1] = k; rawset(t, k, v) end})
for i = 1, 3 do narr[i] = i end
narr[2] = 20
print(table.concat(nlog, ","), narr[2])
-- rawequal/rawlen/rawget/rawset bypass metamethods
local mt = {__index = function() return "mt" end, __newindex = function() error("no") end}
local raw = setmetatable({}, mt)
rawset(raw, "k", "v")
print(raw.k, rawget(raw, "other"), raw.other)
-- errors in __index functions propagate
local bad = setmetatable({}, {__index = function(t, k) error("no field " .. k) end})
print(pcall(function() return bad.zzz end))
-- __index loop detection
local loop1, loop2 = {}, {}
setmetatable(loop1, {__index = loop2})
setmetatable(loop2, {__index = loop1})
print(pcall(function() return loop1.x end))
local nl1, nl2 = {}, {}
setmetatable(nl1, {__newindex = nl2})
setmetatable(nl2, {__newindex = nl1})
print(pcall(function() nl1.x = 1 end))
-- indexing non-indexable values
print(pcall(function() local n = nil; return n.x end))
print(pcall(function() local b = true; b.x = 1 end))
