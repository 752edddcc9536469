-- Floor division and modulo: negatives, floats, zero, extremes.
-- NaN's sign bit (shown as "nan" or "-nan") depends on the instruction that
-- produced it, which the language leaves open, so print hides it.
local rawprint = print
local function print(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = (tostring(t[i]):gsub("%-nan", "nan")) end
  rawprint(table.concat(t, "\t"))
end
local vals = {7, -7, 3, -3, 0}
for _, a in ipairs(vals) do
  for _, b in ipairs{3, -3, 2, -2} do
    io.write(string.format("%d//%d=%d %d%%%d=%d  ", a, b, a // b, a, b, a % b))
  end
  print()
end
local fl = {7.5, -7.5, 3.0, -0.5, 0.0}
for _, a in ipairs(fl) do
  for _, b in ipairs{2, -2, 0.5, -0.25} do
    io.write(tostring(a // b), " ", tostring(a % b), " | ")
  end
  print()
end
-- float modulo keeps the sign of the divisor and handles infinities
local inf = math.huge
print(5.3 % inf, -5.3 % inf, 5.3 % -inf, -5.3 % -inf)
print(inf % 2, (-inf) % 2, (0/0) % 2 ~= (0/0) % 2)
print(5 // inf, -5 // inf, 5 // -inf)
print(1 % -0.0 ~= 1 % -0.0, 1 // 0.0, -1 // 0.0, 0.0 // 0.0 ~= 0.0 // 0.0)
print(1 / 0, -1 / 0, 1 / -0.0, 0 / 0 ~= 0 / 0)
-- integer extremes
local mini, maxi = math.mininteger, math.maxinteger
print(mini // -1, mini % -1, maxi // -1, maxi % -1)
print(mini // 1, mini % 1, mini // 2, mini % 2, mini % maxi, maxi % mini)
print(mini // maxi, maxi // mini, (mini + 1) // -1)
print(3 % mini, -3 % mini, 3 % maxi, -3 % maxi)
-- mixed int/float
print(7 // 2.0, 7 % 2.0, -7 // 2.0, -7 % 2.0, 7.0 // 2, 7.0 % 2)
print(math.type(6 // 2), math.type(6.0 // 2), math.type(6 % 4), math.type(6 % 4.0))
-- division by zero with integers
local function try(f) print(pcall(f)) end
local zero = 0
try(function() return 1 // zero end)
try(function() return 1 % zero end)
try(function() return mini // zero end)
try(function() return 1.0 // zero end)
try(load("return 1 // 0", "=literal"))   -- must not be folded at compile time
try(load("return 1 % 0", "=literal"))
try(load("return 1 // 0.0, 1 % 0.0 ~= 1 % 0.0, -1 % math.huge", "=literal"))
try(function() return 1 % 0.0 end)
try(function() return 1 / zero end)
try(function() return "1" // "0" end)
try(function() return "6" % "4" end)
-- string operands
print("7" // 2, "7.0" // 2, "7" % "3", "-7" % 3.0)
