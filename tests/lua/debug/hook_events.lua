-- debug.sethook: call, return, line and tail call events with the hooked frame's info, C functions,
-- hooks per coroutine, ftransfer/ntransfer on call and return, hooks not re-entered, yields in hooks.
local log = {}
local function hook(ev, line)
  local i = debug.getinfo(2, "nSlt")
  log[#log+1] = ev .. ":" .. tostring(line) .. ":" .. tostring(i.name) .. ":" .. i.what .. ":" .. i.currentline .. (i.istailcall and ":T" or "")
end
local function a(x) return x + 1 end
local function b(x) return a(x) end
local function c(x) local y = b(x); return y end
debug.sethook(hook, "crl")
c(1)
debug.sethook()
print(table.concat(log, "\n")) log = {}
-- C functions in call/return hooks
debug.sethook(hook, "cr")
local s = string.rep("x", 2)
print(select('#', math.max(1, 2)))
debug.sethook()
print(table.concat(log, "\n")) log = {}
-- count hook together with line
local n = 0
debug.sethook(function(ev, l) log[#log+1] = ev .. (l and (":" .. l) or "") end, "l", 1)
local z = 1
z = z + 1
debug.sethook()
print(#log > 0)
log = {}
-- hook in coroutine, hooks set inside coroutine affect only it
local co = coroutine.create(function()
  debug.sethook(function(ev, l) log[#log+1] = "co:" .. ev .. ":" .. tostring(l) end, "l")
  local q = 1
  coroutine.yield()
  q = 2
end)
coroutine.resume(co)
local mainline = 1
coroutine.resume(co)
print(table.concat(log, " ")) log = {}
print(debug.gethook())
-- ftransfer/ntransfer on call and return
debug.sethook(function(ev)
  local i = debug.getinfo(2, "rn")
  local vals = {}
  for k = i.ftransfer, i.ftransfer + i.ntransfer - 1 do
    local nm, v = debug.getlocal(2, k)
    vals[#vals+1] = tostring(nm) .. "=" .. tostring(v)
  end
  log[#log+1] = ev .. ":" .. tostring(i.name) .. ":" .. i.ftransfer .. "/" .. i.ntransfer .. "[" .. table.concat(vals, ",") .. "]"
end, "cr")
local function params(p, q, r) return q, r end
params(10, 20, 30)
local function va(...) return select('#', ...) end
va(1, 2)
debug.sethook()
print(table.concat(log, "\n")) log = {}
print(debug.getinfo(1, "r").ftransfer, debug.getinfo(1, "r").ntransfer)
-- tail call event
debug.sethook(function(ev) local i = debug.getinfo(2, "n") log[#log+1] = ev .. ":" .. tostring(i.name) end, "c")
local function t2() return 1 end
local function t1() return t2() end
t1()
debug.sethook()
print(table.concat(log, " ")) log = {}
-- hook function receives line for 'line' only
debug.sethook(function(...) log[#log+1] = select('#', ...) .. ":" .. tostring((...)) end, "crl")
local _ = 1
debug.sethook()
print(table.concat(log, " ")) log = {}
-- hooks are disabled inside hooks
local depth = 0
debug.sethook(function() depth = depth + 1; local x = math.abs(1); log[#log+1] = depth end, "c")
math.abs(1)
debug.sethook()
print(table.concat(log, " ")) log = {}
-- yield inside hook? count hook with yield
local co2 = coroutine.create(function()
  debug.sethook(function(ev) coroutine.yield("hooked") end, "l")
  local a1 = 1
  local a2 = 2
  return "done"
end)
print(coroutine.resume(co2))
print(coroutine.resume(co2))
print(coroutine.resume(co2))
