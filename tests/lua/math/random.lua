-- math.random/randomseed: seeded sequences match lua5.4's xoshiro256**
print(math.randomseed(42))
local out = {}
for i = 1, 10 do out[i] = math.random(1, 100) end
print(table.concat(out, " "))
out = {}
for i = 1, 5 do out[i] = string.format("%.17g", math.random()) end
print(table.concat(out, " "))
out = {}
for i = 1, 5 do out[i] = math.random(0) end
print(table.concat(out, " "))
out = {}
for i = 1, 10 do out[i] = math.random(6) end
print(table.concat(out, " "))
print(math.randomseed(1, 2))
print(math.random(math.mininteger, math.maxinteger), math.random(-10, -5), math.random(7, 7), math.random(1, 1 << 40))
print(math.random(0, 1), math.random(math.maxinteger - 1, math.maxinteger), math.random(3.0), math.random("5"))
print(math.randomseed(-1))
print(math.random(1000000), math.random(1, 3), math.random(1, 2^53))
print(math.randomseed(0, 0))
print(math.random(100), math.random(), math.random(0))
print(math.randomseed(math.mininteger, math.maxinteger))
print(math.random(100), math.random(2^40))
print(math.randomseed(7.0))
print(math.random(10))
-- the same seed gives the same sequence
math.randomseed(123)
local first = {math.random(1000), math.random(1000), math.random(1000)}
math.randomseed(123)
local second = {math.random(1000), math.random(1000), math.random(1000)}
print(table.concat(first, " ") == table.concat(second, " "), table.concat(first, " "))
-- ranges hold for many draws
math.randomseed(99)
local ok = true
for _ = 1, 2000 do
  local r = math.random(-3, 3)
  if r < -3 or r > 3 or math.type(r) ~= "integer" then ok = false end
  local x = math.random()
  if x < 0 or x >= 1 then ok = false end
end
print(ok)
-- errors
print(pcall(math.random, 2, 1))
print(pcall(math.random, 0, -1))
print(pcall(math.random, -1))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 1.5))
print(pcall(math.random, 1, 2.5))
print(pcall(math.random, "x"))
print(pcall(math.randomseed, 1.5))
print(pcall(math.randomseed, "x"))
print(pcall(math.randomseed, 1, 2.5))
print(pcall(math.randomseed, nil))
-- randomseed() without arguments returns two integers
local s1, s2 = math.randomseed()
print(math.type(s1), math.type(s2))
