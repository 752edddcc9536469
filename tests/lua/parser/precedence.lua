-- Operator precedence and associativity, each expression checked by value.
local x, a, b, c = 3, false, "B", nil
local exprs = {
  "2^3^2", "-2^2", "2^-2", "-2^-2", "- - 2", "not nil == true", "not (nil == true)",
  "1 .. 2 .. 3", "'a' .. 'b' == 'ab'", "'a' .. 'b' < 'b'", "1 + 2 .. 3 + 4",
  "1 | 2 & 3 ~ 4 << 1", "1 + 2 << 1", "1 << 2 + 1", "5 & 3 == 1", "(5 & 3) == 1",
  "1 | 6 ~ 3", "~0 >> 60", "~ ~5", "- ~5", "~ -5", "#'abc' + 1", "-x^2", "-x ^ -x",
  "not 1 == 2", "1 < 2 == true", "a or b and c", "(a or b) and c", "nil and nil or 'z'",
  "1 + 2 * 3 - 4 / 2", "(1 + 2) * 3", "7 // 2 * 2", "7 % 3 * 2", "2 * 7 % 3",
  "10 - 2 - 3", "2 ^ 2 ^ 0", "100 / 10 / 5", "-3 % 5", "-(3 % 5)", "- 3 // 2",
  "'10' + 1", "'3' * '4'", "10 .. ''", "1 < 2 and 2 < 3", "#{1, 2} * 2",
  "3 > 2 == 2 > 1", "not not nil", "1 ~= 2 == true", "'x' .. 1 + 2", "2 ^ 3 .. ''",
  "1 << 63 >> 63", "3 & 2 | 1 ~ 7", "1 .. -2", "- 2 ^ 2 .. ''", "#'ab' .. #'c'",
  "not #'' == 0", "-#'abc'", "x > 2 and 'big' or 'small'", "false and error() or 1",
  "'a' < 'b' == ('c' < 'd')", "2^53 + 1 == 2^53", "1 // 0.0", "-1 // 0.0", "0/0 ~= 0/0",
}
for _, e in ipairs(exprs) do
  local f = assert(load("local x, a, b, c = ... return " .. e))
  local ok, v = pcall(f, x, a, b, c)
  if ok then
    print(string.format("%-24s %s %s", e, math.type(v) or type(v), tostring(v)))
  else
    print(string.format("%-24s error: %s", e, v))
  end
end
