-- LUA_PATH_5_4 / LUA_PATH / LUA_CPATH_5_4 / LUA_CPATH (see env_path.env).
print(package.path)
print(package.cpath)
