-- io.lines and file:lines: formats, closing, errors.

local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("alpha\nbeta\n\ngamma 12 13\n3.5\nlast")
f:close()

for l in io.lines(name) do io.write("[", l, "]") end
print()
for l in io.lines(name, "L") do io.write("[", l, "]") end
print()
for a, b in io.lines(name, 1, 2) do io.write("<", a, "|", b, ">") end
print()
for l, n in io.lines(name, "l", "n") do print(l, n) end

-- the four results of io.lines(name); the file closes when the loop ends
local iter, s, c, file = io.lines(name)
print(type(iter), s, c, io.type(file))
while iter() do end
print(io.type(file))
print(pcall(iter))

-- breaking out of the loop closes the file through the tbc variable
local kept
for l in (function() local it, a, b, fh = io.lines(name); kept = fh; return it, a, b, fh end)() do
  break
end
print(io.type(kept))

-- file:lines does not close the file
f = assert(io.open(name))
for l in f:lines() do end
print(io.type(f))
print(f:read("a"))
f:seek("set")
local it = f:lines("n")
print(it())
f:close()
print(pcall(it))

-- errors
local ok0, e0 = pcall(io.lines, name .. ".missing")
print(ok0, (e0:gsub("lua_%w+", "TMP")))
print(pcall(io.lines, {}))
local ok, e = pcall(function() for l in io.lines(name, "x") do end end)
print(ok, e)
print(pcall(io.lines, name, table.unpack({}, 1, 251)))
print(select('#', io.lines(name, table.unpack({}, 1, 250))))
for a, b, c in io.lines(name, 1, 0, "l") do print(a, b, c) break end

-- lines over a directory: reading fails with an error
ok, e = pcall(function() for l in io.lines("/") do end end)
print(ok, e)

-- io.lines() uses the default input
io.input(name)
local count = 0
for l in io.lines() do count = count + 1 end
print(count)
print(io.type(io.input()))
io.input():close()
print(pcall(io.lines))
io.input(io.stdin)

os.remove(name)
