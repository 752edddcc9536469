-- Integer and float arithmetic: result subtypes, wraparound, mixed operands.
-- NaN's sign bit (shown as "nan" or "-nan") depends on the instruction that
-- produced it, which the language leaves open, so print hides it.
local rawprint = print
local function print(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = (tostring(t[i]):gsub("%-nan", "nan")) end
  rawprint(table.concat(t, "\t"))
end
local maxi, mini = math.maxinteger, math.mininteger
local function show(label, v) print(label, math.type(v), v) end
show("1+2", 1 + 2)
show("1+2.0", 1 + 2.0)
show("3-5", 3 - 5)
show("6*7", 6 * 7)
show("6*7.0", 6 * 7.0)
show("7/2", 7 / 2)
show("4/2", 4 / 2)
show("2^2", 2 ^ 2)
show("-0", -0)
show("-0.0", -0.0)
show("0.0*-1", 0.0 * -1)
-- integer wraparound is two's complement
show("maxi+1", maxi + 1)
show("mini-1", mini - 1)
show("maxi*2", maxi * 2)
show("mini*-1", mini * -1)
show("-mini", -mini)
show("maxi*maxi", maxi * maxi)
show("mini+mini", mini + mini)
show("maxi+1.0", maxi + 1.0)
show("maxi+0.0", maxi + 0.0)
show("mini+0.0", mini + 0.0)
show("2^63", 2 ^ 63)
show("2^53+1", 2 ^ 53 + 1)
show("(1<<53)+1", (1 << 53) + 1)
-- float specials
local inf, nan = 1 / 0, 0 / 0
show("inf", inf)
show("-inf", -inf)
show("inf-inf", inf - inf)
show("nan", nan)
show("inf*0", inf * 0)
print("nan==nan", nan == nan, "nan~=nan", nan ~= nan, "nan<1", nan < 1, "nan>1", nan > 1)
print("inf>maxi", inf > maxi, "-inf<mini", -inf < mini)
show("1e308*10", 1e308 * 10)
show("5e-324/2", 5e-324 / 2)
-- unary minus on strings converts
show("-'2'", -"2")
show("-'2.0'", -"2.0")
show("-'0x10'", -"0x10")
-- exponentiation is always float
show("2^0", 2 ^ 0)
show("(-8)^(1/3)", (-8) ^ (1 / 3))
show("0^0", 0 ^ 0)
show("0^-1", 0 ^ -1)
-- many small operations, checking both subtypes survive loops
local s, f = 0, 0.0
for i = 1, 100 do s = s + i * i; f = f + i / 4 end
show("sum squares", s)
show("sum quarters", f)
-- arithmetic on non-numbers
local function try(f, ...) print(pcall(f, ...)) end
try(function() return {} + 1 end)
try(function() return 1 + nil end)
try(function() local t = {}; return t.x * 2 end)
try(function() return "abc" + 1 end)
try(function() return "10" + {} end)
try(function() return -{} end)
try(function() return true - 1 end)
