-- table.sort's default order over integers, floats and both mixed
-- (numbers of one kind compare without a call out of lua_compare).
local function show(t) local o = {} for i = 1, #t do o[i] = tostring(t[i]) end return table.concat(o, " ") end
local seed = 7
local function rnd(k) seed = (seed * 16807) % 2147483647 return seed % k end

local ints, flts, mixed = {}, {}, {}
for i = 1, 200 do
  ints[i] = rnd(1000) - 500
  flts[i] = (rnd(1000) - 500) / 8
  mixed[i] = (i % 2 == 0) and rnd(100) or rnd(100) + 0.5
end
table.sort(ints); table.sort(flts); table.sort(mixed)
print(show(ints)); print(show(flts)); print(show(mixed))

local big = { math.maxinteger, math.mininteger, 2^63, -2^63, 0, -0.0, 1e308,
              -math.huge, math.huge, math.maxinteger - 1, 2^53, 2^53 + 1 }
table.sort(big)
print(show(big))
table.sort(big, function(a, b) return a > b end)
print(show(big))

-- NaN makes the order invalid: an error or some order, as lua5.4 does
local withnan = { 3, 0/0, 1, 2, 0/0, 5, 4 }
print(pcall(table.sort, withnan))
-- numbers against strings: an error from the comparison
print(pcall(table.sort, { 1, "x", 2, 3 }))
print(pcall(table.sort, { 1.5, {}, 2 }))
-- strings
local s = { "b", "a", "ab", "", "B", "a\0b", "a\0a" }
table.sort(s)
for i = 1, #s do s[i] = string.format("%q", s[i]) end
print(table.concat(s, " "))
