-- Runtime error messages that name the offending variable and its kind.
local function try(f, ...) print(select(2, pcall(f, ...))) end
-- calls
try(function() undefined_fn() end)                         -- global
try(function() local t = {} t.field() end)                 -- field
try(function() local t = {sub = {}} t.sub.deep() end)      -- field
try(function() local lf; lf() end)                          -- local
local up
try(function() up() end)                                    -- upvalue
try(function() local obj = {} obj:method() end)             -- method
try(function() ("x"):nomethod() end)                        -- method on string
try(function() local t = {} t[1]() end)                     -- no name for integer keys
try(function() local t, k = {}, "key" t[k]() end)          -- variable key
try(function() local t = {} t["str key"]() end)             -- constant string key: field
try(function() return (nil)() end)
try(function() local t = {} return t.a.b end)               -- index a nil field
-- indexing
try(function() local n; return n.x end)                     -- local
try(function() return up.x end)                             -- upvalue
try(function() return undefined_tbl.x end)                  -- global
try(function() local t = {} return t.x.y end)               -- field
try(function() local t = {} t.x.y = 1 end)                  -- field (assignment)
try(function() local t = {x = {}} return t.x.y.z end)       -- field
try(function() local s = "str" return s.x.y end)            -- field of string method lookup
try(function() return ("abc").x.y end)
try(function() local a = {} return a[1][2] end)             -- integer key: no name
try(function() return math.nofunc.x end)                    -- field of global table
try(function() local b = true; return b.x end)
try(function() return (1).x end)
try(function() return (print).x end)
-- arithmetic
try(function() local a = {} return a + 1 end)
try(function() return up + 1 end)
try(function() local t = {} return t.n * 2 end)
try(function() return undefined_num - 1 end)
try(function() local s = "x" return -s end)
try(function() local t = {} return 2 ^ t.e end)
-- concatenation
try(function() local x; return "a" .. x end)
try(function() return "a" .. up end)
try(function() local t = {} return t.name .. "!" end)
try(function() return undefined_str .. "!" end)
-- length
try(function() local n = 5 return #n end)
try(function() return #up end)
try(function() return #undefined_len end)
-- bitwise
try(function() local f = 1.5 return f | 1 end)
try(function() local t = {} return t.v & 1 end)
try(function() return up ~ 1 end)
-- comparison never names variables
try(function() local a, b = {}, 1 return a < b end)
try(function() return up < 1 end)
try(function() local a = {} return a <= a end)
try(function() return 1 < "x" end)
try(function() return nil > 1 end)
-- calling the result of a call: no name
try(function() local function f() end f()() end)
-- names of upvalues inside nested closures
local outer_tbl = {}
try(function() return (function() return outer_tbl.a.b end)() end)
try(function() return (function() return outer_tbl.f() end)() end)
-- a global named through a local _ENV is a field of the local
try(function() local _ENV = {} return undefined() end)
try(function() local env = {} local _ENV = env return x.y end)
