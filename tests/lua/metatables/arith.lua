-- Arithmetic and bitwise metamethods: which operand supplies the handler,
-- argument order, results, and errors when neither operand has one.
local ops = {
  {"__add", function(a, b) return a + b end},
  {"__sub", function(a, b) return a - b end},
  {"__mul", function(a, b) return a * b end},
  {"__div", function(a, b) return a / b end},
  {"__mod", function(a, b) return a % b end},
  {"__pow", function(a, b) return a ^ b end},
  {"__idiv", function(a, b) return a // b end},
  {"__band", function(a, b) return a & b end},
  {"__bor", function(a, b) return a | b end},
  {"__bxor", function(a, b) return a ~ b end},
  {"__shl", function(a, b) return a << b end},
  {"__shr", function(a, b) return a >> b end},
}
for _, op in ipairs(ops) do
  local ev, f = op[1], op[2]
  local mt = {}
  mt[ev] = function(a, b)
    local function nm(x) return type(x) == "table" and x.name or tostring(x) end
    return ev .. "(" .. nm(a) .. "," .. nm(b) .. ")"
  end
  local A = setmetatable({name = "A"}, mt)
  local B = setmetatable({name = "B"}, {})
  print(f(A, 1), f(1, A), f(A, B), f(B, A), f(A, A), f("s", A))
end
-- unary minus and bitwise not get the operand twice
local U = setmetatable({}, {
  __unm = function(a, b) return "unm", rawequal(a, b) end,
  __bnot = function(a, b) return "bnot", rawequal(a, b) end,
})
print(-U, ~U)
print(select("#", -U))
-- first operand's handler wins when both have one
local L = setmetatable({}, {__add = function() return "left" end})
local R = setmetatable({}, {__add = function() return "right" end})
print(L + R, R + L)
-- bitwise metamethods are tried for floats without integer value and strings
local anyb = setmetatable({}, {__band = function(a, b) return "band " .. tostring(b) end})
print(anyb & 1.5, anyb & "x")
-- no handler: errors name the operation class
local plain = {}
local function try(f) print(pcall(f)) end
try(function() return plain + 1 end)
try(function() return 1 - plain end)
try(function() return plain & 1 end)
try(function() return 1.5 | 1 end)
try(function() return -plain end)
try(function() return ~plain end)
try(function() return plain // plain end)
try(function() local a = {}; return a.b ^ 2 end)
try(function() local up = plain; return (function() return up % 2 end)() end)
-- results are adjusted to one value
local multi = setmetatable({}, {__add = function() return 1, 2, 3 end})
print(multi + 1)
-- metamethods work on numbers mixed with strings too (string arithmetic)
print("10" + 5, "3" * "4", 10 .. "")
