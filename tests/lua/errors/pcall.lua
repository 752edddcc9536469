-- pcall and xpcall: results, message handlers, nesting, errors in handlers.
print(pcall(function(...) return ... end, 1, nil, 3))
print(select("#", pcall(function() end)))
print(pcall(function() return 1, 2, 3 end))
-- calling non-functions through pcall
print(pcall(nil))
print(pcall(42))
print(pcall({}))
print(pcall(setmetatable({}, {__call = function(_, x) return "callable " .. x end}), "t"))
print(pcall(pcall))
print(pcall(pcall, error, "inner"))
-- xpcall: the handler gets the error object and its results are returned
print(xpcall(function() error("oops") end, function(m) return "handled: " .. m end))
print(xpcall(function() error({1, 2}) end, function(m) return type(m), #m end))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(xpcall(function() local x = {} .. "" end, function(m) return (m:gsub("^.-:%d+: ", "")) end))
-- the handler runs before the stack unwinds: it can see the erroring function
print(xpcall(function() error("e") end, function(m)
  local info = debug.getinfo(2, "Sl")
  return info.short_src .. ":" .. info.currentline
end))
-- handler may itself error: a status of false and some error value
local ok, msg = xpcall(function() error("first") end, function(m) error("in handler") end)
print(ok, type(msg))
-- a handler that is not a function
print(pcall(xpcall, function() error("x") end, 42))
print(pcall(xpcall, function() return "fine" end, nil))
print(pcall(xpcall))
-- nested pcall
print(pcall(function()
  local ok1, e1 = pcall(error, "inner")
  error("outer after " .. tostring(e1), 0)
end))
-- pcall returns false plus the value, even when it is nil or false
print(pcall(error, false))
print(pcall(error, nil))
-- errors in __index, __add, __tostring propagate through pcall
local mt = {__index = function() error("idx", 0) end, __add = function() error("add", 0) end}
local o = setmetatable({}, mt)
print(pcall(function() return o.x end))
print(pcall(function() return o + 1 end))
-- tostring(nil) and friends
print(tostring(nil), tostring(false), tostring(12), tostring("x"))
print(pcall(tostring))
print(pcall(type))
print(type(nil), type(print), type(2), type("x"), type({}), type(true), type(coroutine.create(print)))
-- after an error, the program continues normally
local count = 0
for i = 1, 100 do
  local ok2 = pcall(error, i)
  if not ok2 then count = count + 1 end
end
print("caught", count)
-- deep recursion of pcall itself
local function nest(n) if n == 0 then error("bottom", 0) end return pcall(nest, n - 1) end
print(nest(50))
