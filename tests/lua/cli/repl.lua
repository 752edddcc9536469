-- The interactive loop (-i) fed from a file: expressions, statements,
-- continuation lines, errors, prompts.  The engine runs as a child so the
-- version banner, which differs between engines, can be set aside.
local engine = os.getenv("ENGINE")
local function run(options, input_file)
  local p = io.popen(engine .. " " .. options .. " < " .. input_file .. " 2>&1")
  local out = p:read("a")
  local ok, how, code = p:close()
  out = out:gsub("^[^\n]*\n", "(banner)\n", 1)
  io.write(out)
  print("==> exit", how, code)
end
run("-i", "repl_input1.txt")
run("-i", "repl_input2.txt")
run("-i", "repl_input3.txt")
run("-i repl_script.txt", "repl_input4.txt")
run("-e 'x = 5' -i", "repl_input4.txt")
