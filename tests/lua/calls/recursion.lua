-- Deep non-tail recursion: works to a good depth; overflow is a catchable
-- error whose message mentions "stack overflow" (the exact text, which
-- includes a depth, is not pinned down).
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
print(depth(100000))
local function runaway(n) return 1 + runaway(n + 1) end
local ok, err = pcall(runaway, 1)
print(ok, type(err), string.find(err, "stack overflow", 1, true) ~= nil)
-- the interpreter works normally after an overflow
print(depth(1000))
-- overflow through metamethods
local mt = {}
mt.__index = function(t, k) return t[k .. "x"] end
local loopy = setmetatable({}, mt)
ok, err = pcall(function() return loopy.a end)
print(ok, string.find(err, "stack overflow", 1, true) ~= nil)
-- overflow through __call chains of Lua functions
local function selfcall(...) return 1 + selfcall(...) end
ok, err = pcall(selfcall, 1, 2, 3)
print(ok, string.find(err, "stack overflow", 1, true) ~= nil)
-- overflow inside a coroutine stays inside it
local co = coroutine.create(function() return runaway(1) end)
local cok, cerr = coroutine.resume(co)
print(cok, string.find(cerr, "stack overflow", 1, true) ~= nil, coroutine.status(co))
-- an error handler can run after overflow
print(xpcall(runaway, function(m) return "handled " .. tostring(string.find(m, "stack overflow", 1, true) ~= nil) end, 1))
-- C-level recursion (string.gsub calling back into Lua, recursively)
local function nest(n)
  if n == 0 then return "" end
  return (string.gsub("x", "x", function() return nest(n - 1) end))
end
print(#nest(100))
ok, err = pcall(nest, 1000000)
print(ok, (string.find(err, "stack overflow", 1, true) or string.find(err, "C stack overflow", 1, true)) ~= nil)
