/*
 * debug_lib.c - the debug library (luaopen_debug): introspection of
 * stacks, locals, upvalues and metatables through lua_getinfo and
 * friends, the hook functions, tracebacks and the debug.debug console.
 *
 * Most functions take an optional thread as first argument; 'arg' below
 * is then 1 and every later argument shifts by one.  Values are moved
 * between that thread's stack and ours with lua_xmove.
 */
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"


/* Registry key of the table mapping each thread to its Lua hook
 * function; its keys are weak so a hooked thread can still be collected. */
#define DBLIB_HOOK_TABLE_KEY "_HOOKKEY"

/* Longest command line debug.debug reads at once. */
#define DBLIB_CONSOLE_LINE_MAX 250


/* ===================================================================
 * Helpers
 * =================================================================== */

/* Ensures room for 'n' values on L1 when it is another thread. */
static void dblib_check_stack(lua_State *L, lua_State *L1, int n)
{
	if (L != L1 && !lua_checkstack(L1, n))
		luaL_error(L, "stack overflow");
}

/* The thread argument, if given: sets *arg to 1 then, to 0 otherwise. */
static lua_State *dblib_thread_arg(lua_State *L, int *arg)
{
	if (lua_isthread(L, 1)) {
		*arg = 1;
		return lua_tothread(L, 1);
	}
	*arg = 0;
	return L;
}

static void dblib_set_string(lua_State *L, const char *key, const char *value)
{
	lua_pushstring(L, value);
	lua_setfield(L, -2, key);
}

static void dblib_set_integer(lua_State *L, const char *key, int value)
{
	lua_pushinteger(L, value);
	lua_setfield(L, -2, key);
}

static void dblib_set_boolean(lua_State *L, const char *key, int value)
{
	lua_pushboolean(L, value);
	lua_setfield(L, -2, key);
}


/* ===================================================================
 * Metatables, user values and the registry
 * =================================================================== */

static int dblib_getregistry(lua_State *L)
{
	lua_pushvalue(L, LUA_REGISTRYINDEX);
	return 1;
}

static int dblib_getmetatable(lua_State *L)
{
	luaL_checkany(L, 1);
	if (!lua_getmetatable(L, 1))
		lua_pushnil(L);
	return 1;
}

static int dblib_setmetatable(lua_State *L)
{
	int type = lua_type(L, 2);
	luaL_argexpected(L, type == LUA_TNIL || type == LUA_TTABLE, 2,
			 "nil or table");
	lua_settop(L, 2);
	lua_setmetatable(L, 1);
	return 1;
}

static int dblib_getuservalue(lua_State *L)
{
	int n = (int)luaL_optinteger(L, 2, 1);
	if (lua_type(L, 1) != LUA_TUSERDATA) {
		luaL_pushfail(L);
		return 1;
	}
	if (lua_getiuservalue(L, 1, n) == LUA_TNONE)
		return 1;	/* no such user value: nil alone */
	lua_pushboolean(L, 1);
	return 2;
}

static int dblib_setuservalue(lua_State *L)
{
	int n = (int)luaL_optinteger(L, 3, 1);
	luaL_checktype(L, 1, LUA_TUSERDATA);
	luaL_checkany(L, 2);
	lua_settop(L, 2);
	if (!lua_setiuservalue(L, 1, n))
		luaL_pushfail(L);
	return 1;
}


/* ===================================================================
 * getinfo
 * =================================================================== */

/* Stores the value lua_getinfo left on L1's stack (for 'L' or 'f') into
 * the result table, which is on top of L. */
static void dblib_store_pushed_value(lua_State *L, lua_State *L1,
				     const char *key)
{
	if (L == L1)
		lua_rotate(L, -2, 1);	/* the value is under the table */
	else
		lua_xmove(L1, L, 1);
	lua_setfield(L, -2, key);
}

