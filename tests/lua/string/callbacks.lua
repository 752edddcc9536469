-- library functions that call back into Lua: reentrancy, errors and yields through them
-- nested matching inside a gsub callback does not disturb the outer match
print(string.gsub("ab cd", "%a+", function(w)
  return (string.gsub(w, ".", function(c) return c:upper() .. string.match(c, "(.)") end))
end))
local it = string.gmatch("1 2 3", "%d")
print(it(), string.gsub("x", "x", function() return it() end), it())
-- error objects of any type pass through unchanged
local ok, err = pcall(string.gsub, "a", "a", function() error({code = 7}) end)
print(ok, type(err), err.code)
ok, err = pcall(table.sort, {3, 2, 1}, function() error(42) end)
print(ok, err, math.type(err))
ok, err = pcall(string.format, "%s", setmetatable({}, {__tostring = function() error("ts", 0) end}))
print(ok, err)
-- yields cannot cross these C calls
local co = coroutine.wrap(function()
  return pcall(string.gsub, "a", "a", function() coroutine.yield("inside") end)
end)
print(co())
co = coroutine.wrap(function()
  return pcall(table.sort, {1, 2, 3}, function(a, b) coroutine.yield() return a < b end)
end)
print(co())
-- but a coroutine can run library functions that call back normally
co = coroutine.wrap(function(s)
  local r = string.gsub(s, "%w", function(c) return c .. c end)
  coroutine.yield(r)
  local t = {5, 1, 4}
  table.sort(t, function(a, b) return a > b end)
  return table.concat(t, ",")
end)
print(co("ab"), co())
-- callbacks that change their own inputs
local t = {3, 1, 2}
print(pcall(table.sort, t, function(a, b) t[4] = 0 return a < b end), #t)
local replaced = 0
print(string.gsub("aaa", "a", function() replaced = replaced + 1 if replaced == 2 then return nil end return "b" end))
-- table.concat and table.insert through __index/__newindex that call library functions
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) return string.rep("x", k) end,
  __newindex = function(_, k, v) log[#log + 1] = string.format("%d=%s", k, v) end,
  __len = function() return 3 end,
})
print(table.concat(proxy, "|"))
table.insert(proxy, "new")
table.insert(proxy, 1, "first")
print(table.concat(log, " "))
-- string.rep/format results used as patterns and replacements
print(string.gsub(string.rep("ab", 3), string.rep("ab", 2), string.format("<%s>", "%0")))
