-- Calling with fewer or more arguments than parameters, for Lua and C
-- functions, methods and varargs; missing parameters are nil, extras dropped.
local function f3(a, b, c) return a, b, c end
print(f3())
print(f3(1))
print(f3(1, 2, 3, 4, 5))
local function g(a, ...) return a, select("#", ...) end
print(g())
print(g(nil))
print(g(1, nil, nil))
-- C functions see exactly the arguments given
print(select("#", string.byte("abc", 1, 3)))
print(pcall(string.rep, "x"))
print(string.rep("ab", 3, ",", "ignored extra"))
print(math.max(3, 1, 2), math.min(3, 1, 2))
print(pcall(math.max))
-- methods: the object counts as the first argument
local obj = {}
function obj:m(a, b) return self == obj, a, b end
print(obj:m())
print(obj:m(1, 2, 3))
print(obj.m(obj, 1))
print(obj.m())
-- calling through a variable number of results
local function two() return "x", "y" end
print(f3(two()))
print(f3(two(), "z"))
print(f3("w", two()))
-- functions with many parameters
local function many(p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, p16)
  return p1, p8, p16
end
print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17))
print(many(1))
-- parameters are locals and can be reassigned
local function reassign(a) a = (a or 0) + 1; return a end
print(reassign(), reassign(5))
-- arguments are evaluated left to right before the call
local order = {}
local function mark(x) order[#order + 1] = x; return x end
f3(mark(1), mark(2), mark(3))
print(table.concat(order, ","))
