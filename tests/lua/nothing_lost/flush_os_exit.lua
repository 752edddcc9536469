-- os.exit(status) flushes buffered standard output before leaving, with
-- the given exit status, and nothing after it runs.
io.stdout:setvbuf("full")
io.write("buffered before os.exit, ")
print("and a printed line")
io.write("no newline at the end")
os.exit(3)
print("never printed")
