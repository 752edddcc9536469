-- yields that return (vm/resume.h) against the ones that jump: each kind
-- of frame between the yield and lua_resume, and what a suspended
-- coroutine looks like afterwards.
local co, wrap, yield = coroutine, coroutine.wrap, coroutine.yield

-- many values each way (stack growth on both sides)
local big = wrap(function(...)
  local t = {...}
  while true do t = { yield(table.unpack(t)) } end
end)
local vals = {}
for i = 1, 300 do vals[i] = i end
print(select('#', big(table.unpack(vals))))
print(select('#', big(1, 2, 3)), big())
print(select('#', big(table.unpack(vals, 1, 250))))

-- yield inside pcall, twice (the second after the frame was unrolled)
local c = co.create(function(a)
  local ok, v = pcall(function(x)
    local y = yield(x + 1)
    local z = yield(y * 2)
    error({z})
  end, a)
  yield(ok, type(v) == "table" and v[1])
  local ok2, e = xpcall(function() yield("in xpcall"); error("boom") end,
                        function(m) return "handled: " .. m end)
  return ok2, e
end)
print(co.resume(c, 10))
print(co.resume(c, 5))
print(co.resume(c, 7))
print(co.resume(c))
print(co.resume(c))
print(co.status(c), co.resume(c))

-- yield inside a metamethod, twice
local mt = { __index = function(t, k) local a = yield("idx " .. k); local b = yield(a); return b .. k end,
             __add = function(a, b) return yield("add") end,
             __lt = function(a, b) return yield("lt") end,
             __concat = function(a, b) return yield("cat") end,
             __eq = function(a, b) return yield("eq") end,
             __call = function(self, x) return yield("call " .. x) end }
c = co.wrap(function()
  local o = setmetatable({}, mt)
  local o2 = setmetatable({}, mt)
  local r = o.foo
  local s = o + 1
  local l = o < o2
  local k = o .. "x"
  local e = o == o2
  local cl = o(42)
  return r, s, l, k, e, cl
end)
print(c()); print(c("A")); print(c("B")); print(c(3)); print(c(false)); print(c("cc")); print(c(true))
print(c("called"))

-- a yielding iterator in a generic for, and a numeric for around yields
local gen = wrap(function()
  for k, v in function(_, i) if i < 3 then yield("it" .. i); return i + 1, i * 10 end end, nil, 0 do
    yield(k, v)
  end
  for i = 1, 3 do yield(i) end
  return "done"
end)
for _ = 1, 10 do local a, b = gen(); print(a, b); if a == "done" then break end end

-- nested coroutines: inner yields to outer, outer yields to main
local outer = wrap(function()
  local inner = wrap(function() for i = 1, 3 do yield("inner", i) end end)
  for i = 1, 3 do local a, b = inner(); yield("outer", a, b) end
end)
for _ = 1, 3 do print(outer()) end

-- across C boundaries: errors, not yields
print(pcall(table.sort, {3, 2, 1}, function(a, b) yield() end))
print(co.resume(co.create(function() table.sort({3, 2, 1}, function(a, b) yield() return a < b end) end)))
print(co.resume(co.create(function() return string.gsub("abc", "%w", function(x) yield(x) end) end)))
print(co.resume(co.create(function() local t = setmetatable({}, {__gc = true}); return load(function() yield() end) end)))
print(pcall(yield, 1))

-- the body itself a C function
local cy = co.wrap(yield)
print(cy(1, 2)); print(cy(3))
local cp = co.create(print)
print(co.resume(cp, "printed"))
print(co.status(cp))

-- a suspended coroutine seen from outside
local sus = co.create(function(a) local loc = a * 2; yield(loc); return loc end)
co.resume(sus, 21)
print(co.status(sus), debug.getlocal(sus, 1, 1), debug.getlocal(sus, 1, 2))
print((debug.traceback(sus):gsub("\n%s*%[C%]: in %?", "")))
print(debug.getinfo(sus, 1, "l").currentline)
print(co.resume(sus))
print(co.status(sus), co.resume(sus))

-- close with pending to-be-closed variables, then errors after yields
local cz = co.create(function()
  local x <close> = setmetatable({}, {__close = function(_, e) print("closing", e) end})
  yield(1)
  error("never")
end)
print(co.resume(cz)); print(co.close(cz)); print(co.status(cz))
local ce = wrap(function() yield(1); error("after yield") end)
print(ce()); print(pcall(ce))
local ce2 = wrap(function() yield(1); error({}) end)
ce2(); print(select("#", pcall(ce2)), type(select(2, pcall(ce2))))

-- running, isyieldable and status from inside
local cs
cs = co.create(function()
  print(co.isyieldable(), co.running() == cs, co.status(cs))
  yield()
  print(co.isyieldable(), select(2, co.running()))
end)
co.resume(cs); co.resume(cs); print(co.status(cs), co.isyieldable())

-- yield inside a line hook (the hook-yield path stays)
local ch = co.create(function() local a = 1; a = a + 1; return a end)
debug.sethook(ch, function() yield() end, "l")
local n = 0
while co.status(ch) ~= "dead" do local ok, r = co.resume(ch); n = n + 1; if r then print("hook result", r) end end
print("hook resumes", n)

-- a generator resumed by another coroutine's loop, many switches
local function count(k) return wrap(function() while true do yield(k); k = k + 1 end end) end
local function filter(p, src) return wrap(function() while true do local v = src(); if v % p ~= 0 then yield(v) end end end) end
local src, s = count(2), 0
for _ = 1, 50 do local p = src(); s = s + p; src = filter(p, src) end
print("primes", s)

-- a yield from tbc __close during return
local ctc = wrap(function()
  local x <close> = setmetatable({}, {__close = function() yield("closing") end})
  return "ret"
end)
print(ctc()); print(ctc())
