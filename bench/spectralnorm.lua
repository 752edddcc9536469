-- spectralnorm: the largest singular value of an infinite matrix, by power
-- iteration; nested loops over arrays and a small function called in the
-- innermost loop.
-- compat: 5.1
-- quick-size: 60
-- iter-size: 110
local n = tonumber(arg and arg[1]) or 500

-- Entry (i, j) of the matrix, with 0-based indices.
local function entry(i, j)
  local s = i + j
  return 1.0 / (s * (s + 1) / 2 + i + 1)
end

local function times(out, v)          -- out = A * v
  for i = 0, n - 1 do
    local sum = 0
    for j = 0, n - 1 do sum = sum + entry(i, j) * v[j] end
    out[i] = sum
  end
end

local function times_transposed(out, v)   -- out = A' * v
  for i = 0, n - 1 do
    local sum = 0
    for j = 0, n - 1 do sum = sum + entry(j, i) * v[j] end
    out[i] = sum
  end
end

local function times_ata(out, v, tmp)
  times(tmp, v)
  times_transposed(out, tmp)
end

local u, v, tmp = {}, {}, {}
for i = 0, n - 1 do u[i] = 1 end
for _ = 1, 10 do
  times_ata(v, u, tmp)
  times_ata(u, v, tmp)
end
local vbv, vv = 0, 0
for i = 0, n - 1 do
  vbv = vbv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print(string.format("spectralnorm(%d) = %.9f", n, math.sqrt(vbv / vv)))
