-- SETLIST must check that the constructor's register still holds the
-- table: a function called inside the constructor can overwrite that
-- temporary with debug.setlocal (lua5.4 crashes on this).
local function clobber()
  local i = 1
  while true do
    local name, v = debug.getlocal(2, i)
    if name == nil then break end
    if name == "(temporary)" and type(v) == "table" then
      debug.setlocal(2, i, 42)
    end
    i = i + 1
  end
  return 1
end
print(pcall(function() local t = {clobber(), 2, 3} return #t end))
print(pcall(function() local t = {1, 2, clobber()} return #t end))
