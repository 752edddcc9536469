-- __tostring, __name and __metatable.
local P = setmetatable({}, {__tostring = function(self) return "<P object>" end})
print(tostring(P), P)
print(string.format("%s|%s", P, "x"))
-- __tostring must return a string
local bad = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, bad))
local bad2 = setmetatable({}, {__tostring = function() return nil end})
print(pcall(tostring, bad2))
local err = setmetatable({}, {__tostring = function() error("tostring failed") end})
print(pcall(tostring, err))
-- __name is used when there is no __tostring
local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR")))
local badname = setmetatable({}, {__name = 42})
print((tostring(badname):gsub("0x%x+", "ADDR")))
-- __name shows in error messages about bad arguments
print(pcall(string.rep, named))
print(pcall(math.floor, named))
-- __metatable protects and is what getmetatable returns
local protected = setmetatable({}, {__metatable = "locked"})
print(getmetatable(protected))
print(pcall(setmetatable, protected, {}))
local protected2 = setmetatable({}, {__metatable = false})
print(getmetatable(protected2))
print(pcall(setmetatable, protected2, nil))
-- getmetatable on strings gives the string metatable (a table with __index)
print(type(getmetatable("")), getmetatable("").__index == string)
-- setmetatable argument checks
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
print(select("#", setmetatable({}, nil)))
-- __tostring used by print for each argument, and error objects by the
-- standalone interpreter (see errors/uncaught_table_tostring.lua)
local n = 0
local counted = setmetatable({}, {__tostring = function() n = n + 1; return "c" .. n end})
print(counted, counted, counted)
-- __tostring result of a string-like metamethod with embedded zeros
local z = setmetatable({}, {__tostring = function() return "a\0b" end})
print(#tostring(z))
