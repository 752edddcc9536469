-- Tables growing and shrinking across their internal parts; results are
-- computed from values only, never from iteration order.
local t = {}
for i = 1, 1000 do t[i] = i end
local s = 0
for i = 1, #t do s = s + t[i] end
print(#t, s)
for i = 1, 1000, 2 do t[i] = nil end
local cnt, sum = 0, 0
for k, v in pairs(t) do cnt = cnt + 1; sum = sum + v end
print(cnt, sum)
-- string keys added and removed many times
local h = {}
for round = 1, 5 do
  for i = 1, 200 do h["k" .. i] = i * round end
  for i = 1, 200, 3 do h["k" .. i] = nil end
end
cnt, sum = 0, 0
for k, v in pairs(h) do cnt = cnt + 1; sum = sum + v end
print(cnt, sum)
-- clearing fields during traversal is allowed
local c = {}
for i = 1, 100 do c["x" .. i] = i end
for k in pairs(c) do c[k] = nil end
print(next(c))
-- assigning to existing fields during traversal is allowed
local u = {}
for i = 1, 50 do u[i] = i; u["s" .. i] = i end
for k, v in pairs(u) do u[k] = v * 2 end
sum = 0
for _, v in pairs(u) do sum = sum + v end
print(sum)
-- negative and zero integer keys live outside the array part
local z = {}
for i = -10, 10 do z[i] = i end
sum = 0
for _, v in pairs(z) do sum = sum + v end
print(#z, sum, z[-10], z[0])
-- sparse integer keys
local sp = {}
for i = 1, 20 do sp[i * i * i] = i end
sum = 0
for k, v in pairs(sp) do sum = sum + k + v end
print(sum, sp[8000], sp[27])
-- objects as keys
local objs = {}
local keys = {}
for i = 1, 100 do keys[i] = {}; objs[keys[i]] = i end
sum = 0
for i = 1, 100 do sum = sum + objs[keys[i]] end
print(sum)
-- next after the last key, and next with an invalid key
print(next({}, nil))
print(pcall(next, {}, "nokey"))
