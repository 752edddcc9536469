-- luaL_traceback: how each kind of function is named, tail calls, the
-- "...(skipping N levels)" cut of long stacks, and tracebacks of coroutines.
local function show(f, ...)
  print((select(2, xpcall(f, debug.traceback, ...))))
end

local M = {}
function M.field() error("in field") end
show(function() M.field() end)
show(function() local t = {a = {b = {c = function() error("deep") end}}}; t.a.b.c() end)
show(function() string.rep() end)                  -- library function: 'string.rep'
show(function() return string.rep() end)           -- through a tail call
show(function() local co = coroutine.wrap(function() error("in co") end); co() end)
show(function() load("error('loaded')", "=custom")() end)
show(function() load("error('long')", "a chunk text that is definitely longer than the limit for ids")() end)
show(function() load("\n\nerror('third line')")() end)
show(function()
  local _ = setmetatable({}, {__index = function(t, k) error("index " .. k) end}).foo
end)
show(function() local x = setmetatable({}, {__add = function() error("add") end}) return x + 1 end)
show(function() for _ in function() error("iter") end do end end)
show(function() local s = setmetatable({}, {__index = {meth = function(self) error("m") end}}); s:meth() end)
global_fn = function() error("global fn") end
show(function() global_fn() end)
show(function() local up = global_fn; (function() up() end)() end)
show(function() print(1 < {}) end)

print(debug.traceback("level 0", 0))
print(debug.traceback("level 2", 2))
print(debug.traceback(42))
print(debug.traceback(nil))
print(debug.traceback())

local co = coroutine.create(function(a) local x = a; coroutine.yield(x) end)
coroutine.resume(co, 1)
print(debug.traceback(co))
print(debug.traceback(co, "with message", 1))
local dead = coroutine.create(function() error("dead") end)
print(coroutine.resume(dead))
print(debug.traceback(dead))

-- the cut happens when more than 21 levels would be shown
local function rec(n) if n == 0 then error("bottom") end rec(n - 1) end
for _, n in ipairs{17, 18, 19, 20, 21, 22, 40, 200} do
  local _, m = xpcall(rec, debug.traceback, n)
  local lines = 0
  for _ in m:gmatch("\n") do lines = lines + 1 end
  print(n, lines, m:match("skipping %d+ levels"))
end
local _, m = xpcall(rec, debug.traceback, 30)
print(m)
