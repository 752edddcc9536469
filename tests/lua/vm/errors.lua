-- Interpreter (vm-A): stack overflow, C stack overflow, message handlers,
-- error messages of ops, to-be-closed variables during errors.
local function f() return 1 + f() end
print(pcall(f))
local function g(n) if n == 0 then return 0 end return g(n - 1) end
print(g(100000))
local function h(n) if n == 0 then return 0 end return 1 + h(n - 1) end
print(pcall(h, 150000))
print(pcall(h, 1e7))
-- message handler + stack overflow in handler
print(xpcall(f, function(m) return "handled: " .. m end))
print(xpcall(f, function(m) return f() end))
print(select('#', xpcall(error, function() error("again") end)))
-- error objects
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, {}) == false)
print(pcall(error, "lvl1", 1))
print(pcall(error, "lvl2", 2))
local t = setmetatable({}, {__index = function(t, k) return t[k] end})
print(pcall(function() return t.x end))
-- C stack overflow via iterator recursion
local depth = 0
local function it() depth = depth + 1; for x in it do end end
print(pcall(function() for x in it do end end), depth)
-- errors in various ops
print(pcall(function() return 1 < "x" end))
print(pcall(function() return {} .. "x" end))
print(pcall(function() local a = "abc"; return a + 1 end))
print(pcall(function() local a; a() end))
print(pcall(function() return #nil end))
print(pcall(function() return -{} end))
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(pcall(function() local x = 5; return x & 1.5 end))
print(pcall(function() return math.huge | 0 end))
print(pcall(function() undefinedglobal.x = 1 end))
print(pcall(function() local t = {} ; t[nil] = 1 end))
print(pcall(string.rep))
print(pcall(setmetatable({}, {__call = function(self, a) return a * 2 end}), 21))
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = 1.0, 10, 0.0 do end end))
print(pcall(function() for i = "a", 2 do end end))
-- tbc errors
print(pcall(function() local x <close> = 42 end))
print(pcall(function()
  local a <close> = setmetatable({}, {__close = function(o, e) print("close a", e) end})
  local b <close> = setmetatable({}, {__close = function(o, e) print("close b", e); error("b failed", 0) end})
  error("body", 0)
end))
do
  local ok, e = pcall(function()
    local a <close> = setmetatable({}, {__close = function(o, e) print("close a2", e) end})
    return "ret"
  end)
  print(ok, e)
end
-- error with non-string in error handler position
print(select(2, xpcall(function() error(setmetatable({}, {__tostring = function() return "custom" end})) end, tostring)))
-- runtime error line numbers
local function lines()
  local a = 1
  local b = nil
  return a + b
end
print(pcall(lines))
print(pcall(function() return ("x"):bad() end))
print(pcall(function() local obj = {} obj:method() end))
print(pcall(function() return math.floor("a") end))
