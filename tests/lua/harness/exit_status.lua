-- A non-zero exit status requested by the script, after flushing output.
io.write("written before exit\n")
io.stderr:write("to stderr\n")
os.exit(3)
