-- LUA_INIT_5_4 runs before the script (LUA_INIT is then ignored).
print("script sees", INIT_RAN)
