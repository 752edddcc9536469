-- string.format's integer ('d' 'i' 'u' 'o' 'x' 'X' 'c') and padded string
-- ('%5s', '%-8.3s') conversions, which strfmt.c formats itself rather
-- than through snprintf: every flag, width and precision combination the
-- checker lets through, against lua5.4's C library output. One line per
-- conversion letter: how many specifications, how many errors, and a hash
-- of every result, then a few samples in full.
local flagsets = {"", "-", "+", " ", "#", "0", "-0", "+ ", "+0", " 0", "#0",
                  "-#0", "+-0 "}
local widths = {"", "1", "5", "20", "22", "99"}
local precs = {false, ".", ".0", ".1", ".5", ".21", ".99"}
local values = {0, 1, -1, 8, 255, -255, 1000000000, math.maxinteger,
                math.mininteger}

local function hash(h, s)
  for i = 1, #s do h = (h * 31 + s:byte(i)) % 2147483647 end
  return h
end

-- Every flag set x width x precision of one conversion letter applied to
-- every value: how many specifications, how many raised errors, and a
-- hash of every result (message or formatted string).
local function sweep(letter, flags, vals)
  local h, count, errors = 0, 0, 0
  for _, f in ipairs(flags) do
    for _, w in ipairs(widths) do
      for _, p in ipairs(precs) do
        local spec = "%" .. f .. w .. (p or "") .. letter
        for _, v in ipairs(vals) do
          local ok, r = pcall(string.format, "[" .. spec .. "]", v)
          count = count + 1
          if not ok then errors = errors + 1 end
          h = hash(h, r)
        end
      end
    end
  end
  return count, errors, h
end

for _, l in ipairs{"d", "i", "u", "o", "x", "X", "c"} do
  print(l, sweep(l, flagsets, values))
end

local strs = {"", "a", "hello", "hello world, this is long", string.rep("x", 99),
              string.rep("y", 100), string.rep("z", 150), 12, 3.5, true, "a\0b"}
print("s", sweep("s", {"", "-", "--"}, strs))

print(string.format("%5d|%-5d|%05d|%+d|% d|%x|%#x|%#o|%.3d|%c|%-3c|%#.0o|%.0d|",
                    42, 42, -42, 5, 5, 255, 255, 8, 7, 65, 66, 0, 0))
print(string.format("%d %x %X %o", math.mininteger, math.mininteger, -1, -1))
print(string.format("%-8s|%8s|%-12.3s|%.0s|%3.1s|", "name", "name", "abcdef", "x", "yz"))
print(#string.format("%c", 0), string.format("%5c|%-5c|", 0x41, 0x142))
print(pcall(string.format, "%+x", 1))
print(pcall(string.format, "%#d", 1))
print(pcall(string.format, "%-+5c", 65))
print(pcall(string.format, "%.3c", 65))
print(pcall(string.format, "%d", 1.5))
print(pcall(string.format, "%x", "0x10"))
