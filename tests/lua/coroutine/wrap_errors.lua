-- coroutine.wrap error propagation: which errors gain the caller's position, levels, non-string
-- error objects, dead wrappers, nested wrappers and to-be-closed variables closed on error.
local function w(f) return coroutine.wrap(f) end
-- a string error keeps its own position (error at level 1 inside the body)
print(pcall(w(function() error("a") end)))
-- level 2 points outside the coroutine body: no position at all
print(pcall(w(function() error("a", 2) end)))
print(pcall(w(function() error("lvl0", 0) end)))
-- runtime errors inside the body
print(pcall(w(function() local t = nil; t.x = 1 end)))
print(pcall(w(function() return 1 + {} end)))
-- resuming a dead wrapper: the message gets the position of the call when there is a Lua caller
local g = w(function() coroutine.yield() end)
g()
g()
print(pcall(g))
print(pcall(function() g() end))
local finished = w(function() return 1 end)
finished()
print(pcall(function() local r = finished() return r end))
-- non-string error objects pass through untouched
print(pcall(w(function() error(12) end)))
print(pcall(w(function() error(12.5) end)))
print(pcall(w(function() error(nil) end)))
print(pcall(w(function() error() end)))
print(pcall(w(function() error(true) end)))
local ok, e = pcall(w(function() error({code = 3}) end))
print(ok, type(e), e.code)
-- a wrapper inside a wrapper: each level adds the caller's position
print(pcall(w(function() local inner = w(function() error("deep") end) inner() end)))
print(pcall(w(function() local inner = w(function() error("deep0", 0) end) inner() end)))
ok, e = pcall(w(function() local inner = w(function() error({code = 4}) end) inner() end))
print(ok, type(e), e.code)
-- a wrapper that errors after yielding
local later = w(function() coroutine.yield("first") error("second call fails") end)
print(later())
print(pcall(later))
print(pcall(later))
-- to-be-closed variables are closed when the body errors, and an error in __close wins
local log = {}
local tbc = w(function()
  local a <close> = setmetatable({}, {__close = function(_, err) log[#log + 1] = "a:" .. tostring(err) end})
  error("body err", 0)
end)
print(pcall(tbc))
print(table.concat(log, " "))
local tbc2 = w(function()
  local a <close> = setmetatable({}, {__close = function() error("close err", 0) end})
  error("body err", 0)
end)
print(pcall(tbc2))
-- arguments and results of the wrapper
local echo = w(function(...)
  local args = table.pack(...)
  while true do args = table.pack(coroutine.yield(args.n, ...)) end
end)
print(echo(1, nil, 3))
print(echo())
print(select("#", echo(table.unpack({}, 1, 200))))
-- argument errors name the function
print(pcall(coroutine.wrap))
print(pcall(coroutine.wrap, 1))
print(pcall(coroutine.wrap, {}))
-- an uncaught error from a wrapper ends the script with a traceback
local final = w(function() error("uncaught from wrap") end)
final()
