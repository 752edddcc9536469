-- math: sqrt, exp, log (with bases), trigonometry, deg/rad and the 5.3 compatibility functions
local function f(x) return string.format("%.17g", x) end
local function row(name, fn, args)
  local out = {}
  for _, x in ipairs(args) do out[#out + 1] = f(fn(x)) end
  print(name, table.concat(out, " "))
end
local xs = {0, 0.5, 1, 2, 3, 10, 100, -1, 1e-300, 1/0}
row("sqrt", math.sqrt, xs)
row("exp", math.exp, {0, 1, -1, 10, 709, 710, -745, -1/0, 1/0})
row("log", math.log, xs)
row("log2", function(x) return math.log(x, 2) end, {1, 2, 8, 1024, 2^-1074, 3, 0, -1, 1/0})
row("log10", function(x) return math.log(x, 10) end, {1, 10, 1000, 1e-300, 2, 0, -1})
row("log3", function(x) return math.log(x, 3) end, {1, 3, 9, 27, 243, 0.5})
row("logb", function(x) return math.log(8, x) end, {2, 0.5, 1, 0, -2, 1/0, 8})
row("sin", math.sin, {0, 0.5, 1, math.pi / 2, math.pi, -1, 1e10})
row("cos", math.cos, {0, 0.5, 1, math.pi / 2, math.pi, -1, 1e10})
row("tan", math.tan, {0, 0.5, 1, math.pi / 4, -1})
row("asin", math.asin, {0, 0.5, 1, -1, 2})
row("acos", math.acos, {0, 0.5, 1, -1, 2})
row("atan", math.atan, {0, 0.5, 1, -1, 1/0, -1/0})
print("atan2", f(math.atan(1, 1)), f(math.atan(1, -1)), f(math.atan(-1, -1)), f(math.atan(0, -1)), f(math.atan(-0.0, -1)), f(math.atan(1, 0)), f(math.atan(0, 0)))
-- (called directly: math.atan and math.atan2 are the same function, so a pcall would name either)
print("atan y", f(math.atan(1, nil)), f(math.atan(2, 1)), pcall(function() return math.atan(1, "x") end))
row("deg", math.deg, {0, math.pi, 1, -math.pi / 2, 1/0})
row("rad", math.rad, {0, 180, 1, -90, 360})
print(math.sqrt(4), math.sqrt(2) * math.sqrt(2) == 2, math.exp(0), math.log(1), math.sin(0), math.cos(0))
print(math.type(math.sqrt(4)), math.type(math.exp(0)), math.type(math.log(8, 2)), math.sqrt(-1) ~= math.sqrt(-1))
print(pcall(math.sqrt), pcall(math.log, "x"), pcall(math.sin, {}))
print(pcall(math.log, 8, "x"))
-- compatibility functions that lua5.4 (built with LUA_COMPAT_5_3) still has
print(math.pow(2, 10), math.pow(2, 0.5) == math.sqrt(2), math.pow(-8, 1/3) ~= math.pow(-8, 1/3))
print(math.ldexp(1, 10), math.ldexp(0.5, -1), math.ldexp(3, 0), pcall(math.ldexp, 1, 1.5))
print(math.frexp(8), math.frexp(0), math.frexp(-3), math.frexp(0.1))
print(f(math.cosh(1)), f(math.sinh(1)), f(math.tanh(1)), f(math.log10(1000)), f(math.atan2(1, 1)))
print(math.atan2 == math.atan, math.type(math.pow(2, 2)), math.type(math.ldexp(1, 2)))
