-- Argument errors of every math function, called through pcall (named from package.loaded)
-- and from a Lua call site (named as the call site names it).
local names = {"abs", "acos", "asin", "atan", "ceil", "cos", "cosh", "deg", "exp", "floor", "fmod",
               "frexp", "ldexp", "log", "log10", "max", "min", "modf", "pow", "rad", "random",
               "randomseed", "sin", "sinh", "sqrt", "tan", "tanh", "tointeger", "type", "ult"}
for _, name in ipairs(names) do
  local f = math[name]
  if name ~= "atan" then   -- math.atan is also math.atan2: its pcall name depends on hash order
    local r = table.pack(pcall(f, "x"))
    local r2 = table.pack(pcall(f, {}))
    if type(r2[2]) == "table" then r2[2] = "a table" end   -- max and min accept any comparable value
    print(name, r[1], r[2], r2[1], r2[2])
  end
end
-- through a call site the name is the field's name
print(pcall(function() return math.atan("x") end))
print(pcall(function() return math.atan2({}) end))
print(pcall(function() return math.atan(1, "y") end))
print(pcall(function() return math.sqrt() end))
print(pcall(function() return math.ldexp(1, "z") end))
print(pcall(function() return math.pow(2) end))
print(pcall(function() return math.log(8, {}) end))
print(pcall(function() return math.fmod(1.5) end))
print(pcall(function() return math.ult(1, 2.5) end))
-- numeric strings are accepted, other strings are not
print(math.sqrt("16"), math.cos("0"), math.exp("0"), math.deg("0"), math.log("1"), math.pow("2", "3"))
print(pcall(math.sqrt, "16x"))
print(pcall(math.floor, "0x"))
