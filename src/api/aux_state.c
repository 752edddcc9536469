/*
 * aux_state.c - creating states with the standard allocator (gc/pool.c), panic and
 * warning handlers, and the helpers modules use to register themselves
 * (luaL_setfuncs, luaL_getsubtable, luaL_requiref, luaL_checkversion_).
 */
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "gc/pool.h"


/* ===================================================================
 * Allocator and panic handler of luaL_newstate
 * =================================================================== */

/* Called for an error outside any protected call; the state then aborts. */
static int state_panic(lua_State *L)
{
	const char *msg = lua_tostring(L, -1);
	if (msg == NULL)
		msg = "error object is not a string";
	lua_writestringerror("PANIC: unprotected error in call to Lua API (%s)\n",
			     msg);
	return 0;
}


/* ===================================================================
 * Warnings
 *
 * Warnings go to stderr as "Lua warning: <pieces>\n" and start switched
 * off.  The handler is a three-state machine, each state one function
 * (the state's warning function is replaced on every transition):
 *   off       - only listens for control messages
 *   on        - prints a new message, or obeys a control message
 *   continued - in the middle of a multi-piece message
 * A control message is a single-piece message starting with '@'; "@on"
 * and "@off" switch the output, any other is ignored.
 * =================================================================== */

static void warn_off(void *ud, const char *msg, int tocont);
static void warn_on(void *ud, const char *msg, int tocont);
static void warn_continued(void *ud, const char *msg, int tocont);

/* Handles msg if it is a control message; returns whether it was. */
static int warn_control(lua_State *L, const char *msg, int tocont)
{
	if (tocont || msg[0] != '@')
		return 0;
	if (strcmp(msg + 1, "off") == 0)
		lua_setwarnf(L, warn_off, L);
	else if (strcmp(msg + 1, "on") == 0)
		lua_setwarnf(L, warn_on, L);
	return 1;
}

static void warn_off(void *ud, const char *msg, int tocont)
{
	warn_control((lua_State *)ud, msg, tocont);
}

static void warn_continued(void *ud, const char *msg, int tocont)
{
	lua_State *L = (lua_State *)ud;
	lua_writestringerror("%s", msg);
	if (tocont) {
		lua_setwarnf(L, warn_continued, L);
	} else {
		lua_writestringerror("%s", "\n");
		lua_setwarnf(L, warn_on, L);
	}
}

static void warn_on(void *ud, const char *msg, int tocont)
{
	if (warn_control((lua_State *)ud, msg, tocont))
		return;
	lua_writestringerror("%s", "Lua warning: ");
	warn_continued(ud, msg, tocont);
}

/*
 * The allocator is a pool of size classes over malloc (gc/pool.h): one
 * per state, freed with the state's last block at lua_close.
 */
LUALIB_API lua_State *luaL_newstate(void)
{
	Pool *pool = pool_new();
	if (pool == NULL)
		return NULL;
	lua_State *L = lua_newstate(pool_alloc, pool);
	if (L == NULL) {
		pool_delete(pool);
		return NULL;
	}
	pool_arm(pool);
	lua_atpanic(L, state_panic);
	lua_setwarnf(L, warn_off, L);
	return L;
}


/* ===================================================================
 * Module registration
 * =================================================================== */

LUALIB_API void luaL_checkversion_(lua_State *L, lua_Number ver, size_t sz)
{
	lua_Number core = lua_version(L);
	if (sz != LUAL_NUMSIZES)
		luaL_error(L, "core and library have incompatible numeric types");
	else if (core != ver)
		luaL_error(L, "version mismatch: app. needs %f, Lua core provides %f",
			   (LUAI_UACNUMBER)ver, (LUAI_UACNUMBER)core);
}

/*
 * Sets the functions of l into the table below the nup upvalues on top of
 * the stack, each closure sharing those upvalues; pops the upvalues.  An
 * entry with a NULL function reserves its field with the value false.
 */
LUALIB_API void luaL_setfuncs(lua_State *L, const luaL_Reg *l, int nup)
{
	luaL_checkstack(L, nup, "too many upvalues");
	for (; l->name != NULL; l++) {
		if (l->func == NULL) {
			lua_pushboolean(L, 0);
		} else {
			for (int i = 0; i < nup; i++)
				lua_pushvalue(L, -nup);
			lua_pushcclosure(L, l->func, nup);
		}
		lua_setfield(L, -(nup + 2), l->name);
	}
	lua_pop(L, nup);
}

/* Pushes t[fname] for the table t at idx, creating it if it is no table. */
LUALIB_API int luaL_getsubtable(lua_State *L, int idx, const char *fname)
{
	if (lua_getfield(L, idx, fname) == LUA_TTABLE)
		return 1;
	lua_pop(L, 1);
	idx = lua_absindex(L, idx);
	lua_newtable(L);
	lua_pushvalue(L, -1);
	lua_setfield(L, idx, fname);
	return 0;
}

/*
 * Like `require` for a module linked into the program: opens it with
 * openf unless package.loaded already has it, records it there, and
 * optionally makes it a global.  Leaves the module on the stack.
 */
LUALIB_API void luaL_requiref(lua_State *L, const char *modname,
			      lua_CFunction openf, int glb)
{
	luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
	lua_getfield(L, -1, modname);
	if (!lua_toboolean(L, -1)) {
		lua_pop(L, 1);
		lua_pushcfunction(L, openf);
		lua_pushstring(L, modname);
		lua_call(L, 1, 1);
		lua_pushvalue(L, -1);
		lua_setfield(L, -3, modname);
	}
	lua_remove(L, -2);	/* the loaded table */
	if (glb) {
		lua_pushvalue(L, -1);
		lua_setglobal(L, modname);
	}
}


/* ===================================================================
 * Length
 * =================================================================== */

/* The length of the value at idx as `#` computes it; must be an integer. */
LUALIB_API lua_Integer luaL_len(lua_State *L, int idx)
{
	int ok;
	lua_len(L, idx);
	lua_Integer len = lua_tointegerx(L, -1, &ok);
	if (!ok)
		luaL_error(L, "object length is not an integer");
	lua_pop(L, 1);
	return len;
}
