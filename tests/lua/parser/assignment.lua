-- Multiple assignment: evaluation order, adjustment, and the order in which
-- stores happen (observed through __newindex). Must match lua5.4 exactly.
local log = {}
local function proxy(name)
  return setmetatable({}, {__newindex = function(t, k, v)
    log[#log + 1] = name .. "." .. tostring(k) .. "=" .. tostring(v)
    rawset(t, k, v)
  end})
end
local function trace(tag, v) log[#log + 1] = "eval " .. tag; return v end
local function flush(what) print(what, table.concat(log, " ")); log = {} end

local p, q = proxy("p"), proxy("q")
p.a, q.b, p.c = 1, 2, 3
flush("stores")
p[trace("k1", "x")], q[trace("k2", "y")] = trace("v1", 10), trace("v2", 20)
flush("eval+store")
-- the table and key are evaluated before any store
local i = 1
local t = {}
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local a = {1, 2, 3}
local j = 1
a[j], j = 99, 2
print(a[1], a[2], j)
-- same variable twice
local x
x, x = 1, 2
print("x", x)
local g = {}
g.v, g.v = "first", "second"
print("g.v", g.v)
-- swap
local s1, s2 = "a", "b"
s1, s2 = s2, s1
print(s1, s2)
local arr = {1, 2, 3}
arr[1], arr[3] = arr[3], arr[1]
print(arr[1], arr[2], arr[3])
-- adjustment: extra values dropped, missing filled with nil
local function three() return 1, 2, 3 end
local function none() end
local a1, a2, a3, a4 = three()
print(a1, a2, a3, a4)
local b1, b2, b3 = three(), 10
print(b1, b2, b3)
local c1, c2 = (three())
print(c1, c2)
local d1, d2, d3 = none(), none()
print(d1, d2, d3)
local e1, e2 = 1
print(e1, e2)
local f1 = 1, trace("dropped but evaluated", 2)
flush("extra")
-- globals through _ENV
local env = setmetatable({}, {__newindex = function(t, k, v)
  log[#log + 1] = "_ENV." .. k .. "=" .. tostring(v); rawset(t, k, v) end,
  __index = _G})
local chunk = load("A, B, C = 1, 2, 3", "=chunk", "t", env)
chunk()
flush("globals")
-- compound target chains evaluated left to right before storing
local deep = {x = {y = {}}}
local function get(tag, v) log[#log + 1] = tag; return v end
get("t1", deep).x.y[get("k", "z")], get("t2", deep).w = get("v1", 1), get("v2", 2)
flush("chains")
print(deep.x.y.z, deep.w)
