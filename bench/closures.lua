-- closures: higher-order functions over arrays (map, filter, fold, zip,
-- compose, curry) with many short-lived closures that capture locals and
-- loop variables, and counters that share upvalues; measures closure
-- creation, upvalue access and calls through function values.
-- compat: 5.1
-- quick-size: 100
-- iter-size: 600
local n = tonumber(arg and arg[1]) or 20000

local function map(f, t)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end

local function filter(p, t)
  local r, k = {}, 0
  for i = 1, #t do
    local v = t[i]
    if p(v) then k = k + 1; r[k] = v end
  end
  return r
end

local function fold(f, acc, t)
  for i = 1, #t do acc = f(acc, t[i]) end
  return acc
end

local function zip_with(f, a, b)
  local r = {}
  for i = 1, math.min(#a, #b) do r[i] = f(a[i], b[i]) end
  return r
end

local function compose(f, g) return function(x) return f(g(x)) end end
local function curry(f) return function(a) return function(b) return f(a, b) end end end
local function add(a, b) return a + b end
local function range(k)
  local r = {}
  for i = 1, k do r[i] = i end
  return r
end

-- A counter object made of closures over one shared upvalue.
local function counter(start)
  local count = start
  return function() count = count + 1; return count end,
         function(d) count = count - d end,
         function() return count end
end

local xs = range(200)
local total, kept, counted = 0, 0, 0
for round = 1, n do
  local scale = round % 13 + 1
  local adder = curry(add)(round)
  local scale_then_add = compose(adder, function(x) return x * scale end)
  local ys = map(scale_then_add, xs)
  local odd = filter(function(v) return v % 2 == 1 end, ys)
  kept = kept + #odd
  local sum = fold(add, 0, odd)
  local prods = zip_with(function(a, b) return (a * b) % 1009 end, ys, xs)
  total = (total + sum + fold(function(acc, v) return acc + v end, 0, prods)) % 1000000007
  local inc, dec, get = counter(round)
  for i = 1, 50 do
    inc()
    if i % 5 == 0 then dec(2) end
  end
  counted = counted + get()
  -- Closures made in a loop capture a fresh variable each iteration.
  local fs = {}
  for i = 1, 40 do fs[i] = function() return i * scale end end
  for i = 1, 40 do counted = counted + fs[i]() end
end
print(string.format("closures(%d) = %d %d %d", n, total, kept, counted))
