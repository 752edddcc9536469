-- Reading standard input (fed from stdin.stdin).

print(io.read())
print(io.read("n", "n"))
print(io.read("L"))
print(io.stdin:read(5))
for line in io.lines() do print("line:", line) end
print(io.read())
print(io.read("a"))
print(io.read(0))
