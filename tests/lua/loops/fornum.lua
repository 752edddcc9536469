-- Numeric for: integer and float loops, limits near the integer range ends
-- (which must not overflow), step zero, non-number errors, float limits.
local maxi, mini = math.maxinteger, math.mininteger
local function run(a, b, c, cap)
  local out, n = {}, 0
  for i = a, b, c do
    n = n + 1
    if n <= (cap or 8) then out[#out + 1] = tostring(i) .. ":" .. math.type(i) end
    if n > 100 then out[#out + 1] = "RUNAWAY"; break end
  end
  local function str(v) return (tostring(v):gsub("%-nan", "nan")) end
  print(string.format("for %s,%s,%s -> %d iterations: %s", str(a), str(b),
        str(c), n, table.concat(out, " ")))
end
run(1, 5, 1)
run(5, 1, -1)
run(1, 5, 2)
run(1, 0, 1)
run(1, 1, 1)
run(10, 1, -3)
run(maxi - 2, maxi, 1)
run(mini + 2, mini, -1)
run(maxi - 1, maxi, 10)
run(mini, mini + 1, 1)
run(maxi, mini, mini)
run(mini, maxi, maxi)
run(0, maxi, maxi // 2)
run(maxi, maxi, 1)
run(mini, mini, -1)
run(1, maxi, maxi)
-- float loops
run(1.0, 2.0, 0.25)
run(1, 2, 0.5)
run(0.1, 0.35, 0.1)
run(1, 3.5, 1)
run(3, 1.5, -1)
run(1.0, 3, 1)
-- float limits with integer start: clipped, not converted to float
run(1, 3.9, 1)
run(-1, -3.9, -1)
run(1, math.huge, maxi)
run(1, -math.huge, 1)
run(-1, -math.huge, mini)
run(maxi - 1, 2^63, 1)
run(mini + 1, -2^63, -1)
run(1, 0/0, 1)
run(1.0, 0/0, 1)
-- strings are converted to numbers
local function try(f) print(pcall(f)) end
try(function() local r = {} for i = "1", 2 do r[#r + 1] = math.type(i) end return table.concat(r, " ") end)
try(function() local r = {} for i = 1, "2" do r[#r + 1] = math.type(i) end return table.concat(r, " ") end)
try(function() local r = {} for i = 1, 2, "1" do r[#r + 1] = math.type(i) end return table.concat(r, " ") end)
try(function() for i = "x", 2 do end end)
try(function() for i = 1, 2, 0 do end end)
try(function() for i = 1.0, 2, 0.0 do end end)
try(function() for i = 1, 2, 0.0 do end end)
try(function() for i = nil, 2 do end end)
try(function() for i = 1, {} do end end)
try(function() local t = {}; for i = 1, t.x do end end)
-- the control variable is a copy: changing it does not change the loop
local seen = {}
for i = 1, 3 do seen[#seen + 1] = i; i = i * 10; seen[#seen + 1] = i end
print(table.concat(seen, ","))
-- the limit and step are evaluated once
local calls = 0
local function lim() calls = calls + 1; return 3 end
for i = 1, lim() do end
print("limit evaluated", calls)
-- nested loops sharing nothing
local total = 0
for i = 1, 10 do for j = i, 10 do total = total + i * j end end
print("nested total", total)
-- large float step precision
local count = 0
for x = 0, 1, 0.1 do count = count + 1 end
print("0..1 by 0.1:", count)
