-- io corner cases: "n" followed by other formats, reads at end of file, write then read, closed
-- handles, seek beyond the end and bad offsets, setvbuf, popen write/close, __close/__gc called directly.
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("12 0x1F -3.5e2 .5 abc\n", "nan 0x 1e+ 5\n")
f:close()
f = io.open(name)
print(f:read("n", "n", "n", "n", "n"))
print(f:read("l"))
print(f:read("n"))
print(f:read("l"))
f:close()
-- lines with "n" and closing
for a, b in io.lines(name, "n", "n") do print(a, b) break end
-- read past end in various formats
f = io.open(name)
f:read("a")
print(f:read("a"), f:read("l"), f:read("L"), f:read(1), f:read(0), f:read("n"))
f:close()
-- write then read in same file without seek
f = io.open(name, "w+")
f:write("hello")
print(f:read("a"))
f:seek("set")
print(f:read("a"))
f:close()
-- tostring of closed and open files
f = io.open(name)
print((tostring(f):gsub("0x%x+", "ADDR")))
f:close()
print(tostring(f))
print(io.type(f), io.type(io.stdin), io.type(print))
-- io.write to a closed default output
-- io.read with number count
f = io.open(name)
print(f:read(2, 3, "l"))
f:close()
-- file:lines with args reading beyond, lines with "a" loops forever? (a returns "" at eof -> stops? no)
f = io.open(name)
local n = 0
for x in f:lines(4) do n = n + 1 end
print(n)
f:close()
-- seek results
f = io.open(name)
print(f:seek("end"), f:seek("cur", -5), f:read(2), f:seek())
print(f:seek("set", 1e3))
print(pcall(f.seek, f, "set", 2^63))
f:close()
-- setvbuf returns
f = io.open(name, "w")
print(f:setvbuf("full"), f:setvbuf("no", 10), pcall(f.setvbuf, f, "full", -1))
f:close()
-- io.open errors
print(io.open("/nonexistent/dir/x", "r"))
print(pcall(io.open, name, "rw+"))
print(pcall(io.open, name, "r+x"))
-- io.lines on missing file
print(pcall(io.lines, "/nonexistent/x"))
-- popen modes
local p = io.popen("exit 3")
print(p:close())
p = io.popen("cat", "w")
print(p:write("to cat\n") == p)
print(p:close())
print(io.popen("echo x"):read("n"))
-- closing std handles through io.close with defaults
print(pcall(io.close, io.stdout))
-- __gc on closed file and __close
local g = io.open(name)
getmetatable(g).__close(g)
print(io.type(g))
getmetatable(g).__gc(g)
print(io.type(g))
print(pcall(getmetatable(g).__tostring, 1))
-- write numbers format
f = io.open(name, "w")
f:write(1e15, " ", 0.1, " ", 1/3, " ", -0.0, " ", 100, " ", 2^63, "\n")
f:close()
print(io.open(name):read("a"))
-- reading numbers with leading +/- and hex floats
f = io.open(name, "w") f:write("-0x10 +0x1p-2 0X1P+2 -.5e1 1e2e3") f:close()
f = io.open(name) print(f:read("n", "n", "n", "n", "n", "n")) f:close()
os.remove(name)
print(io.lines == io.lines, pcall(io.read, "x"))
print((pcall(io.output().lines, io.output())))
