/*
 * cont_test.c - embedding host for continuations and coroutines driven
 * from C: lua_callk, lua_pcallk and lua_yieldk with continuation
 * functions, resumed with lua_resume (results counted through nres),
 * errors after a yield inside lua_pcallk, lua_yield without continuation,
 * lua_isyieldable, lua_status, and the errors for yields that cannot
 * happen (across a C call without continuation, outside a coroutine) and
 * for resuming a dead coroutine.
 *
 * The .expected file was recorded with the same host linked against
 * Debian's liblua5.4.
 */
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static const char *status_name(int st)
{
	switch (st) {
	case LUA_OK: return "OK";
	case LUA_YIELD: return "YIELD";
	case LUA_ERRRUN: return "ERRRUN";
	case LUA_ERRSYNTAX: return "ERRSYNTAX";
	case LUA_ERRMEM: return "ERRMEM";
	case LUA_ERRERR: return "ERRERR";
	default: return "?";
	}
}

static void print_values(lua_State *L, int first, int n)
{
	for (int i = first; i < first + n; i++) {
		int t = lua_type(L, i);
		if (t == LUA_TFUNCTION || t == LUA_TTABLE || t == LUA_TTHREAD ||
		    t == LUA_TUSERDATA) {
			printf(" <%s>", lua_typename(L, t));
		} else {
			printf(" %s", luaL_tolstring(L, i, NULL));
			lua_pop(L, 1);
		}
	}
}

/* Resume co with the given values and print what came out. */
static int resume(lua_State *L, lua_State *co, int nargs, const char *label)
{
	(void)L;
	int nres = -1;
	int st = lua_resume(co, L, nargs, &nres);
	printf("%s: resume -> %s", label, status_name(st));
	if (st == LUA_OK || st == LUA_YIELD) {
		printf(" nres=%d:", nres);
		print_values(co, lua_gettop(co) - nres + 1, nres);
		lua_pop(co, nres);
	} else {
		printf(" error: %s", lua_tostring(co, -1));
	}
	printf(" | status=%s top=%d\n", status_name(lua_status(co)),
	       lua_gettop(co));
	return st;
}

/* ---- lua_callk ---- */

static int callk_cont(lua_State *L, int status, lua_KContext ctx)
{
	printf("  callk continuation: status=%s ctx=%ld top=%d\n",
	       status_name(status), (long)ctx, lua_gettop(L));
	lua_pushstring(L, "after-callk");
	return lua_gettop(L);
}

static int with_callk(lua_State *L)
{
	/* argument 1 is the Lua function to call */
	lua_pushvalue(L, 1);
	lua_pushinteger(L, 7);
	lua_callk(L, 1, 2, 42, callk_cont);
	printf("  callk returned without yielding\n");
	return callk_cont(L, LUA_OK, 42);
}

/* ---- lua_pcallk ---- */

static int pcallk_cont(lua_State *L, int status, lua_KContext ctx)
{
	printf("  pcallk continuation: status=%s ctx=%ld top=%d msg=%s\n",
	       status_name(status), (long)ctx, lua_gettop(L),
	       status != LUA_ERRRUN ? "-"
	       : lua_isstring(L, -1) ? lua_tostring(L, -1) : luaL_typename(L, -1));
	lua_pushboolean(L, status == LUA_OK || status == LUA_YIELD);
	lua_insert(L, 2);
	return lua_gettop(L) - 1;
}

static int with_pcallk(lua_State *L)
{
	lua_pushvalue(L, 1);
	int st = lua_pcallk(L, 0, LUA_MULTRET, 0, 99, pcallk_cont);
	return pcallk_cont(L, st, 99);
}

/* ---- lua_yieldk / lua_yield from C ---- */

static int yieldk_cont(lua_State *L, int status, lua_KContext ctx)
{
	printf("  yieldk continuation: status=%s ctx=%ld top=%d:",
	       status_name(status), (long)ctx, lua_gettop(L));
	print_values(L, 1, lua_gettop(L));
	printf("\n");
	lua_pushinteger(L, lua_gettop(L));
	return 1;
}

static int c_yielder(lua_State *L)
{
	lua_pushstring(L, "from C");
	lua_pushinteger(L, 1);
	return lua_yieldk(L, 2, 5, yieldk_cont);
}

static int c_plain_yielder(lua_State *L)
{
	lua_pushstring(L, "plain");
	return lua_yield(L, 1);
}

static int report_yieldable(lua_State *L)
{
	printf("  isyieldable=%d\n", lua_isyieldable(L));
	return 0;
}

static int call_without_k(lua_State *L)
{
	lua_pushvalue(L, 1);
	lua_call(L, 0, 0);
	return 0;
}

