/*
 * aux_trace.c - function names for messages, and luaL_traceback.
 *
 * A function has no name of its own; a message names it after the place it
 * was found.  The best name is where the program can reach it: a field of a
 * loaded module ("string.rep", or just "print" for the base library).
 * Failing that, the debug interface reports how the caller got hold of it
 * (local, upvalue, method, field, ...); failing that, where it was defined.
 * The texts follow lua5.4 exactly, since scripts and tests compare them.
 */
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "api/aux_shared.h"

/* Tracebacks longer than this show the first and last levels only. */
enum {
	TRACE_HEAD_LEVELS = 10,
	TRACE_TAIL_LEVELS = 11,
};


/* ===================================================================
 * Finding a function among the loaded modules
 * =================================================================== */

/*
 * Walks the table on top of the stack looking for a string key whose value
 * is raw-equal to the object at index `target`, descending into sub-tables
 * while `depth` allows.  On success the dotted path is left on top (in
 * place of nothing: the table stays below it) and 1 is returned.
 */
static int trace_find_in_table(lua_State *L, int target, int depth)
{
	if (depth == 0 || lua_type(L, -1) != LUA_TTABLE)
		return 0;
	lua_pushnil(L);
	while (lua_next(L, -2)) {	/* stack: table, key, value */
		if (lua_type(L, -2) == LUA_TSTRING) {
			if (lua_rawequal(L, target, -1)) {
				lua_pop(L, 1);	/* keep the key: the name */
				return 1;
			}
			if (trace_find_in_table(L, target, depth - 1)) {
				/* stack: table, key, value, subname */
				lua_pushliteral(L, ".");
				lua_replace(L, -3);	/* value -> "." */
				lua_concat(L, 3);	/* key "." subname */
				return 1;
			}
		}
		lua_pop(L, 1);	/* value; the key drives lua_next */
	}
	return 0;
}

int aux_push_global_funcname(lua_State *L, lua_Debug *ar)
{
	int base = lua_gettop(L);
	lua_getinfo(L, "f", ar);	/* the function, at base + 1 */
	lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
	/* the search nests two lua_next iterations plus a concatenation */
	luaL_checkstack(L, 6, "not enough stack");
	if (!trace_find_in_table(L, base + 1, 2)) {
		lua_settop(L, base);
		return 0;
	}
	const char *name = lua_tostring(L, -1);
	static const char global_prefix[] = LUA_GNAME ".";
	if (strncmp(name, global_prefix, sizeof(global_prefix) - 1) == 0)
		lua_pushstring(L, name + sizeof(global_prefix) - 1);
	lua_copy(L, -1, base + 1);	/* name replaces the function */
	lua_settop(L, base + 1);
	return 1;
}


/* ===================================================================
 * Traceback
 * =================================================================== */

/* Pushes the "function 'x'" / "local 'x'" / "main chunk" part of a line. */
static void trace_push_funcname(lua_State *L, lua_Debug *ar)
{
	if (aux_push_global_funcname(L, ar)) {
		lua_pushfstring(L, "function '%s'", lua_tostring(L, -1));
		lua_remove(L, -2);
	} else if (*ar->namewhat != '\0') {
		lua_pushfstring(L, "%s '%s'", ar->namewhat, ar->name);
	} else if (*ar->what == 'm') {
		lua_pushliteral(L, "main chunk");
	} else if (*ar->what != 'C') {
		lua_pushfstring(L, "function <%s:%d>", ar->short_src,
				ar->linedefined);
	} else {
		lua_pushliteral(L, "?");
	}
}

/*
 * Index of the deepest existing level of L1's stack.  Levels are probed
 * with lua_getstack, doubling to find a bound and then bisecting, so deep
 * stacks cost O(log n) probes.
 */
static int trace_last_level(lua_State *L1)
{
	lua_Debug ar;
	int known = 1, beyond = 1;	/* known exists (or is 1), beyond not */
	while (lua_getstack(L1, beyond, &ar)) {
		known = beyond;
		beyond *= 2;
	}
	while (known < beyond) {
		int mid = known + (beyond - known) / 2;
		if (lua_getstack(L1, mid, &ar))
			known = mid + 1;
		else
			beyond = mid;
	}
	return beyond - 1;
}

LUALIB_API void luaL_traceback(lua_State *L, lua_State *L1, const char *msg,
			       int level)
{
	luaL_Buffer b;
	lua_Debug ar;
	int last = trace_last_level(L1);
	/* levels still to print before skipping; -1: never skip */
	int until_skip = last - level > TRACE_HEAD_LEVELS + TRACE_TAIL_LEVELS
		? TRACE_HEAD_LEVELS : -1;

	luaL_buffinit(L, &b);
	if (msg != NULL) {
		luaL_addstring(&b, msg);
		luaL_addchar(&b, '\n');
	}
	luaL_addstring(&b, "stack traceback:");
	while (lua_getstack(L1, level++, &ar)) {
		if (until_skip-- == 0) {
			int skipped = last - level - TRACE_TAIL_LEVELS + 1;
			lua_pushfstring(L, "\n\t...\t(skipping %d levels)",
					skipped);
			luaL_addvalue(&b);
			level += skipped;
			continue;
		}
		lua_getinfo(L1, "Slnt", &ar);
		if (ar.currentline <= 0)
			lua_pushfstring(L, "\n\t%s: in ", ar.short_src);
		else
			lua_pushfstring(L, "\n\t%s:%d: in ", ar.short_src,
					ar.currentline);
		luaL_addvalue(&b);
		trace_push_funcname(L, &ar);
		luaL_addvalue(&b);
		if (ar.istailcall)
			luaL_addstring(&b, "\n\t(...tail calls...)");
	}
	luaL_pushresult(&b);
}
