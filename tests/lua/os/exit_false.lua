-- os.exit(false) exits with status 1; pending output is flushed.
io.write("unflushed output")
os.exit(false)
