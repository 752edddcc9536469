-- debug.traceback: how each kind of frame is named (field, method, local, upvalue, global, tail
-- calls, C functions, metamethods, iterators), levels, messages that are not strings, other
-- threads (suspended and dead), truncation of long tracebacks, chunk names.
local function show(s) print((s:gsub("0x%x+", "ADDR"))) end
local t = {}
function t.field() show(debug.traceback("in field")) end
function t:method() show(debug.traceback("in method", 1)) end
local function loc() show(debug.traceback("in local")) end
local up = function() show(debug.traceback("in upvalue")) end
local function useup() up() end
function glob() show(debug.traceback("in global")) end
t.field() t:method() loc() useup() glob()
local function tail() return debug.traceback("tail") end
local function calltail() return tail() end
show(calltail())
-- through C functions
print(pcall(function() show(debug.traceback("in pcall")) end))
table.sort({3,2,1}, function(a,b) if a == 3 and b then show(debug.traceback("in sort")) end return a<b end)
string.gsub("a", "a", function() show(debug.traceback("gsub", 2)) end)
for _ in function() show(debug.traceback("iter")) end do end
local mt = setmetatable({}, {__index = function() show(debug.traceback("meta")) end, __add = function() show(debug.traceback("add")) end})
local _ = mt.x; _ = mt + 1
-- levels
local function l3() return debug.traceback("lv", 3) end
local function l2() return l3() .. "" end
local function l1() return l2() .. "" end
show(l1())
show(debug.traceback("lv0", 0))
show(debug.traceback("neg", -1))
show(debug.traceback("big", 50))
-- non-string messages
print(debug.traceback(12.5))
print(debug.traceback(true))
print(debug.traceback(print) == print)
print(select('#', debug.traceback(nil)))
print(pcall(debug.traceback, nil, "x"))
print(debug.traceback(false, 2))
local co = coroutine.create(function() local function inner() coroutine.yield() end inner() end)
coroutine.resume(co)
show(debug.traceback(co))
show(debug.traceback(co, "m", 1))
show(debug.traceback(co, "m", 2))
show(debug.traceback(co, 42))
print(debug.traceback(co, {}) ~= nil)
local dead = coroutine.create(function() error("x") end)
coroutine.resume(dead)
show(debug.traceback(dead))
show(debug.traceback(dead, "dead", 0))
-- long traceback gets truncated
local function rec(n) if n == 0 then return debug.traceback("deep") end return (rec(n-1)) end
show(rec(25))
show(rec(100))
-- wrap
local w = coroutine.wrap(function() show(debug.traceback("in wrap")) end)
w()
-- load'ed chunk names
load("local f = ... f()", "=(load)")(function() show(debug.traceback("loaded")) end)
load("local f = ... f()", "@some/file.lua")(function() show(debug.traceback("loaded")) end)
load("local f = ... f()")(function() show(debug.traceback("loaded")) end)
print(xpcall(function() local x = nil; x() end, debug.traceback))
print(select("#", xpcall(function() error({}) end, debug.traceback)), type(select(2, xpcall(function() error({}) end, debug.traceback))))
