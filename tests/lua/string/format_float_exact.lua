-- string.format's %e %f %g against the C library digit for digit: ties
-- (rounded to even on the exact binary value), carries into a new digit,
-- the %g switch between styles, flags, widths, precisions up to where the
-- engine's own formatter hands over to snprintf (17+ digits, huge %f,
-- tiny %e), subnormals, -0.0, inf and nan.
local fmt = string.format

-- values chosen at the edges
local edge = {0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 0.625, 2.675, 1.005, 4.35,
  9.5, 99.5, 999999.5, 9999995, 0.95, 0.05, 0.0005, 0.00049999999999999996,
  1e-5, 9.9999e-5, 0.0001, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23,
  2^53, 2^53 + 2, 2^63, 2^64, 2^70, 1e100, 1e300, 1.7976931348623157e308,
  5e-324, 2.2250738585072014e-308, 1e-310, 1e-38, 1e-39, 1e-40, 1/3, -2/3,
  123456.789, 66666.6666, -999.999, 0.1, 0.2, 0.3, 1/0, -1/0}
local specs = {"%e", "%.0e", "%#.0e", "%.1e", "%+.2e", "% .3e", "%12.4e", "%-12.2e|",
  "%012.3e", "%.16e", "%.17e", "%E", "%f", "%.0f", "%#.0f", "%.1f", "%.2f", "%+.3f",
  "%08.3f", "%-10.1f|", "%5.1f", "% 010.4f", "%.17f", "%.18f", "%.20f", "%g", "%.0g",
  "%.1g", "%.2g", "%+g", "% g", "%10g", "%-10g|", "%010g", "%.10g", "%.14g", "%.16g",
  "%.17g", "%.18g", "%G", "%#g", "%#.3g", "%#10.2G"}
for _, spec in ipairs(specs) do
  local row = {}
  for i, v in ipairs(edge) do row[i] = fmt(spec, v) end
  print(spec, table.concat(row, " "))
end
local nan = 0/0
print(fmt("%e|%f|%g|%5.1f|%-8.3f|%08.3f|%+g|% e", nan, -nan, nan, nan, -nan, 1/0, -1/0, 1/0))

-- many values and specifications: a checksum per letter and flag set
local seed = 20261122
local function rnd(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end
local values = {}
for i = 1, 100 do
  local m = rnd(2147483647) / 2147483648 + rnd(2147483647) / 2147483648 / 2147483648
  values[#values + 1] = (rnd(2) == 0 and 1 or -1) * m * 10.0 ^ (rnd(90) - 45)
  values[#values + 1] = rnd(1000000) / 8
  values[#values + 1] = rnd(10000000) / 1000
  values[#values + 1] = (rnd(2000001) - 1000000) / 100
end
local function hash(s, h)
  local b = {s:byte(1, -1)}
  for i = 1, #b do h = (h * 31 + b[i]) % 4294967291 end
  return h
end
for _, letter in ipairs({"e", "E", "f", "g", "G"}) do
  for _, flags in ipairs({"", "-", "+", " ", "#", "0", "+0", "- "}) do
    local h, n = 0, 0
    for _, width in ipairs({"", "15"}) do
      for _, p in ipairs({-1, 0, 1, 2, 3, 5, 9, 14, 16, 17, 18}) do
        local spec = "%" .. flags .. width .. (p >= 0 and "." .. p or "") .. letter
        for _, v in ipairs(values) do
          h = hash(fmt(spec, v), h)
          n = n + 1
        end
      end
    end
    print(letter, "[" .. flags .. "]", n, h)
  end
end
