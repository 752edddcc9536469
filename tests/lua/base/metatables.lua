-- getmetatable / setmetatable, including __metatable protection.

local t = {}
print(getmetatable(t))
local mt = {}
print(setmetatable(t, mt) == t, getmetatable(t) == mt)
print(setmetatable(t, nil) == t, getmetatable(t))

print(pcall(setmetatable, t))
print(pcall(setmetatable, t, 1))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable))
print(pcall(getmetatable))

local protected = setmetatable({}, {__metatable = "locked"})
print(getmetatable(protected))
print(pcall(setmetatable, protected, {}))
print(pcall(setmetatable, protected, nil))

local protected_false = setmetatable({}, {__metatable = false})
print(getmetatable(protected_false))
print(pcall(setmetatable, protected_false, {}))

-- strings share a metatable whose __index is string
print(getmetatable("").__index == string)
print(getmetatable(1), getmetatable(nil), getmetatable(print))

-- __index / __newindex chains through setmetatable
local base = {greet = function() return "hi" end}
local obj = setmetatable({}, {__index = base})
print(obj.greet())
local log = {}
local watched = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end})
watched.a = 1; watched.b = 2; watched.a = 3
print(table.concat(log, ","), watched.a, watched.b)
