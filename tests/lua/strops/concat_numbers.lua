-- concatenation of numbers and strings: numbers formatted into the result
-- directly when it is short (vm_concatshort), long results, __concat, errors
print(1 .. "", "" .. 2, 1.5 .. 2, 2^63 .. "x", -0.0 .. "", 1e100 .. "|" .. 3, math.mininteger .. math.maxinteger)
print(("x"):rep(30) .. 12345678901234 .. 0.1)
local t = setmetatable({}, {__concat = function(a, b) return "T" end})
print(1 .. t, t .. 1, "a" .. 2 .. t)
print(pcall(function() return 1 .. {} end))
print(pcall(function() return {} .. 1 end))
print(pcall(function() local x; return "a" .. x .. "b" end))
local s = ""
for i = 1, 50 do s = i .. s .. 0.5 end print(#s, s:sub(1, 40))
print(1/0 .. "", -1/0 .. "", (0/0 .. ""):gsub("-", ""))
