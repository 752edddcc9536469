-- The length operator on sequences (tables whose border is unique),
-- strings, and __len.
local function seq(n) local t = {} for i = 1, n do t[i] = i end return t end
for _, n in ipairs{0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 100, 1000} do io.write(#seq(n), " ") end
print()
-- grow and shrink a sequence from the end
local t = {}
for i = 1, 10 do t[#t + 1] = i * i end
print(#t, t[#t])
for _ = 1, 4 do t[#t] = nil end
print(#t, t[#t])
-- sequences built in the hash part (keys assigned in reverse order)
local r = {}
for i = 10, 1, -1 do r[i] = i end
print(#r)
-- sequences with non-integer keys too
local m = {1, 2, 3, x = 1, y = 2, [1.5] = 0, [-1] = 0, [0] = 0}
print(#m)
-- integral float keys count as integers
local f = {}
f[1.0], f[2.0], f[3] = "a", "b", "c"
print(#f)
-- strings: byte length
print(#"", #"abc", #"\0\0\0", #"héllo", #string.rep("x", 1000))
-- __len on tables, and its result returned unchanged
local lt = setmetatable({1, 2, 3}, {__len = function() return 42 end})
print(#lt, rawlen(lt))
local lt2 = setmetatable({}, {__len = function() return "not a number" end})
print(#lt2)
local lt3 = setmetatable({}, {__len = function(self, other) return select("#", self, other) end})
print(#lt3)
-- # on other types
print(pcall(function() return #5 end))
print(pcall(function() local n = nil; return #n end))
print(pcall(function() local tbl = {}; return #tbl.field end))
print(pcall(function() return #print end))
-- table.insert/remove keep sequences
local s = {}
for i = 1, 5 do table.insert(s, i) end
table.insert(s, 1, 0)
table.remove(s)
print(#s, table.concat(s, ","))
