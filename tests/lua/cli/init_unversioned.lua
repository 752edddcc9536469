-- LUA_INIT is used when LUA_INIT_5_4 is absent.
print("script sees", INIT_RAN)
