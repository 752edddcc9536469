-- table.sort's calls of the order function: how many, with what, and what
-- happens when it errors, yields, returns non-booleans or is inconsistent,
-- after enough calls for it to run compiled; also __lt and __index/__newindex.
local function lcg(seed)
  return function(k) seed = (seed * 16807) % 2147483647; return seed % k end
end

-- comparison counts and results match the reference quicksort exactly
for _, n in ipairs({ 2, 3, 10, 99, 100, 101, 500, 3000 }) do
  local r = lcg(n)
  local t = {}
  for i = 1, n do t[i] = r(50) end
  local calls = 0
  table.sort(t, function(a, b) calls = calls + 1; return a > b end)
  local h = 0
  for i = 1, n do h = (h * 31 + t[i]) % 1000003 end
  print(n, calls, h, t[1], t[n])
end

-- non-boolean results: only nil and false are false
local t = { 5, 3, 8, 1, 9, 2 }
table.sort(t, function(a, b) if a < b then return 0 end return nil end)
print(table.concat(t, " "))

-- errors from the order function, at the first and at a later call
print(pcall(table.sort, { 3, 2, 1 }, function(a, b) error("first") end))
local n = 0
local ok, e = pcall(table.sort, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 }, function(a, b)
  n = n + 1
  if n == 7 then error({ at = n }) end
  return a < b
end)
print(ok, type(e), e.at)
print(pcall(table.sort, { 1, 2, 3 }, function(a, b) return a.x < b end))

-- inconsistent order functions
for _, size in ipairs({ 5, 20, 200 }) do
  local u = {}
  for i = 1, size do u[i] = size - i end
  print(size, pcall(table.sort, u, function(a, b) return true end))
  for i = 1, size do u[i] = i % 3 end
  print(size, pcall(table.sort, u, function(a, b) return a <= b end))
end

-- yielding from the order function is refused
local co = coroutine.create(function()
  table.sort({ 3, 1, 2 }, function(a, b) coroutine.yield(); return a < b end)
end)
print(coroutine.resume(co))
print(coroutine.wrap(function()
  return pcall(table.sort, { 3, 1, 2 }, function(a, b) coroutine.yield() end)
end)())

-- the default order with __lt, with mixed types, with strings
local mt = { __lt = function(a, b) return a.v < b.v end }
local objs = {}
for i = 1, 300 do objs[i] = setmetatable({ v = (i * 37) % 301 }, mt) end
table.sort(objs)
print(objs[1].v, objs[150].v, objs[300].v)
print(pcall(table.sort, { 1, 2, "3", 4 }))
local strs = {}
for i = 1, 200 do strs[i] = "s" .. ((i * 7919) % 200) end
table.sort(strs)
print(strs[1], strs[100], strs[200])

-- a proxy table: every element through __index/__newindex
local store = { 4, 2, 5, 1, 3 }
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = k; store[k] = v end,
  __len = function() return #store end,
})
table.sort(proxy, function(a, b) return a > b end)
print(table.concat(store, " "), #log)

-- a callable table is not a comparator
local callable = setmetatable({}, { __call = function(_, a, b) return a < b end })
local c = { 3, 1, 2, 5, 4 }
print(pcall(table.sort, c, callable))
print(table.concat(c, " "))
-- a C function as comparator
local d = { 3, 1, 2 }
print(pcall(table.sort, d, math.max))
print(table.concat(d, " "))
