-- showcase.lua: a short tour of what Crescent runs (make run).
print(_VERSION .. " on Crescent")

-- integers and floats, exactly as Lua 5.4
print(math.maxinteger + 1 == math.mininteger, 7 // 2, 7.0 // 2, 2^53, 10 / 4)

-- closures and upvalues
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c = counter(); c(); c()
print("counter:", c())

-- tables with metatables: a small class
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:len() return math.sqrt(self.x * self.x + self.y * self.y) end
Point.__add = function(a, b) return Point.new(a.x + b.x, a.y + b.y) end
Point.__tostring = function(p) return string.format("(%g, %g)", p.x, p.y) end
local p = Point.new(3, 4) + Point.new(0, 0)
print("point:", tostring(p), p:len())

-- coroutines
local gen = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield(i * i) end
end)
print("squares:", gen(), gen(), gen())

-- errors carry positions and variable names, as in lua5.4
print(pcall(function() local t = nil; return t.x end))

-- a little work: primes below 10000
local sieve, count = {}, 0
for i = 2, 10000 do
  if not sieve[i] then
    count = count + 1
    for j = i * i, 10000, i do sieve[j] = true end
  end
end
print("primes below 10000:", count)
