/*
 * aux_error.c - raising errors with a position, and the standard results
 * of functions that wrap C library calls (luaL_fileresult/execresult).
 *
 * luaL_error prefixes "chunk:line:" of the Lua code that called the
 * running C function, so a library error points at the user's line.
 * The file and exec results follow the library convention: true on
 * success, or fail plus a message and a code.
 */
#include <errno.h>
#include <string.h>
#include <sys/wait.h>

#include "lua.h"
#include "lauxlib.h"


/* ===================================================================
 * Raising errors
 * =================================================================== */

LUALIB_API void luaL_where(lua_State *L, int level)
{
	lua_Debug ar;
	if (lua_getstack(L, level, &ar)) {
		lua_getinfo(L, "Sl", &ar);
		if (ar.currentline > 0) {	/* only Lua code has lines */
			lua_pushfstring(L, "%s:%d: ", ar.short_src,
					ar.currentline);
			return;
		}
	}
	lua_pushliteral(L, "");
}

LUALIB_API int luaL_error(lua_State *L, const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	luaL_where(L, 1);
	lua_pushvfstring(L, fmt, args);
	va_end(args);
	lua_concat(L, 2);
	return lua_error(L);
}


/* ===================================================================
 * Results of C library calls
 * =================================================================== */

LUALIB_API int luaL_fileresult(lua_State *L, int stat, const char *fname)
{
	int err = errno;	/* before any call below can change it */
	if (stat) {
		lua_pushboolean(L, 1);
		return 1;
	}
	luaL_pushfail(L);
	if (fname != NULL)
		lua_pushfstring(L, "%s: %s", fname, strerror(err));
	else
		lua_pushstring(L, strerror(err));
	lua_pushinteger(L, err);
	return 3;
}

/*
 * stat is what system() or pclose() returned.  A failure to run the
 * command at all shows up as errno; otherwise the result says how the
 * process ended: ("exit", code) or ("signal", number).
 */
LUALIB_API int luaL_execresult(lua_State *L, int stat)
{
	if (stat != 0 && errno != 0)
		return luaL_fileresult(L, 0, NULL);
	const char *how = "exit";
	if (stat != -1) {
		if (WIFEXITED(stat)) {
			stat = WEXITSTATUS(stat);
		} else if (WIFSIGNALED(stat)) {
			stat = WTERMSIG(stat);
			how = "signal";
		}
	}
	if (how[0] == 'e' && stat == 0)
		lua_pushboolean(L, 1);
	else
		luaL_pushfail(L);
	lua_pushstring(L, how);
	lua_pushinteger(L, stat);
	return 3;
}
