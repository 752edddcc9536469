-- Vararg frames: fixed parameters moved above the extra arguments
-- (VARARGPREP), with and without a stack that must grow first, and
-- select with every kind of index.
local function count(...) return select("#", ...) end
local function fixed3(a, b, c, ...) return a, b, c, select("#", ...), ... end
local function deep(n, ...)
  if n == 0 then return select("#", ...), (select(-1, ...)) end
  return deep(n - 1, n, ...)
end
print(count(), count(nil), count(nil, nil), count(1, nil, 3))
print(fixed3())
print(fixed3(1))
print(fixed3(1, 2, 3))
print(fixed3(1, 2, 3, 4, nil, 6))
print(deep(150))
-- a frame whose stack must grow: many values forwarded at once
local big = {}
for i = 1, 5000 do big[i] = i end
local function bigframe(a, b, ...)
  local x, y, z = ...
  return a, b, x, y, z, select("#", ...), (select(4998, ...))
end
print(bigframe(table.unpack(big)))
print(select("#", table.unpack(big)))
local function many(...) local t = {...} return #t, t[1], t[#t] end
print(many(table.unpack(big, 1, 3000)))
-- select: positive, negative, too large, zero, strings, floats, errors
local function sel(...) return pcall(select, ...) end
print(sel(1, "a", "b", "c"))
print(sel(3, "a", "b", "c"))
print(sel(4, "a", "b", "c"))
print(sel(100, "a"))
print(sel(-1, "a", "b", "c"))
print(sel(-3, "a", "b", "c"))
print(sel(-4, "a", "b", "c"))
print(sel(0, "a"))
print(sel("2", "a", "b"))
print(sel(2.0, "a", "b"))
print(sel(2.5, "a", "b"))
print(sel("#"))
print(sel("#x", 1, 2))
print(sel("x", 1))
print(sel(nil, 1))
print(sel())
print(sel(math.mininteger, 1))
print(sel(math.maxinteger, 1))
