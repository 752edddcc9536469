-- -v prints the banner only: no script, no stdin reading, no REPL.  The
-- banner differs between engines, so the child's output is checked only
-- for its shape.
local engine = os.getenv("ENGINE")
local p = io.popen("echo 'print(\"stdin ran\")' | " .. engine .. " -v 2>&1")
local out = p:read("a")
print(select(2, out:gsub("\n", "\n")), out:find("stdin ran", 1, true))
p:close()
p = io.popen("echo 'print(\"stdin ran\")' | " .. engine .. " -v - 2>&1")
out = p:read("a")
print(select(2, out:gsub("\n", "\n")), out:match("\n(.*)"))
p:close()
