-- Coroutines and the collector: a suspended coroutine keeps its locals; an
-- unreachable one is collected even when closures still hold upvalues
-- that were open in its stack (they are closed then, keeping their
-- values); dead coroutines are collected; a coroutine can run the
-- collector from inside, and finalizers can resume coroutines.

for _, mode in ipairs{"incremental", "generational"} do
  print("== " .. mode)
  collectgarbage(mode)
  local weak = setmetatable({}, {__mode = "v"})

  -- suspended coroutine keeps its frame alive
  local co = coroutine.create(function()
    local mine = {"kept by the suspended frame"}
    coroutine.yield()
    return mine[1]
  end)
  coroutine.resume(co)
  collectgarbage()
  print(coroutine.resume(co))

  -- unreachable coroutine with open upvalues captured by a live closure
  local get, set
  do
    local c = coroutine.create(function()
      local x = {"captured"}
      get = function() return x end
      set = function(v) x = v end
      coroutine.yield()
    end)
    coroutine.resume(c)
    weak.c = c
  end
  collectgarbage()
  collectgarbage()
  print("coroutine collected:", weak.c == nil)
  print("upvalue survives:", get()[1])
  set({"changed"})
  collectgarbage()
  print("upvalue shared after close:", get()[1])

  -- dead coroutines are plain garbage
  for i = 1, 20 do
    local c = coroutine.create(function() return i end)
    coroutine.resume(c)
    weak[i] = c
  end
  collectgarbage()
  print("dead coroutines left:", #weak)

  -- collecting from inside a coroutine
  local inner = coroutine.wrap(function()
    local t = {}
    for i = 1, 100 do t[i] = {i} end
    collectgarbage()
    coroutine.yield(#t)
    collectgarbage()
    local s = 0
    for i = 1, 100 do s = s + t[i][1] end
    return s
  end)
  print("inside:", inner(), inner())

  -- a finalizer that resumes a coroutine
  local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
  local got = {}
  do
    local tmp = {setmetatable({}, {__gc = function() got[#got + 1] = gen() end}),
                 setmetatable({}, {__gc = function() got[#got + 1] = gen() end})}
  end
  collectgarbage()
  print("finalizers resumed:", table.concat(got, " "))

  -- a coroutine that is only reachable from itself (its own stack)
  do
    local c
    c = coroutine.create(function() local me = c; coroutine.yield() end)
    coroutine.resume(c)
    weak.self = c
  end
  collectgarbage()
  collectgarbage()
  print("self-referencing coroutine collected:", weak.self == nil)
end
