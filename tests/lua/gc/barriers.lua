-- The program keeps changing the heap while the collector is half way
-- through a cycle (incremental mode, explicit small steps) or while old
-- objects point to young ones (generational mode): every store path must
-- tell the collector (write barriers), or live objects would be freed.
-- Each section builds data, lets the collector run part of a cycle,
-- stores new objects into already-marked places, finishes the cycle, and
-- checks every value.

local function sum(t)
  local s = 0
  for _, v in ipairs(t) do s = s + v[1] end
  return s
end

local function partial()
  -- a few small steps: marking is in progress afterwards
  for _ = 1, 3 do collectgarbage("step", 0) end
end

local function section(mode)
  print("== " .. mode)
  collectgarbage(mode)
  local big = {}
  for i = 1, 2000 do big[i] = {i} end
  collectgarbage()              -- `big` is old / marked from now on
  partial()

  -- table array, hash and shaped fields
  local t = {}
  for i = 1, 500 do
    t[i] = {i}
    t["k" .. i] = {i}
    big[i] = {i * 2}
    partial()
  end
  local obj = {x = {1}, y = {2}}
  partial()
  obj.z = {3}                   -- new shaped field on a marked table
  obj.x = {10}
  collectgarbage()
  local s = 0
  for i = 1, 500 do s = s + t[i][1] + t["k" .. i][1] end
  print("table stores:", s, sum(big), obj.x[1] + obj.y[1] + obj.z[1])

  -- upvalues (open and closed) and closures
  local function counter()
    local box = {0}
    return function(v) if v then box = v end return box end
  end
  local f = counter()
  collectgarbage()
  partial()
  f({41})
  partial()
  collectgarbage()
  print("closed upvalue:", f()[1])
  local open = {1}
  local g = function() return open end
  partial()
  open = {42}                   -- store into an open upvalue (a stack slot)
  collectgarbage()
  print("open upvalue:", g()[1])

  -- metatables
  local base = {}
  collectgarbage()
  partial()
  setmetatable(base, {__index = {answer = {42}}})
  collectgarbage()
  print("metatable:", base.answer[1])

  -- the registry and globals
  partial()
  _G.global_value = {"global"}
  package.loaded.fake_module = {name = "fake"}
  collectgarbage()
  print("globals:", global_value[1], package.loaded.fake_module.name)
  global_value, package.loaded.fake_module = nil, nil

  -- coroutine stacks: values written while the collector runs
  local co = coroutine.wrap(function()
    local held = {}
    while true do
      local v = coroutine.yield(#held)
      held[#held + 1] = v
      partial()
    end
  end)
  co()
  for i = 1, 50 do co({i}) end
  collectgarbage()
  print("coroutine held:", co({0}))

  -- table.insert / table.move / table.sort move references around
  local arr = {}
  for i = 1, 300 do arr[i] = {301 - i} end
  collectgarbage()
  partial()
  table.sort(arr, function(a, b) return a[1] < b[1] end)
  partial()
  table.insert(arr, 1, {0})
  local moved = table.move(arr, 1, #arr, 1, {})
  collectgarbage()
  print("library moves:", sum(arr), sum(moved), arr[1][1], arr[301][1])

  -- userdata-free string building
  local parts = {}
  partial()
  for i = 1, 200 do parts[#parts + 1] = tostring(i):rep(3) end
  collectgarbage()
  print("strings:", #table.concat(parts))
end

section("incremental")
section("generational")
section("incremental")
