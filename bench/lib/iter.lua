-- iter.lua: iteration mode for any benchmark, the raw data of the warm-up
-- curves (bench/warmup.py). It loads a benchmark once and runs its main
-- chunk again and again in the same process, so a JIT keeps what it learned
-- between iterations, and times each run with os.clock (CPU time, which a
-- busy shared machine disturbs less than wall time).
--
--   ENGINE lib/iter.lua PROGRAM.lua SIZE ITERATIONS
--
-- Output, one line per iteration, then the program's own result line:
--
--   iteration<TAB>1<TAB>0.012345      (seconds of CPU time)
--   ...
--   fib(25) = 75025
--
-- The benchmarks need nothing for this: each one reads its size from
-- arg[1] and reports through print, so the driver sets `arg` and catches
-- print around every run. Every run must print the same thing; a run that
-- differs is an error (a JIT that changes results after tiering up). Lua 5.1
-- compatible, so LuaJIT runs it too.

local script, size, count = ...
if not script or not size then
  io.stderr:write("usage: ENGINE lib/iter.lua PROGRAM.lua SIZE [ITERATIONS]\n")
  os.exit(2)
end
count = tonumber(count) or 10

local chunk = assert(loadfile(script))
local clock, format, concat = os.clock, string.format, table.concat
local write, tostring, select = io.write, tostring, select
local real_print = print

local lines
local function catch_print(...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
  lines[#lines + 1] = concat(parts, "\t")
end

local expected
for i = 1, count do
  lines = {}
  arg = { [0] = script, size }
  print = catch_print
  local start = clock()
  chunk(size)
  local seconds = clock() - start
  print = real_print
  local result = concat(lines, "\n")
  if expected == nil then
    expected = result
  elseif result ~= expected then
    error(format("iteration %d printed %q, iteration 1 printed %q", i, result, expected))
  end
  write(format("iteration\t%d\t%.6f\n", i, seconds))
end
write(expected, "\n")
