-- debug.getinfo with "SlnrutfL" on Lua, C and main functions, tail calls, chunk names of every kind,
-- coroutine levels; getlocal/setlocal on coroutine frames and varargs; option and level errors.
local function dump(t)
  local ks = {}
  for k, v in pairs(t) do
    if k == "func" then v = type(v) elseif k == "activelines" then
      local l = {} for x in pairs(v) do l[#l+1] = x end table.sort(l) v = "{" .. table.concat(l, ",") .. "}" end
    ks[#ks+1] = k .. "=" .. tostring(v) end
  table.sort(ks) return table.concat(ks, " ")
end
local function f(a, b, ...)
  local x <const> = 5
  return debug.getinfo(1, "SlnrutfL")
end
print(dump(f(1, 2, 3)))
print(dump(debug.getinfo(f, "SlnrutfL")))
print(dump(debug.getinfo(print, "SlnrutfL")))
print(dump(debug.getinfo(1, "SlnrutfL")))
print(dump(debug.getinfo(2, "SlnrutfL")))
print(debug.getinfo(3))
local main = load("local a = 1\n\nlocal b = 2\nreturn debug.getinfo(1, 'SL')")
print(dump(main()))
local va = load("return debug.getinfo(1, 'L')")
print(dump(va()))
-- tail call frame
local function tc() return debug.getinfo(1, "Slnt") end
local function caller() return tc() end
print(dump(caller()))
local function lv2() return debug.getinfo(2, "Slnt") end
local function tc2() return lv2() end
local function caller2() return tc2() end
print(dump(caller2()))
-- getinfo of a function defined on one line and multi-line
local oneliner = function() end
print(dump(debug.getinfo(oneliner, "SL")))
local multi = function(a)
  if a then
    return 1
  end
end
print(dump(debug.getinfo(multi, "SL")))
-- strings for source
for _, name in ipairs{"=", "@", "", "=" .. string.rep("n", 70), "@" .. string.rep("d/", 40) .. "f.lua", "line1\nline2", string.rep("s", 60)} do
  local fn = load("return debug.getinfo(1, 'S')", name)
  local i = fn()
  print(i.short_src, #i.source)
end
-- getinfo on coroutine frames
local co = coroutine.create(function(p, ...)
  local function inner(q) coroutine.yield(q) end
  inner(p)
end)
coroutine.resume(co, 7, 8, 9)
for lvl = 0, 3 do
  local i = debug.getinfo(co, lvl, "Slnt")
  print(lvl, i and dump(i))
end
print(debug.getlocal(co, 1, 1))
print(debug.getlocal(co, 2, 1))
print(debug.getlocal(co, 2, -1))
print(debug.getlocal(co, 2, -2))
print(debug.getlocal(co, 2, -3))
print((debug.getlocal(co, 2, 2)))
print(pcall(debug.getlocal, co, 5, 1))
print(debug.setlocal(co, 2, -2, "nine"))
print(debug.getlocal(co, 2, -2))
print(debug.getlocal(co, 0, 1))
-- getlocal on main-level varargs
print(debug.getlocal(1, -1))
local function va3(...) return debug.getlocal(1, -select('#', ...)) end
print(va3("a", "b", "c"))
print(va3())
-- getlocal names: for-loop internals
for i = 1, 1 do for k, v in pairs({1}) do
  local names = {} local n = 1
  while true do local nm = debug.getlocal(1, n) if not nm then break end names[#names+1] = nm n = n + 1 end
  print(table.concat(names, ","))
end end
-- getlocal with function arg (parameters only)
print(debug.getlocal(function(a, b, ...) local c end, 3))
print(debug.getlocal(f, 0))
print(debug.getlocal(f, -1))
print(pcall(debug.getlocal, f))
print(pcall(debug.getlocal, {}, 1))
-- getinfo with 'f' and '>'? (only via C API); invalid option chars
print(pcall(debug.getinfo, 1, "Sx"))
print(pcall(debug.getinfo, f, ">"))
print(pcall(debug.getinfo, 1, 2))
print(pcall(debug.getinfo, 1.5))
print(pcall(debug.getinfo, co, "x"))
print(debug.getinfo(co, 0, "") and "ok")
print(pcall(debug.getinfo, math.maxinteger))
print(type(select(2, pcall(debug.getinfo, math.mininteger))))
