-- Interpreter (vm-A): call/return/line/count hooks, a line hook that
-- yields, tail-call events, tracebacks.
local out = {}
local function hook(ev, line) out[#out+1] = ev .. ":" .. tostring(line) end
local function f(a, b)
  local c = a + b
  return c
end
local function v(...)
  local n = select('#', ...)
  return n
end
debug.sethook(hook, "crl")
f(1, 2)
v(1, 2, 3)
local t = {}
for i = 1, 2 do t[i] = i end
debug.sethook()
print(table.concat(out, " "))
-- count hook
local cnt = 0
debug.sethook(function() cnt = cnt + 1 end, "", 10)
for i = 1, 1000 do end
debug.sethook()
print(cnt > 0)
-- hook in coroutine yielding from line hook
local co = coroutine.create(function()
  local x = 1
  x = x + 1
  return x
end)
debug.sethook(co, function(ev, l) coroutine.yield() end, "l")
local steps = 0
while coroutine.status(co) ~= "dead" do
  local ok, v = coroutine.resume(co)
  steps = steps + 1
  if not ok then print("err", v) break end
  if coroutine.status(co) == "dead" then print("result", v) end
end
print("steps", steps)
-- tail call hook
out = {}
local function tc(n) if n > 0 then return tc(n - 1) end return 0 end
debug.sethook(function(ev) out[#out+1] = ev end, "cr")
tc(2)
debug.sethook()
print(table.concat(out, " "))
-- traceback
local function lvl3() return debug.traceback("tb", 1) end
local function lvl2() return lvl3() end
print(lvl2())
print(debug.getinfo(1, "l").currentline)
local function info() local i = debug.getinfo(2, "nSl") return i.name, i.namewhat, i.currentline end
local function caller() return info() end
print(caller())
