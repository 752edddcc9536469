-- Field inline caches through chains of __index tables (vm/feedback.h:
-- class entries of several hops, polymorphic sites, and the shared chains
-- of megamorphic sites) must never change results: every link of a chain
-- is changed under a warm site, and the site must see it.
local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

local Base = class()
function Base:name() return "base" end
function Base:kind() return "b" end
local Mid = class(Base)
function Mid:kind() return "m" end
local Leaf = class(Mid)
function Leaf:leaf() return "leaf" end

local function call_all(objs, method, rounds)
  local out = {}
  for r = 1, rounds do
    for i = 1, #objs do
      local f = objs[i][method]
      out[#out + 1] = f and f(objs[i]) or "nil"
    end
  end
  return table.concat(out, ",", 1, math.min(#out, 12))
end

local a = setmetatable({x = 1}, Leaf)
local b = setmetatable({y = 2}, Mid)
local c = setmetatable({z = 3, w = 4}, Base)
print(call_all({a}, "name", 5))          -- three hops
print(call_all({a, b, c}, "name", 3))    -- polymorphic, then shared chains
print(call_all({a, b, c}, "kind", 3))

-- a method defined lower down shadows the one found before
local function names(o) local r = {} for i = 1, 4 do r[i] = o:name() end return table.concat(r, " ") end
print(names(a))
function Mid:name() return "mid" end
print(names(a), names(b), names(c))
Mid.name = nil                            -- the slot stays, holding nil
print(names(a), names(b))
function Mid:name() return "mid again" end
print(names(a))
function Leaf:name() return "leaf's" end
print(names(a), names(b))
a.name = function() return "own" end      -- the object itself gets the key
print(names(a))
a.name = nil
print(names(a))

-- the __index of a middle metatable changes: to another table, to a
-- function, away
local mt_mid = getmetatable(Mid)
Mid.name = nil
print(names(b))
mt_mid.__index = {name = function() return "other base" end}
print(names(b))
mt_mid.__index = function(t, k) return function() return "fn " .. k end end
print(names(b))
mt_mid.__index = nil
print(pcall(names, b))
mt_mid.__index = Base
print(names(b))
setmetatable(Mid, nil)
print(pcall(names, b))
setmetatable(Mid, {__index = Base})
print(names(b))

-- classes whose __index is another table than themselves
local Proto = {greet = function(self) return "hi " .. self.n end}
local Meta = {__index = Proto}
local objs = {}
for i = 1, 6 do objs[i] = setmetatable({n = i}, Meta) end
local g = {}
for r = 1, 3 do for i = 1, #objs do g[#g + 1] = objs[i]:greet() end end
print(table.concat(g, ";", 1, 8))
Proto.greet = function(self) return "hello " .. self.n end
print(objs[1]:greet(), objs[6]:greet())
Meta.__index = setmetatable({}, {__index = Proto})
print(objs[2]:greet())
Proto.greet = nil
print(pcall(function() return objs[3]:greet() end))

-- many shapes at one site (megamorphic), with chains changing underneath
local Shared = class()
function Shared:val() return self.v end
local many = {}
for i = 1, 12 do
  local o = {v = i}
  o["k" .. i] = true                      -- a different shape for each
  many[i] = setmetatable(o, Shared)
end
local function sum_vals()
  local s = 0
  for r = 1, 3 do for i = 1, #many do s = s + many[i]:val() end end
  return s
end
print(sum_vals())
function Shared:val() return -self.v end
print(sum_vals())
local Sub = class(Shared)
for i = 1, 12, 2 do setmetatable(many[i], Sub) end
print(sum_vals())
function Sub:val() return 100 end
print(sum_vals())
Sub.__index = {val = function() return 1000 end}
print(sum_vals())

-- keys absent everywhere, and dictionary-mode tables on the chain
local Dict = class()
for i = 1, 100 do Dict["m" .. i] = function() return i end end
Dict.m7 = nil
local d = setmetatable({}, Dict)
local r = {}
for i = 1, 3 do r[#r + 1] = tostring(d.m7) .. "/" .. d.m8() .. "/" .. tostring(d.absent) end
print(table.concat(r, " "))
Dict.m7 = function() return "seven" end
print(d.m7())

-- garbage: classes and objects die while sites remember chains to them
local function churn(k)
  local C = class(class())
  getmetatable(C).__index.f = function() return k end
  local o = setmetatable({["u" .. k] = 1}, C)
  return o:f()
end
local t = 0
for k = 1, 200 do
  t = t + churn(k)
  if k % 50 == 0 then collectgarbage() end
end
print(t)
