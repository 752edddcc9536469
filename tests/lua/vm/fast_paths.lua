-- The interpreter's fast paths (vm/op_bodies.h, SLOW_PATH) decide on
-- partial facts: an inline cache's shape, the absent-metamethod cache of a
-- metatable, the integer tags of operands. Each case below warms a site on
-- the fast path, then changes one fact under it; the site must notice.

local function warm(f, n)
  local r
  for _ = 1, n or 50 do r = f() end
  return r
end

-- SETFIELD into an existing field that holds nil: a plain store unless
-- the metatable has __newindex, which may appear later.
do
  local log = {}
  local mt = {}
  local o = setmetatable({ x = 1 }, mt)
  local function set(v) o.x = v end
  for i = 1, 30 do set(i) end
  o.x = nil                                  -- the slot stays, holding nil
  for i = 1, 30 do set(nil); set(i); o.x = nil end
  mt.__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v) end
  set(7)
  print("newindex", rawget(o, "x"), table.concat(log, " "))
  mt.__newindex = nil
  set(8)
  print("plain again", rawget(o, "x"))
end

-- A metatable whose field held nil gets a metamethod through the fast
-- store: the absent-metamethod cache must forget the absence.
do
  local mt = { __eq = false, __index = false }
  mt.__eq = nil
  mt.__index = nil
  local a, b = setmetatable({}, mt), setmetatable({}, mt)
  local function eq() return a == b end
  print("eq before", warm(eq))
  local function set(k, v) mt[k] = v end
  local function setf(v) mt.__eq = v end
  setf(function() return true end)
  print("eq after", eq())
  setf(nil)
  print("eq cleared", warm(eq))
  local function idx(v) mt.__index = v end
  print("index before", a.missing)
  idx({ missing = "found" })
  print("index after", a.missing)
  set("__index", nil)
  print("index cleared", a.missing)
end

