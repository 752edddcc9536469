-- table.move: overlapping ranges, another destination, metamethods, limits
local function show(t, a, b)
  local out = {}
  for i = a or 1, b or 10 do out[#out + 1] = tostring(t[i]) end
  return table.concat(out, ",")
end
local t = {1, 2, 3, 4, 5}
print(show(table.move(t, 1, 3, 3)))       -- overlap, shifting up
t = {1, 2, 3, 4, 5}
print(show(table.move(t, 3, 5, 1)))       -- overlap, shifting down
t = {1, 2, 3, 4, 5}
print(show(table.move(t, 1, 5, 2)))
t = {1, 2, 3, 4, 5}
print(show(table.move(t, 2, 5, 1)))
t = {1, 2, 3}
print(show(table.move(t, 1, 3, 1)))
t = {1, 2, 3}
print(show(table.move(t, 1, 0, 2)), show(table.move(t, 5, 3, 1)))
local a, b = {1, 2, 3}, {"x", "y", "z", "w"}
local r = table.move(a, 1, 3, 2, b)
print(r == b, show(b), show(a))
print(show(table.move({1, 2, 3}, 1, 3, -1), -1, 3))
print(show(table.move({[0] = 0, 1, 2}, 0, 2, 5), 0, 8))
print(table.move({}, 1, 0, 1) ~= nil, select("#", table.move({}, 1, 0, 1)))
-- limits
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {}, 0, math.maxinteger, 1))
print(pcall(table.move, {}, -1, math.maxinteger - 1, 1))
print(pcall(table.move, {}, 1, 2, math.maxinteger))
print((pcall(table.move, {}, 1, 1, math.maxinteger)))
print(pcall(table.move, {}, math.mininteger, -1, 1))
-- argument errors
print(pcall(table.move, {}, 1, 2))
print(pcall(table.move, {}, 1, "x", 3))
print(pcall(table.move, {}, 1.5, 2, 3))
print(pcall(table.move, nil, 1, 2, 3))
print(pcall(table.move, {}, 1, 2, 3, 4))
print((pcall(table.move, {}, 1, 2, 3, nil)))
-- metamethods: reads through __index, writes through __newindex, in order
local log = {}
local src = setmetatable({}, {__index = function(_, k) log[#log + 1] = "get" .. k return k * 10 end})
local dst = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = "set" .. k .. "=" .. v rawset(t, k, v) end})
table.move(src, 1, 3, 1, dst)
print(table.concat(log, " "))
log = {}
local same = setmetatable({}, {__index = function(_, k) log[#log + 1] = "get" .. k return k end,
                               __newindex = function(t, k, v) log[#log + 1] = "set" .. k rawset(t, k, v) end})
table.move(same, 1, 3, 2)
print(table.concat(log, " "))
-- non-table values with the needed metamethods
local ud_like = setmetatable({}, {__index = function(_, k) return "i" .. k end})
local ok, res = pcall(table.move, "str", 1, 2, 1, {})
print(ok, type(res), res[1], res[2])
local proxy = setmetatable({}, {__index = function(_, k) return k end, __newindex = function() end})
print(show(table.move(proxy, 1, 3, 1, {})))
