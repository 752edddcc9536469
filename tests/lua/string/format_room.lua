-- string.format formats each item into reserved room and again only when
-- it did not fit (lib/strfmt.c): items longer than that room, '%c' of 0.
print(string.format("%f", 1e300))
print(string.format("%99.99f", -1e308))
print(#string.format("%99.99f", -1e308))
print(string.format("%.99f", 1/3))
print(string.format("%5.2s|%-5d|%c|%x", "abc", 42, 0, 255))
print(#string.format("%c", 0))
local t = {} for i = 1, 200 do t[#t+1] = string.format("%99.20f", i * 1e200) end print(#table.concat(t))
print(string.format("%q", 1/3), string.format("%q", math.mininteger), string.format("%g", 1e20))
print(string.format(string.rep("%d", 100), table.unpack((function() local r = {} for i = 1, 100 do r[i] = i * 12345678 end return r end)())))
print(pcall(string.format, "%100d", 1))
print(string.format("%a", 1.0))
