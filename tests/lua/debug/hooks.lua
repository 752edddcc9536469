-- Line, call/return and count hooks.
local lines = {}
local function lf(a)
  local x = a
  if x > 1 then
    x = x + 1
  end
  return x
end
debug.sethook(function(ev, line) lines[#lines + 1] = line end, "l")
lf(2)
lf(0)
debug.sethook()
print(table.concat(lines, " "))

local events = {}
local function callee() return 1 end
local function tc() return callee() end
debug.sethook(function(ev)
  local info = debug.getinfo(2, "n")
  events[#events + 1] = ev .. ":" .. tostring(info and info.name)
end, "cr")
tc()
debug.sethook()
print(table.concat(events, " "))

local count = 0
debug.sethook(function() count = count + 1 end, "", 10)
for i = 1, 100 do local y = i * 2 end
debug.sethook()
print("count hook ran", count > 0)
print(debug.gethook())
local function hk() end
debug.sethook(hk, "crl", 5)
local h, m, c = debug.gethook()
debug.sethook()
print(h == hk, m, c)

-- a loop re-reports its line each iteration
local seen = {}
debug.sethook(function(ev, line) seen[#seen + 1] = line end, "l")
for i = 1, 3 do
  local z = i
end
debug.sethook()
print(table.concat(seen, " "))
