-- Stores into the array part: a nil slot goes to __newindex only when the
-- table has one (the fast path tests the metatable before the slot), and
-- '#' after stores into holes keeps lua5.4's border.
local log = {}
local mt = { __newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end }

local t = {}
for i = 1, 64 do t[i] = i end
t[10], t[20], t[40] = nil, nil, nil
setmetatable(t, mt)
for i = 1, 64 do t[i] = -i end            -- holes 10, 20, 40 call __newindex
print(table.concat(log, " "), #t, t[10], t[40])

-- the same with constant keys (SETI) and a metatable set afterwards
local u = { 1, 2, nil, 4, 5, nil, 7, 8 }
u[3] = "a"
setmetatable(u, { __newindex = function(_, k) error("newindex " .. k) end })
u[1] = "b"
print(pcall(function() u[6] = "c" end))
print(u[1], u[3], u[6], rawlen(u))

-- a metatable without __newindex, then one gaining it later
local w = setmetatable({}, {})
for i = 1, 16 do w[i] = true end
w[5] = nil
w[5] = 5                                  -- no __newindex: plain store
getmetatable(w).__newindex = function(_, k) print("gained", k) end
w[7] = nil
w[7] = 7                                  -- now it is called
print(w[5], w[7], #w)

-- borders of arrays with holes filled by the fast path
for _, n in ipairs({ 4, 9, 17, 33 }) do
  local a = {}
  for i = 1, n do a[i] = i end
  for i = 2, n, 3 do a[i] = nil end
  local b1 = #a
  for i = 2, n, 3 do a[i] = false end
  print(n, b1, #a)
  a[n] = nil
  print(#a)
end

-- __newindex through a non-function (a table) on array holes
local store = {}
local p = setmetatable({ 1, nil, 3 }, { __newindex = store })
p[2] = "x"
print(rawget(p, 2), store[2])

-- errors: storing with nil and NaN keys
print(pcall(function() local z = {} z[nil] = 1 end))
print(pcall(function() local z = {} z[0 / 0] = 1 end))