int main(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	lua_register(L, "c_yielder", c_yielder);
	lua_register(L, "c_plain_yielder", c_plain_yielder);
	lua_register(L, "report_yieldable", report_yieldable);
	lua_register(L, "call_without_k", call_without_k);

	printf("main thread isyieldable=%d status=%s\n", lua_isyieldable(L),
	       status_name(lua_status(L)));

	printf("== callk across a yield\n");
	lua_State *co = lua_newthread(L);
	lua_pushcfunction(co, with_callk);
	luaL_loadstring(co, "local x = ... ; local y = coroutine.yield('y1', x) ; return y, x * 2");
	resume(L, co, 1, "first");
	lua_pushstring(co, "resumed-value");
	resume(L, co, 1, "second");
	resume(L, co, 0, "dead");
	lua_pop(L, 1);

	printf("== callk without a yield\n");
	co = lua_newthread(L);
	lua_pushcfunction(co, with_callk);
	luaL_loadstring(co, "return 'direct', ...");
	resume(L, co, 1, "only");
	lua_pop(L, 1);

	printf("== pcallk: yield then error\n");
	co = lua_newthread(L);
	lua_pushcfunction(co, with_pcallk);
	luaL_loadstring(co, "coroutine.yield('in pcallk') error('late failure')");
	resume(L, co, 1, "first");
	resume(L, co, 0, "second");
	lua_pop(L, 1);

	printf("== pcallk: yield then success\n");
	co = lua_newthread(L);
	lua_pushcfunction(co, with_pcallk);
	luaL_loadstring(co, "local a = coroutine.yield('y') return a, 'done'");
	resume(L, co, 1, "first");
	lua_pushinteger(co, 77);
	resume(L, co, 1, "second");
	lua_pop(L, 1);

	printf("== pcallk: error without yield\n");
	co = lua_newthread(L);
	lua_pushcfunction(co, with_pcallk);
	luaL_loadstring(co, "error({code=1})");
	resume(L, co, 1, "only");
	lua_pop(L, 1);

	printf("== yieldk from C\n");
	co = lua_newthread(L);
	luaL_loadstring(co, "report_yieldable() local r = c_yielder() return 'lua got', r");
	resume(L, co, 0, "first");
	lua_pushstring(co, "r1");
	lua_pushstring(co, "r2");
	resume(L, co, 2, "second");
	lua_pop(L, 1);

	printf("== yield from C without continuation\n");
	co = lua_newthread(L);
	luaL_loadstring(co, "local a, b = c_plain_yielder() return 'results', a, b");
	resume(L, co, 0, "first");
	lua_pushstring(co, "x");
	lua_pushstring(co, "y");
	resume(L, co, 2, "second");
	lua_pop(L, 1);

	printf("== C function as the coroutine body\n");
	co = lua_newthread(L);
	lua_pushcfunction(co, c_yielder);
	resume(L, co, 0, "first");
	lua_pushstring(co, "z");
	resume(L, co, 1, "second");
	lua_pop(L, 1);

	printf("== yield across a C call without continuation\n");
	co = lua_newthread(L);
	luaL_loadstring(co, "call_without_k(function() report_yieldable() coroutine.yield(1) end)");
	resume(L, co, 0, "only");
	lua_pop(L, 1);

	printf("== yield outside a coroutine\n");
	luaL_loadstring(L, "coroutine.yield(1)");
	int st = lua_pcall(L, 0, 0, 0);
	printf("pcall -> %s %s\n", status_name(st), lua_tostring(L, -1));
	lua_pop(L, 1);

	printf("== error in a coroutine, then resume again\n");
	co = lua_newthread(L);
	luaL_loadstring(co, "local t = ... ; error('oops ' .. t)");
	lua_pushstring(co, "arg");
	resume(L, co, 1, "first");
	lua_settop(co, 0);
	lua_pushcfunction(co, c_yielder);
	resume(L, co, 0, "again");
	lua_pop(L, 1);

	printf("== Lua coroutine library over C continuations\n");
	luaL_dostring(L,
	    "local co = coroutine.wrap(function(...) "
	    "  local a = c_yielder() "
	    "  return 'end', a end) "
	    "print(co()) print(co('v'))");
	luaL_dostring(L,
	    "local co = coroutine.create(function() return table.unpack({pcall(function() local v = coroutine.yield('py') error('pe:'..v) end)}) end) "
	    "print(coroutine.resume(co)) print(coroutine.resume(co, 'V')) print(coroutine.status(co))");

	printf("final top=%d\n", lua_gettop(L));
	lua_close(L);
	return 0;
}
