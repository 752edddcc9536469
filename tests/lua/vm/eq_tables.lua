-- EQ of two tables decides without vm_equalobj when neither metatable has
-- __eq (vm/op_bodies.h): __eq set and removed under a warm site.
local a, b = {}, {}
local mt = {__eq = function(x, y) return true end}
local r = {}
for i = 1, 3 do
  r[#r+1] = tostring(a == b) .. tostring(a ~= b) .. tostring(a == a)
  if i == 1 then setmetatable(b, mt) end
  if i == 2 then setmetatable(b, nil); setmetatable(a, {}); getmetatable(a).__eq = function() return 1 end end
end
local c = setmetatable({}, {})
local d = setmetatable({}, {__index = {}})
r[#r+1] = tostring(c == d) .. tostring(c == c)
getmetatable(d).__eq = function() error("eq called") end
r[#r+1] = tostring(pcall(function() return c == d end))
r[#r+1] = tostring(pcall(function() return d == d end))
print(table.concat(r, " "))
