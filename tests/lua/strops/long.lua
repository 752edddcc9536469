-- Long strings: creation, length, hashing as keys, and operations on them.
local big = string.rep("0123456789", 100000)      -- 1 MB
print(#big, big:sub(-3), big:byte(500000))
local t = {}
t[big] = "found"
print(t[string.rep("0123456789", 100000)])
-- concatenating long strings
local doubled = big .. big
print(#doubled, doubled == big .. big)
-- a long string built piece by piece with table.concat
local pieces = {}
for i = 1, 10000 do pieces[i] = tostring(i) end
local joined = table.concat(pieces, ",")
print(#joined, joined:sub(1, 10), joined:sub(-11))
-- strings that differ only at the end or only at the start
local a = string.rep("a", 5000) .. "1"
local b = string.rep("a", 5000) .. "2"
local c = "1" .. string.rep("a", 5000)
print(a == b, a < b, a == c, c < a)
-- long strings as many keys
local keys = {}
for i = 1, 200 do keys[string.rep("k", 40) .. i] = i end
local s = 0
for i = 1, 200 do s = s + keys[string.rep("k", 40) .. i] end
print(s)
-- long literal strings in source
local lit = "this is a fairly long literal string that exceeds forty characters in length"
local lit2 = "this is a fairly long literal string that exceeds forty characters " .. "in length"
print(lit == lit2, #lit)
