-- An uncaught error still flushes what was written before it; the error
-- message and traceback go to stderr and the exit status is 1.
io.stdout:setvbuf("full")
io.write("written before the error")
local t = nil
print(t.field)
