-- Searches over long subjects: the search loops skip positions where no
-- match can start (a first byte, class, set or frontier), gsub copies
-- those runs whole, sets become bitmaps on long subjects, repetitions look
-- ahead for the byte that must follow. Every result must be lua5.4's.

local seed = 12345
local function rand(n)  -- a small LCG, the same in every engine
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end

local atoms = { "a", "b", ".", "%a", "%d", "%s", "%w", "%A", "%S", "%.", "%%",
  "[ab]", "[^a]", "[%a_]", "[a-c]", "[]]", "[^%d%s]", "(", ")", "()",
  "%b()", "%f[%a]", "%f[%A]", "%f[%z]", "%1", "$", "x", "*", "+", "-",
  "?", "[\"\\]", "[%c\"\\]", "[ \n\t]", "=", "%u", "[%(%)]", "%-" }
local bits = { "a", "b", "(", ")", " ", "1", "22", "x", "_", "A", "Z", ".",
  "\0", "ab", "  ", "=", "\"", "\\", "\n", "-", "é" }

local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  return table.concat(t, "|")
end

for case = 1, 150 do
  local p = {}
  for _ = 1, rand(4) do p[#p + 1] = atoms[rand(#atoms)] end
  p = table.concat(p)
  local s = {}
  for _ = 1, rand(80) - 1 do s[#s + 1] = bits[rand(#bits)] end
  s = table.concat(s)
  local init = rand(10) - 4
  local r = {
    show(pcall(string.find, s, p, init)),
    show(pcall(string.match, s, p, init)),
    show(pcall(string.gsub, s, p, "<%0>")),
    show(pcall(string.gsub, s, p, function(...) return select("#", ...) end, 5)),
    show(pcall(string.gsub, s, p, { a = "A", ["1"] = false })),
  }
  local ok, e = pcall(function()
    local n, last = 0, ""
    for a, b in s:gmatch(p) do n = n + 1; last = tostring(a) .. "," .. tostring(b) end
    return n .. ":" .. last
  end)
  r[#r + 1] = tostring(ok) .. tostring(e)
  print(case, string.format("%q", p), string.format("%q", table.concat(r, " # ")))
end

-- string.byte's short forms and table.concat's type check
local s = "hello"
for _, i in ipairs({ -7, -6, -5, -1, 0, 1, 2, 5, 6, "2", 2.0 }) do
  print(i, s:byte(i), ("x"):byte(i), pcall(string.byte, "", i))
end
print(pcall(string.byte, s, 2.5), pcall(string.byte, s, "x"), s:byte(nil))
print(table.concat({ 1, "a", 2.5 }, "-"), pcall(table.concat, { 1, {}, 3 }))

-- long subjects: sets with classes are tabulated (and the table dropped
-- when a replacement function or table runs Lua code)
local long = string.rep("  foo_bar=12, (Baz) \"q\\t\" 99 ", 12)
for _, p in ipairs({ "[%a_]+", "[^%d%s]+", "%f[%a]%a+", "%f[%w_][%w_]+=", "[%(%)]",
                     "[%c\"\\]", "[%p]+", "[%u]%l+", "[ab%d]+", "[%]]" }) do
  print(p, long:find(p, 7), (long:gsub(p, "<%0>")), long:gsub(p, string.upper))
  print(p, long:gsub(p, { foo_bar = "F", Baz = false }), select(2, long:gsub(p, "%%")))
  local n = 0
  for w in long:gmatch(p) do n = n + #w end
  print(p, n)
end
