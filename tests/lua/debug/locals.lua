-- lua_getlocal / lua_setlocal: named locals, temporaries, varargs,
-- parameters of a function that is not running.
local function dump(level)
  local i = 1
  while true do
    local name, value = debug.getlocal(level + 1, i)
    if not name then break end
    print(i, name, value)
    i = i + 1
  end
  i = -1
  while true do
    local name, value = debug.getlocal(level + 1, i)
    if not name then break end
    print(i, name, value)
    i = i - 1
  end
end

local function f(a, b, ...)
  local c = a + b
  do local inner = "x" end
  dump(1)
end
f(1, 2, "v1", "v2")

print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3))
print(debug.getlocal(print, 1))

local function g()
  local x = 10
  print(debug.setlocal(1, 1, 20), x)
  print(debug.setlocal(1, 5, 0))
end
g()

local function h(...)
  print(debug.setlocal(1, -1, "changed"), ...)
  print(debug.setlocal(1, -3, "none"))
end
h("orig", "second")

for i = 1, 1 do
  local names = {}
  local k = 1
  while true do
    local n = debug.getlocal(1, k)
    if not n then break end
    names[#names + 1] = n
    k = k + 1
  end
  print(table.concat(names, ","))
end
print(pcall(debug.getlocal, 50, 1))
