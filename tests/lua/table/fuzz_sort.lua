-- differential fuzz of table.sort: tie order, comparison counts and invalid order functions, seeded
local seed = 2718
math.randomseed(seed)
for i = 1, 300 do
  local n = math.random(0, 90)
  local t = {}
  local range = math.random(1, 20)
  for j = 1, n do t[j] = {k = math.random(range), id = j} end
  local mode = math.random(3)
  local count = 0
  local ok, err = pcall(table.sort, t, function(a, b)
    count = count + 1
    if mode == 1 then return a.k < b.k
    elseif mode == 2 then return a.k > b.k
    else return math.random() < 0.5 end
  end)
  local ids = {}
  for j = 1, n do ids[j] = t[j].id end
  print(i, n, mode, ok, err, count, table.concat(ids, " "))
end
