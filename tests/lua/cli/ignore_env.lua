-- -E ignores LUA_INIT and the LUA_PATH / LUA_CPATH variables.
print(INIT_RAN)
print(package.path:find("ignored", 1, true))
print(package.cpath:find("ignored", 1, true))
print(debug.getregistry().LUA_NOENV)
