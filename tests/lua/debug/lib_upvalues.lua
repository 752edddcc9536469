-- getupvalue, setupvalue, upvalueid, upvaluejoin.

local a, b = 1, 2
local function f() return a + b end
print(debug.getupvalue(f, 1))
print(debug.getupvalue(f, 2))
print(debug.getupvalue(f, 3))
print(debug.getupvalue(f, 0))
print(debug.setupvalue(f, 1, 40))
print(f(), a)
print(debug.setupvalue(f, 5, 0))
print(pcall(debug.setupvalue, f, 1))
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.getupvalue, f))

-- C closures have upvalues named ""
local wrapped = coroutine.wrap(function() end)
local name, value = debug.getupvalue(wrapped, 1)
print(name == "", type(value))
print(debug.getupvalue(print, 1))

-- _ENV is the first upvalue of a main chunk
local chunk = load("return x")
print(debug.getupvalue(chunk, 1) == "_ENV")
debug.setupvalue(chunk, 1, {x = "from new env"})
print(chunk())

-- identities and joining
local function g() return a end
local function h() return b end
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
print(debug.upvalueid(f, 1) == debug.upvalueid(h, 1))
print(debug.upvalueid(f, 2) == debug.upvalueid(h, 1))
print(type(debug.upvalueid(f, 1)))
print(debug.upvalueid(f, 3))
print(pcall(debug.upvalueid, f))
print(pcall(debug.upvalueid, 1, 1))
print(type(debug.upvalueid(wrapped, 1)))
print(debug.upvalueid(print, 1))

debug.upvaluejoin(g, 1, h, 1)
print(g(), debug.upvalueid(g, 1) == debug.upvalueid(h, 1))
print(pcall(debug.upvaluejoin, g, 2, h, 1))
print(pcall(debug.upvaluejoin, g, 1, h, 2))
print(pcall(debug.upvaluejoin, wrapped, 1, h, 1))
print(pcall(debug.upvaluejoin, g, 1, wrapped, 1))
print(pcall(debug.upvaluejoin, g, 1, print, 1))
print(pcall(debug.upvaluejoin))
