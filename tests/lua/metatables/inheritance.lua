-- Classes through __index: inheritance, super calls, metamethods inherited
-- only by explicit copying (metamethods are raw-looked-up in the metatable).
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  local self = setmetatable({}, Animal)
  self.name, self.sound = name, sound
  return self
end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
Animal.__tostring = function(self) return "Animal(" .. self.name .. ")" end

local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name)
  local self = Animal.new(name, "woof")
  return setmetatable(self, Dog)
end
function Dog:kind() return "dog, a kind of " .. Animal.kind(self) end
function Dog:fetch() return self.name .. " fetches" end

local a, d = Animal.new("cat", "meow"), Dog.new("rex")
print(a:speak(), a:kind(), tostring(a))
print(d:speak(), d:kind(), d:fetch())
-- __tostring is not inherited through __index: metamethods use raw access
print((tostring(d):gsub("0x%x+", "ADDR")))
Dog.__tostring = Animal.__tostring
print(tostring(d))
-- __index that is inherited: metatable field lookup is raw, so a
-- metatable whose __index comes through its own metatable does not count
local meta = setmetatable({}, {__index = {__index = function() return "never" end}})
local o = setmetatable({}, meta)
print(o.x)
-- method lookup cost: deep hierarchy
local Base = {depth = 0}
Base.__index = Base
function Base:where() return "base method from depth " .. self.depth end
local cls = Base
for i = 1, 10 do
  local sub = setmetatable({}, {__index = cls})
  sub.__index = sub
  cls = sub
end
local inst = setmetatable({depth = 10}, cls)
print(inst:where())
-- changing a class affects existing instances
function Animal:speak() return self.name .. " speaks" end
print(a:speak(), d:speak())
