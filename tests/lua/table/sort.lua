-- table.sort: default order, comparators, stability-dependent results, errors
local function show(t) local o = {} for i = 1, #t do o[i] = tostring(t[i]) end return table.concat(o, " ") end
local t = {5, 3, 8, 1, 9, 2, 7, 4, 6, 0}
table.sort(t) print(show(t))
table.sort(t, function(a, b) return a > b end) print(show(t))
t = {"banana", "apple", "Cherry", "date", "apple", ""}
table.sort(t) print(show(t))
t = {3.5, 1, -2, 2^53, -0.0, 0, math.huge, -math.huge, 1.5}
table.sort(t) print(show(t))
t = {} table.sort(t) print(show(t))
t = {1} table.sort(t) print(show(t))
t = {2, 1} table.sort(t) print(show(t))
t = {3, 1, 2} table.sort(t) print(show(t))
-- ties: the resulting order of equal keys is part of lua5.4's behaviour
local recs = {}
for i = 1, 60 do recs[i] = {key = (i * 7) % 5, id = i} end
table.sort(recs, function(a, b) return a.key < b.key end)
local ids = {}
for i, r in ipairs(recs) do ids[i] = r.key .. ":" .. r.id end
print(table.concat(ids, " "))
-- the sequence of comparisons made
local calls = {}
t = {4, 2, 5, 1, 3}
table.sort(t, function(a, b) calls[#calls + 1] = a .. "<" .. b return a < b end)
print(show(t), #calls, table.concat(calls, " "))
-- larger arrays, already sorted, reversed, all equal
local function check(n, gen)
  local a = {}
  for i = 1, n do a[i] = gen(i) end
  local count = 0
  table.sort(a, function(x, y) count = count + 1 return x < y end)
  for i = 2, n do assert(a[i - 1] <= a[i]) end
  return count
end
print(check(100, function(i) return i end), check(100, function(i) return -i end), check(100, function() return 7 end))
print(check(1000, function(i) return (i * 7919) % 1009 end), check(99, function(i) return (i * 37) % 11 end))
-- errors
print(pcall(table.sort, {3, 1, 2}, 42))
print(pcall(table.sort, {3, 1, 2}, "x"))
print(pcall(table.sort, {1, "x", 2}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, nil))
print(pcall(table.sort, {3, 2, 1}, function(a, b) error("cmp failed") end))
print(pcall(table.sort, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, function(a, b) return true end))
print(pcall(table.sort, {5, 4, 3, 2, 1, 0, -1, -2, -3, -4}, function(a, b) return true end))
print(pcall(table.sort, {1, 1, 1, 1, 1, 1, 1}, function(a, b) return a <= b end))
print(pcall(table.sort, setmetatable({}, {__len = function() return math.maxinteger end})))
print(pcall(table.sort, setmetatable({}, {__len = function() return 2^31 - 1 end})))
print(pcall(table.sort, {1, nil, 3}))
-- a nil second argument is the same as none
t = {2, 3, 1} table.sort(t, nil) print(show(t))
-- __lt metamethods are used by the default order
local mt = {__lt = function(a, b) return a.v < b.v end}
local objs = {}
for i, v in ipairs{5, 2, 8, 1} do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
for i = 1, #objs do io.write(objs[i].v, " ") end
print()
-- sorting through __index/__newindex/__len
local store = {30, 10, 20}
local proxy = setmetatable({}, {__index = store, __newindex = store, __len = function() return #store end})
table.sort(proxy)
print(show(store))
