-- An uncaught runtime error deep in a call chain: stdout so far, then the
-- message and a traceback naming each kind of function, exit status 1.
print("before the error")
local Obj = {}
function Obj:method(n) return helper_global(n) end
function helper_global(n)
  local function inner_local(k)
    local t = {}
    return t.missing.field + k          -- line 9
  end
  return inner_local(n) + 1
end
local M = {run = function(o) return o:method(3) + 1 end}
io.write("partial line without newline")
print(M.run(Obj))
