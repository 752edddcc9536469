-- Every statement form of the grammar.
;;; local a = 1; ; local b = 2;
print("semicolons", a, b)
-- if / elseif / else
for i = 1, 4 do
  if i == 1 then print("if", i)
  elseif i == 2 then print("elseif", i)
  elseif i == 3 then print("elseif2", i)
  else print("else", i) end
end
if false then elseif nil then else print("empty branches ok") end
-- while with break
local n = 0
while true do n = n + 1; if n > 5 then break end end
print("while", n)
-- repeat: the until condition sees locals of the body
local r = 0
repeat local done = r >= 3; r = r + 1 until done
print("repeat", r)
-- numeric for, generic for, nested break
for i = 3, 1, -1 do io.write(i, " ") end print()
for k, v in ipairs{"a", "b", "c"} do io.write(k, "=", v, " ") end print()
for i = 1, 3 do
  for j = 1, 3 do
    if j > i then break end
    io.write(i, j, " ")
  end
end
print()
-- do blocks scope locals
local s = "outer"
do local s = "inner"; print(s) end
print(s)
-- function statements with dotted and method names
local M = {sub = {deep = {}}}
function M.f(x) return "M.f " .. x end
function M.sub.deep.g(x) return "deep.g " .. x end
function M.sub:m(x) return (self == M.sub) and "method " .. x end
print(M.f(1), M.sub.deep.g(2), M.sub:m(3), M.sub.m(M.sub, 4))
-- global function statement
function globalfn() return "global" end
print(globalfn(), type(_ENV.globalfn))
-- local function can recurse; local f = function cannot see itself
local function fact(k) if k <= 1 then return 1 end return k * fact(k - 1) end
print("fact", fact(10))
local ok = pcall(function()
  local g = function(k) if k == 0 then return 0 end return g(k - 1) end
  return g(3)
end)
print("local f = function sees global g:", ok)
-- call statements with string and table arguments, chained
local function id(...) return ... end
local function chain(x) return function(y) return x .. "+" .. tostring(y) end end
print(id"str", id[[long]], (id{1, 2})[2], chain"a""b", chain"a"{}~=nil)
print(#id{} , type(id{}))
-- return must be last; 'do return end' in the middle
local function early(x)
  do return "early " .. x end
  print("unreachable")
end
print(early(1))
local function noresult() return end
print(select("#", noresult()))
local function multi() return 1, 2, 3; end
print(multi())
-- parenthesized call in statement position and after a newline
local t = {}
local f = function() return t end
f().x = 10
print(t.x);
(f()).y = 20
print(t.y)
-- assignment to indexed results of calls and strings with methods
local str = "abc"
print(str:upper(), ("x"):rep(3), #str:rep(2))
-- nested functions and immediate calls
print((function(...) return select("#", ...) end)(1, 2, 3))
-- goto as continue
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
-- while/if with complex conditions
local i, j = 0, 10
while i < j and not (i == 5) do i = i + 1 end
print(i)
