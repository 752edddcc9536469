local a <const> = "x"
local t = {}
print(t[a], t.x, a:rep(2), ("y"):rep(3), #a)
local k <const> = 5
local function f(...) return k, ... end
print(f(...), f(..., 1), {...}, select('#', ...))
t.a.b.c = f()
local function outer()
  local u = 1
  return function()
    return function() u = u + 1; return u end
  end
end
local p, q, r = 1, 2, 3
while p and q or r do p = nil end
if not (p or q) then print(1) end
if p and not q then print(2) elseif not p and q then print(3) end
for i = 1, 3, 0.5 do print(i) end
for i = 3, 1, -1 do print(i) end
for i = p, q do end
repeat
  local z = 1
  local function g() return z end
  if z then goto cont end
  print(g)
  ::cont::
until true
for i = 1, 3 do
  local c = i
  local function h() return c end
  if i == 2 then break end
  for j = 1, 2 do
    local d = j
    t[j] = function() return d end
    if d then break end
  end
end
local s = "a" .. "b" .. ("c" .. "d") .. (p .. q)
local x = p == q and "eq" or "ne"
local y = (p < q) == (q < r)
local z = p and q and r and t
local w = p or q or r or t
x = not nil; x = not 0; x = not {}; x = #t == 0
t[1], t[2], t[3] = f()
t.x, t.y = 1
return a, t, f()
