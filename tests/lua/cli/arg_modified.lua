-- The script's varargs come from arg as LUA_INIT left it.
print(...)
