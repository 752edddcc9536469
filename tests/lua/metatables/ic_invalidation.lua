-- Cached lookups must notice every change: metatables swapped, __index
-- tables modified, methods added to classes after first calls, metatables
-- of shared instances replaced, fields shadowing inherited methods.
local Class = {}
Class.__index = Class
function Class:who() return "class method" end
local obj = setmetatable({}, Class)
local function call_who(o) return o:who() end
local out = {}
for i = 1, 3 do out[#out + 1] = call_who(obj) end
-- redefine the method in the class
function Class:who() return "redefined" end
out[#out + 1] = call_who(obj)
-- shadow it in the instance
obj.who = function() return "instance field" end
out[#out + 1] = call_who(obj)
-- remove the shadow
obj.who = nil
out[#out + 1] = call_who(obj)
-- swap the metatable for another class
local Other = {who = function() return "other class" end}
Other.__index = Other
setmetatable(obj, Other)
out[#out + 1] = call_who(obj)
-- change __index of the metatable to a function
Other.__index = function(_, k) return function() return "via function " .. k end end
out[#out + 1] = call_who(obj)
-- remove the metatable
setmetatable(obj, nil)
out[#out + 1] = select(2, pcall(call_who, obj))
print(table.concat(out, "\n"))
-- __newindex added after an object was already being written to
local target = {}
local function write(o, v) o.field = v end
local proxy = {}
write(proxy, 1)
proxy.field = nil
setmetatable(proxy, {__newindex = target})
write(proxy, 2)
print(rawget(proxy, "field"), target.field)
-- inherited field through a chain where a middle link changes
local base = {val = "base"}
local mid = setmetatable({}, {__index = base})
local leaf = setmetatable({}, {__index = mid})
local function getval(o) return o.val end
local vals = {}
for i = 1, 3 do vals[#vals + 1] = getval(leaf) end
mid.val = "mid"
vals[#vals + 1] = getval(leaf)
mid.val = nil
base.val = "base2"
vals[#vals + 1] = getval(leaf)
rawset(leaf, "val", "leaf")
vals[#vals + 1] = getval(leaf)
print(table.concat(vals, " "))
-- arithmetic metamethods changed between calls
local mt = {__add = function() return "first" end}
local a = setmetatable({}, mt)
local function add(x) return x + 1 end
local sums = {add(a), add(a)}
mt.__add = function() return "second" end
sums[#sums + 1] = add(a)
mt.__add = nil
sums[#sums + 1] = select(2, pcall(add, a))
print(table.concat(sums, " | "))
-- the string metatable's __index used by method calls on strings
local smt = getmetatable("")
local function up(s) return s:upper() end
local r1 = up("abc")
local saved = smt.__index
smt.__index = {upper = function(s) return "patched " .. s end}
local r2 = up("abc")
smt.__index = saved
print(r1, r2, up("abc"))
-- global function replaced between calls
function gfn() return "g1" end
local function callg() return gfn() end
local g = {callg(), callg()}
function gfn() return "g2" end
g[#g + 1] = callg()
gfn = nil
g[#g + 1] = select(2, pcall(callg))
print(table.concat(g, " | "))
