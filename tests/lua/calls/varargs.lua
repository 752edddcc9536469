-- Varargs: select, table.pack/unpack, adjustment in lists and expressions.
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function pass(...) return ... end
print(pass(1, 2, 3))
print(pass(1, 2, 3), "end")            -- truncated to one value in the middle
print("start", pass(1, 2, 3))           -- expanded at the end
print((pass(1, 2, 3)))                  -- parenthesized: one value
print(({pass(1, 2, 3)})[3] == 3, #{pass(1, 2, 3)}, #{pass(1, 2, 3), 4})
-- select with negative and out of range indices
print(select(2, "a", "b", "c"))
print(select(-1, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
print(select(4, "a", "b", "c"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, 0, "a"))
print(select("#"))
-- table.pack and table.unpack
local p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 5))
print(table.unpack({1, 2, 3}, 3, 1))
print(select("#", table.unpack({}, 1, 3)))
-- varargs in the main chunk of load()
local chunk = load("local a, b = ... return b, a, select('#', ...)")
print(chunk("x", "y", "z"))
-- named parameters with varargs
local function named(a, b, ...)
  return a, b, select("#", ...), ...
end
print(named(1))
print(named(1, 2, 3, 4))
-- ... in arithmetic and table constructors takes only the first value
local function first(...) return ... + 1, {...}, {..., "x"} end
local v, all, trunc = first(10, 20, 30)
print(v, #all, #trunc, trunc[1], trunc[2])
-- many values
local big = {}
for i = 1, 250 do big[i] = i end
print(count(table.unpack(big)), select(250, table.unpack(big)))
local function sum(...) local s = 0 for i = 1, select("#", ...) do s = s + select(i, ...) end return s end
print(sum(table.unpack(big)))
-- varargs through coroutines and pcall
print(pcall(pass, "a", nil, "c"))
print(coroutine.wrap(function(...) return select("#", ...), ... end)(nil, nil))
-- returning ... with trailing nils keeps them
print(count(pass(1, nil, nil)))
-- vararg functions and string methods
print(("%s-%s"):format(pass("x", "y")))
-- varargs captured in closures must be copied into a table first
local function capture(...) local t = table.pack(...) return function() return table.unpack(t, 1, t.n) end end
print(capture(1, nil, 3)())
