-- LUA_INIT=@file runs a file.
print("script sees", INIT_FILE_RAN)
