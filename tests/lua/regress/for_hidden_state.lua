-- The numeric for loop keeps its hidden state (index, iteration count or
-- float limit, step) in locals that debug.setlocal can overwrite.
-- Crescent's FORLOOP trusted their types (an assertion failure, and a
-- number written into a value still tagged as an object); found by the
-- undump fuzzer, also reachable from source. Only overwrites that lua5.4
-- survives are compared: integers, and floats where the loop keeps
-- integers (reinterpreted, so the loop is cut by a break).
local function names()
  local t = {}
  for i = 9, 12 do t[#t + 1] = (debug.getlocal(2, i)) end
  return table.concat(t, ",")
end

local function run(label, first, last, step, slot, value)
  local n, seen = 0, {}
  for i = first, last, step do
    n = n + 1
    seen[#seen + 1] = tostring(i)
    if n == 1 then
      if label == "names" then print(names()) end
      if slot then debug.setlocal(1, slot, value) end
    end
    if n == 8 then break end
  end
  print(label, n, table.concat(seen, " "))
end

-- locals of run: label first last step slot value n seen, then the loop's
-- three hidden slots (9, 10, 11) and i
run("names", 1, 3, 1)
run("count = 2", 1, 3, 1, 10, 2)
run("count = 0", 1, 10, 1, 10, 0)
run("index = 100", 1, 3, 1, 9, 100)
run("step = 5", 1, 20, 1, 11, 5)
run("float limit = 5.0", 1.0, 3.0, 1.0, 10, 5.0)
run("float index = 2.5", 1.0, 4.0, 1.0, 9, 2.5)
run("float step = -1.0", 1.0, 4.0, 1.0, 11, -1.0)
run("count = 0.5", 1, 3, 1, 10, 0.5)
run("step = 2.5", 1, 3, 1, 11, 2.5)
