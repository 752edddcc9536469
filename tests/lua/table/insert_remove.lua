-- table.insert and table.remove: positions, edges, errors
local function show(t, n) 
  local out = {}
  for i = 1, n or #t do out[#out + 1] = tostring(t[i]) end
  return "{" .. table.concat(out, ",") .. "} #" .. #t
end
local t = {}
table.insert(t, "a") table.insert(t, "b") table.insert(t, 1, "c") table.insert(t, 2, "d")
print(show(t))
table.insert(t, #t + 1, "e")
print(show(t))
print(pcall(table.insert, t, 0, "x"))
print(pcall(table.insert, t, #t + 2, "x"))
print(pcall(table.insert, t, -1, "x"))
print(pcall(table.insert, t, 1.5, "x"))
print(pcall(table.insert, t, "2", "x"), show(t))
print(pcall(table.insert, t))
print(pcall(table.insert, t, 1, 2, 3))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, "str", 1))
print(pcall(table.insert))
table.insert(t, nil)
print(show(t))
table.insert(t, 1, nil)
print(show(t, 7))
print(pcall(table.insert, {}, math.mininteger, 1))
print(pcall(table.insert, {}, math.maxinteger, 1))
-- remove
t = {1, 2, 3, 4, 5}
print(table.remove(t), show(t))
print(table.remove(t, 1), show(t))
print(table.remove(t, 2), show(t))
print(table.remove(t, #t + 1), show(t))
print(pcall(table.remove, t, #t + 2))
print(pcall(table.remove, t, 0))
print(pcall(table.remove, t, -1))
print(table.remove(t, #t), show(t))
print(table.remove(t), show(t))
print(table.remove(t), show(t))
print(table.remove(t, 0), table.remove(t, 1), table.remove(t), show(t))
print(pcall(table.remove, t, 2))
print(pcall(table.remove, t, -1))
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0])
z = {[0] = "zero", "one"}
print(pcall(table.remove, z, 0))
print(table.remove({n = 1}), table.remove({}, nil))
print(pcall(table.remove, nil))
print(pcall(table.remove, {}, "x"))
print(pcall(table.remove, {}, 1.5))
-- holes: the border is what # says
local h = {1, 2, nil, 4}
print(#h, table.remove(h), #h)
-- a list built by insert at the front
local list = {}
for i = 1, 10 do table.insert(list, 1, i) end
print(table.concat(list, " "))
for i = 1, 4 do table.remove(list, 3) end
print(table.concat(list, " "))
