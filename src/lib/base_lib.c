/*
 * base_lib.c - the basic library (luaopen_base): the global functions of
 * Lua 5.4 other than the chunk loaders, which live in base_load.c.
 *
 * Written only against the public API (lua.h, lauxlib.h), like any C
 * module, so the library runs unchanged on any liblua5.4-compatible core.
 * Messages and results follow Lua 5.4.4 exactly: lua5.4 is the oracle.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "lib/base_load.h"


/* ===================================================================
 * Output and conversions
 * =================================================================== */

/* print writes straight to the C stdout with fwrite, so its output
 * interleaves with io.write (which shares the same FILE) in order. */
static int base_print(lua_State *L)
{
	int nargs = lua_gettop(L);
	for (int i = 1; i <= nargs; i++) {
		size_t len;
		const char *text = luaL_tolstring(L, i, &len);
		if (i > 1)
			fwrite("\t", 1, 1, stdout);
		fwrite(text, 1, len, stdout);
		lua_pop(L, 1);
	}
	fwrite("\n", 1, 1, stdout);
	fflush(stdout);
	return 0;
}

static int base_type(lua_State *L)
{
	int type = lua_type(L, 1);
	luaL_argcheck(L, type != LUA_TNONE, 1, "value expected");
	lua_pushstring(L, lua_typename(L, type));
	return 1;
}

static int base_tostring(lua_State *L)
{
	luaL_checkany(L, 1);
	luaL_tolstring(L, 1, NULL);
	return 1;
}

/*
 * Reads an integer numeral in the given base (2..36), allowing spaces
 * around it and one sign.  Arithmetic wraps (unsigned) as in lua5.4, so an
 * overlong numeral silently overflows instead of failing.  Returns the end
 * of what was consumed, or NULL when the text is not a numeral at all.
 */
static const char *base_parse_based_integer(const char *text, int base,
					     lua_Integer *result)
{
	lua_Unsigned value = 0;
	int negative = 0;
	while (isspace((unsigned char)*text))
		text++;
	if (*text == '-') {
		negative = 1;
		text++;
	} else if (*text == '+') {
		text++;
	}
	if (!isalnum((unsigned char)*text))
		return NULL;
	while (isalnum((unsigned char)*text)) {
		int c = (unsigned char)*text;
		int digit = isdigit(c) ? c - '0' : toupper(c) - 'A' + 10;
		if (digit >= base)
			return NULL;
		value = value * (lua_Unsigned)base + (lua_Unsigned)digit;
		text++;
	}
	while (isspace((unsigned char)*text))
		text++;
	*result = (lua_Integer)(negative ? 0u - value : value);
	return text;
}

static int base_tonumber(lua_State *L)
{
	if (lua_isnoneornil(L, 2)) {
		if (lua_type(L, 1) == LUA_TNUMBER) {
			lua_settop(L, 1);
			return 1;
		}
		size_t len;
		const char *text = lua_tolstring(L, 1, &len);
		/* lua_stringtonumber counts the terminating zero; a shorter count
		 * means an embedded zero cut the numeral short. */
		if (text != NULL && lua_stringtonumber(L, text) == len + 1)
			return 1;
		luaL_checkany(L, 1);
	} else {
		lua_Integer base = luaL_checkinteger(L, 2);
		luaL_checktype(L, 1, LUA_TSTRING);
		size_t len;
		const char *text = lua_tolstring(L, 1, &len);
		luaL_argcheck(L, 2 <= base && base <= 36, 2, "base out of range");
		lua_Integer value = 0;
		if (base_parse_based_integer(text, (int)base, &value) == text + len) {
			lua_pushinteger(L, value);
			return 1;
		}
	}
	luaL_pushfail(L);
	return 1;
}


/* ===================================================================
 * Iteration
 * =================================================================== */

static int base_next(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 2);
	if (lua_next(L, 1))
		return 2;
	lua_pushnil(L);
	return 1;
}

/* Continuation of pairs after a __pairs metamethod, which may yield. */
static int base_pairs_finish(lua_State *L, int status, lua_KContext ctx)
{
	(void)L;
	(void)status;
	(void)ctx;
	return 3;
}

static int base_pairs(lua_State *L)
{
	luaL_checkany(L, 1);
	if (luaL_getmetafield(L, 1, "__pairs") == LUA_TNIL) {
		lua_pushcfunction(L, base_next);
		lua_pushvalue(L, 1);
		lua_pushnil(L);
		return 3;
	}
	lua_pushvalue(L, 1);
	lua_callk(L, 1, 3, 0, base_pairs_finish);
	return 3;
}

/* The ipairs iterator: stops at the first nil, honouring __index. */
static int base_ipairs_step(lua_State *L)
{
	lua_Integer index = luaL_checkinteger(L, 2);
	index = (lua_Integer)((lua_Unsigned)index + 1u);
	lua_pushinteger(L, index);
	return lua_geti(L, 1, index) == LUA_TNIL ? 1 : 2;
}

