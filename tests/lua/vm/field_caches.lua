-- Interpreter (vm-A): field inline caches must never change results: class
-- methods redefined, __index replaced, metatables swapped, polymorphic sites.
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:sum() return self.x + self.y end
local acc = 0
for i = 1, 5 do
  local p = Point.new(i, i)
  acc = acc + p:sum()
end
print(acc)
-- change the class method: IC must see it
function Point:sum() return self.x * self.y end
local p = Point.new(3, 4)
print(p:sum())
-- override on the object itself
p.sum = function() return "own" end
print(p:sum())
-- change __index to a function
local q = Point.new(1, 2)
print(q:sum())
Point.__index = function(t, k) return function() return "via fn " .. k end end
print(q:sum())
-- change metatable
local Other = {sum = function() return "other" end}
Other.__index = Other
setmetatable(q, Other)
print(q:sum())
-- remove method
Other.sum = nil
print(pcall(function() return q:sum() end))
-- polymorphic gets
local objs = {{a = 1}, {b = 2, a = 3}, {c = 1, b = 1, a = 5}, {d = 1, a = 7}, {e = 1, a = 9}}
local s = 0
for r = 1, 2 do for _, o in ipairs(objs) do s = s + o.a end end
print(s)
-- field set with nil then re-set
local t = {x = 1, y = 2}
for i = 1, 3 do t.x = i end
t.x = nil
print(t.x, next(t) ~= nil)
t.x = 5
print(t.x)
-- __newindex when key absent
local log = {}
local prox = setmetatable({}, {__newindex = function(t, k, v) log[#log+1] = k .. "=" .. tostring(v); rawset(t, k, v) end})
for i = 1, 3 do prox.z = i end
print(table.concat(log, ","), prox.z)
-- globals
gx = 1
for i = 1, 3 do gx = gx + 1 end
print(gx)
_ENV = setmetatable({}, {__index = _G})
print(gx, type(print))
