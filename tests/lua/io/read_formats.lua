-- file:read with every format and counts.

local name = os.tmpname()
local function setup(content)
  local f = assert(io.open(name, "wb"))
  f:write(content)
  f:close()
  return assert(io.open(name, "rb"))
end

local f = setup("line one\nline two\r\n\nlast line without newline")
print(f:read())
print(f:read("l"))
print(f:read("L"))
print(f:read("*l"))
print(f:read("l"))
print(f:read("l"))
print(f:read("a"))
print(f:read("a"))
print(f:read(0))
print(f:read(1))
f:close()

f = setup("abcdefghij")
print(f:read(3))
print(f:read(0))
print(f:read(0, 2, 0))
print(f:read(100))
print(f:read(0))
print(f:read(1))
print(f:read("a"), #f:read("*a"))
f:close()

f = setup("one\ntwo\nthree\n")
print(f:read("l", "L", "l", "l"))
f:close()
f = setup("a\nb\n")
print(f:read("L", "L", "L", "L"))
f:close()
f = setup("x")
print(select('#', f:read("l", "l", "l")))
f:close()

-- "*" prefixes and unknown formats
f = setup("123 abc")
print(f:read("*n", "*a"))
f:close()
f = setup("abc")
print(pcall(f.read, f, "x"))
print(pcall(f.read, f, "*x"))
print(pcall(f.read, f, ""))
print(pcall(f.read, f, {}))
print(pcall(f.read, f, 1.5))
print(pcall(f.read, f, "l", "bogus"))
print(f:read("line"))   -- only the first letter counts
f:close()

-- long lines cross the internal buffer size
f = setup(string.rep("x", 5000) .. "\n" .. string.rep("y", 3000))
local l1 = f:read("l")
local l2 = f:read("L")
print(#l1, #l2, f:read("l"))
f:close()

-- zeros inside lines
f = setup("a\0b\nc\0")
local z = f:read("l")
print(#z, z:byte(2))
print(#f:read("L"))
f:close()

-- reading from a file opened for writing only
local w = assert(io.open(name, "w"))
local r1, r2, r3 = w:read("l")
print(r1, r2, r3)
w:close()

-- read(0) at end of file vs. not
f = setup("")
print(f:read(0), f:read("a"), f:read("l"), f:read("n"))
f:close()

os.remove(name)