static int base_ipairs(lua_State *L)
{
	luaL_checkany(L, 1);
	lua_pushcfunction(L, base_ipairs_step);
	lua_pushvalue(L, 1);
	lua_pushinteger(L, 0);
	return 3;
}

static int base_select(lua_State *L)
{
	int nargs = lua_gettop(L);
	int type = lua_type(L, 1);
	int isint = 0;
	lua_Integer first = 0;
	if (type == LUA_TNUMBER)  /* the usual call in loops */
		first = lua_tointegerx(L, 1, &isint);
	else if (type == LUA_TSTRING && *lua_tostring(L, 1) == '#') {
		lua_pushinteger(L, nargs - 1);
		return 1;
	}
	if (!isint)
		first = luaL_checkinteger(L, 1);  /* a numeric string, or the error */
	if (first < 0)
		first = nargs + first;
	else if (first > nargs)
		first = nargs;
	luaL_argcheck(L, 1 <= first, 1, "index out of range");
	return nargs - (int)first;
}


/* ===================================================================
 * Raw access and metatables
 * =================================================================== */

static int base_rawequal(lua_State *L)
{
	luaL_checkany(L, 1);
	luaL_checkany(L, 2);
	lua_pushboolean(L, lua_rawequal(L, 1, 2));
	return 1;
}

static int base_rawlen(lua_State *L)
{
	int type = lua_type(L, 1);
	luaL_argexpected(L, type == LUA_TTABLE || type == LUA_TSTRING, 1,
			 "table or string");
	lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
	return 1;
}

static int base_rawget(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	luaL_checkany(L, 2);
	lua_settop(L, 2);
	lua_rawget(L, 1);
	return 1;
}

static int base_rawset(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	luaL_checkany(L, 2);
	luaL_checkany(L, 3);
	lua_settop(L, 3);
	lua_rawset(L, 1);
	return 1;
}

static int base_getmetatable(lua_State *L)
{
	luaL_checkany(L, 1);
	if (!lua_getmetatable(L, 1)) {
		lua_pushnil(L);
		return 1;
	}
	/* A __metatable field stands in for the real metatable. */
	luaL_getmetafield(L, 1, "__metatable");
	return 1;
}

static int base_setmetatable(lua_State *L)
{
	int type = lua_type(L, 2);
	luaL_checktype(L, 1, LUA_TTABLE);
	luaL_argexpected(L, type == LUA_TNIL || type == LUA_TTABLE, 2,
			 "nil or table");
	if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
		return luaL_error(L, "cannot change a protected metatable");
	lua_settop(L, 2);
	lua_setmetatable(L, 1);
	return 1;
}


/* ===================================================================
 * Errors and protected calls
 * =================================================================== */

static int base_error(lua_State *L)
{
	lua_Integer level = luaL_optinteger(L, 2, 1);
	lua_settop(L, 1);
	if (lua_type(L, 1) == LUA_TSTRING && level > 0) {
		luaL_where(L, (int)level);
		lua_pushvalue(L, 1);
		lua_concat(L, 2);
	}
	return lua_error(L);
}

/* A failed assert raises its message (or the default one) through
 * error at level 1, so a string message gains the caller's position. */
static int base_assert(lua_State *L)
{
	if (lua_toboolean(L, 1))
		return lua_gettop(L);
	luaL_checkany(L, 1);
	lua_remove(L, 1);
	lua_pushliteral(L, "assertion failed!");
	lua_settop(L, 1);
	return base_error(L);
}

/*
 * Shared tail of pcall and xpcall, reached directly or as the continuation
 * after a yield inside the protected call.  'extra' counts the stack slots
 * below the results that are not part of them (xpcall's handler and
 * function); the boolean true pushed before the call is the first result.
 */
static int base_pcall_finish(lua_State *L, int status, lua_KContext extra)
{
	if (status != LUA_OK && status != LUA_YIELD) {
		lua_pushboolean(L, 0);
		lua_pushvalue(L, -2);
		return 2;
	}
	return lua_gettop(L) - (int)extra;
}

static int base_pcall(lua_State *L)
{
	luaL_checkany(L, 1);
	lua_pushboolean(L, 1);
	lua_insert(L, 1);
	int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0,
				base_pcall_finish);
	return base_pcall_finish(L, status, 0);
}

/* Stack during the call: handler (1), true (2), function (3), args. */
static int base_xpcall(lua_State *L)
{
	int nargs = lua_gettop(L);
	luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_pushboolean(L, 1);
	lua_pushvalue(L, 1);
	lua_rotate(L, 3, 2);
	int status = lua_pcallk(L, nargs - 2, LUA_MULTRET, 2, 2,
				base_pcall_finish);
	return base_pcall_finish(L, status, 2);
}


/* ===================================================================
 * collectgarbage
 * =================================================================== */

/* The options of collectgarbage, in the order of the name list given to
 * luaL_checkoption, with the lua_gc request each one makes. */
