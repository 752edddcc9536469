/*
 * stack_test.c - embedding host for the C API's stack manipulation:
 * indices (positive, negative, pseudo), lua_settop, lua_rotate and the
 * insert/remove/replace macros built on it, lua_copy (including into an
 * upvalue of a C closure), lua_checkstack, lua_xmove between threads, and
 * what invalid-but-acceptable indices read as.
 *
 * Prints a deterministic report; the .expected file was recorded with the
 * same host linked against Debian's liblua5.4.
 */
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

/* One line describing every slot: integers as numbers, others by type. */
static void dump(lua_State *L, const char *label)
{
	int n = lua_gettop(L);
	printf("%-12s top=%d:", label, n);
	for (int i = 1; i <= n; i++) {
		if (lua_isinteger(L, i))
			printf(" %lld", (long long)lua_tointeger(L, i));
		else if (lua_type(L, i) == LUA_TSTRING)
			printf(" '%s'", lua_tostring(L, i));
		else
			printf(" %s", luaL_typename(L, i));
	}
	printf("\n");
}

static void push_range(lua_State *L, int from, int to)
{
	for (int i = from; i <= to; i++)
		lua_pushinteger(L, i);
}

static void test_indices(lua_State *L)
{
	printf("== indices\n");
	push_range(L, 1, 5);
	printf("absindex(-1)=%d absindex(-5)=%d absindex(3)=%d\n",
	       lua_absindex(L, -1), lua_absindex(L, -5), lua_absindex(L, 3));
	printf("absindex(REGISTRY) is pseudo: %d\n",
	       lua_absindex(L, LUA_REGISTRYINDEX) == LUA_REGISTRYINDEX);
	printf("type(6)=%d (none) type(-1)=%s\n", lua_type(L, 6),
	       luaL_typename(L, -1));
	printf("isnone(7)=%d isnoneornil(7)=%d isnil(7)=%d\n",
	       lua_isnone(L, 7), lua_isnoneornil(L, 7), lua_isnil(L, 7));
	printf("registry is a table: %d\n", lua_istable(L, LUA_REGISTRYINDEX));
	lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
	lua_pushglobaltable(L);
	printf("RIDX_GLOBALS is _G: %d\n", lua_rawequal(L, -1, -2));
	lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
	printf("RIDX_MAINTHREAD: %s main=%d\n", luaL_typename(L, -1),
	       lua_tothread(L, -1) == L);
	lua_settop(L, 0);
}

static void test_settop(lua_State *L)
{
	printf("== settop\n");
	push_range(L, 1, 3);
	lua_settop(L, 6);
	dump(L, "grow to 6");
	lua_settop(L, -3);
	dump(L, "settop(-3)");
	lua_pop(L, 2);
	dump(L, "pop 2");
	lua_settop(L, 0);
	dump(L, "settop(0)");
}

static void test_rotate(lua_State *L)
{
	printf("== rotate\n");
	push_range(L, 1, 6);
	lua_rotate(L, 2, 1);
	dump(L, "rot(2,1)");
	lua_rotate(L, 2, -1);
	dump(L, "rot(2,-1)");
	lua_rotate(L, 1, 2);
	dump(L, "rot(1,2)");
	lua_rotate(L, -3, -2);
	dump(L, "rot(-3,-2)");
	lua_rotate(L, 1, 0);
	dump(L, "rot(1,0)");
	lua_rotate(L, 1, 6);
	dump(L, "rot(1,6)");
	lua_pushstring(L, "x");
	lua_insert(L, 1);
	dump(L, "insert 1");
	lua_remove(L, 3);
	dump(L, "remove 3");
	lua_pushstring(L, "y");
	lua_replace(L, 2);
	dump(L, "replace 2");
	lua_copy(L, 1, -1);
	dump(L, "copy 1->-1");
	lua_pushvalue(L, 2);
	lua_pushvalue(L, -1);
	dump(L, "pushvalue");
	lua_settop(L, 0);
}

/* Reads and writes its own upvalues through pseudo-indices. */
static int counter(lua_State *L)
{
	lua_Integer n = lua_tointeger(L, lua_upvalueindex(1)) + 1;
	lua_pushinteger(L, n);
	lua_copy(L, -1, lua_upvalueindex(1));
	printf("upvalue 2 is %s, upvalue 3 is %s (none=%d)\n",
	       luaL_typename(L, lua_upvalueindex(2)),
	       luaL_typename(L, lua_upvalueindex(3)),
	       lua_isnone(L, lua_upvalueindex(3)));
	return 1;
}

