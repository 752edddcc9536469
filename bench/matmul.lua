-- matmul: dense matrix multiplication of two n x n matrices of doubles
-- stored as arrays of row arrays (the i-k-j loop order, so the inner loop
-- walks two rows); float multiply-add with nested array indexing.
-- compat: 5.1
-- quick-size: 30
-- iter-size: 90
local n = tonumber(arg and arg[1]) or 280

local function matrix(rows, cols, f)
  local m = {}
  for i = 1, rows do
    local row = {}
    for j = 1, cols do row[j] = f(i, j) end
    m[i] = row
  end
  return m
end

local function multiply(a, b)
  local rows, inner, cols = #a, #b, #b[1]
  local c = matrix(rows, cols, function() return 0.0 end)
  for i = 1, rows do
    local ai, ci = a[i], c[i]
    for k = 1, inner do
      local aik, bk = ai[k], b[k]
      for j = 1, cols do
        ci[j] = ci[j] + aik * bk[j]
      end
    end
  end
  return c
end

local a = matrix(n, n, function(i, j) return (i - j) / n + 0.5 end)
local b = matrix(n, n, function(i, j) return (i + j) % 17 / 17 - 0.25 end)
local c = multiply(a, b)
c = multiply(c, a)

local trace, sum = 0.0, 0.0
for i = 1, n do
  trace = trace + c[i][i]
  for j = 1, n do sum = sum + c[i][j] end
end
print(string.format("matmul(%d) = %.6f %.6f", n, trace, sum))
