-- An uncaught runtime error: "progname: message", traceback, status 1.
local function inner() local t = nil; return t.field end
local function outer() return inner() + 1 end
print("before error")
outer()
