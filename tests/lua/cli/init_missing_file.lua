-- LUA_INIT=@file with a file that does not exist.
print("not reached")
