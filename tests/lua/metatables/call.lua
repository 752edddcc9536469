-- __call: tables and userdata-like values as functions, chains, arguments.
local C = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(C(1, 2))
print(C())
-- the called object comes first
local counter = setmetatable({n = 0}, {__call = function(self, inc) self.n = self.n + inc; return self.n end})
counter(5); counter(10)
print(counter.n)
-- __call chain: the metamethod is itself a callable table
local inner = setmetatable({}, {__call = function(...) return select("#", ...), ... end})
local outer = setmetatable({}, {__call = inner})
local r = table.pack(outer("x", "y"))
print(r.n, r[1], type(r[2]), type(r[3]), r[4], r[5])
-- deeper chains
local level = setmetatable({}, {__call = function(...) return select("#", ...) end})
for i = 1, 5 do level = setmetatable({}, {__call = level}) end
print(level("a"))
-- __call in method calls, pcall, tail calls, metamethod calls
local obj = {m = C}
local r1, r2, r3 = obj:m("arg")
print(r1, r2 == obj, r3)
print(pcall(C, "p"))
local function tail(...) return C(...) end
print(tail(7))
print(select("#", C()))
-- as an iterator and as a __index function? (__index must be a function or table)
local seq = setmetatable({}, {__call = function(self, _, i) i = i + 1; if i <= 3 then return i end end})
for i in seq, nil, 0 do io.write(i, " ") end
print()
-- calling non-callable values
print(pcall(function() local t = {}; t() end))
print(pcall(function() local t = setmetatable({}, {__call = 1}); t() end))
print(pcall(function() local t = setmetatable({}, {}); t.x() end))
print(pcall(function() undefinedglobal() end))
print(pcall(function() ("str")() end))
-- __call receives extra results from multiple-value calls
local function three() return 1, 2, 3 end
print(C(three()))
