-- count hooks (exact instruction counts, as lua5.4 counts them) and line events over every
-- statement form; stripped dumps lose line and local information.
local n = 0
local function f(x) local s = 0 for i = 1, x do s = s + i end return s end
debug.sethook(function() n = n + 1 end, "", 1)
f(10)
debug.sethook()
print(n)
n = 0
debug.sethook(function() n = n + 1 end, "", 7)
f(100)
debug.sethook()
print(n)
local lines = {}
debug.sethook(function(e, l) lines[#lines+1] = l end, "l")
local t = {
  1,
  2,
}
local x = t[1]
  + t[2]
if x > 2 then
  x = 0
else
  x = 1
end
while x < 3 do x = x + 1 end
repeat x = x - 1
until x == 0
for i = 1, 2 do
end
for k, v in ipairs(t) do end
local function g()
end
g()
debug.sethook()
print(table.concat(lines, " "))
-- stripped dump: line info gone
local fn = load(string.dump(function() error("x") end, true))
print(pcall(fn))
local fn2 = load(string.dump(function() local a = nil; return a.b end, true))
print(pcall(fn2))
print(debug.getinfo(fn, "S").short_src, debug.getinfo(fn, "l").currentline, debug.getinfo(fn, "S").linedefined)
print(debug.getlocal(load(string.dump(function(a, b) end, true)), 1))
print((debug.getupvalue(load(string.dump(function() return print end, true)), 1)))
