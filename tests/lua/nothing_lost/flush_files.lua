-- Files written without being closed or flushed keep their data when the
-- program ends: by reaching the end of the script, by os.exit (with and
-- without closing the state), and by an uncaught error. Each way runs in
-- a child process (the engine under test, from $ENGINE); the parent then
-- reads the file back.
local engine = assert(os.getenv("ENGINE"), "ENGINE not set (flush_files.env)")
local child = os.tmpname()
local out = os.tmpname()
local f = assert(io.open(child, "w"))
f:write([[
local path, how = ...
local f = assert(io.open(path, "w"))
f:setvbuf("full")
f:write("data written by ", how)
io.output(path .. ".default")
io.write("through io.write, ", how)
if how == "os.exit" then os.exit(0) end
if how == "os.exit-close" then os.exit(0, true) end
if how == "os.exit-false" then os.exit(false) end
if how == "error" then error("child fails") end
]])
f:close()
for _, how in ipairs({"end", "os.exit", "os.exit-close", "os.exit-false", "error"}) do
  local ok, kind, code = os.execute(string.format("%s %s %s %s 2>/dev/null", engine, child, out, how))
  local r1 = io.open(out):read("a")
  local r2 = io.open(out .. ".default"):read("a")
  print(how, ok, kind, code, r1, r2)
  os.remove(out .. ".default")
end
os.remove(child)
os.remove(out)
