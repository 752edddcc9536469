-- string.format("%q"): values written back as Lua literals, and read back with load
local function q(v) return string.format("%q", v) end
print(q("plain"), q(""), q('say "hi"'), q("back\\slash"))
print(q("line1\nline2"))
print(q("\0\1\2\31\127"), q("\0001"), q("\r\n\t\v\f\a\b"), q("\2009"))
print(q("\128\200\255"):byte(1, -1))
print(q("a\0b"), q("tab\t9"), q("\0" .. "0"), q("\n\n"))
print(q(0), q(1), q(-1), q(42), q(math.maxinteger), q(math.mininteger))
print(q(0.0), q(-0.0), q(1.0), q(0.5), q(-2.25), q(0.1), q(1e300), q(2^-1074), q(2^63))
print(q(1/0), q(-1/0), q(0/0))
print(q(nil), q(true), q(false))
print(pcall(string.format, "%q", {}))
print(pcall(string.format, "%q", print))
print(pcall(string.format, "%q", coroutine.create(print)))
print(pcall(string.format, "%q"))
print(pcall(string.format, "%5q", "x"))
print(pcall(string.format, "%-q", "x"))
print(pcall(string.format, "%.1q", "x"))
-- every string and number reads back as itself
local samples = {"", "abc", "a\0b", "\n", "\\n", "\"", "\r\0\1\2\0033", "\255\254", "x\n\ny",
                 0, -0.0, 1, -1, 0.1, 1e-310, 123456789012, math.maxinteger, math.mininteger,
                 1/0, -1/0, 2^53 + 1, 3.0}
for i, v in ipairs(samples) do
  local back = load("return " .. q(v))()
  local same = back == v and math.type(back) == math.type(v)
  if v ~= v then same = back ~= back end
  io.write(same and "ok " or ("MISMATCH@" .. i .. " "))
end
print()
local nan = load("return " .. q(0/0))()
print(nan ~= nan)
-- all bytes
local all = {}
for b = 0, 255 do all[#all + 1] = string.char(b) end
all = table.concat(all)
print(load("return " .. q(all))() == all, #q(all))
print(q(all))
