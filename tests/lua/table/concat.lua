-- table.concat: separators, ranges, numbers, errors
local t = {"a", "b", "c", "d"}
print(table.concat(t), table.concat(t, ","), table.concat(t, ", ", 2), table.concat(t, "-", 2, 3))
print(table.concat(t, "", 3, 2), table.concat(t, "x", 4, 4), table.concat({}), table.concat({}, "x"))
print(table.concat({1, 2.5, -3, 2^63, math.mininteger, 1e100}, " "))
print(table.concat({1, 2, 3}, 0), table.concat({"a", "b"}, 1.5), table.concat({"\0", "\0"}, "\0"):len())
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2, nil, 4}, ",", 1, 4))
print(pcall(table.concat, {true}))
print(pcall(table.concat, {}, ",", 1, 1))
print(pcall(table.concat, {"a"}, ",", 0))
print(pcall(table.concat, {"a"}, {}))
print(pcall(table.concat, nil))
print(pcall(table.concat, "abc"))
print(pcall(table.concat, {}, ",", "x"))
print(pcall(table.concat, {}, ",", 1, 2.5))
print(table.concat({[-1] = "m", [0] = "z", "a"}, ",", -1, 1))
print(table.concat({}, ",", math.maxinteger, math.maxinteger - 1), table.concat({}, ",", math.mininteger + 1, math.mininteger))
print(pcall(table.concat, {}, ",", math.maxinteger - 1, math.maxinteger))
local big = {}
for i = 1, 1000 do big[i] = i end
local s = table.concat(big, ",")
print(#s, s:sub(1, 20), s:sub(-20))
-- __index is honoured, and so is __len
local proxy = setmetatable({}, {__index = function(_, i) return "v" .. i end, __len = function() return 3 end})
print(table.concat(proxy, "|"))
print(table.concat(setmetatable({}, {__index = {"x", "y"}}), "+", 1, 2))
