-- error with level 0: no position in the message; traceback still shown.
local function validate(x)
  if type(x) ~= "number" then error("expected a number, got " .. type(x), 0) end
end
validate("str")
