-- Multiple results: adjustment in assignments, calls, returns, and tables.
local function none() end
local function one() return 1 end
local function two() return 1, 2 end
local function three() return 1, 2, 3 end
print(none())
print(one(), two())
print(two(), one())
print(three(), three())
local a, b, c, d = three()
print(a, b, c, d)
a, b, c = none(), two()
print(a, b, c)
-- results through several layers
local function wrap(f) return f() end
print(wrap(three))
local function wrap2(f) local x, y = f() return y, x end
print(wrap2(three))
-- results as arguments to functions with fixed parameters
local function take2(p, q) return q, p end
print(take2(three()))
print(take2(none()))
-- string.format with multiple results
print(string.format("%d %d %d", three()))
-- a function returning its own call: recursion with multiple results
local function countdown(n, ...) if n == 0 then return ... end return countdown(n - 1, n, ...) end
print(countdown(5))
-- results used as table keys and in conditions
local t = {}
t[two()] = "first value is the key"
print(t[1], t[2])
if none() then print("never") else print("none is false") end
-- returning many values from a C function and from Lua
print(select("#", string.byte(string.rep("a", 200), 1, -1)))
local function manyret(n) if n == 0 then return end return n, manyret(n - 1) end
print(select("#", manyret(200)), (select(200, manyret(200))))
