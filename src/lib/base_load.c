/*
 * base_load.c - load, loadfile and dofile of the basic library.
 *
 * They are thin layers over lua_load and luaL_loadfilex: the core checks
 * the mode ("attempt to load a text chunk (mode is 'b')") and parses; this
 * file supplies the reader for the function form of load, installs the
 * optional environment as the chunk's first upvalue and turns failures
 * into the fail, message pair.
 */
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "lib/base_load.h"


/*
 * The function form of load keeps the piece most recently returned by the
 * reader in this stack slot, so the string stays alive (and its bytes
 * valid) while the core parses it.  It must be above every argument.
 */
#define BASE_LOAD_PIECE_SLOT 5

static const char *base_load_reader(lua_State *L, void *unused, size_t *size)
{
	(void)unused;
	luaL_checkstack(L, 2, "too many nested functions");
	lua_pushvalue(L, 1);
	lua_call(L, 0, 1);
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		*size = 0;
		return NULL;
	}
	if (!lua_isstring(L, -1))
		luaL_error(L, "reader function must return a string");
	lua_replace(L, BASE_LOAD_PIECE_SLOT);
	return lua_tolstring(L, BASE_LOAD_PIECE_SLOT, size);
}

/* Leaves the loaded function (with 'env_index' as its first upvalue when
 * non-zero) or fail and the message. */
static int base_load_result(lua_State *L, int status, int env_index)
{
	if (status != LUA_OK) {
		luaL_pushfail(L);
		lua_insert(L, -2);
		return 2;
	}
	if (env_index != 0) {
		lua_pushvalue(L, env_index);
		/* A chunk without upvalues simply ignores the environment. */
		if (!lua_setupvalue(L, -2, 1))
			lua_pop(L, 1);
	}
	return 1;
}

int base_load_load(lua_State *L)
{
	size_t len;
	const char *text = lua_tolstring(L, 1, &len);
	const char *mode = luaL_optstring(L, 3, "bt");
	int env_index = lua_isnone(L, 4) ? 0 : 4;
	int status;
	if (text != NULL) {
		const char *chunkname = luaL_optstring(L, 2, text);
		status = luaL_loadbufferx(L, text, len, chunkname, mode);
	} else {
		const char *chunkname = luaL_optstring(L, 2, "=(load)");
		luaL_checktype(L, 1, LUA_TFUNCTION);
		lua_settop(L, BASE_LOAD_PIECE_SLOT);
		status = lua_load(L, base_load_reader, NULL, chunkname, mode);
	}
	return base_load_result(L, status, env_index);
}

int base_load_loadfile(lua_State *L)
{
	const char *filename = luaL_optstring(L, 1, NULL);
	const char *mode = luaL_optstring(L, 2, NULL);
	int env_index = lua_isnone(L, 3) ? 0 : 3;
	int status = luaL_loadfilex(L, filename, mode);
	return base_load_result(L, status, env_index);
}

/* Continuation of dofile: every value above the file name is a result. */
static int base_load_dofile_finish(lua_State *L, int status, lua_KContext ctx)
{
	(void)status;
	(void)ctx;
	return lua_gettop(L) - 1;
}

int base_load_dofile(lua_State *L)
{
	const char *filename = luaL_optstring(L, 1, NULL);
	lua_settop(L, 1);
	if (luaL_loadfile(L, filename) != LUA_OK)
		return lua_error(L);
	lua_callk(L, 0, LUA_MULTRET, 0, base_load_dofile_finish);
	return base_load_dofile_finish(L, LUA_OK, 0);
}
