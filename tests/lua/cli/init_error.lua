-- An error in LUA_INIT stops the program before the script.
print("not reached")
