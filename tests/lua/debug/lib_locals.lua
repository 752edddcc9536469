-- debug.getlocal / debug.setlocal, including varargs and other threads.

local function f(a, b, ...)
  local x = 10
  do local inner = "scoped" end
  local names = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(1, i)
    if not name then break end
    names[#names + 1] = name .. "=" .. (type(value) == "table" and "table" or tostring(value))
    i = i + 1
  end
  print(table.concat(names, " "))
  print(debug.getlocal(1, -1))
  print(debug.getlocal(1, -2))
  print(debug.getlocal(1, -3))
  print(debug.getlocal(1, -4))
  print(debug.setlocal(1, -1, "changed vararg"))
  print(...)
  print(debug.setlocal(1, 1, "new a"))
  print(a)
  print(debug.setlocal(1, 100, "x"))
  print(debug.getlocal(1, 0))
  return x
end
f(1, 2, "va1", "va2")
f("only")

-- locals of the caller
local function peek()
  return debug.getlocal(2, 1)
end
local function outer()
  local secret = "s3cr3t"
  local n, v = peek()
  return n, v
end
print(outer())

-- parameters of a function that is not running
print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3))
print(debug.getlocal(function(...) end, 1))
print(debug.getlocal(print, 1))

-- temporaries of C functions
print(pcall(debug.getlocal, 0, 1))

-- errors
print(pcall(debug.getlocal, 100, 1))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal))
print(pcall(debug.setlocal, 100, 1, 1))
print(pcall(debug.setlocal, 1, 1))
print(pcall(debug.getlocal, 1, "x"))

-- other threads
local co = coroutine.create(function(p)
  local inside = p * 2
  coroutine.yield()
  print("after setlocal", inside)
end)
coroutine.resume(co, 21)
print(debug.getlocal(co, 1, 1))
print(debug.getlocal(co, 1, 2))
print(debug.setlocal(co, 1, 2, "set from outside"))
coroutine.resume(co)
print(pcall(debug.getlocal, co, 1, 1))

-- for loop control variables
for i = 1, 1 do
  local names = {}
  local n = 1
  while debug.getlocal(1, n) do
    local name = debug.getlocal(1, n)
    names[#names + 1] = name
    n = n + 1
  end
  print(table.concat(names, " "))
end
