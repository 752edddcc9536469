-- os.exit(true) flushes output and exits with status 0.
io.write("buffered ")
print("before exit")
os.exit(true)
print("not reached")
