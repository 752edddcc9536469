local function f(...) return ... end
local a, b, c
a, b, c = f()
a, b = f(), f()
a, b, c = 1, 2
a, b = 1, 2, 3, f()
local t = {}
t.x, t.y = t.y, t.x
a, t[a] = t[a], a
t[a], a = a, t[a]
local u = {}
function g() u, u.x = 1, 2 end
x, y = y, x
if a then b = 1 elseif b then c = 2 elseif c then a = 3 else a = 4 end
if a and b then f() end
if a or b then f() end
if not a then f() end
if a == 1 then f() else f() end
while a do a = f() end
while a < 10 do a = a + 1; if a == 5 then break end end
repeat local z = f(); a = a + 1 until z
repeat local z = f(); local function h() return z end until h()
for i = 1, 10 do f(i) end
for i = 10, 1, -1 do f(i) end
for i = 1.0, 3 do f(i) end
for k, v in pairs(t) do f(k, v) end
for k in next, t do f(k) end
for a, b, c, d in f() do f(a, b, c, d) end
do local z = 1; f(z) end
do local z; local function h() return z end end
goto skip
f()
::skip::
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    f(i, j)
    ::continue::
  end
end
do
  local k = 0
  ::top::
  k = k + 1
  local function cap() return k end
  if k < 3 then goto top end
end
return f(a, b)
