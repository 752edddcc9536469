-- load, loadfile and dofile.

-- text chunks
print(load("return 1 + 1")())
print(load("return ...", "varargs")(1, 2, 3))
local f, err = load("return +")
print(f, err)
print(load("syntax error here", "=mychunk"))
print(load("x = ", "@file.lua"))
print(type(load("error('e')", "=named")))
print(pcall(load("error('e')", "=named")))
print(pcall(load("error('e')")))
print(pcall(load("error('e')", "a long chunk name that goes on and on and on and on and on and on")))
print(pcall(load("\n\nerror('line 3')")))
print(pcall(load("error('multi')\n-- second line")))

-- modes
local dumped = string.dump(function(a) return "dumped", a end)
print(load(dumped)("x"))
print(load(dumped, "bin", "b")("y"))
print(load(dumped, "bin", "t"))
print(load("return 1", "txt", "b"))
print(load("return 1", "txt", "t")())
print(load("return 1", "txt", "bt")())
print(pcall(load, "return 1", "txt", "x"))
print(load(dumped, "=bin", "tb")("z"))

-- environment as first upvalue
local env = {y = 5}
local g = load("y = y + 1; return y", "env", "t", env)
print(g(), env.y, y)
print(type(load("return x", "nil env", "t", nil))) -- a nil env is still an env
print(pcall(load("return x", "nil env", "t", nil)))
print(load("local a = 1; return a", "=c", "t", {})())
-- a function with no upvalues ignores env
local noup = string.dump(function() return 7 end)
print(load(noup, "noup", "b", {})())

-- reader functions
local pieces = {"return ", "'from", " reader'"}
local i = 0
print(load(function() i = i + 1; return pieces[i] end)())
i = 0
print(load(function() i = i + 1; return pieces[i] end, "=reader")())
print(type(load(function() return nil end)))
print(pcall(load(function() return nil end)))
print(type(load(function() return "" end)))
local gave = false
print(load(function() if gave then return nil end gave = true; return 42 end))
gave = false
print(select('#', load(function() if gave then return nil end gave = true; return "return " end)()))
print(load(function() return {} end))
local once = false
print(load(function() if once then return nil end once = true; return "return 'x" end))
print(load(function() error("reader failed") end))
print(pcall(load))
print(pcall(load, 42))
print(type(select(2, pcall(load, "return 42", 42))))
print(pcall(load("return 42", 42)))
print(pcall(load, "return 1", {}))
-- reader returning binary pieces
local pos = 0
print(load(function()
  if pos >= #dumped then return nil end
  pos = pos + 3
  return dumped:sub(pos - 2, pos)
end)("pieces"))

-- loadfile / dofile, with a temporary file
local name = os.tmpname()
local file = assert(io.open(name, "w"))
file:write("local a, b = ...\nreturn (a or 1) * 10, b, x\n")
file:close()
print(loadfile(name)(4, "second"))
print(loadfile(name, "t")())
print(select(2, loadfile(name, "b")) ~= nil)
print(loadfile(name, "bt", {x = "env x"})())
print(dofile(name))
file = assert(io.open(name, "w"))
file:write("#!/usr/bin/lua shebang line\nreturn 'after shebang'\n")
file:close()
print(dofile(name))
file = assert(io.open(name, "w"))
file:write("error('from dofile')")
file:close()
local ok, msg = pcall(dofile, name)
print(ok, (msg:gsub("^.-:", "FILE:")))
file = assert(io.open(name, "wb"))
file:write(dumped)
file:close()
print(loadfile(name)("binary file"))
print(dofile(name))
print(select(2, loadfile(name, "t")) ~= nil)
os.remove(name)
local f2, e2 = loadfile(name)
print(f2, (e2:gsub("lua_%w+", "XXXX")))
local ok2, e3 = pcall(dofile, name)
print(ok2, (e3:gsub("lua_%w+", "XXXX")))
print(pcall(loadfile, {}))
