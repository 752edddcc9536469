-- lua_getinfo through the debug library: what, source, lines, names,
-- upvalue/parameter counts, tail calls, active lines.
local function show(t, keys)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = k .. "=" .. tostring(t[k]) end
  print(table.concat(out, " "))
end
local keys = {"what", "short_src", "linedefined", "lastlinedefined",
              "currentline", "nups", "nparams", "isvararg", "name",
              "namewhat", "istailcall"}

local function f(a, b, ...)
  show(debug.getinfo(1, "Slnutr"), keys)
  show(debug.getinfo(2, "Sln"), {"what", "currentline", "name", "namewhat"})
end
f(1, 2)
local t = {m = f}
t.m(1)
t:m()
g = f
g()

show(debug.getinfo(print, "Su"), keys)
show(debug.getinfo(f, "S"), keys)
show(debug.getinfo(1, "S"), {"what", "short_src", "linedefined"})

local function tail() return debug.getinfo(1, "t").istailcall end
local function caller() return tail() end
print("tail:", caller())

local lines = debug.getinfo(f, "L").activelines
local sorted = {}
for l in pairs(lines) do sorted[#sorted + 1] = l end
table.sort(sorted)
print("activelines:", table.concat(sorted, ","))

local function va(...) return 1 end
local lines2 = debug.getinfo(va, "L").activelines
local s2 = {}
for l in pairs(lines2) do s2[#s2 + 1] = l end
table.sort(s2)
print("vararg activelines:", table.concat(s2, ","))

print(debug.getinfo(100))
print(pcall(debug.getinfo, 1, "X"))
print(debug.getinfo(1, "f").func ~= nil)

-- names of functions called through metamethods and iterators
local mt = {__add = function() return debug.getinfo(1, "n") end,
            __index = function() return debug.getinfo(1, "n") end}
local o = setmetatable({}, mt)
local i1 = o + 1
print(i1.namewhat, i1.name)
local i2 = o.x
print(i2.namewhat, i2.name)
for _ in function() local i = debug.getinfo(1, "n"); print(i.namewhat, i.name) end do end