#define BASE_GC_OPTIONS(X) \
	X("stop",         LUA_GCSTOP) \
	X("restart",      LUA_GCRESTART) \
	X("collect",      LUA_GCCOLLECT) \
	X("count",        LUA_GCCOUNT) \
	X("step",         LUA_GCSTEP) \
	X("setpause",     LUA_GCSETPAUSE) \
	X("setstepmul",   LUA_GCSETSTEPMUL) \
	X("isrunning",    LUA_GCISRUNNING) \
	X("generational", LUA_GCGEN) \
	X("incremental",  LUA_GCINC)

#define BASE_GC_NAME(name, request) name,
#define BASE_GC_REQUEST(name, request) request,
static const char *const base_gc_names[] = { BASE_GC_OPTIONS(BASE_GC_NAME) NULL };
static const int base_gc_requests[] = { BASE_GC_OPTIONS(BASE_GC_REQUEST) };

/* lua_gc answers -1 when the collector cannot take requests (it is
 * running a finalizer); collectgarbage then returns fail. */
static int base_push_gc_mode(lua_State *L, int previous_mode)
{
	if (previous_mode == -1)
		luaL_pushfail(L);
	else
		lua_pushstring(L, previous_mode == LUA_GCINC ? "incremental"
							     : "generational");
	return 1;
}

static int base_collectgarbage(lua_State *L)
{
	int request = base_gc_requests[luaL_checkoption(L, 1, "collect",
							base_gc_names)];
	int result;
	switch (request) {
	case LUA_GCCOUNT: {
		int kbytes = lua_gc(L, LUA_GCCOUNT);
		int bytes = lua_gc(L, LUA_GCCOUNTB);
		if (kbytes == -1)
			break;
		lua_pushnumber(L, (lua_Number)kbytes + (lua_Number)bytes / 1024);
		return 1;
	}
	case LUA_GCSTEP: {
		int step = (int)luaL_optinteger(L, 2, 0);
		result = lua_gc(L, LUA_GCSTEP, step);
		if (result == -1)
			break;
		lua_pushboolean(L, result);
		return 1;
	}
	case LUA_GCSETPAUSE:
	case LUA_GCSETSTEPMUL: {
		int value = (int)luaL_optinteger(L, 2, 0);
		result = lua_gc(L, request, value);
		if (result == -1)
			break;
		lua_pushinteger(L, result);
		return 1;
	}
	case LUA_GCISRUNNING:
		result = lua_gc(L, LUA_GCISRUNNING);
		if (result == -1)
			break;
		lua_pushboolean(L, result);
		return 1;
	case LUA_GCGEN: {
		int minor_mul = (int)luaL_optinteger(L, 2, 0);
		int major_mul = (int)luaL_optinteger(L, 3, 0);
		return base_push_gc_mode(L, lua_gc(L, LUA_GCGEN, minor_mul,
						    major_mul));
	}
	case LUA_GCINC: {
		int pause = (int)luaL_optinteger(L, 2, 0);
		int step_mul = (int)luaL_optinteger(L, 3, 0);
		int step_size = (int)luaL_optinteger(L, 4, 0);
		return base_push_gc_mode(L, lua_gc(L, LUA_GCINC, pause, step_mul,
						    step_size));
	}
	default:
		result = lua_gc(L, request);
		if (result == -1)
			break;
		lua_pushinteger(L, result);
		return 1;
	}
	luaL_pushfail(L);
	return 1;
}


/* ===================================================================
 * Warnings
 * =================================================================== */

/* The pieces travel as one multi-part warning; the state's warning
 * function (set by luaL_newstate) interprets "@on" and "@off". */
static int base_warn(lua_State *L)
{
	int nargs = lua_gettop(L);
	luaL_checkstring(L, 1);
	for (int i = 2; i <= nargs; i++)
		luaL_checkstring(L, i);
	for (int i = 1; i < nargs; i++)
		lua_warning(L, lua_tostring(L, i), 1);
	lua_warning(L, lua_tostring(L, nargs), 0);
	return 0;
}


/* ===================================================================
 * Opening the library
 * =================================================================== */

static const luaL_Reg base_functions[] = {
	{"assert", base_assert},
	{"collectgarbage", base_collectgarbage},
	{"dofile", base_load_dofile},
	{"error", base_error},
	{"getmetatable", base_getmetatable},
	{"ipairs", base_ipairs},
	{"loadfile", base_load_loadfile},
	{"load", base_load_load},
	{"next", base_next},
	{"pairs", base_pairs},
	{"pcall", base_pcall},
	{"print", base_print},
	{"warn", base_warn},
	{"rawequal", base_rawequal},
	{"rawlen", base_rawlen},
	{"rawget", base_rawget},
	{"rawset", base_rawset},
	{"select", base_select},
	{"setmetatable", base_setmetatable},
	{"tonumber", base_tonumber},
	{"tostring", base_tostring},
	{"type", base_type},
	{"xpcall", base_xpcall},
	{NULL, NULL}
};

LUAMOD_API int luaopen_base(lua_State *L)
{
	lua_pushglobaltable(L);
	luaL_setfuncs(L, base_functions, 0);
	lua_pushvalue(L, -1);
	lua_setfield(L, -2, "_G");
	lua_pushliteral(L, LUA_VERSION);
	lua_setfield(L, -2, "_VERSION");
	return 1;
}
