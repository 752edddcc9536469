-- arithmetic, immediates, K operands, folding
local a, b, c = 1, 2.5, "x"
local x = a + 1; x = 1 + a; x = a - 1; x = a - 300; x = 300 - a
x = a * 2; x = 2 * a; x = a / 2; x = a // 3; x = a % 4; x = a ^ 2
x = a & 7; x = 7 & a; x = a | 0xF0; x = a ~ 3; x = a << 2; x = 2 << a; x = a >> 1
x = a << -3; x = a >> b; x = a << b; x = -a; x = ~a; x = #c; x = not a
x = 1 + 2 * 3 - 4 / 2; x = 2^10; x = 7 // 2; x = 7 % 3; x = -7 // 2; x = 7.5 // 2
x = 1 // 0; x = 1 % 0; x = 1 / 0; x = 0/0; x = -0.0; x = 3 & 1.5; x = 3 | 2.0
x = ~0; x = - - 3; x = -(-3.5); x = 1 << 63; x = 1 << 64; x = -1 >> 1
x = 2^53; x = 10 / 4; x = 3 - 3.0; x = 0.1 + 0.2; x = 1e308 * 10
x = a + b * c - a / b; x = (a + b) * (c - a); x = a .. b .. c; x = a .. (b .. c)
x = "a" .. "b" .. 1 .. 2.5
x = a == b; x = a ~= b; x = a < b; x = a <= b; x = a > b; x = a >= b
x = a == 1; x = 1 == a; x = a == 1.0; x = a == 2.5; x = a == "s"; x = a == nil
x = a == true; x = a < 1; x = 1 < a; x = a <= 1.0; x = a > 2; x = 2 >= a; x = a < 1000
x = a and b; x = a or b; x = a and b or c; x = not (a and b); x = a and (b or c)
x = (a < b) and (b < c) or (a == c); x = not a == b; x = nil and a; x = false or a
x = 1 and 2; x = a or 3; x = #{} + #"abc"
local t = {}
x = t.x; x = t[1]; x = t[a]; x = t["long key name that is beyond forty chars long"]
x = t[256]; x = t[-1]; x = t[1.0]; x = t[true]; x = t.x.y.z; x = t[t.x]
t.x = 1; t[1] = 2; t[a] = 3; t.x.y = t.z; t[a + 1] = a; t["k"] = nil; t[1.5] = true
