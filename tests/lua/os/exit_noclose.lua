-- os.exit without close: finalizers do not run.
setmetatable({}, {__gc = function() print("finalizer ran") end})
print("exiting with 0")
os.exit()
