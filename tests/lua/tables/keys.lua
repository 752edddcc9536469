-- Table keys: float normalization, NaN and nil keys, -0.0, distinct types.
local t = {}
t[1] = "int"; print(t[1.0], rawget(t, 1.0))
t[2.0] = "float2"; print(t[2], math.type(next({[2.0] = true})))
t[2^53] = "big"; print(t[1 << 53])
t[-0.0] = "negzero"; print(t[0], t[0.0])
t[0.5] = "half"; print(t[0.5], t[1/2])
t["1"] = "string one"; print(t[1], t["1"])
t[true] = "yes"; print(t[true], t[false])
local k = {}
t[k] = "tablekey"; print(t[k], t[{}])
t[print] = "fn"; print(t[print])
-- the integer form of a float key is what next() returns
local nt = {}
nt[3.0] = "x"
for key in pairs(nt) do print(key, math.type(key)) end
-- keys that are floats without an integer value stay floats
nt = {}
nt[2^63] = "huge"
for key in pairs(nt) do print(key, math.type(key)) end
-- nil and NaN keys
local function try(f) print(pcall(f)) end
try(function() local x = {}; x[nil] = 1 end)
try(function() local x = {}; x[0/0] = 1 end)
try(function() return ({})[nil] end)
try(function() return ({})[0/0] end)
try(function() rawset({}, nil, 1) end)
try(function() rawset({}, 0/0, 1) end)
try(function() return {[nil] = 1} end)
try(function() return {[0/0] = 1} end)
try(function() local x = {}; x[nil] = nil end)
-- assigning nil removes; reading absent keys gives nil
local d = {a = 1}
d.a = nil
print(d.a, next(d))
-- many keys of different types, listed in sorted order
local mix = {10, 20, 30, a = 1, b = 2, [1.5] = "f", [-1] = "neg"}
local ks = {}
for key in pairs(mix) do ks[#ks + 1] = type(key) .. ":" .. tostring(key) end
table.sort(ks)
print(table.concat(ks, " "))
-- string keys with the same characters are the same key
local s1 = "ab" .. "c"
local s2 = string.rep("abc", 1)
local st = {[s1] = "found"}
print(st[s2], st.abc)
-- long string keys
local long1 = string.rep("k", 100) .. "1"
local long2 = string.rep("k", 100) .. "1"
st[long1] = "long"
print(st[long2])
