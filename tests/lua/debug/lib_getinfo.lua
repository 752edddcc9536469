-- debug.getinfo: every option, levels, functions, errors.

local function keys(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = k end
  table.sort(out)
  return table.concat(out, " ")
end

local function show(info)
  local out = {}
  for _, k in ipairs({"source", "short_src", "what", "linedefined", "lastlinedefined",
                      "currentline", "name", "namewhat", "nups", "nparams", "isvararg",
                      "istailcall", "ftransfer", "ntransfer"}) do
    if info[k] ~= nil then out[#out + 1] = k .. "=" .. tostring(info[k]) end
  end
  return table.concat(out, " ")
end

local function sample(a, b, ...)
  local info = debug.getinfo(1)
  return info
end

print(keys(debug.getinfo(1)))
print(keys(debug.getinfo(1, "")))
print(keys(debug.getinfo(1, "S")))
print(keys(debug.getinfo(1, "l")))
print(keys(debug.getinfo(1, "n")))
print(keys(debug.getinfo(1, "u")))
print(keys(debug.getinfo(1, "t")))
print(keys(debug.getinfo(1, "r")))
print(keys(debug.getinfo(1, "f")))
print(keys(debug.getinfo(1, "L")))
print(keys(debug.getinfo(1, "SlnrutfL")))

print(show(sample(1, 2)))
print(show(debug.getinfo(1)))
print(show(debug.getinfo(sample)))
print(show(debug.getinfo(print)))
print(show(debug.getinfo(1, "S")))

-- func and activelines
local info = debug.getinfo(sample, "fL")
print(info.func == sample)
local lines = {}
for l in pairs(info.activelines) do lines[#lines + 1] = l end
table.sort(lines)
print(table.concat(lines, " "))
print(debug.getinfo(print, "L").activelines)

-- levels
local function level2() return debug.getinfo(2, "nl") end
local function level1() local i = level2(); return i end
local i2 = level1()
print(i2.name, i2.namewhat, i2.currentline)
print(debug.getinfo(100))
print(debug.getinfo(0, "n").name)
print(pcall(debug.getinfo, -1))

-- names of called functions
local t = {}
function t.method(self) return debug.getinfo(1, "n") end
function t:colon() return debug.getinfo(1, "n") end
local m = t.method(t)
print(m.name, m.namewhat)
m = t:colon()
print(m.name, m.namewhat)
GLOBALFN = function() return debug.getinfo(1, "n") end
m = GLOBALFN()
print(m.name, m.namewhat)
local up = function() return debug.getinfo(1, "n") end
local function caller() return (up()) end
m = caller()
print(m.name, m.namewhat)
local mt = setmetatable({}, {__index = function() return debug.getinfo(1, "n") end,
                              __add = function() return debug.getinfo(1, "n") end})
m = mt.x
print(m.name, m.namewhat)
m = mt + 1
print(m.name, m.namewhat)
for _, v in (function() return function(_, c) if not c then return 1, debug.getinfo(1, "n") end end end)() do
  print(v.name, v.namewhat)
end

-- tail calls
local function tailee() return debug.getinfo(1, "nt") end
local function tailer() return tailee() end
m = tailer()
print(m.name, m.namewhat, m.istailcall)

-- vararg and parameter counts
print(debug.getinfo(function(a, b, c) end, "u").nparams, debug.getinfo(function(...) end, "u").isvararg)
print(debug.getinfo(print, "u").isvararg, debug.getinfo(print, "u").nparams)
local u1, u2 = 1, 2
print(debug.getinfo(function() return u1 + u2 end, "u").nups)

-- main chunk and C functions
local main = debug.getinfo(1, "S")
print(main.what, main.short_src, main.source, main.linedefined)
local c = debug.getinfo(print, "S")
print(c.what, c.short_src, c.source, c.linedefined, c.lastlinedefined)

-- chunks loaded from strings
local f = load("return debug.getinfo(1, 'S')", "=custom")
print(show(f()))
f = load("\n\nreturn debug.getinfo(1, 'S')")
print(show(f()))
f = load("return debug.getinfo(1, 'S')", "@some/file.lua")
print(show(f()))
f = load("return debug.getinfo(1, 'S')", string.rep("x", 100))
print(show(f()))

-- option errors
print(pcall(debug.getinfo, 1, ">"))
print(pcall(debug.getinfo, 1, ">S"))
print(pcall(debug.getinfo, 1, "X"))
print(pcall(debug.getinfo, 1, "SX"))
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, {}))

-- transfer information in hooks (ftransfer/ntransfer on return)
local transfers = {}
debug.sethook(function(ev)
  local i = debug.getinfo(2, "r")
  if ev == "return" then transfers[#transfers + 1] = i.ftransfer .. "/" .. i.ntransfer end
end, "r")
local function three() return 1, 2, 3 end
three()
debug.sethook()
print(transfers[1])

-- getinfo on another thread
local co = coroutine.create(function(x) coroutine.yield(x) end)
coroutine.resume(co, 1)
local ci = debug.getinfo(co, 0, "Sl")
print(ci.what, ci.currentline)
print(debug.getinfo(co, 1, "S").what)
print(debug.getinfo(co, 5))
print(pcall(debug.getinfo, co))
print(show(debug.getinfo(co, print, "S")))
