local s = [[
long string]]
local s2 = [==[with ]] inside]==]
local s3 = "esc \a\b\f\n\r\t\v\\\"\'\z
     continued \x41\65\u{48}\u{7FF}\u{FFFF}\u{10FFFF}"
local n1, n2, n3, n4, n5 = 0x10, 0xA.8p1, 1e2, .5, 3.
local n6 = 9223372036854775807
local n7 = 0xffffffffffffffff
local m = #s + #s2
-- comment
--[[ long
comment ]]
--[==[ another ]==]
print(s, s2, s3, n1, n2, n3, n4, n5, m, n7)
local x = (((1)))
local y = ((f()))
local z = a.b.c.d.e
z = -x^2
z = 2^-3
z = not not x
z = x .. y .. z .. x
return
