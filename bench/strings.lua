-- strings: string building with table.concat and with '..' in loops,
-- number-to-string conversion, and string.sub/byte on the results.
-- compat: 5.1
-- quick-size: 20000
-- iter-size: 40000
local n = tonumber(arg and arg[1]) or 500000

local parts = {}
for i = 1, n do parts[#parts + 1] = "item" .. i end
local joined = table.concat(parts, ",")

-- lines grown with '..' and flushed into a buffer when long
local buffer, line, lines = {}, "", 0
for i = 1, n do
  line = line .. (i % 10) .. ":"
  if #line >= 60 then
    buffer[#buffer + 1] = line
    line, lines = "", lines + 1
  end
end
local text = table.concat(buffer, "\n")

-- read the results back: byte sums over a stride
local sum = 0
for i = 1, #joined, 7 do sum = sum + joined:byte(i) end
for i = 1, #text, 5 do sum = sum + text:byte(i) end
local words = 0
for _ in joined:gmatch("item%d+") do words = words + 1 end
print(string.format("strings(%d) = %d %d %d %d %s", n, #joined, #text, lines, words, sum))
