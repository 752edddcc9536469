-- Float/integer conversions and the bitwise operators' integer requirement.
local function try(f, ...)
  local r = table.pack(pcall(f, ...))
  for i = 1, r.n do r[i] = tostring(r[i]) end
  print(table.concat(r, "  "))
end
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger(2^63))
print(math.tointeger(-2^63), math.tointeger(2^53), math.tointeger(-0.0))
-- bitwise operators accept floats with an exact integer value
print(3.0 | 0, 2^53 | 0, -2.0 & 7, 1.0 << 2)
-- strings are not converted for bitwise operators (no string metamethods)
try(function() return "3" | 0 end)
try(function() local s = "3"; return s & 1 end)
try(function() return 3.5 | 0 end)
try(function() return 2^63 | 0 end)
try(function() return -2^63 | 0 end)
try(function() return (0/0) | 0 end)
try(function() return math.huge & 1 end)
try(function() return "3.5" | 0 end)
try(function() return "abc" | 0 end)
try(function() return {} | 0 end)
try(function() local x = 1.5; return x << 1 end)
try(function() local t = {f = 2.5}; return ~t.f end)
-- shifts: negative and large shift counts
print(1 << 63, 1 << 64, 1 << -1, -1 >> 1, -1 >> 63, -1 >> 64, 8 >> -2, 1 << 62)
print(5 ~ 3, ~0, ~5, 0xF0 & 0x3C, 0xF0 | 0x0F, 0xFF ~ 0x0F)
-- integer-valued float keys and for conversions in string.format
print(string.format("%d", 3.0))
try(string.format, "%d", 3.5)
try(string.format, "%x", 2^63)
-- float to integer conversion via floor/ceil
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2))
print(math.floor(2^62), math.type(math.floor(2^62)), math.floor(2^63), math.type(math.floor(2^63)))
print(math.floor(-2^63), math.type(math.floor(-2^63)))
-- integer/float conversion in comparisons and equality
print(1 == 1.0, math.type(1) == math.type(1.0), 2^53 == (1 << 53), 2^53 + 1 == (1 << 53) + 1)
-- string.rep / string.sub etc accept integral floats
print(("x"):rep(3.0), ("abcdef"):sub(2.0, 4.0))
try(string.rep, "x", 2.5)
try(string.sub, "abc", 1.5)
-- table indices with integral floats
local t = {}
t[1.0] = "one"; t[2] = "two"
print(t[1], t[2.0], #t)
