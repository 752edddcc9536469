-- debug.debug reads commands from stdin until "cont".
print("before")
debug.debug()
print("after")
print(io.read("l"))
debug.debug()   -- end of input also returns
print("end")
