-- Every token of the language, each used once in a way whose result prints.
local a, b = 7, 3
print("arith", a + b, a - b, a * b, a / b, a % b, a ^ 2, a // b, -a)
print("bits", a & b, a | b, a ~ b, ~a, a << 2, a >> 1)
print("cmp", a == b, a ~= b, a < b, a <= b, a > b, a >= b)
print("logic", a and b, nil or b, not a, false or nil)
print("concat", "x" .. "y" .. 1 .. 2)
print("len", #"hello", #{1, 2, 3})
local t = {x = 1, [2] = "two"; "one"}
print("index", t.x, t[1], t[2])
local obj = {n = 5}
function obj:get() return self.n end
print("method", obj:get())
local function va(...) return select("#", ...), ... end
print("vararg", va(1, nil, 3))
do goto skip end
print("not printed")
::skip::
print("label ok")
-- keywords
local kw = {}
for w in ("and break do else elseif end false for function goto if in local nil not or repeat return then true until while"):gmatch("%a+") do
  local f, err = load("local " .. w .. " = 1")
  kw[#kw + 1] = w .. "=" .. tostring(f == nil)
end
print(table.concat(kw, " "))
-- names may use letters, digits, underscore; are case sensitive
local _ABC_12, abc, ABC = 1, 2, 3
print(_ABC_12, abc, ABC)
-- tokens need no spaces between them where unambiguous
print(load("return 1+2*3-4//5%6")())
print(load("return(1)..(2)")())
print(load("return 1 .. 2")())
print(load("local t={}t.x=1 return t.x")())
print(load("return 0x10+0X1f")())
-- a.b.c vs a..b vs ...
print(select('#', load("return ...")(1, 2, 3)))
-- '~=' and '~' distinct, '//' and '/' distinct, '<<' '<=' '<'
print(load("return 5~3, 5~=3, 7//2, 7/2, 1<<3, 1<=3, 1<3")())
-- ':' vs '::'
print(load("::a:: local s = 'x' return s:rep(3)")())
-- comments can appear between any tokens
print(load("return --[[c]] 1 --[==[ c ]==] + --x\n 2")())
