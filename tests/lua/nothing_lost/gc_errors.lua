-- An error raised by a __gc metamethod never replaces the error or the
-- result of the code that happened to trigger the collection: it becomes
-- a warning ("error in __gc"), shown on stderr once warnings are on.
warn("@on")
print(pcall(function()
  local t = setmetatable({}, {__gc = function() error("gc boom") end})
  t = nil
  collectgarbage()
  error("original", 0)
end))
print(pcall(function()
  setmetatable({}, {__gc = function() error({}) end})
  collectgarbage()
  return "body ok"
end))
-- a finalizer that fails while another error is being handled
print(xpcall(function()
  setmetatable({}, {__gc = function() error("inside handler run", 0) end})
  error("first", 0)
end, function(m) collectgarbage(); return "handled " .. m end))
-- finalizers at exit: one failing does not stop the others
for i = 1, 3 do
  setmetatable({}, {__gc = function() print("final gc", i); if i == 2 then error("exit gc " .. i, 0) end end})
end
print("end of script")
