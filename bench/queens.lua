-- queens: count the placements of n non-attacking queens by backtracking;
-- recursion with boolean arrays.
-- compat: 5.1
-- quick-size: 7
-- iter-size: 10
local n = tonumber(arg and arg[1]) or 11

local column, rising, falling = {}, {}, {}
local function place(row)
  if row > n then return 1 end
  local found = 0
  for col = 1, n do
    local r, f = row + col, row - col + n
    if not column[col] and not rising[r] and not falling[f] then
      column[col], rising[r], falling[f] = true, true, true
      found = found + place(row + 1)
      column[col], rising[r], falling[f] = false, false, false
    end
  end
  return found
end

local total = 0
for _ = 1, 3 do total = total + place(1) end
print(string.format("queens(%d) = %d", n, total))
