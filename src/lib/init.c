/*
 * init.c - luaL_openlibs: opens every standard library into a state.
 *
 * The order matters: the base library comes first (its table is the global
 * table, recorded as package.loaded._G), and `package` right after it so
 * that package.loaded exists before the other libraries are recorded.
 */
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

/* X(name in package.loaded and _G, opening function), in opening order. */
#define STANDARD_LIBRARIES(X) \
	X(LUA_GNAME, luaopen_base) \
	X(LUA_LOADLIBNAME, luaopen_package) \
	X(LUA_COLIBNAME, luaopen_coroutine) \
	X(LUA_TABLIBNAME, luaopen_table) \
	X(LUA_IOLIBNAME, luaopen_io) \
	X(LUA_OSLIBNAME, luaopen_os) \
	X(LUA_STRLIBNAME, luaopen_string) \
	X(LUA_MATHLIBNAME, luaopen_math) \
	X(LUA_UTF8LIBNAME, luaopen_utf8) \
	X(LUA_DBLIBNAME, luaopen_debug)

LUALIB_API void luaL_openlibs(lua_State *L)
{
#define OPEN_LIBRARY(name, open) \
	luaL_requiref(L, name, open, 1); \
	lua_pop(L, 1);

	STANDARD_LIBRARIES(OPEN_LIBRARY)

#undef OPEN_LIBRARY
}
