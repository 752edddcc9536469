-- Chains of arithmetic whose values the baseline JIT passes from one op
-- to the next in registers (docs/jit.md, "Values in registers"): each
-- function first runs with one type profile, then with values of other
-- types, strings, metamethods and errors, so that the typed stencils,
-- their load stubs and the general case all run.

local function chainf(a, b, n)       -- float chain, mixed with an integer
  local s = 0.0
  for i = 1, n do
    local x = a * b + i
    local y = x / 2 + a
    local z = 1.0 / (y * (y + 1)) * b
    s = s + z - y * 0.5
  end
  return s
end

local function chaini(a, b, n)       -- integer chain with bitwise ops
  local h = 0
  for i = 1, n do
    local x = (a + i) * b
    x = x ~ (x << 13)
    x = x ~ (x >> 7)
    h = (h ~ (x & 0xffff)) * 31 + (x >> 61) + i % 7 // 2
  end
  return h
end

local function loads(t, n)           -- loads feeding arithmetic
  local s = 0
  for i = 1, n do
    local v = t[i]
    s = s + v * 2 - t[i] / 4
  end
  return s
end

local function cmp(a, n)             -- comparisons of produced values
  local c = 0
  for i = 1, n do
    local x = a * i
    if x + 1 > 20 then c = c + 1 end
    if x < i * 3 then c = c + 2 end
  end
  return c
end

local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    if math.type(v) == "float" then t[i] = string.format("%.10g", v) end
    t[i] = tostring(t[i]) .. "(" .. (math.type(v) or type(v)) .. ")"
  end
  print(table.concat(t, " "))
end

for _ = 1, 3 do show(chainf(1.5, 2.5, 200)) end
show(chainf(3, 4, 50))               -- integers where floats were
show(chainf(1.5, 2, 50))
show(chainf("2", 1.5, 10))            -- strings convert
show(pcall(chainf, {}, 1.5, 5))
show(pcall(chainf, 1.5, nil, 5))
local mt = {__add = function(x, y) return 7 end, __mul = function() return 2.5 end,
            __div = function() return 1.25 end, __sub = function() return 0.5 end}
show(chainf(setmetatable({}, mt), 1.5, 4))

for _ = 1, 3 do show(chaini(3, 5, 300)) end
show(chaini(3.0, 5, 30))              -- floats with integer values
show(chaini(2^53, 3, 10))
show(pcall(chaini, 3.5, 5, 10))       -- no integer representation
show(pcall(chaini, 3, "x", 10))
show(chaini(math.maxinteger, 7, 20))  -- wrap-around
show(chaini(math.mininteger, -1, 20))

local t = {}
for i = 1, 100 do t[i] = i * 0.5 end
for _ = 1, 3 do show(loads(t, 100)) end
for i = 1, 100 do t[i] = i end
show(loads(t, 100))
t[50] = "8"
show(loads(t, 100))
t[60] = nil
show(pcall(loads, t, 100))
setmetatable(t, {__index = function(_, k) return k + 0.25 end})
show(loads(t, 100))

for _ = 1, 3 do show(cmp(2, 50)) end
show(cmp(2.5, 50))
show(cmp(-1, 50))
show(pcall(cmp, "a", 5))
show(cmp(setmetatable({}, {__mul = function() return 100 end,
                           __add = function() return 30 end,
                           __lt = function() return true end}), 3))

local function fill(t, n, v)         -- stores keyed by the loop variable
  for i = 1, n do t[i] = v end
  for i = n, 1, -2 do t[i] = i end
  return #t, t[1], t[2], t[n]
end
for _ = 1, 3 do show(fill({}, 20, true)) end
show(fill({}, 5, 1.5))
local log = {}
show(fill(setmetatable({}, {__newindex = function(t, k, v)
  log[#log + 1] = k; rawset(t, k, v) end}), 6, "x"))
show(#log, log[1], log[6])
show(pcall(fill, "str", 3, 1))
show(pcall(fill, nil, 3, 1))
