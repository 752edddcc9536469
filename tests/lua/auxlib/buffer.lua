-- luaL_Buffer through the libraries: results that outgrow the buffer's
-- embedded storage, errors and yields attempted while a buffer is in use.
local big = string.rep("abc", 100000, ",")
print(#big, big:sub(1, 10), big:sub(-10))
print(#table.concat({string.rep("x", 5000), string.rep("y", 5000)}, string.rep("-", 3000)))
print(#string.format("%s%s", string.rep("a", 3000), string.rep("b", 3000)))
local s = string.rep("hello world ", 2000)
local r, n = s:gsub("o", "0000")
print(#r, n, r:sub(1, 30))
print(#string.pack("s", string.rep("z", 70000)))
print(#(string.rep("a", 1023) .. "b"), #table.concat({}, "x"))
local t = {}
for i = 1, 3000 do t[i] = i end
print(#table.concat(t, ","))
print(pcall(string.gsub, string.rep("x", 5000), "x", function() error("boom") end))
print(pcall(table.concat, {string.rep("a", 3000), {}}))
local co = coroutine.wrap(function()
  return pcall(string.gsub, string.rep("x", 5000), "x", function() coroutine.yield(1) end)
end)
print(co())
collectgarbage()
print(("%5.2f|%d|%q"):format(3.14159, 42, "a\nb\0c"))
