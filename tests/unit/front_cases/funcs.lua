local function f(a, b, ...)
  local t = {...}
  local n = select('#', ...)
  return a, b, n, ...
end
local obj = {}
function obj.m(self, x) return x end
function obj:n(x) return self.m(self, x) end
function obj.a.b.c:d() end
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local function deep()
  local a = 1
  return function()
    local b = 2
    return function() return a + b end
  end
end
print(obj:n(1), obj:m "s", obj:m {1}, obj.m(obj, 2))
print(f(1, 2, 3))
print((f(1, 2, 3)))
local v = {f(1, 2)}
local w = {f(1, 2), 3}
local z = {1, f(1, 2), nil}
return function(...) local a, b = ... ; return select(2, ...) end
