-- create, resume, yield, status, running, isyieldable.

local co = coroutine.create(function(a, b)
  print("started", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return "done", 99
end)
print(type(co), coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, "x", "y"))
print(coroutine.status(co))
print(coroutine.resume(co))
print(coroutine.resume(co, 1, 2, 3))

-- yield with no values / many values
local many = coroutine.create(function(...)
  coroutine.yield()
  coroutine.yield(...)
  return select('#', ...)
end)
print(coroutine.resume(many, 1, nil, 3, nil))
print(coroutine.resume(many))
print(coroutine.resume(many))

-- statuses: running, normal, suspended, dead
local outer
outer = coroutine.create(function()
  print("outer sees itself", coroutine.status(outer))
  local inner = coroutine.create(function()
    print("inner sees outer", coroutine.status(outer))
    print(coroutine.resume(outer))
  end)
  coroutine.resume(inner)
  print("inner after run", coroutine.status(inner))
end)
coroutine.resume(outer)
print(coroutine.status(outer))

-- running and isyieldable
local main, ismain = coroutine.running()
print(type(main), ismain)
print(coroutine.isyieldable())
print(coroutine.isyieldable(main))
local co2 = coroutine.create(function()
  local me, flag = coroutine.running()
  print(type(me), flag)
  print(coroutine.isyieldable())
  print(coroutine.status(me))
  coroutine.yield()
end)
coroutine.resume(co2)
print(coroutine.isyieldable(co2))
print(coroutine.status(co2))

-- errors inside coroutines
local bad = coroutine.create(function() error("inside") end)
print(coroutine.resume(bad))
print(coroutine.status(bad))
print(coroutine.resume(bad))
local badobj = coroutine.create(function() error({code = 1}) end)
local ok, e = coroutine.resume(badobj)
print(ok, type(e), e.code)
local badrt = coroutine.create(function() local x; return x.y end)
print(coroutine.resume(badrt))

-- resuming the running / a normal coroutine
print(coroutine.resume(coroutine.running()))
local selfresume
selfresume = coroutine.create(function() return coroutine.resume(selfresume) end)
print(coroutine.resume(selfresume))

-- argument checks
print(pcall(coroutine.create))
print(pcall(coroutine.create, 42))
print(pcall(coroutine.resume))
print(pcall(coroutine.resume, 42))
print(pcall(coroutine.status, {}))
print(pcall(coroutine.isyieldable, "x"))
print(pcall(coroutine.yield))
print(pcall(coroutine.wrap))

-- yield from the main thread
print(pcall(coroutine.yield, 1))

-- a C function as coroutine body
local cco = coroutine.create(print)
print(coroutine.resume(cco, "printed", "by", "print"))
print(coroutine.status(cco))
local yco = coroutine.create(coroutine.yield)
print(coroutine.resume(yco, "a", "b"))
print(coroutine.status(yco))
print(coroutine.resume(yco, "c"))
print(coroutine.status(yco))
