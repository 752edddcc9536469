-- A syntax error in LUA_INIT, reported with its chunk name.
print("not reached")
