-- while and repeat: conditions, break, scope of repeat's body in 'until',
-- closures capturing per-iteration locals.
local i = 0
while i < 10 do i = i + 3 end
print("while", i)
local n = 0
repeat n = n + 1 until n * n > 50
print("repeat", n)
-- until sees a local declared in the body
local k = 0
repeat local stop = k >= 2; k = k + 1 until stop
print("until local", k)
-- closures in repeat capture that iteration's local
local fns = {}
local c = 0
repeat
  c = c + 1
  local mine = c
  fns[c] = function() return mine end
until c == 3
print(fns[1](), fns[2](), fns[3]())
-- closure referenced in the until condition
local j = 0
repeat
  local x = j
  local get = function() return x end
  j = j + 1
until get() >= 2
print("until closure", j)
-- while with break deep in nested ifs
local w = 0
while true do
  w = w + 1
  if w > 2 then
    if w % 5 == 0 then break end
  end
end
print("break", w)
-- conditions: only nil and false are false
local conds = {0, "", {}, false, nil}
for idx = 1, 5 do
  local v = conds[idx]
  local r
  while v do r = "truthy"; break end
  print(idx, r or "falsy")
end
-- loops with no iterations
while false do print("never") end
repeat until true
print("done")
