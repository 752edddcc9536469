-- The '..' operator: numbers are converted like tostring, chains are joined
-- in one step, and results are ordinary strings.
print(1 .. 2, 1.5 .. "", -0.0 .. "", 10 // 1 .. "", 2^63 .. "", math.mininteger .. "")
print(1e15 .. "", 1e16 .. "", 0.1 .. "", 1/3 .. "", 100 / 2 .. "")
local x = 7
print("x=" .. x .. ", x/2=" .. x / 2 .. ", x//2=" .. x // 2)
-- long chains
local parts = {}
for i = 1, 50 do parts[i] = "p" .. i end
local chain = load("local a = ... return " .. table.concat((function()
  local e = {}
  for i = 1, 50 do e[i] = "a[" .. i .. "]" end
  return e
end)(), " .. "))(parts)
print(#chain, chain:sub(1, 12), chain:sub(-8))
-- building a string in a loop
local s = ""
for i = 1, 1000 do s = s .. (i % 10) end
print(#s, s:sub(1, 20), s:sub(-5))
-- concatenation with empty strings
print(("" .. ""):len(), ("a" .. ""):len(), ("" .. "b"), "" .. 1)
-- embedded zeros survive
local z = "a\0b" .. "\0c"
print(#z, z:byte(1, -1))
-- strings built by different routes are equal and usable as the same key
local k1 = "key" .. 1
local k2 = "ke" .. "y1"
local k3 = string.format("key%d", 1)
local t = {[k1] = "v"}
print(k1 == k2, k2 == k3, t[k2], t[k3])
local long1 = string.rep("abc", 100) .. "!"
local long2 = string.rep("abc", 99) .. "abc!"
t[long1] = "long"
print(long1 == long2, t[long2])
-- numbers in concatenation are not converted back: "10" .. 1 is a string
print(math.type("1" .. 0), type("1" .. 0), ("1" .. 0) + 1)
