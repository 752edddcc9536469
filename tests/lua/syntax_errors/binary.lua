-- Binary chunks: load(string.dump(f)) round trips, truncated chunks, mode
-- checks, and text that only looks binary.
local function f(a, b, ...)
  local t = {a, b, ...}
  return #t, select('#', ...), a and b
end
local d = string.dump(f)
local g = assert(load(d))
print(g(1, 2, 3, 4))
print(load(string.dump(f, true))(1, nil, 3))
-- every truncation fails with the same message
local msgs = {}
for n = 1, #d - 1, math.max(1, #d // 97) do
  local h, err = load(d:sub(1, n))
  msgs[err or "loaded!"] = true
end
local list = {}
for m in pairs(msgs) do list[#list + 1] = m end
table.sort(list)
for _, m in ipairs(list) do print(m) end
print(load(d:sub(1, 1)))
print(load(d:sub(1, 4)))
print(load(d:sub(1, 10), "=named"))
print(load(d:sub(1, 10), "@file.luac"))
-- modes
print(load(d, "x", "t"))
print(load("return 1", "x", "b"))
print(load(d, "x", "bt") ~= nil, load("return 1", "x", "t") ~= nil)
-- a text chunk starting with the escape character is taken as binary
print(load("\27 not really"))
print(load("\27Lua"))
-- stripped chunks lose line information in error messages
local function bad() local x = nil; return x.y end
local s = load(string.dump(bad, true))
print(pcall(s))
print(pcall(load(string.dump(bad))))
-- load gives the first upvalue of a loaded function the globals table,
-- whatever its name; the others start nil
local up, up2 = 10, 20
local function useup() return up, up2 end
local ok, a, b = pcall(load(string.dump(useup)))
print(ok, a == _G, b)
print(load(string.dump(load("return x")))  ~= nil)
