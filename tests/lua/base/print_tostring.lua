-- print, tostring and type: conversions, __tostring, __name, errors.

print()
print(nil, true, false)
print(1, 1.5, -0.0, 1e100, 2^63, math.mininteger, 1/0, -1/0)
print("a", "", "tab\tinside")
print(10 // 3, 10 / 2, 3 % -2, 7.0 // 2)

local t = setmetatable({}, {__tostring = function() return "I am t" end})
print(t)
print(tostring(t))

local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR")))

-- __name must be a string to be used
local badname = setmetatable({}, {__name = 42})
print((tostring(badname):gsub("0x%x+", "ADDR")))

-- __tostring must return a string
local bad = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, bad))
print(pcall(print, bad))

-- __tostring errors propagate
local raising = setmetatable({}, {__tostring = function() error("no way") end})
print(pcall(tostring, raising))

print(pcall(tostring))
print(tostring(nil), tostring(true), tostring(12), tostring(12.0))

-- type
for _, v in ipairs({1, 1.5, "s", true, print, {}, coroutine.create(print)}) do
  io.write(type(v), " ")
end
print(type(nil), type(io.stdout))
print(pcall(type))
print(select('#', type(nil)))

-- strings are printed raw, including zero bytes
print("a\0b")
print(#tostring("a\0b"))
