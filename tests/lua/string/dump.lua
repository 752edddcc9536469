-- string.dump: functions survive a dump/load round trip (the bytes themselves are engine-specific)
local function add(a, b) return a + b end
local d = string.dump(add)
print(type(d), #d > 0)
local f = load(d, "dumped", "b")
print(f(2, 3), f(1.5, 2))
local stripped = load(string.dump(add, true), "stripped", "b")
print(stripped(10, 20))
print(#string.dump(add, true) <= #d)
-- upvalues are not saved, constants and nested functions survive
local up = 42
local function uses_up() return up end
local g = load(string.dump(uses_up))
print(g() == _G)  -- load() gives the first upvalue the global table
local function nested()
  local t = {}
  for i = 1, 3 do t[i] = function() return i * 10 end end
  return t[1]() + t[2]() + t[3](), "str", 1.5, 2^63, math.mininteger
end
print(load(string.dump(nested))())
print(load(string.dump(nested, true))())
-- varargs and a main chunk
local chunk = load("local a, b = ... return b, a, select('#', ...)")
print(load(string.dump(chunk))(1, 2, 3))
-- errors
print(pcall(string.dump, print))
print(pcall(string.dump, string.dump))
print(pcall(string.dump, {}))
print(pcall(string.dump))
print(pcall(string.dump, 42))
print(pcall(load(string.dump(function() error("from dumped") end))))
-- a dumped function is text that load() refuses in text-only mode
print(load(d, "x", "t"))
