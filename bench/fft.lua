-- fft: an iterative radix-2 Cooley-Tukey fast Fourier transform on arrays
-- of doubles (separate real and imaginary parts): bit-reversal swaps, then
-- butterflies with precomputed twiddle factors. Each round transforms a
-- fresh signal forward, reads its spectrum, transforms it back and checks
-- the round trip; float kernels with strided array access.
-- compat: 5.1
-- quick-size: 4
-- iter-size: 24
local rounds = tonumber(arg and arg[1]) or 700
local size = 1024                      -- points per transform, a power of two

local sin, cos, pi, abs = math.sin, math.cos, math.pi, math.abs

-- Twiddle factors w^k = exp(-2 pi i k / size) for k < size / 2.
local wr, wi = {}, {}
for k = 0, size / 2 - 1 do
  wr[k] = cos(2 * pi * k / size)
  wi[k] = -sin(2 * pi * k / size)
end

-- rev[i] is i with its log2(size) bits reversed.
local rev = {}
do
  local bits = 0
  while 2 ^ bits < size do bits = bits + 1 end
  for i = 0, size - 1 do
    local r, x = 0, i
    for _ = 1, bits do
      r = r * 2 + x % 2
      x = (x - x % 2) / 2
    end
    rev[i] = r
  end
end

-- In place; sign = 1 forward, -1 inverse (unscaled).
local function transform(re, im, sign)
  for i = 0, size - 1 do
    local j = rev[i]
    if j > i then
      re[i], re[j] = re[j], re[i]
      im[i], im[j] = im[j], im[i]
    end
  end
  local half = 1
  while half < size do
    local step = size / (2 * half)
    for start = 0, size - 1, 2 * half do
      local k = 0
      for i = start, start + half - 1 do
        local tr, ti = wr[k], wi[k] * sign
        local j = i + half
        local xr = re[j] * tr - im[j] * ti
        local xi = re[j] * ti + im[j] * tr
        re[j] = re[i] - xr
        im[j] = im[i] - xi
        re[i] = re[i] + xr
        im[i] = im[i] + xi
        k = k + step
      end
    end
    half = half * 2
  end
end

local re, im = {}, {}
local energy, peak_sum, worst = 0.0, 0, 0.0
for r = 1, rounds do
  local phase = r * 0.01
  for i = 0, size - 1 do
    re[i] = sin(i * 0.05 + phase) + 0.5 * cos(i * 0.31) + (i % 7) / 7
    im[i] = 0.0
  end
  local orig = re[(r * 37) % size]
  transform(re, im, 1)
  local best, best_k = -1.0, 0
  for k = 0, size - 1 do
    local m = re[k] * re[k] + im[k] * im[k]
    energy = energy + m / size
    if m > best then best, best_k = m, k end
  end
  peak_sum = peak_sum + best_k
  transform(re, im, -1)
  local err = abs(re[(r * 37) % size] / size - orig)
  if err > worst then worst = err end
end

print(string.format("fft(%d) = %.6f %d %s", rounds, energy, peak_sum,
                    worst < 1e-9 and "ok" or "inexact"))
