-- LUA_PATH_5_4 with two ";;" and LUA_CPATH_5_4 made of ";;;;" (see env_path_multi.env).
print(package.path)
print(package.cpath)
