-- SIGINT interrupts running Lua code with an "interrupted!" error.  The
-- engine under test runs as a child (see interrupt.env); the signal is sent
-- only once the child's code runs, so the test does not depend on timing.
local engine = os.getenv("ENGINE")
local script = [[
out=$(mktemp)
"$ENGINE" -e 'print("ready"); local n = 0; while true do n = n + 1 end' > "$out" 2>&1 &
pid=$!
tries=0
while ! grep -q ready "$out" && [ $tries -lt 600 ]; do sleep 0.05; tries=$((tries + 1)); done
kill -INT $pid
wait $pid
echo "exit status $?"
cat "$out"
rm -f "$out"
]]
local p = io.popen(script)
io.write(p:read("a"))
p:close()
