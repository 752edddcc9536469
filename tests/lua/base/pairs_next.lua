-- next, pairs (with __pairs) and ipairs (with __index).

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  return table.concat(keys, ",")
end

print(next({}))
print(next({10}))
print(next({10}, 1))
print(pcall(next, {}, "nokey"))
print(pcall(next))
print(pcall(next, 1))
print(sorted_keys({a = 1, b = 2, 3, 4, [1.5] = true}))

local count = 0
for k, v in next, {x = 1, y = 2, z = 3} do count = count + v end
print(count)

-- pairs returns next, the table, nil
local f, s, c = pairs({})
print(f == next, type(s), c)
print(pcall(pairs))
print(select('#', pairs(nil)), select(1, pairs(nil)) == next)
print(select('#', pairs({})))

-- __pairs
local proxy = setmetatable({}, {__pairs = function(t)
  local i = 0
  return function() i = i + 1; if i <= 3 then return i, i * i end end, t, nil
end})
for k, v in pairs(proxy) do io.write(k, "=", v, " ") end
print()

-- __pairs results are truncated/padded to three
local few = setmetatable({}, {__pairs = function() return 1 end})
print(select('#', pairs(few)), pairs(few))
local many = setmetatable({}, {__pairs = function() return 1, 2, 3, 4, 5 end})
print(pairs(many))

-- pairs on a non-table with __pairs
local ud = setmetatable({}, {__pairs = function(x) return function() end, "state", "ctl" end})
print(select(2, pairs(ud)))

-- ipairs
for i, v in ipairs({"a", "b", nil, "d"}) do io.write(i, v, " ") end
print()
local sparse = setmetatable({}, {__index = function(t, i) if i <= 4 then return i * 10 end end})
for i, v in ipairs(sparse) do io.write(i, ":", v, " ") end
print()
print(pcall(ipairs))
local f2, s2, c2 = ipairs({})
print(type(f2), type(s2), c2)
print(f2({5, 6}, 1))
print(f2({5, 6}, 2))
print(pcall(f2, {}, "x"))
-- ipairs works on any indexable value (strings index the string table)
print(pcall(function() for i, v in ipairs("abc") do print(i, v) end end))
print(pcall(function() for i, v in ipairs(nil) do end end))

-- modifying existing fields during traversal is allowed
local t = {a = 1, b = 2, c = 3}
for k in pairs(t) do t[k] = nil end
print(next(t))
