-- sethook / gethook: events, masks, counts, per-thread hooks.

print(debug.gethook())

local events = {}
local function hook(ev, line)
  events[#events + 1] = ev .. (line and (":" .. line) or "")
end

local function callee(x) return x end
debug.sethook(hook, "crl")
local h, mask, count = debug.gethook()
callee(1)
debug.sethook()
print(h == hook, mask, count)
print(table.concat(events, " "))

events = {}
debug.sethook(hook, "c")
callee(2)
debug.sethook()
print(table.concat(events, " "))

events = {}
debug.sethook(hook, "r")
callee(3)
debug.sethook()
print(table.concat(events, " "))

-- tail calls are reported as such
events = {}
local function tail() return callee(4) end
debug.sethook(hook, "c")
tail()
debug.sethook()
print(table.concat(events, " "))

-- count hooks
local counted = 0
debug.sethook(function(ev) if ev == "count" then counted = counted + 1 end end, "", 1)
print(select(2, debug.gethook()), select(3, debug.gethook()))
for i = 1, 10 do end
debug.sethook()
print(counted > 5)

-- mask strings
for _, m in ipairs({"", "c", "r", "l", "cr", "lrc", "xyz", "cc"}) do
  debug.sethook(hook, m)
  print(m, select(2, debug.gethook()))
  debug.sethook()
end
debug.sethook(hook, "", 0)
print(debug.gethook())
debug.sethook(hook, "l", 5)
print(select(2, debug.gethook()), select(3, debug.gethook()))
debug.sethook()
print(debug.gethook())
debug.sethook(nil)
print(debug.gethook())

-- argument errors
print(pcall(debug.sethook, hook))
print(pcall(debug.sethook, 42, "c"))
print(pcall(debug.sethook, hook, "c", "x"))

-- hooks are per thread
local co = coroutine.create(function()
  print("inside", type(debug.gethook()), select(2, debug.gethook()))
  coroutine.yield()
end)
debug.sethook(co, hook, "c")
print(debug.gethook() == nil, debug.gethook(co) == hook)
events = {}
coroutine.resume(co)
print(#events > 0)
debug.sethook(co)
print(debug.gethook(co))

-- line hooks see line numbers
local lines = {}
debug.sethook(function(ev, line) lines[#lines + 1] = line end, "l")
local x = 1
x = x + 1
debug.sethook()
print(table.concat(lines, " "))

-- an error inside a hook propagates
print(pcall(function()
  debug.sethook(function() debug.sethook(); error("hook error") end, "l")
  local y = 1
end))

-- the hook's stack: level 2 is the hooked function
local seen
debug.sethook(function()
  local i = debug.getinfo(2, "n")
  if i and i.name == "named_function" then seen = true end
end, "c")
local function named_function() end
named_function()
debug.sethook()
print(seen)