static int dblib_getinfo(lua_State *L)
{
	lua_Debug info;
	int arg;
	lua_State *L1 = dblib_thread_arg(L, &arg);
	const char *options = luaL_optstring(L, arg + 2, "flnSrtu");
	dblib_check_stack(L, L1, 3);
	luaL_argcheck(L, options[0] != '>', arg + 2, "invalid option '>'");
	if (lua_isfunction(L, arg + 1)) {
		/* lua_getinfo's '>' form takes the function from the stack. */
		options = lua_pushfstring(L, ">%s", options);
		lua_pushvalue(L, arg + 1);
		lua_xmove(L, L1, 1);
	} else if (!lua_getstack(L1, (int)luaL_checkinteger(L, arg + 1), &info)) {
		luaL_pushfail(L);
		return 1;
	}
	if (!lua_getinfo(L1, options, &info))
		return luaL_argerror(L, arg + 2, "invalid option");
	lua_newtable(L);
	if (strchr(options, 'S')) {
		lua_pushlstring(L, info.source, info.srclen);
		lua_setfield(L, -2, "source");
		dblib_set_string(L, "short_src", info.short_src);
		dblib_set_integer(L, "linedefined", info.linedefined);
		dblib_set_integer(L, "lastlinedefined", info.lastlinedefined);
		dblib_set_string(L, "what", info.what);
	}
	if (strchr(options, 'l'))
		dblib_set_integer(L, "currentline", info.currentline);
	if (strchr(options, 'u')) {
		dblib_set_integer(L, "nups", info.nups);
		dblib_set_integer(L, "nparams", info.nparams);
		dblib_set_boolean(L, "isvararg", info.isvararg);
	}
	if (strchr(options, 'n')) {
		dblib_set_string(L, "name", info.name);
		dblib_set_string(L, "namewhat", info.namewhat);
	}
	if (strchr(options, 'r')) {
		dblib_set_integer(L, "ftransfer", info.ftransfer);
		dblib_set_integer(L, "ntransfer", info.ntransfer);
	}
	if (strchr(options, 't'))
		dblib_set_boolean(L, "istailcall", info.istailcall);
	/* 'L' pushed its table before 'f' pushed the function, so take
	 * them off the stack in the opposite order. */
	if (strchr(options, 'L'))
		dblib_store_pushed_value(L, L1, "activelines");
	if (strchr(options, 'f'))
		dblib_store_pushed_value(L, L1, "func");
	return 1;
}


/* ===================================================================
 * Locals and upvalues
 * =================================================================== */

static int dblib_getlocal(lua_State *L)
{
	int arg;
	lua_State *L1 = dblib_thread_arg(L, &arg);
	int n = (int)luaL_checkinteger(L, arg + 2);
	if (lua_isfunction(L, arg + 1)) {
		/* Parameters of a function that is not running: names only. */
		lua_pushvalue(L, arg + 1);
		lua_pushstring(L, lua_getlocal(L, NULL, n));
		return 1;
	}
	lua_Debug frame;
	int level = (int)luaL_checkinteger(L, arg + 1);
	if (!lua_getstack(L1, level, &frame))
		return luaL_argerror(L, arg + 1, "level out of range");
	dblib_check_stack(L, L1, 1);
	const char *name = lua_getlocal(L1, &frame, n);
	if (name == NULL) {
		luaL_pushfail(L);
		return 1;
	}
	lua_xmove(L1, L, 1);
	lua_pushstring(L, name);
	lua_rotate(L, -2, 1);
	return 2;
}

static int dblib_setlocal(lua_State *L)
{
	int arg;
	lua_State *L1 = dblib_thread_arg(L, &arg);
	lua_Debug frame;
	int level = (int)luaL_checkinteger(L, arg + 1);
	int n = (int)luaL_checkinteger(L, arg + 2);
	if (!lua_getstack(L1, level, &frame))
		return luaL_argerror(L, arg + 1, "level out of range");
	luaL_checkany(L, arg + 3);
	lua_settop(L, arg + 3);
	dblib_check_stack(L, L1, 1);
	lua_xmove(L, L1, 1);
	const char *name = lua_setlocal(L1, &frame, n);
	if (name == NULL)
		lua_pop(L1, 1);	/* lua_setlocal pops only on success */
	lua_pushstring(L, name);
	return 1;
}

/* getupvalue (get = 1) and setupvalue (get = 0): the name, plus the
 * value for get; nothing at all for an invalid index. */
static int dblib_access_upvalue(lua_State *L, int get)
{
	int n = (int)luaL_checkinteger(L, 2);
	luaL_checktype(L, 1, LUA_TFUNCTION);
	const char *name = get ? lua_getupvalue(L, 1, n) : lua_setupvalue(L, 1, n);
	if (name == NULL)
		return 0;
	lua_pushstring(L, name);
	lua_insert(L, -(get + 1));
	return get + 1;
}

