-- io.open modes, io.close, io.type, tostring of handles, closed handles.

local name = os.tmpname()

for _, mode in ipairs({"r", "w", "a", "r+", "w+", "a+", "rb", "wb", "ab", "r+b", "w+b",
                       "a+b", "rbb", "x", "", "rw", "r+b+", "+r", "wx", "rt", "br", "r b"}) do
  local ok, f = pcall(io.open, name, mode)
  if ok and f then
    print(mode, io.type(f))
    f:close()
  else
    print(mode, ok, f)
  end
end
print(pcall(io.open))
print(pcall(io.open, name, 42))
print(pcall(io.open, name, {}))

-- failing opens
local missing = name .. ".missing/file"
local f, msg, code = io.open(missing)
print(f, msg == missing .. ": No such file or directory", code)
f, msg, code = io.open("/", "w")
print(f, msg, code)

-- io.type and tostring
local h = assert(io.open(name, "w"))
print(io.type(h), io.type(42), io.type(nil), io.type(io.stdout), io.type({}))
print(pcall(io.type))
print(tostring(h):match("^file %(0x%x+%)$") ~= nil)
print(h:close())
print(io.type(h), tostring(h))
print(pcall(h.close, h))
print(pcall(h.write, h, "x"))
print(pcall(h.read, h))
print(pcall(h.lines, h))
print(pcall(h.seek, h))
print(pcall(h.flush, h))
print(pcall(h.setvbuf, h, "no"))
print(pcall(io.close, h))
print(pcall(h.close))
print(pcall(h.close, 42))
print(pcall(io.close, 42))
-- methods are in the metatable's __index
local mt = getmetatable(h)
print(mt.__name, type(mt.__index), type(mt.__gc), type(mt.__close), type(mt.__tostring))
local methods = {}
for k in pairs(mt.__index) do methods[#methods + 1] = k end
table.sort(methods)
print(table.concat(methods, " "))
print(getmetatable(io.stdout) == mt)

-- standard files cannot be closed
print(io.stdout:close())
print(io.stderr:close())
print(io.stdin:close())
print(io.type(io.stdout), io.type(io.stdin))
print(io.stdout:write("still open\n") == io.stdout)

-- closing through io.close(file) and the to-be-closed mechanism
local g = assert(io.open(name, "w"))
print(io.close(g))
do
  local tbc <close> = assert(io.open(name, "w"))
  tbc:write("written in a block")
  h = tbc
end
print(io.type(h))
for line in io.lines(name) do print(line) end

-- garbage collection closes files
do
  local lost = assert(io.open(name, "w"))
  lost:write("flushed by gc")
  lost = nil
end
collectgarbage()
collectgarbage()
for line in io.lines(name) do print(line) end

os.remove(name)
