-- Integer constants near the ends of the range as operands of arithmetic,
-- shifts and comparisons with a variable: the code generator asks whether
-- the constant fits an instruction's signed immediate (fitsC in
-- src/vm/ops.h), and that check must not overflow (UBSan in test-asan).
-- Found by tests/fuzz (compile target).
local a = 5
local big = math.maxinteger
print(a < 9223372036854775807, a <= 9223372036854775806, a > 9223372036854775800)
print(a + 9223372036854775807, a - 9223372036854775807, a * 9223372036854775807)
print(a >> 9223372036854775807, a << 9223372036854775807)
print(a == 9223372036854775807, a ~= 9223372036854775807)
print(big - 9223372036854775807, big + 9223372036854775700)
print(a < -9223372036854775807, a - (-9223372036854775807 - 1))
print(a < 9223372036854775807.0, a + 9.2233720368547758e18)
