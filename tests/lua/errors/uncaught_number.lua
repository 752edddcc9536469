-- A number as the error value: converted to a string for the message.
local function f() error(42.5) end
f()
