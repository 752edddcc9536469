-- Engine options with bad values are unrecognized options, as in lua5.4
-- (which has no engine options at all).  The engine runs as a child so
-- several cases fit in one test.
local engine = os.getenv("ENGINE")
for _, option in ipairs({"--jit=bogus", "--jit", "--jit=", "--jit-threshold=x", "--jit-threshold=-1",
                         "--jit-threshold", "--print-bytecode=1", "--trace-ic=yes", "--trace",
                         "---", "--=off"}) do
  local p = io.popen(engine .. " " .. option .. " -e 'print(1)' 2>&1")
  print((p:read("a"):match("[^\n]*")))
  print(p:close())
end
