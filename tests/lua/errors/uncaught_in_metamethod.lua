-- An error raised inside a metamethod, called from Lua code.
local V = setmetatable({}, {__add = function(a, b) error("cannot add V") end,
                            __index = function(t, k) return k * 2 end})
print(V[21])
local r = V + 1
