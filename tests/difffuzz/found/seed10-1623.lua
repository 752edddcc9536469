-- difffuzz program seed=10 index=1623
local function show(v)
  local t = type(v)
  if t == "number" then
    if v ~= v then return "nan" end
    if math.type(v) == "integer" then return tostring(v) end
    return tostring(v) .. "|" .. string.format("%a", v)
  elseif t == "string" then
    v = v:gsub("(%a+): 0x%x+", "%1: ADDR")   -- tostring of a table or function
    return (string.format("%q", v):gsub("%-?nan", "nan"))
  elseif t == "table" then
    local mt = getmetatable(v)
    if type(mt) == "table" and rawget(mt, "__tostring") then return "T:" .. tostring(v) end
    if rawget(v, "v") ~= nil then return "obj(" .. show(rawget(v, "v")) .. ")" end
    if rawget(v, "code") ~= nil then return "err(" .. show(rawget(v, "code")) .. ")" end
    return "table#" .. rawlen(v)
  elseif t == "boolean" or t == "nil" then
    return tostring(v)
  end
  return t
end
local function P(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do parts[i] = show((select(i, ...))) end
  print(n, table.concat(parts, " "))
end
local function N(x)   -- a NaN's sign is not Lua's business: format a fixed value
  if x ~= x then return -1.25 end
  return x
end
local function T(f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then P("ok", table.unpack(r, 2, r.n)) else P("err", r[2]) end
end
local b1 = rawequal(math.floor(0x7fffffffffffffff), nil)
P(b1)
P(((tonumber("-101", 8) or 0) - 9223372036854775807))
local s2 = (string.format("%s %q", "(nested (parens))", N((1/3)))):lower()
P(s2)
local s3 = tostring(4294967296)
P(s3)
T(function() return math.max(10, #"0x7fffffffffffffff") ^ ((2^63) ^ math.abs(1e-300)) end)
P(((-0x8000000000000000) - math.maxinteger))
local function f4(p)
  return (p & 1) - 0x7fffffffffffffff
end
P(f4((rawequal(" 42 ", 2147483648) and f4((65536 - 1)) or (- (2147483647 - 1000)))), f4(-1))
T(function() return (-0x8000000000000000) & nil end)
if (0x7fffffffffffffff > (tonumber((s3):sub(0, -2)) or -1)) then
  P(select('#', pcall(error)))
  P(pcall(pcall, error, 'boom'))
  for i5 = 0, -3, -2 do
    P(i5)
    P(select('#', pcall(error)))
    P(pcall(pcall, error, setmetatable({}, {__tostring = function() return 'custom' end})))
  end
  P(pcall(error, {code = 'x'}))
elseif (not ((- -2.5) ~= 2147483648)) then
  if ((9223372036854775807 & math.maxinteger) >= (math.max(0, (2^53 + 1)) ^ math.sqrt(-1e308))) then
    T(function() return (string.format("%% %c", (65 + (9007199254740993 & 15)))):sub(2, 3) < 0x7fffffffffffffff end)
  elseif ((5 - math.fmod(1.5, 0.0)) <= (-math.huge)) then
    local a6, b7, c8 = (~ 10), nil
    a6, b7 = b7, a6
    P(a6, b7, c8)
  elseif b1 then
    T(function() return select('#', b1, true) | 2147483648 end)
  else
    P((1000 + 9007199254740993))
    local function va9(...) return select('#', ...), ... end
    P(va9(("9007199254740993" * 2), f4(math.max(7, 9007199254740993))))
    P(va9())
    P((va9(("9007199254740993" * 2), f4(math.max(7, 9007199254740993)))))
  end
  T(function()
    local cl10 <close> = setmetatable({}, {__close = function(o, e) P('closing', e) end})
    local k <const> = math.abs((#"10" & ((math.mininteger + 1) % 1000)))
    error('in body')
    return k, b1
  end)
elseif (2.0 == (math.fmod((math.maxinteger - 1), 0.0) - 65536)) then
  for g12 = 1, 1 do
    if g12 % 2 == 0 then goto continue10 end
    P('odd', g12)
    ::continue10::
  end
else
  b1 = (math.min(7, 65536) >= (tonumber("zz", 36) or 0))
  P(b1)
end
P(select('#', (math.mininteger + 1)))
local t13 = {math.max(((0xffffffffffffffff | 9007199254740993) ~ (63 ~ 2147483647)), (math.mininteger ~ 0x7fffffffffffffff)), math.maxinteger, (-0x8000000000000000), (65536 - (math.abs(-10) >> (64 - -1000)))}
P(#t13, t13)
if b1 then
  P("  ")
  P(xpcall(function() error({code = 'x'}) end, function(m) return 'handled', m end))
  if ((2 >= (- -1e308)) and ("inf" > ("nan"):rep(0, "-"))) then
    if b1 then
      T(function() return (((-1 - 0x7fffffffffffffff) + (0 ~ 9223372036854775807)) // math.maxinteger) // 0 end)
      P(string.format("%.2s %% %.14g", (string.gsub(s3, "\0", "@")), N(((-math.huge) // (1/3)))))
      local function va14(...) return select('#', ...), ... end
      P(va14(9007199254740993, f4))
      P(va14())
      P((va14(9007199254740993, f4)))
    end
    local V = function(x) if type(x) == 'table' then return rawget(x, 'v') or 0 end return x end
    local mt15 = {__add = function(a, b) return V(a) + V(b) end, __sub = function(a, b) return V(a) - V(b) end, __pow = function(a, b) return 2 end, __bnot = function(a) return ~V(a) end, __lt = function(a, b) return V(a) < V(b) end, __le = function(a, b) return V(a) <= V(b) end, __len = function(a) return V(a) end, __index = setmetatable({x = 10}, {__index = function(t, k) return 'chained ' .. tostring(k) end})}
    local o16 = setmetatable({v = (1000 * ((0 * 0x7fffffffffffffff) >> 255))}, mt15)
    local o17 = setmetatable({v = 0x7fffffffffffffff}, mt15)
    P(o16, o17)
    P(t13)
  elseif (tostring((string.format("%%")):len()) ~= (string.format("%%")):lower()) then
    T(function() return (0 + 0.0) end)
  else
    table.insert(t13, (~ (0xff % 1000)))
    P(#t13, t13)
    T(function() return tonumber('10', 99) end)
  end
elseif ((0xff ~ 1000) <= (2^63)) then
  local fs18 = {}
  for i = 1, 1 do
    local j = i * math.maxinteger
    fs18[i] = function(x) j = j + (x or 0); return i, j end
  end
  P(fs18[1](), fs18[1](1), fs18[1](2), fs18[1]())
elseif false then
  P(pcall(error, {code = 'x'}, 1))
else
  P(pcall(error, true, 1))
end
local g19 = coroutine.wrap(function(a)
  for i = 1, 4 do a = coroutine.yield(i, a) end
  return 'done', a
end)
for i = 1, 5 do P(g19(i * 10)) end
if rawequal(math.fmod((-math.huge), 2.5), tostring(true)) then
  s3 = ("-7"):sub(1, 40)
  P(s3)
  P((-10 | 16), t13)
else
  P((tostring((" 42 "):match("%s")) .. string.format("%05d %.2s %a", 2147483647, (string.gsub(s2, "\0", "@")), N(-0.0))), 256, string.format("%10.2e %q", N(1.5), 0x7fffffffffffffff))
end
s3 = ("nan"):sub(1, 40)
P(s3)
local a20, b21, c22 = nil, type((-0x8000000000000000))
a20, b21 = b21, a20
P(a20, b21, c22)
local n23 = ((math.min(0x1p-1074, 0.1) % (2^53 + 1)) % 0x.8)
P(n23)
local g24 = coroutine.create(function(...)
  local x = coroutine.yield(select('#', ...))
  if x then error(x) end
  return x
end)
P(coroutine.resume(g24, 1, 2))
P(coroutine.resume(g24, false))
P(coroutine.status(g24), coroutine.resume(g24))
for m25 in (tostring((tostring((n23 % 0x1p-1074))):match("%f[%w]%w+"))):gmatch("(%w+)") do
  P(m25)
  P((100 ~ (true and 5 or 9223372036854775807)))
  P(9007199254740993)
  T(function() return ((math.maxinteger - 1) % 0x1p-1074), (#"a" * math.max((-0x8000000000000000), 16)), 64 end)
end
P((-math.huge), 64, -10, #s2)
local n26 = ((2 // 2) // 1e308)
P(n26)
local function mk27(start)
  local n = start
  return function(d) n = n + d; return n end, function() return n end
end
local c28, c29 = mk27((f4(7) * 9007199254740993))
P(c28(2), c28((#"%d" ^ n26)), c29())
local fs30 = {}
for i = 1, 2 do
  local j = i * math.maxinteger
  fs30[i] = function(x) j = j + (x or 0); return i, j end
end
P(fs30[1](), fs30[2](1), fs30[1](2), fs30[2]())
local b31 = b1
P(b31)
P((math.tointeger((-64 * 3)) or 0))
if b1 then
  T(function() error(nil) end)
  local i32 = (f4((256 | -1000)) & (#t13 | #t13))
  P(i32)
  local function f33(p)
    local i34 = 2147483647
    P(i34)
    t13[#t13 + 1] = (((("Hello"):upper() .. (2 + 0.0))):byte(1) or 0)
    P(#t13, t13)
    if p > 0 and p < 20 then return f33(p - 1) + 1 end
    return (p * i32) - -1
  end
  P(f33((~ i32)), f33(0))
end
T(function() return (s2 .. (s2):upper()) > ((2 - 65536) | (3 | math.maxinteger)) end)
local i35 = 0x7fffffffffffffff
P(i35)
P(table.remove(t13, 1))
P(#t13, t13)
for k36, v37 in ipairs(t13) do
  P(k36, v37)
  for e38 = math.maxinteger - 2, math.maxinteger do
    P(e38)
    P(b31)
    local n39 = math.fmod((tonumber("1z", 36) or 0), 1e308)
    P(n39)
  end
end
local function mk40(start)
  local n = start
  return function(d) n = n + d; return n end, function() return n end
end
local c41, c42 = mk40(((" 42 " * 2) - (tonumber(s2) or -1)))
P(c41((((100 // math.maxinteger) ~ ((s3):byte(1) or 0)) << i35)), c41(((n23 - math.fmod(1e-5, 2.5)) + (- i35))), c42())