static int dblib_getupvalue(lua_State *L)
{
	return dblib_access_upvalue(L, 1);
}

static int dblib_setupvalue(lua_State *L)
{
	luaL_checkany(L, 3);
	return dblib_access_upvalue(L, 0);
}

/* The identity of upvalue number (value at argnup) of the function at
 * argf, or NULL.  With 'checked_index' the index must be valid and is
 * stored there. */
static void *dblib_upvalue_identity(lua_State *L, int argf, int argnup,
				    int *checked_index)
{
	int n = (int)luaL_checkinteger(L, argnup);
	luaL_checktype(L, argf, LUA_TFUNCTION);
	void *identity = lua_upvalueid(L, argf, n);
	if (checked_index != NULL) {
		luaL_argcheck(L, identity != NULL, argnup, "invalid upvalue index");
		*checked_index = n;
	}
	return identity;
}

static int dblib_upvalueid(lua_State *L)
{
	void *identity = dblib_upvalue_identity(L, 1, 2, NULL);
	if (identity == NULL)
		luaL_pushfail(L);
	else
		lua_pushlightuserdata(L, identity);
	return 1;
}

static int dblib_upvaluejoin(lua_State *L)
{
	int n1, n2;
	dblib_upvalue_identity(L, 1, 2, &n1);
	dblib_upvalue_identity(L, 3, 4, &n2);
	luaL_argcheck(L, !lua_iscfunction(L, 1), 1, "Lua function expected");
	luaL_argcheck(L, !lua_iscfunction(L, 3), 3, "Lua function expected");
	lua_upvaluejoin(L, 1, n1, 3, n2);
	return 0;
}


/* ===================================================================
 * Hooks
 * =================================================================== */

/* Event names passed to Lua hook functions, indexed by lua_Debug.event
 * (LUA_HOOKCALL .. LUA_HOOKTAILCALL). */
static const char *const dblib_hook_event_names[] = {
	"call", "return", "line", "count", "tail call"
};

/* The C hook installed for every Lua hook: finds the running thread's
 * function in the hook table and calls it with the event name and, for
 * line events, the line. */
static void dblib_dispatch_hook(lua_State *L, lua_Debug *info)
{
	lua_getfield(L, LUA_REGISTRYINDEX, DBLIB_HOOK_TABLE_KEY);
	lua_pushthread(L);
	if (lua_rawget(L, -2) != LUA_TFUNCTION)
		return;
	lua_pushstring(L, dblib_hook_event_names[info->event]);
	if (info->currentline >= 0)
		lua_pushinteger(L, info->currentline);
	else
		lua_pushnil(L);
	lua_call(L, 2, 0);
}

static int dblib_make_mask(const char *spec, int count)
{
	int mask = 0;
	if (strchr(spec, 'c'))
		mask |= LUA_MASKCALL;
	if (strchr(spec, 'r'))
		mask |= LUA_MASKRET;
	if (strchr(spec, 'l'))
		mask |= LUA_MASKLINE;
	if (count > 0)
		mask |= LUA_MASKCOUNT;
	return mask;
}

static const char *dblib_mask_spec(int mask, char *spec)
{
	int n = 0;
	if (mask & LUA_MASKCALL)
		spec[n++] = 'c';
	if (mask & LUA_MASKRET)
		spec[n++] = 'r';
	if (mask & LUA_MASKLINE)
		spec[n++] = 'l';
	spec[n] = '\0';
	return spec;
}

static int dblib_sethook(lua_State *L)
{
	int arg;
	lua_State *L1 = dblib_thread_arg(L, &arg);
	lua_Hook hook;
	int mask;
	int count;
	if (lua_isnoneornil(L, arg + 1)) {
		lua_settop(L, arg + 1);
		hook = NULL;
		mask = 0;
		count = 0;
	} else {
		const char *spec = luaL_checkstring(L, arg + 2);
		luaL_checktype(L, arg + 1, LUA_TFUNCTION);
		count = (int)luaL_optinteger(L, arg + 3, 0);
		hook = dblib_dispatch_hook;
		mask = dblib_make_mask(spec, count);
	}
	if (!luaL_getsubtable(L, LUA_REGISTRYINDEX, DBLIB_HOOK_TABLE_KEY)) {
		/* New table: make it its own metatable with weak keys. */
		lua_pushliteral(L, "k");
		lua_setfield(L, -2, "__mode");
		lua_pushvalue(L, -1);
		lua_setmetatable(L, -2);
	}
	dblib_check_stack(L, L1, 1);
	lua_pushthread(L1);
	lua_xmove(L1, L, 1);
	lua_pushvalue(L, arg + 1);
	lua_rawset(L, -3);
	lua_sethook(L1, hook, mask, count);
	return 0;
}

