-- string.len/upper/lower/reverse/rep/char and the string metatable
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = string.format("%q", t[i]) end
  print(table.concat(t, " "))
end

show(string.len(""), string.len("abc"), string.len("a\0b\0"), ("xyz"):len(), #"\0\0\0")
show(string.upper("abc XYZ 123 \xe9\0!"), string.lower("ABC xyz 123 \xC9\0!"))
show(("MiXeD"):upper(), ("MiXeD"):lower())
show(string.reverse(""), string.reverse("a"), string.reverse("abc\0def"), ("12345"):reverse())

-- rep
show(string.rep("ab", 3), string.rep("ab", 3, ","), string.rep("x", 1, "SEP"))
show(string.rep("ab", 0), string.rep("ab", -5), string.rep("", 100), string.rep("", 3, "-"))
show(string.rep("a\0", 2, "\0"), ("-"):rep(10), string.rep("x", 2.0))
print(pcall(string.rep, "x", 1.5))
print(pcall(string.rep, "x"))
print(pcall(string.rep))
print(pcall(string.rep, "ab", 2^31))
print(pcall(string.rep, "x", 2^31))
print(pcall(string.rep, "x", 2^31 - 1 + 1, ""))
print(pcall(string.rep, "", 2^31, "y"))
print(pcall(string.rep, "x", math.maxinteger))
print(pcall(string.rep, "x", "3"))
print(pcall(string.rep, {}, 3))
print(#string.rep("abc", 1000, "de"))

-- char
show(string.char(), string.char(72, 105), string.char(0, 255, 10), string.char("65", 66.0))
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, 65, 66, 1000))
print(pcall(string.char, 65.5))
print(pcall(string.char, "x"))
print(pcall(string.char, nil))

-- numbers are accepted where strings are expected
show(string.len(123), string.upper(1.5), string.rep(7, 3), string.reverse(-12))
print(pcall(string.len, nil))
print(pcall(string.upper, {}))
print(pcall(string.lower))

-- the metatable
local mt = getmetatable("")
print(type(mt), mt.__index == string, getmetatable("abc") == mt)
local keys = {}
for k in pairs(mt) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
local names = {}
for k, v in pairs(string) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(("abc"):upper(), ("%d"):format(5), ("x"):rep(3, "y"))
print(pcall(function() return ("abc"):nosuch() end))
print(("abc").len == string.len, ("abc").foo)
