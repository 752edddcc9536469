-- io.popen (read and write) and io.tmpfile.

local p = assert(io.popen("echo hello; echo world"))
print(io.type(p))
print(p:read("l"), p:read("l"), p:read("l"))
print(p:close())

p = assert(io.popen("exit 5"))
print(p:read("a"))
print(p:close())

p = assert(io.popen("kill -9 $$"))
print(p:close())

for l in io.popen("printf 'a\\nb\\n'"):lines() do io.write(l, ";") end
print()

local name = os.tmpname()
p = assert(io.popen("cat > " .. name, "w"))
print(p:write("through ", "a pipe", "\n") == p)
print(p:close())
local f = assert(io.open(name))
print(f:read("a"))
f:close()
os.remove(name)

print(pcall(io.popen, "true", "rw"))
print(pcall(io.popen, "true", "r+"))
print(pcall(io.popen, "true", ""))
print(pcall(io.popen))
p = io.popen("true", "r")
print(p:close())
print(pcall(p.close, p))

-- output written before popen is flushed first (fflush(NULL))
io.write("before popen ")
p = io.popen("echo from child")
print(p:read("a"))
p:close()

-- tmpfile
local t = io.tmpfile()
print(io.type(t))
t:write("temp data\n", 7)
t:seek("set")
print(t:read("l"), t:read("n"))
print(t:close())
