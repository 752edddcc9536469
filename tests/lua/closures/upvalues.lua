-- Upvalues: sharing between closures, closing at scope exit, fresh locals
-- in every loop iteration, and deep nesting.
local function counter()
  local n = 0
  return function() n = n + 1; return n end, function() return n end
end
local inc, get = counter()
inc(); inc()
print(get())                      -- both closures share the same n
local inc2, get2 = counter()
inc2()
print(get(), get2())              -- independent instances
-- numeric for: each iteration has its own control variable
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
-- while loop with a local declared inside: fresh per iteration
local ws, k = {}, 0
while k < 3 do k = k + 1; local j = k; ws[k] = function() j = j + 10; return j end end
print(ws[1](), ws[1](), ws[2](), ws[3]())
-- a local declared outside the loop is shared
local shared = {}
local x = 0
for i = 1, 3 do x = x + 1; shared[i] = function() return x end end
print(shared[1](), shared[2](), shared[3]())
-- closures see later assignments to the captured variable
local later
local function see() return later end
later = "assigned after"
print(see())
-- upvalues stay valid after the enclosing function returns
local function make(v) return function() return v end end
local m1, m2 = make("a"), make("b")
print(m1(), m2())
-- three levels: the innermost modifies a variable two levels up
local function outer()
  local v = 1
  local function middle()
    local function inner() v = v * 2; return v end
    return inner
  end
  return middle(), function() return v end
end
local dbl, read = outer()
dbl(); dbl()
print(read())
-- parameters are captured like locals
local function param(p) return function(q) p = p + q; return p end end
local acc = param(100)
acc(1)
print(acc(2))
-- recursive local function is its own upvalue
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
-- mutual recursion through upvalues declared before
local isodd
local function iseven(n) if n == 0 then return true end return isodd(n - 1) end
function isodd(n) if n == 0 then return false end return iseven(n - 1) end
print(iseven(10), isodd(7))
-- closures created in a loop with a break and goto continue
local gs = {}
for i = 1, 10 do
  if i % 2 == 0 then goto cont end
  gs[#gs + 1] = function() return i end
  if i > 6 then break end
  ::cont::
end
local vals = {}
for _, g in ipairs(gs) do vals[#vals + 1] = g() end
print(table.concat(vals, ","))
-- vararg captured through a table
local function capture(...) local t = {...}; return function() return #t, t[#t] end end
print(capture(1, 2, 3)())
-- many closures over the same variable, modified by each
local total = 0
local adders = {}
for i = 1, 10 do adders[i] = function() total = total + i end end
for _, f in ipairs(adders) do f() end
print(total)
-- upvalue of an upvalue after both frames are gone
local function level1()
  local a = "L1"
  return function()
    local b = "L2"
    return function() return a .. b end
  end
end
print(level1()()())
-- closures in coroutines keep their upvalues
local co = coroutine.wrap(function()
  local c = 0
  local bump = function() c = c + 1; return c end
  coroutine.yield(bump)
  coroutine.yield(c)
end)
local bump = co()
bump(); bump()
print(co())
