-- <const> locals: values, folding, errors when assigned.
local K <const> = 10
local S <const> = "str"
local T <const> = {}
T.x = 1                         -- the table is not constant, only the variable
print(K * 2, S .. "!", T.x)
local function use() return K + 1, S end   -- constants seen from closures
print(use())
local a <const>, b = 1, 2
b = 3
print(a, b)
local n <const> = nil
print(n)
local f <const> = math.floor
print(f(2.5))
local big <const> = 2^53
print(big, math.type(big))
local cases = {
  "local x <const> = 1; x = 2",
  "local x <const> = 1; local function f() x = 2 end",
  "local x <const> = {}; x = nil",
  "local a, b <const> = 1, 2; b = 3",
  "local x <const> = 1; do local y = 2; x, y = 3, 4 end",
  "local x <const> = 1; x.y = 2",
  "local x <const> = 1; for x = 1, 2 do x = 3 end",
  "local x <const>; x = 1",
  "local x <constant> = 1",
  "local x <close> = nil; x = 1",
  "local x < const > = 1; return x",
}
for _, src in ipairs(cases) do
  local ch, err = load(src, "=src")
  if ch then print(src, "->", pcall(ch)) else print(src, "->", err) end
end
