-- __concat: operand order, chains of '..', mixing numbers and strings.
local mt = {}
mt.__concat = function(a, b)
  local function nm(x) return type(x) == "table" and "T" .. x.id or tostring(x) end
  return setmetatable({id = "(" .. nm(a) .. ".." .. nm(b) .. ")"}, mt)
end
local A = setmetatable({id = "A"}, mt)
local B = setmetatable({id = "B"}, mt)
print((A .. "s").id)
print(("s" .. A).id)
print((A .. B).id)
print((1 .. A).id)
print((A .. 2.5).id)
-- in a chain, '..' is right associative and strings are joined first
print(("x" .. "y" .. A).id)
print((A .. "x" .. "y").id)
print(("a" .. A .. "b" .. "c").id)
print(("a" .. 1 .. A .. 2 .. "b").id)
-- result of __concat can be any value
local R = setmetatable({}, {__concat = function() return 42 end})
print(R .. "x", "x" .. R, math.type(R .. R))
-- errors
local function try(f) print(pcall(f)) end
try(function() return "a" .. {} end)
try(function() return {} .. "a" end)
try(function() local x; return "a" .. x end)
try(function() local t = {}; return t.field .. "a" end)
try(function() return "a" .. true end)
try(function() return 1 .. nil end)
try(function() local up = {}; return (function() return "s" .. up end)() end)
try(function() return "a" .. "b" .. print end)