static int dblib_gethook(lua_State *L)
{
	int arg;
	lua_State *L1 = dblib_thread_arg(L, &arg);
	char spec[4];
	int mask = lua_gethookmask(L1);
	lua_Hook hook = lua_gethook(L1);
	if (hook == NULL) {
		luaL_pushfail(L);
		return 1;
	}
	if (hook != dblib_dispatch_hook) {
		lua_pushliteral(L, "external hook");
	} else {
		lua_getfield(L, LUA_REGISTRYINDEX, DBLIB_HOOK_TABLE_KEY);
		dblib_check_stack(L, L1, 1);
		lua_pushthread(L1);
		lua_xmove(L1, L, 1);
		lua_rawget(L, -2);
		lua_remove(L, -2);
	}
	lua_pushstring(L, dblib_mask_spec(mask, spec));
	lua_pushinteger(L, lua_gethookcount(L1));
	return 3;
}


/* ===================================================================
 * Console, traceback, C stack limit
 * =================================================================== */

/* A minimal interactive loop on stdin/stderr; "cont" (or end of input)
 * returns to the program. */
static int dblib_debug(lua_State *L)
{
	for (;;) {
		char line[DBLIB_CONSOLE_LINE_MAX];
		fputs("lua_debug> ", stderr);
		fflush(stderr);
		if (fgets(line, sizeof line, stdin) == NULL
		    || strcmp(line, "cont\n") == 0)
			return 0;
		if (luaL_loadbuffer(L, line, strlen(line), "=(debug command)")
		    || lua_pcall(L, 0, 0, 0)) {
			fprintf(stderr, "%s\n", luaL_tolstring(L, -1, NULL));
			fflush(stderr);
		}
		lua_settop(L, 0);
	}
}

static int dblib_traceback(lua_State *L)
{
	int arg;
	lua_State *L1 = dblib_thread_arg(L, &arg);
	const char *message = lua_tostring(L, arg + 1);
	if (message == NULL && !lua_isnoneornil(L, arg + 1)) {
		/* Not a message: an error object passes through untouched. */
		lua_pushvalue(L, arg + 1);
		return 1;
	}
	/* Level 1 skips traceback itself, which only exists in L's stack. */
	int level = (int)luaL_optinteger(L, arg + 2, L == L1 ? 1 : 0);
	luaL_traceback(L, L1, message, level);
	return 1;
}

/* Kept for compatibility: Lua 5.4.4 no longer limits the C stack this
 * way; the core ignores the request and answers its fixed limit (200
 * in lua5.4). */
static int dblib_setcstacklimit(lua_State *L)
{
	int limit = (int)luaL_checkinteger(L, 1);
	lua_pushinteger(L, lua_setcstacklimit(L, (unsigned int)limit));
	return 1;
}


/* ===================================================================
 * Opening the library
 * =================================================================== */

static const luaL_Reg dblib_functions[] = {
	{"debug", dblib_debug},
	{"getuservalue", dblib_getuservalue},
	{"gethook", dblib_gethook},
	{"getinfo", dblib_getinfo},
	{"getlocal", dblib_getlocal},
	{"getregistry", dblib_getregistry},
	{"getmetatable", dblib_getmetatable},
	{"getupvalue", dblib_getupvalue},
	{"upvaluejoin", dblib_upvaluejoin},
	{"upvalueid", dblib_upvalueid},
	{"setuservalue", dblib_setuservalue},
	{"sethook", dblib_sethook},
	{"setlocal", dblib_setlocal},
	{"setmetatable", dblib_setmetatable},
	{"setupvalue", dblib_setupvalue},
	{"traceback", dblib_traceback},
	{"setcstacklimit", dblib_setcstacklimit},
	{NULL, NULL}
};

LUAMOD_API int luaopen_debug(lua_State *L)
{
	luaL_newlib(L, dblib_functions);
	return 1;
}
