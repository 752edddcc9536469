-- lua_resume's fast path (a yield that returned from a Lua CALL, resumed
-- straight into the Lua frame): values in each count and shape, errors
-- after such a resume (caught inside, uncaught, through wrap), closing,
-- hooks set while suspended, and generic-for over wrap generators.
local create, resume, yield, wrap, status =
  coroutine.create, coroutine.resume, coroutine.yield, coroutine.wrap,
  coroutine.status

-- results of yield wanted as 0, 1, 2 and all values
local co = create(function(...)
  print("start", ...)
  yield()
  local a = yield(1)
  local b, c = yield(2)
  print("got", a, b, c)
  print("all", yield(3))
  local t = { yield(4) }
  print("#t", #t, t[1], t[#t])
  return "end", select("#", yield())
end)
for i = 1, 9 do
  print(i, status(co), resume(co, i, i * 10, nil))
end
print(status(co), resume(co))

-- many rounds, so the frames run compiled under the JIT tiers
local gen = wrap(function()
  local k = 0
  while true do k = k + 1; yield(k, k * k) end
end)
local s1, s2 = 0, 0
for _ = 1, 3000 do local a, b = gen(); s1 = s1 + a; s2 = s2 + b end
print("sums", s1, s2)

-- generic for over wrap generators (a C iterator called from the loop)
local function range(n)
  return wrap(function() for i = 1, n do yield(i) end end)
end
local total = 0
for v in range(2500) do total = total + v end
print("range", total)
for a, b in wrap(function() yield(1, 2); yield(3, nil); yield(nil, 4) end) do
  print("pair", a, b)
end

-- an error after a resume, caught by pcall inside the coroutine
co = create(function()
  local ok, e = pcall(function()
    local v = yield("in pcall")
    error("after resume " .. v)
  end)
  print("caught", ok, e)
  local ok2, e2 = pcall(function()
    local v = yield("again")
    return v + nil
  end)
  print("caught2", ok2, e2)
  return "done"
end)
print(resume(co))
print(resume(co, "x"))
print(resume(co, 1))
print(status(co), resume(co))

-- uncaught: the coroutine dies with the error
co = create(function()
  for i = 1, 3 do yield(i) end
  error({ code = 42 })
end)
for _ = 1, 5 do
  local ok, v = resume(co)
  print(ok, type(v) == "table" and v.code or v, status(co))
end
co = create(function() local x = yield(); return x.field end)
resume(co)
print(resume(co, nil))
print(resume(co))

-- through wrap: the position is added to string errors
local w = wrap(function() yield(1); error("boom") end)
print(w())
print(pcall(w))
print(pcall(w))
w = wrap(function() yield(1); error(setmetatable({}, { __tostring = function() return "obj" end })) end)
w()
local ok, e = pcall(w)
print(ok, tostring(e))

-- to-be-closed variables: closed on return after resumes, by close while
-- suspended, and on an error after a resume
local function closer(name)
  return setmetatable({}, { __close = function(_, err) print("close", name, err) end })
end
co = create(function()
  local a <close> = closer("a")
  yield(1)
  local b <close> = closer("b")
  yield(2)
  return "ret"
end)
print(resume(co)); print(resume(co)); print(resume(co)); print(status(co))
co = create(function()
  local a <close> = closer("c")
  yield(1)
  yield(2)
end)
print(resume(co)); print(resume(co))
print(coroutine.close(co), status(co))
co = create(function()
  local a <close> = closer("d")
  yield(1)
  error("err d")
end)
print(resume(co)); print(resume(co)); print(status(co))
print(coroutine.close(co))

-- a hook set on a suspended coroutine sees the resumed frame
co = create(function()
  local n = 0
  for i = 1, 3 do n = n + yield(i) end
  return n
end)
print(resume(co))
local lines = 0
debug.sethook(co, function(ev) lines = lines + 1 end, "l")
print(resume(co, 10))
debug.sethook(co)
print(resume(co, 20))
print(resume(co, 30))
print("hooked lines > 0", lines > 0)

-- nested: a coroutine resuming another from inside its own resume
local inner = wrap(function() for i = 1, 3 do yield(i * 100) end end)
local outer = wrap(function()
  for i = 1, 3 do yield(inner() + i) end
end)
print(outer(), outer(), outer())

-- resume of a running or normal coroutine, and of a dead one
local self
self = create(function()
  print("self", resume(self))
  local other = create(function() print("normal", resume(self)) end)
  resume(other)
  yield()
end)
resume(self)
resume(self)
print(resume(self))

-- status names
local st = create(function() yield() end)
print(status(st)); resume(st); print(status(st)); resume(st); print(status(st))
print(status(coroutine.running()))
print(pcall(status, 1))
