-- os.exit without close: finalizers do not run.
local keep = setmetatable({}, {__gc = function() print("finalizer ran") end})  -- reachable: only exit can finalize it
print("exiting with 0")
os.exit()
