-- luaL_loadfilex: a UTF-8 BOM and a '#' first line are skipped (line
-- numbers kept), a partial BOM is not, open/read errors and modes.
local path = os.tmpname()
local function clean(msg)
  return (tostring(msg):gsub(path:gsub("%p", "%%%0"), "TMP"))
end
local function with_file(bytes, mode)
  local f = assert(io.open(path, "wb"))
  f:write(bytes)
  f:close()
  local fn, err = loadfile(path, mode)
  if not fn then
    print("load error:", clean(err))
  else
    local ok, res = pcall(fn)
    print("ran:", ok, clean(res))
  end
end

with_file("\xEF\xBB\xBFreturn debug.getinfo(1, 'l').currentline")
with_file("#!/usr/bin/lua\nreturn debug.getinfo(1, 'l').currentline")
with_file("\xEF\xBB\xBF#!/usr/bin/lua\n\nreturn debug.getinfo(1, 'l').currentline")
with_file("#!/usr/bin/lua\nerror('on line two')")
with_file("# only a comment")
with_file("")
with_file("\xEF\xBBreturn 1")
with_file("\xEF#x\nreturn 1")
with_file("return 1", "b")
with_file("#!shebang\nreturn 'text'", "t")
with_file("#!shebang\n" .. string.dump(function() return "binary after #" end))
with_file(string.dump(function() return "binary" end), "t")
with_file(string.dump(function() return "binary stripped" end, true), "b")
with_file("x = = 1")
os.remove(path)

print(select(2, loadfile("/nonexistent/dir/file.lua")))
print(select(2, loadfile("/")))
print(pcall(dofile, "/"))
print(load("return 1", "x", "b"))
print(load("x=", "=name"))
print(load("x=", "@file.lua"))
print(load("x="))
print(load("x=\n\n", "a very long chunk name ........................................ end"))
