-- binarytrees: allocate many short-lived complete binary trees and walk
-- them; measures table allocation and the garbage collector.
-- compat: 5.1
-- quick-size: 12
-- iter-size: 10
local max_depth = tonumber(arg and arg[1]) or 15
local min_depth = 4
if max_depth < min_depth + 2 then max_depth = min_depth + 2 end

local function make(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return {make(depth), make(depth)}
end

local function nodes(tree)
  if tree[1] == nil then return 1 end
  return 1 + nodes(tree[1]) + nodes(tree[2])
end

local total = nodes(make(max_depth + 1))
local long_lived = make(max_depth)
for depth = min_depth, max_depth, 2 do
  local iterations = 2 ^ (max_depth - depth + min_depth)
  local sum = 0
  for _ = 1, iterations do sum = sum + nodes(make(depth)) end
  total = total + sum
end
total = total + nodes(long_lived)
print(string.format("binarytrees(%d) = %d", max_depth, total))
