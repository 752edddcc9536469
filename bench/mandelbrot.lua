-- mandelbrot: iterate z = z^2 + c over a grid of points; a float-only
-- inner loop with an early exit.
-- compat: 5.1
-- quick-size: 100
-- iter-size: 180
local size = tonumber(arg and arg[1]) or 800
local max_iter = 50

local inside, iterations = 0, 0
for y = 0, size - 1 do
  local ci = 2.0 * y / size - 1.0
  for x = 0, size - 1 do
    local cr = 2.0 * x / size - 1.5
    local zr, zi = 0.0, 0.0
    local iter = 0
    while iter < max_iter do
      local zr2, zi2 = zr * zr, zi * zi
      if zr2 + zi2 > 4.0 then break end
      zi = 2.0 * zr * zi + ci
      zr = zr2 - zi2 + cr
      iter = iter + 1
    end
    if iter == max_iter then inside = inside + 1 end
    iterations = iterations + iter
  end
end
print(string.format("mandelbrot(%d) = %d %d", size, inside, iterations))
