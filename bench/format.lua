-- format: string.format with many directives (%d with flags and widths,
-- %x, %o, %c, %s with precision, %f, %e, %g, %q, %%) building report lines,
-- then hashing them; measures the formatter and short-string creation.
-- compat: 5.1
-- quick-size: 500
-- iter-size: 5000
local n = tonumber(arg and arg[1]) or 180000

local format, byte = string.format, string.byte
local names = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" }

-- A hash of the line's bytes, sampled, so it sees every part of the line.
local function mix(h, s)
  h = (h * 31 + #s) % 1000000007
  for i = 1, #s, 3 do h = (h * 131 + byte(s, i)) % 1000000007 end
  return h
end

local hash, length = 0, 0
for i = 1, n do
  local name = names[i % #names + 1]
  local x = i * 0.37 - 1000
  local line = format("%6d|%-8s|%08.3f|%+.2e|%x|%X|%o|%5.1f%%", i, name, x, x * x,
                      i * 7, i * 13, i % 4096, (i % 1000) / 10)
  local line2 = format("%-12.3s:%3d:%c%c:%g:%.10g:%s", name, i % 1000, 65 + i % 26,
                       97 + i % 26, i / 8, x / 3, name)
  hash = mix(hash, line)
  hash = mix(hash, line2)
  length = length + #line + #line2
  if i % 1000 == 0 then
    local quoted = format("%q", name .. "\n\"" .. i)
    hash = mix(hash, quoted)
    length = length + #quoted
  end
end
print(format("format(%d) = %d %d", n, length, hash))
