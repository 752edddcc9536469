-- Edge cases of metamethod dispatch and the messages around it.
local function try(f, ...) print(select(2, pcall(f, ...))) end

-- __index / __newindex chains: loops, tables and functions mixed
local loop = setmetatable({}, {})
getmetatable(loop).__index = loop
try(function() return loop.x end)
getmetatable(loop).__newindex = loop
try(function() loop.x = 1 end)
local base = {a = 1}
local mid = setmetatable({}, {__index = base})
local top = setmetatable({}, {__index = mid})
print(top.a, top.b)
local log = {}
local sink = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v) end})
local front = setmetatable({}, {__newindex = sink})
front.x = 1; front.y = 2
print(table.concat(log, " "), rawget(front, "x"), rawget(sink, "x"))
-- __newindex on a table whose field exists (non-nil) is not called
local existing = setmetatable({k = 1}, {__newindex = function() error("no") end})
existing.k = 2
print(existing.k)
-- the absent-metamethod cache must see a metamethod added later
local mt = {}
local late = setmetatable({}, mt)
print(late.q)
mt.__index = function(_, k) return "late " .. k end
print(late.q)
mt.__index = nil
print(late.q)
rawset(mt, "__index", {q = "raw"})
print(late.q)

-- __eq: only for tables and full userdata, tried on both operands
local eqmt = {__eq = function(a, b) print("eq called") return true end}
local e1, e2 = setmetatable({}, eqmt), {}
print(e1 == e2, e2 == e1, e1 ~= e2, e1 == 1, e1 == "x")

-- __lt / __le, with the 5.3 fallback of __le to not __lt
local ltonly = {__lt = function(a, b) return rawlen(a) < rawlen(b) end}
local s1, s2 = setmetatable({1}, ltonly), setmetatable({1, 2}, ltonly)
print(s1 < s2, s2 < s1, s1 <= s2, s2 <= s1, s1 > s2, s1 >= s2)
try(function() return {} < {} end)
try(function() return {} <= 1 end)
try(function() return "a" < 1 end)
try(function() return 1 >= "a" end)
local named = setmetatable({}, {__name = "MyType"})
try(function() return named < named end)
try(function() return named < 1 end)
try(function() return named + 1 end)
try(function() return #named end)
try(function() return named() end)
try(function() return -named end)
-- __name that is not a string is ignored
local badname = setmetatable({}, {__name = 42})
try(function() return badname .. "x" end)

-- calling a non-function metamethod
local callmt = setmetatable({}, {__add = 5, __index = 7})
try(function() return callmt + 1 end)
try(function() return callmt.x end)
-- __call
local callable = setmetatable({}, {__call = function(self, a, b) return a + b end})
print(callable(3, 4))

-- __concat on both sides and in long chains
local cc = setmetatable({}, {__concat = function(a, b)
  local x = type(a) == "table" and "T" or a
  local y = type(b) == "table" and "T" or b
  return x .. y
end})
print(cc .. "a", "a" .. cc, 1 .. cc, "a" .. "b" .. cc .. "c" .. 2)
print(1 .. 2, 1.5 .. "", -0.0 .. "", 2^63 .. "", math.mininteger .. "")
try(function() return "a" .. {} .. "b" end)
try(function() local t = {} return t .. "x" end)

-- __len
print(#setmetatable({}, {__len = function() return 42 end}), #"abc", #{1, 2, 3})

-- unary metamethods get the operand twice
setmetatable(named, {__unm = function(a, b) return rawequal(a, b) end,
                     __bnot = function(a, b) return rawequal(a, b) end})
print(-named, ~named)

-- to-be-closed variables
try(function() local x <close> = {} end)
try(function() local x <close> = 42 end)
do
  local order = {}
  do
    local a <close> = setmetatable({}, {__close = function(_, e) order[#order + 1] = "a:" .. tostring(e) end})
    local n <close> = nil
    local b <close> = setmetatable({}, {__close = function(_, e) order[#order + 1] = "b:" .. tostring(e) end})
  end
  print(table.concat(order, " "))
end
print(pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, e) print("closing a with", e) end})
  local b <close> = setmetatable({}, {__close = function(_, e) print("closing b with", e); error("in b", 0) end})
  error("body", 0)
end))
-- __close removed after marking: calling it fails
print(pcall(function()
  local mt = {__close = function() end}
  local v <close> = setmetatable({}, mt)
  mt.__close = nil
end))

-- bitwise and integer conversions in messages
try(function() local f = 2.5 return f << 1 end)
try(function() return 1 | 2^63 end)
try(function() local s = "1.5" return s & 1 end)
print(3.0 | 0, "0x10" + 0, 2^53 | 0, -1 >> 63, 1 << -1)
try(function() return math.huge // 0 end)
print(pcall(function() local a, b = 5, 0 return a % b end))
print(5 // 0.0, -5 // 0.0, 0/0 ~= 0/0, 5 % -0.0 ~= 5 % -0.0)
