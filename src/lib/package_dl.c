/*
 * package_dl.c - dynamic libraries for require and package.loadlib,
 * through dlopen and dlsym.
 *
 * Each library is opened once per state.  The registry table under
 * PACKAGE_DL_TABLE_KEY maps a library's path to its handle (so a second
 * require of another module in the same file reuses it) and also lists
 * the handles in load order; its __gc closes them in reverse order when
 * the state closes, after every object that might still use their code.
 */
#include <dlfcn.h>

#include "lua.h"
#include "lauxlib.h"

#include "lib/package_dl.h"


#define PACKAGE_DL_TABLE_KEY "_CLIBS"

/* Name of the failing step in loadlib's third result. */
#define PACKAGE_DL_STEP_OPEN "open"
#define PACKAGE_DL_STEP_INIT "init"


static int package_dl_unload_all(lua_State *L)
{
	lua_Integer n = luaL_len(L, 1);
	for (; n >= 1; n--) {
		lua_rawgeti(L, 1, n);
		dlclose(lua_touserdata(L, -1));
		lua_pop(L, 1);
	}
	return 0;
}

void package_dl_create_library_table(lua_State *L)
{
	luaL_getsubtable(L, LUA_REGISTRYINDEX, PACKAGE_DL_TABLE_KEY);
	lua_createtable(L, 0, 1);
	lua_pushcfunction(L, package_dl_unload_all);
	lua_setfield(L, -2, "__gc");
	lua_setmetatable(L, -2);
	lua_pop(L, 1);
}

/* The handle already loaded from 'path', or NULL. */
static void *package_dl_loaded_handle(lua_State *L, const char *path)
{
	lua_getfield(L, LUA_REGISTRYINDEX, PACKAGE_DL_TABLE_KEY);
	lua_getfield(L, -1, path);
	void *handle = lua_touserdata(L, -1);
	lua_pop(L, 2);
	return handle;
}

static void package_dl_remember_handle(lua_State *L, const char *path,
				       void *handle)
{
	lua_getfield(L, LUA_REGISTRYINDEX, PACKAGE_DL_TABLE_KEY);
	lua_pushlightuserdata(L, handle);
	lua_pushvalue(L, -1);
	lua_setfield(L, -3, path);
	lua_rawseti(L, -2, luaL_len(L, -2) + 1);
	lua_pop(L, 1);
}

int package_dl_find_function(lua_State *L, const char *path,
			     const char *symbol)
{
	int only_load = *symbol == '*';
	void *handle = package_dl_loaded_handle(L, path);
	if (handle == NULL) {
		/* RTLD_GLOBAL for "*": the point of loading a library without
		 * a function is to provide symbols to libraries loaded later. */
		handle = dlopen(path, RTLD_NOW | (only_load ? RTLD_GLOBAL
							     : RTLD_LOCAL));
		if (handle == NULL) {
			lua_pushstring(L, dlerror());
			return PACKAGE_DL_NO_LIBRARY;
		}
		package_dl_remember_handle(L, path, handle);
	}
	if (only_load) {
		lua_pushboolean(L, 1);
		return 0;
	}
	/* dlsym returns an object pointer; POSIX guarantees that it can be
	 * converted to a function pointer. */
	lua_CFunction function;
	*(void **)&function = dlsym(handle, symbol);
	if (function == NULL) {
		lua_pushstring(L, dlerror());
		return PACKAGE_DL_NO_FUNCTION;
	}
	lua_pushcfunction(L, function);
	return 0;
}

int package_dl_loadlib(lua_State *L)
{
	const char *path = luaL_checkstring(L, 1);
	const char *symbol = luaL_checkstring(L, 2);
	int failure = package_dl_find_function(L, path, symbol);
	if (failure == 0)
		return 1;
	luaL_pushfail(L);
	lua_insert(L, -2);
	lua_pushstring(L, failure == PACKAGE_DL_NO_LIBRARY ? PACKAGE_DL_STEP_OPEN
							   : PACKAGE_DL_STEP_INIT);
	return 3;
}
