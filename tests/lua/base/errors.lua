-- error, assert, pcall and xpcall.

-- error levels and non-string values
print(pcall(error, "plain"))
print(pcall(function() error("lvl1") end))
print(pcall(function() error("lvl1", 1) end))
local function inner() error("lvl2", 2) end
print(pcall(function() inner() end))
print(pcall(function() error("lvl0", 0) end))
print(pcall(function() error("lvl-1", -1) end))
print(pcall(function() error("lvl99", 99) end))
print(pcall(function() error() end))
print(pcall(function() error(nil) end))
print(pcall(function() error(42) end))
print(pcall(function() error(42.5, 1) end))
print(pcall(function() error(true) end))
local obj = {}
local ok, e = pcall(function() error(obj) end)
print(ok, e == obj)
print(pcall(error, "x", "notanumber"))
print(pcall(function() error("float level", 1.0) end))

-- assert
print(assert(1, 2, 3))
print(select('#', assert(true, nil, nil)))
print(pcall(assert, false))
print(pcall(assert, nil))
print(pcall(function() assert(false) end))
print(pcall(function() assert(false, "with message") end))
print(pcall(function() assert(nil, 42) end))
ok, e = pcall(assert, false, obj)
print(ok, e == obj)
print(pcall(assert))
print(pcall(function() assert(1 == 2, "math", "extra") end))

-- pcall
print(pcall(function(...) return ... end, 1, nil, 3))
print(select('#', pcall(function() end)))
print(pcall(pcall))
print(pcall(nil))
print(pcall(42))
print(pcall(pcall, error, "nested"))
print(pcall(setmetatable({}, {__call = function(self, a) return "called", a end}), "arg"))

-- xpcall
print(xpcall(function() return "fine", 2 end, print))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(xpcall(function() error("bad") end, function(m) return "handled: " .. m end))
print(xpcall(function() error({code = 7}) end, function(m) return m.code end))
print(xpcall(function() error("x") end, function(m) return 1, 2, 3 end))
print(pcall(xpcall, function() end))
print(pcall(xpcall, function() end, 42))
print(xpcall(error, function(m) return "got " .. tostring(m) end, "direct"))

-- an error in the handler itself
print(xpcall(function() error("first") end, function(m) error("second") end))

-- the handler sees the erroring stack
print(xpcall(function() local x = nil; return x.field end,
             function(m) return (m:gsub("^.-:%d+: ", "")) end))

-- runtime errors with variable names
print(pcall(function() local t = nil; return t.x end))
print(pcall(function() return undefinedglobal.x end))
print(pcall(function() return 1 + {} end))
print(pcall(function() return #5 end))
print(pcall(function() return {} < {} end))
print(pcall(function() local s = "a"; return s() end))
