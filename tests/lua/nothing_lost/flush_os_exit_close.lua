-- os.exit(true, true) closes the state before exiting: pending
-- to-be-closed variables and finalizers run, and everything they and the
-- script wrote, buffered, reaches stdout; the status is EXIT_SUCCESS.
io.stdout:setvbuf("full")
setmetatable({}, {__gc = function() io.write("[__gc ran]\n") end})
do
  local guard <close> = setmetatable({}, {__close = function() io.write("[__close ran]\n") end})
  io.write("body, buffered\n")
  os.exit(true, true)
end
