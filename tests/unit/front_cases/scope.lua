local a <const> = 10
local b <const> = "str"
local c <const> = a * 2
local d <const> = nil
local e <const> = {}
local f <close> = nil
local g, h <const> = 1, 2
local i <const>, j = 3
print(a, b, c, d, e, g, h, i, j)
local function fn() return a + c, b end
do
  local x <close> = setmetatable({}, {__close = print})
  local y <close> = nil
  print(x)
end
local function tbc() local z <close> = nil; return 1 end
local function tbc2() local z <close> = nil; return f() end
for k, v in pairs({}) do local q <const> = k; print(q) end
local k1 <const> = 2^53
local k2 <const> = -0.0
local k3 <const> = a // 0
print(k1, k2, k3, -a, ~a, a + 1)
