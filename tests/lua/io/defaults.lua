-- io.input / io.output / io.read / io.write / io.close with default files.

local name = os.tmpname()
print(io.input() == io.stdin, io.output() == io.stdout)

print(io.output(name) ~= io.stdout)
io.write("first line\n", 42, " ", 1.5, "\n")
print(io.write("x") == io.output())
io.close()
print(pcall(io.write, "closed"))
print(pcall(io.flush))
print(pcall(io.close))
io.output(io.stdout)
print(io.output() == io.stdout)

print(io.input(name) ~= io.stdin)
print(io.read())
print(io.read("n", "n"))
print(io.read("a"))
print(io.read("l"))
io.input():close()
print(pcall(io.read))
print(pcall(io.lines))

-- a handle as argument
local h = assert(io.open(name))
print(io.input(h) == h)
print(io.read("L"))
h:close()
print(pcall(io.input, h))
print(pcall(io.output, h))
print(pcall(io.input, {}))
local ok0, e0 = pcall(io.input, name .. ".missing/x")
print(ok0, (e0:gsub("lua_%w+", "TMP")))
print(pcall(io.output, "/"))
io.input(io.stdin)
io.output(io.stdout)

-- numbers as file names
local numeric_ok = pcall(io.output, 12345)
print(numeric_ok)
io.output():close()
io.output(io.stdout)
os.remove("12345")

-- io.close() closes the default output; io.close(f) closes f
local g = io.open(name, "w")
io.output(g)
print(io.close())
print(io.type(g))
io.output(io.stdout)

os.remove(name)
print("end")
