-- goto and labels that work: loops, continue, leaving nested blocks,
-- labels at block ends, closures created in goto loops.
local i = 1
::top::
if i <= 3 then io.write(i, " "); i = i + 1; goto top end
print()
-- continue
for k = 1, 6 do
  if k % 3 == 0 then goto continue end
  io.write(k, " ")
  ::continue::
end
print()
-- leaving several nested blocks and loops at once
for a = 1, 3 do
  for b = 1, 3 do
    while true do
      if a * b == 4 then goto done end
      break
    end
  end
end
::done::
print("left nested loops")
-- a label at the end of a block is outside the scope of the block's locals
do
  goto finish
  local x = 1
  print(x)
  ::finish::
end
print("jump to end of block ok")
-- repeat-until with a label before 'until' is not at the end (until sees locals)
local n = 0
repeat
  n = n + 1
  if n < 3 then goto next end
  ::next::
until n >= 3
print("repeat n", n)
-- each trip through a backward goto makes a fresh local for closures
local fns = {}
do
  local k = 1
  ::again::
  local captured = k * 10
  fns[#fns + 1] = function() return captured end
  k = k + 1
  if k <= 3 then goto again end
end
print(fns[1](), fns[2](), fns[3]())
-- labels with the same name in sibling blocks and in nested functions are fine
do ::l:: end
do ::l:: end
local function inner() ::l:: return "inner label" end
print(inner())
-- goto forward past local function declarations at block end
do
  goto out
  local function never() end
  ::out::
end
print("done")
-- label names may be any name; several labels in a row
do ::a:: ::b:: ::c:: end
print(load("goto x; do end ::x:: return 'forward ok'")())
print(load("local t = {} for i = 1, 3 do t[i] = function() return i end end return t[2]()")())
