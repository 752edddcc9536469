-- os.clock, getenv, execute, remove, rename, tmpname, setlocale.

print(math.type(os.clock()), os.clock() >= 0)

print(os.getenv("CRESCENT_SURELY_NOT_SET_VARIABLE"))
print(type(os.getenv("PATH")))
print(pcall(os.getenv))
print(pcall(os.getenv, {}))

-- execute
print(os.execute())
print(os.execute("exit 0"))
print(os.execute("exit 3"))
print(os.execute("exit 255"))
print(os.execute("kill -9 $$"))
print(os.execute("true"))
print(os.execute("false"))
print(pcall(os.execute, {}))

-- tmpname, rename, remove
local a = os.tmpname()
print(type(a), a:match("^/tmp/lua_") ~= nil)
local f = io.open(a, "r")
print(f ~= nil)       -- tmpname creates the file
f:close()
local b = a .. ".renamed"
print(os.rename(a, b))
print(io.open(a) == nil)
print(os.remove(b))
local r1, r2, r3 = os.remove(b)
print(r1, r2 == b .. ": No such file or directory", r3)
local n1, n2, n3 = os.rename(a, b)
print(n1, n2 == a .. ": No such file or directory", n3)
print(pcall(os.remove))
print(pcall(os.rename, "x"))
-- removing a directory that is not empty fails
local d1, d2, d3 = os.remove("/")
print(d1, type(d2), math.type(d3))

-- setlocale
print(os.setlocale())
print(os.setlocale(nil, "all"))
print(os.setlocale("C"))
print(os.setlocale("C", "numeric"))
for _, cat in ipairs({"all", "collate", "ctype", "monetary", "numeric", "time"}) do
  print(cat, os.setlocale(nil, cat))
end
print(os.setlocale("no-such-locale-here"))
print(os.setlocale(""))
print(pcall(os.setlocale, "C", "bogus"))
print(pcall(os.setlocale, {}, "all"))
print(os.setlocale("C"))
