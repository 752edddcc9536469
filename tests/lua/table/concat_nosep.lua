-- table.concat without a separator (its own loop) and luaL_Buffer growth
-- across its inline room check: errors, ranges, __index/__len, long results.
print(pcall(table.concat, {1, "a", 2.5, {}}))
print(pcall(table.concat, {1, "a", 2.5, {}}, ""))
print(table.concat({1, 2, 3}, "", 2, 3), table.concat({}, ""), table.concat({"x"}, ""))
local t = {} for i = 1, 3000 do t[i] = string.rep("ab", i % 7) .. i end
local s = table.concat(t) print(#s, s:sub(1, 20), s:sub(-20))
print(pcall(table.concat, setmetatable({}, {__index = function(_, i) return "v" .. i end, __len = function() return 5 end})))
print(table.concat({1,2,3}, "", math.maxinteger - 1, math.maxinteger - 2))