-- SETTABLE / SETI into array holes: plain while no __newindex.
do
  local t = {}
  for i = 1, 8 do t[i] = i end
  local function hole(i) t[i] = nil end
  local function fill(i, v) t[i] = v end
  local function fill3(v) t[3] = v end
  for _ = 1, 30 do hole(3); fill(3, 3); hole(3); fill3(33) end
  hole(3)
  local seen = {}
  setmetatable(t, { __newindex = function(tt, k, v) seen[#seen + 1] = k; rawset(tt, k, v) end })
  fill(3, "x")
  hole(3)
  fill3("y")
  print("holes", t[3], table.concat(seen, ","))
end

-- Equality: tables with and without __eq, integers, strings, constants.
do
  local mt = {}
  local a, b = setmetatable({}, mt), setmetatable({}, mt)
  local function eq(x, y) return x == y end
  local function ne(x, y) return x ~= y end
  local r = {}
  for _ = 1, 40 do r[1] = eq(a, b); r[2] = eq(a, a); r[3] = ne(1, 1) end
  mt.__eq = function() return true end
  r[4] = eq(a, b)
  r[5] = eq(1, 1.0)
  r[6] = eq("ab", "a" .. "b")
  r[7] = eq(2^53, 2^53 + 1)
  local function isnil(x) return x == nil end
  local function isk(x) return x == "k" end
  local function is3(x) return x == 3 end
  r[8] = isnil(nil) and not isnil(false)
  r[9] = isk("k") and not isk(3)
  r[10] = is3(3) and is3(3.0) and not is3("3")
  for i = 1, 10 do r[i] = tostring(r[i]) end
  print("eq", table.concat(r, " "))
end

-- Integer division and modulo: the fast path skips 0 and -1.
do
  local function m(a, b) return a % b end
  local function d(a, b) return a // b end
  local function mk(a) return a % 7 end
  local function dk(a) return a // -3 end
  local out = {}
  for i = -5, 5 do out[#out + 1] = m(i, 4) .. "/" .. d(i, 4) .. "/" .. mk(i) .. "/" .. dk(i) end
  print("div", table.concat(out, " "))
  print("minint", m(math.mininteger, -1), d(math.mininteger, -1))
  print("float", m(5.5, 2), d(5.5, 2), m(-5, 2.0), d(7, 0.0), m(1, math.huge))
  print(pcall(m, 1, 0))
  print(pcall(d, 1, 0))
  local function mz(a) return a % 0 end
  print(pcall(mz, 3))
end

-- Bitwise ops and shifts: integers fast, floats with integer values and
-- strings through the general case.
do
  local function band(a, b) return a & b end
  local function shr(a) return a >> 1 end
  local function shl(a, b) return a << b end
  local function bnot(a) return ~a end
  local out = {}
  for i = 1, 40 do out[1] = band(i, 6) end
  out[2] = band(6.0, 3)
  out[3] = shr(8.0)
  out[4] = shl(1, 63)
  out[5] = shl(1, 64)
  out[6] = shl(-1, -1)
  out[7] = bnot(0)
  out[8] = bnot(2.0)
  print("bits", table.concat(out, " "))
  print(pcall(band, 1.5, 1))
  print(pcall(shr, "8"))
  print(pcall(bnot, {}))
end

-- Order comparisons: integers, floats, mixed, strings, metamethods.
do
  local function lt(a, b) return a < b end
  local function le(a, b) return a <= b end
  local function gti(a) return a > 5 end
  local r = {}
  for i = 1, 40 do r[1] = lt(i, 20) end
  r[2] = lt(1.5, 2)
  r[3] = le(2, 2.0)
  r[4] = lt("a", "b")
  r[5] = gti(5.5)
  r[6] = gti(5)
  r[7] = le(math.maxinteger, 2^63)
  local mt = { __lt = function() return true end }
  r[8] = lt(setmetatable({}, mt), setmetatable({}, mt))
  for i = 1, #r do r[i] = tostring(r[i]) end
  print("order", table.concat(r, " "))
  print(pcall(lt, 1, "x"))
  print(pcall(gti, {}))
end

-- Numeric for with float and integer control values.
do
  local s = 0
  for i = 1, 3 do s = s + i end
  for x = 0.5, 2, 0.5 do s = s + x end
  for i = 3, 1, -1 do s = s + i end
  print("for", s)
end

-- Class entries: the metatable's __index moves to another table whose
-- shape differs, the holder's field moves, an intermediate class gets the
-- key, the object's metatable changes.
do
  local A = { f = function() return "A" end }
  A.__index = A
  local B = setmetatable({}, { __index = A })
  B.__index = B
  local C = setmetatable({}, { __index = B })
  C.__index = C
  local o = setmetatable({ v = 1 }, C)
  local function call() return o:f() end
  print("chain", warm(call))
  B.f = function() return "B" end
  print("intermediate", call())
  B.f = nil
  print("removed", warm(call))
  local A2 = { g = 1, f = function() return "A2" end }
  getmetatable(B).__index = A2
  print("moved holder", warm(call))
  getmetatable(B).__index = { f = false }
  print("false value", pcall(call))
  getmetatable(B).__index = A
  print("back", warm(call))
  local D = { f = function() return "D" end }
  D.__index = D
  setmetatable(o, D)
  print("new metatable", warm(call))
  setmetatable(o, { __index = function(_, k) return function() return "fn " .. k end end })
  print("function index", call())
  setmetatable(o, C)
  o.f = function() return "own" end
  print("own field", call())
end

-- Polymorphic and megamorphic method sites over many classes.
do
  local function class(parent)
    local c = {}
    c.__index = c
    if parent then setmetatable(c, { __index = parent }) end
    return c
  end
  local Root = class()
  function Root:who() return "root" end
  local classes = { Root }
  for i = 2, 8 do classes[i] = class(classes[i - 1]) end
  classes[5].who = function() return "five" end
  local objs = {}
  for i = 1, 8 do objs[i] = setmetatable({ ["k" .. i] = i }, classes[i]) end
  local function who_all()
    local r = {}
    for i = 1, #objs do r[i] = objs[i]:who() end
    return table.concat(r, ",")
  end
  print("poly", warm(who_all, 20))
  classes[7].who = function() return "seven" end
  print("poly changed", who_all())
  classes[5].who = nil
  print("poly removed", warm(who_all, 5))
end

-- Return with hooks on (the general case of RETURN0/RETURN1).
do
  local function r0() end
  local function r1() return 1 end
  local calls = 0
  debug.sethook(function() calls = calls + 1 end, "r")
  r0(); r1()
  debug.sethook()
  print("returns hooked", calls > 0, r1(), select("#", r0()))
end

-- Stores of new keys through a site's transition entry: the table must
-- have room, no __newindex, and a nil value adds nothing; a metatable
-- that gets a metamethod this way must see it.
do
  local function add(t, v) t.fresh = v end
  local objs = {}
  for i = 1, 40 do objs[i] = { a = i }; add(objs[i], i) end
  local grown = { a = 1 }
  for i = 1, 6 do grown["k" .. i] = i end   -- slots full: must grow
  add(grown, "g")
  print("grown", grown.fresh, grown.k6)
  local none = { a = 2 }
  add(none, nil)
  print("nil adds nothing", none.fresh, next(none, "a"))
  local seen = {}
  local guarded = setmetatable({ a = 3 }, { __newindex = function(t, k, v) seen[#seen + 1] = k .. "=" .. v end })
  add(guarded, "x")
  print("newindex on add", rawget(guarded, "fresh"), table.concat(seen, " "))
  local mt = { a = 0 }
  local obj = setmetatable({}, mt)
  print("before", obj.fresh, obj.other)
  local function setindex(t, v) t.__index = v end
  for i = 1, 30 do setindex({ a = i }, {}) end
  setindex(mt, { fresh = "via index", other = "too" })
  print("after", obj.fresh, obj.other)
  local function ctor(i) return { p = i, q = i + 1, r = i + 2, s = i + 3, u = i + 4, v = i + 5, w = i + 6, x = i + 7, y = i + 8, z = i + 9 } end
  local sum = 0
  for i = 1, 40 do local o = ctor(i); sum = sum + o.p + o.z + o.w end
  print("constructors", sum)
  local function lateadd(t, i) t[i] = i; t.late = i end
  local m = {}
  for i = 1, 20 do local t = { b = 1 }; lateadd(t, i); m[i] = t.late end
  print("late", table.concat(m, ","))
end

-- Loads proved nil (the key absent or nil all along the walk), then
-- made non-nil at each place of the walk.
do
  local Base = {}
  Base.__index = Base
  local Cls = setmetatable({}, { __index = Base })
  Cls.__index = Cls
  local o = setmetatable({ a = 1, opt = false }, Cls)
  o.opt = nil                               -- a field of the shape, nil
  local plain = { a = 1 }
  local function get(t) return t.opt end
  local function getm(t) return t.missing end
  print("nil walk", warm(function() return get(o) end), warm(function() return getm(o) end),
        warm(function() return getm(plain) end))
  Base.opt = "base"
  print("base gets it", get(o))
  Cls.opt = "cls"
  print("class gets it", get(o))
  o.opt = "own"
  print("own again", get(o))
  o.opt = nil
  Cls.opt = nil
  Base.opt = nil
  print("all nil", warm(function() return get(o) end))
  plain.missing = "now"
  print("plain gets it", getm(plain))
  plain.missing = nil
  setmetatable(plain, { __index = function(_, k) return "fn:" .. k end })
  print("plain with __index", getm(plain))
  setmetatable(Base, { __index = { missing = "deep" } })
  print("deeper", getm(o))
end

-- Float keys with integer values index the array part.
do
  local t = { 10, 20, 30, nil, 50 }
  t[0] = "zero"
  local function get(k) return t[k] end
  local out = {}
  for _, k in ipairs({ 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0, -0.0, 1.5, 0 / 0, math.huge, -1.0, 2 ^ 53 }) do
    out[#out + 1] = tostring(warm(function() return get(k) end, 3))
  end
  print("float keys", table.concat(out, " "))
  setmetatable(t, { __index = function(_, k) return "meta " .. tostring(k) end })
  print("float holes", get(4.0), get(4.5))
end
