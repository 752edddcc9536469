-- Output buffered by io.write/print/file:write is flushed when the script
-- ends normally, even without a final newline and with full buffering,
-- and after the finalizers that run at exit have written too.
io.stdout:setvbuf("full")
io.write("one ")
print("two")
io.stdout:write("three", " ", 4, " ", 5.5)
setmetatable({}, {__gc = function() io.write(" [written by __gc at exit]") end})
io.write("\nlast line without newline")
