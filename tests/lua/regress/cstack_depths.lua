-- How many levels fit before "C stack overflow" (200 C levels in lua5.4)
-- and "stack overflow" (1,000,000 stack slots), counted for each way of
-- nesting. Programs can observe these numbers (e.g. the number of
-- position prefixes an error collects through coroutine.wrap), so they
-- should match lua5.4 exactly. Found while writing tests/lua/resources.
local depth
local function count(label, f)
  depth = 0
  pcall(f)
  print(label, depth)
end
local function nest() depth = depth + 1; return select(2, pcall(nest)) end
count("pcall", nest)
local function xnest() depth = depth + 1; return select(2, xpcall(xnest, function(m) return m end)) end
count("xpcall", xnest)
local t = setmetatable({}, {__index = function(self, k) depth = depth + 1; return self[k] end})
count("__index", function() return t.x end)
local function g(x) depth = depth + 1; return (string.gsub(x, "x", g)) end
count("gsub", function() return g("x") end)
local function resumer() depth = depth + 1; return coroutine.resume(coroutine.create(resumer)) end
count("resume", resumer)
local function wrapper() depth = depth + 1; return coroutine.wrap(wrapper)() end
count("wrap", wrapper)
local function tos() depth = depth + 1; return tostring(setmetatable({}, {__tostring = tos})) end
count("tostring", tos)
local function srt() depth = depth + 1; table.sort({2, 1}, function(a, b) srt() return a < b end) end
count("sort", srt)
local function ld() depth = depth + 1; load(ld) end
count("load", ld)
local function rec() depth = depth + 1; return 1 + rec() end
count("lua", rec)
local function rec3(a, b, c) depth = depth + 1; return 1 + rec3(a, b, c) end
count("lua3", rec3)
