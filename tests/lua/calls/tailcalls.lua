-- Proper tail calls: unbounded depth without stack growth.
local function count(n, acc)
  if n == 0 then return acc end
  return count(n - 1, acc + 1)
end
print(count(1000000, 0))
-- mutual tail recursion
local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(1000001), odd(1000001))
-- tail call through a method and a varargs function
local obj = {n = 0}
function obj:step(k, ...) if k == 0 then return self.n, select("#", ...) end self.n = self.n + 1; return self:step(k - 1, ...) end
print(obj:step(300000, "a", "b", "c"))
-- tail calls to C functions and callable tables
local function toC(s) return string.upper(s) end
print(toC("tail into C"))
local callable = setmetatable({}, {__call = function(self, n) return "callable " .. n end})
local function toCallable(n) return callable(n) end
print(toCallable(5))
local deep = setmetatable({}, {__call = function(self, n) if n == 0 then return "done" end return self(n - 1) end})
print(deep(200000))
-- a tail call keeps all results
local function many() return 1, 2, 3, 4, 5 end
local function relay() return many() end
print(relay())
-- a parenthesized call is not a tail call and truncates to one value
local function notail() return (many()) end
print(notail())
-- tail-called function sees its own arguments, not the caller's frame
local function show(...) return select("#", ...), ... end
local function passthrough(a, b, ...) return show(b, a, ...) end
print(passthrough(1, 2, 3, 4))
-- traceback marks tail calls (the frames are gone)
local function level3() return debug.traceback("tb", 1) end
local function level2() return level3() end
local function level1() return level2() end
local tb = level1()
print((tb:gsub("\n%s*%[C%]: in %?", "")))
