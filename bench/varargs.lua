-- varargs: functions taking and returning variable numbers of values:
-- select("#", ...) and select(i, ...), table.pack / table.unpack (with
-- fallbacks so LuaJIT runs it too), forwarding ... through several calls,
-- nils inside argument lists, multiple results adjusted in tables and calls.
-- compat: 5.1
-- quick-size: 2000
-- iter-size: 10000
local n = tonumber(arg and arg[1]) or 500000

local select = select
local pack = table.pack or function(...) return { n = select("#", ...), ... } end
local unpack = table.unpack or unpack

local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if v then s = s + v end
  end
  return s
end

local function count_nils(...)
  local t = pack(...)
  local k = 0
  for i = 1, t.n do if t[i] == nil then k = k + 1 end end
  return k, t.n
end

local function forward(f, ...) return f(...) end
local function twice(...) return forward(sum, ...), forward(count_nils, ...) end
-- `...` before the last place gives one value: rotate(a, b, c) is (b, a).
local function rotate(first, ...) return ..., first end
local function shift(first, ...)
  local rest = pack(...)
  rest[rest.n + 1] = first
  return unpack(rest, 1, rest.n + 1)
end
local function first_two(...) local a, b = ... ; return a, b end

local total, nils, lengths = 0, 0, 0
for i = 1, n do
  local a, b, c = i % 7, i % 11, i % 13
  total = total + sum(a, b, c, i % 3 == 0 and nil or 1, 5)
  local s, k, len = twice(a, nil, b, nil, c)
  total = total + s
  nils, lengths = nils + k, lengths + len
  local t = { shift(a, b, c, i % 5) }
  total = total + t[4] * 2 + #t
  local x, y = first_two(unpack(t))
  total = total + x - y
  local r = pack(rotate(a, b, c))
  lengths = lengths + r.n
  if i % 100 == 0 then
    local long = {}
    for j = 1, 60 do long[j] = (i + j) % 9 end
    total = total + sum(unpack(long)) + select("#", unpack(long, 10, 50))
  end
end
print(string.format("varargs(%d) = %d %d %d", n, total, nils, lengths))
