-- s:method() reads the strings' metatable's __index through the site's
-- cache (vm/feedback.h, fb_string_method): changes to that table, to the
-- metatable and to __index must show at once.
local mt = getmetatable("")
local function call(s) local r = {} for i = 1, 3 do r[i] = tostring(s:upper()) end return table.concat(r, ",") end
print(call("abc"))
local lib = mt.__index
lib.upper = function(s) return "patched " .. s end
print(call("abc"))
lib.upper = string.lower
print(call("ABC"))
mt.__index = {upper = function() return "other table" end}
print(call("x"))
mt.__index = function(s, k) return function() return "fn " .. k end end
print(call("x"))
mt.__index = setmetatable({}, {__index = lib})
print(call("X"))
mt.__index = lib
print(pcall(function() return ("x"):nosuch() end))
mt.__index = nil
print(pcall(function() return ("x"):upper() end))
mt.__index = lib
lib.upper = nil
print(pcall(function() return ("x"):upper() end))
lib.upper = function(s) return s .. "!" end
for i = 1, 40 do lib["extra" .. i] = function() return i end end
print(call("y"), ("z"):extra33())