static int light(lua_State *L)
{
	lua_pushboolean(L, lua_isnone(L, lua_upvalueindex(1)));
	return 1;
}

static void test_upvalue_indices(lua_State *L)
{
	printf("== upvalue pseudo-indices\n");
	lua_pushinteger(L, 10);
	lua_pushstring(L, "tag");
	lua_pushcclosure(L, counter, 2);
	for (int i = 0; i < 3; i++) {
		lua_pushvalue(L, -1);
		lua_call(L, 0, 1);
		printf("counter -> %lld\n", (long long)lua_tointeger(L, -1));
		lua_pop(L, 1);
	}
	const char *name = lua_getupvalue(L, -1, 1);
	printf("getupvalue 1: name='%s' value=%lld\n", name,
	       (long long)lua_tointeger(L, -1));
	lua_pop(L, 1);
	lua_pushcfunction(L, light);
	lua_call(L, 0, 1);
	printf("light C function sees no upvalue: %d\n", lua_toboolean(L, -1));
	lua_settop(L, 0);
}

static void test_checkstack(lua_State *L)
{
	printf("== checkstack\n");
	printf("checkstack(100)=%d\n", lua_checkstack(L, 100));
	for (int i = 0; i < 100; i++)
		lua_pushinteger(L, i);
	printf("after 100 pushes top=%d last=%lld\n", lua_gettop(L),
	       (long long)lua_tointeger(L, -1));
	printf("checkstack(5000)=%d\n", lua_checkstack(L, 5000));
	for (int i = 0; i < 5000; i++)
		lua_pushinteger(L, i);
	printf("top=%d\n", lua_gettop(L));
	printf("checkstack(2000000)=%d\n", lua_checkstack(L, 2000000));
	printf("checkstack(0)=%d\n", lua_checkstack(L, 0));
	lua_settop(L, 0);
	printf("luaL_checkstack ok: ");
	luaL_checkstack(L, 10, "never");
	printf("yes\n");
}

static void test_xmove(lua_State *L)
{
	printf("== xmove\n");
	lua_State *T = lua_newthread(L);
	push_range(L, 1, 4);
	lua_xmove(L, T, 3);
	dump(L, "from");
	dump(T, "to");
	lua_xmove(T, L, 1);
	dump(L, "back");
	lua_xmove(L, L, 1);
	dump(L, "self");
	printf("thread status=%d top=%d\n", lua_status(T), lua_gettop(T));
	lua_settop(L, 0);
}

/* LUA_EXTRASPACE bytes before each thread; a new thread starts with a
 * copy of the main thread's. */
static void test_extraspace(lua_State *L)
{
	static int marker;
	printf("== extra space\n");
	printf("LUA_EXTRASPACE >= sizeof(void *): %d\n",
	       LUA_EXTRASPACE >= sizeof(void *));
	*(void **)lua_getextraspace(L) = &marker;
	lua_State *T = lua_newthread(L);
	printf("new thread has its own space: %d\n",
	       lua_getextraspace(T) != lua_getextraspace(L));
	printf("new thread copied the main thread's: %d\n",
	       *(void **)lua_getextraspace(T) == &marker);
	*(void **)lua_getextraspace(T) = NULL;
	printf("main thread's unchanged: %d\n",
	       *(void **)lua_getextraspace(L) == &marker);
	lua_State *T2 = lua_newthread(T);
	printf("thread created from a thread copies the main one: %d\n",
	       *(void **)lua_getextraspace(T2) == &marker);
	lua_settop(L, 0);
}

static void test_compare_invalid(lua_State *L)
{
	printf("== invalid indices in comparisons\n");
	lua_pushnil(L);
	printf("rawequal(1, 5)=%d rawequal(1,1)=%d compare(1,5,EQ)=%d\n",
	       lua_rawequal(L, 1, 5), lua_rawequal(L, 1, 1),
	       lua_compare(L, 1, 5, LUA_OPEQ));
	printf("toboolean(5)=%d tostring(5)=%s tonumber(5)=%g\n",
	       lua_toboolean(L, 5), lua_tostring(L, 5) ? "?" : "NULL",
	       lua_tonumber(L, 5));
	lua_settop(L, 0);
}

int main(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	printf("version %d\n", (int)lua_version(L));
	test_indices(L);
	test_settop(L);
	test_rotate(L);
	test_upvalue_indices(L);
	test_checkstack(L);
	test_xmove(L);
	test_extraspace(L);
	test_compare_invalid(L);
	printf("final top=%d\n", lua_gettop(L));
	lua_close(L);
	return 0;
}
