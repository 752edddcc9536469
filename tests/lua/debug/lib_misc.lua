-- traceback, registry, metatables, user values, setcstacklimit.

-- traceback
print(debug.traceback("message"))
print(debug.traceback("message", 2))
print(debug.traceback())
print(debug.traceback(nil))
print(debug.traceback(42))
print(debug.traceback("", 1))
local t = {}
print(debug.traceback(t) == t)
print(debug.traceback(nil, 1) ~= nil)
local function deep(n) if n == 0 then return debug.traceback("deep") end return (deep(n - 1)) end
print(deep(3))
print(deep(30))
print(pcall(debug.traceback, "m", "x"))
local co = coroutine.create(function() local x = 1; coroutine.yield() end)
coroutine.resume(co)
print(debug.traceback(co))
print(debug.traceback(co, "co msg"))
print(debug.traceback(co, "co msg", 1))
print(debug.traceback(co, nil, 0))
print(xpcall(function() error("in xpcall") end, debug.traceback))

-- registry
local reg = debug.getregistry()
print(type(reg), reg._LOADED == package.loaded)
print(type(reg[1]), reg[2] == _G)

-- metatables, bypassing __metatable
local protected = setmetatable({}, {__metatable = "no"})
print(getmetatable(protected), type(debug.getmetatable(protected)))
print(debug.getmetatable(1))
local nummt = {__index = function(n, k) return type(k) == "number" and k * n or "field " .. k end}
print(debug.setmetatable(5, nummt))
print((3).x, (4)[2])
print(debug.setmetatable(5, nil))
print(debug.getmetatable(1))
print(pcall(debug.setmetatable, {}, 1))
print(pcall(debug.setmetatable, {}))
print(pcall(debug.getmetatable))
local fmt = {__call = function() return "function called" end}
debug.setmetatable(print, fmt)
print(debug.getmetatable(print) == fmt)
debug.setmetatable(print, nil)
print(debug.setmetatable(nil, {__index = function() return "nil indexed" end}))
print((nil).anything)
debug.setmetatable(nil, nil)

-- user values: io handles are full userdata with no user values
print(debug.getuservalue(io.stdout))
print(debug.getuservalue(io.stdout, 2))
print(debug.getuservalue({}))
print(debug.getuservalue(1, 1))
print(debug.setuservalue(io.stdout, 1))
print(pcall(debug.setuservalue, {}, 1))
print(pcall(debug.setuservalue, io.stdout))

-- setcstacklimit is a no-op in 5.4.4
print(debug.setcstacklimit(200))
print(pcall(debug.setcstacklimit))
