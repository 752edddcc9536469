/*
 * userdata_test.c - embedding host for full userdata and to-be-closed
 * slots: lua_newuserdatauv with several user values (get/set in and out of
 * range), alignment of the block, metatables and __gc order at collection
 * and at lua_close, lua_toclose with lua_closeslot, lua_settop and
 * function return closing marked slots (with and without errors), and
 * the error for a value without __close.
 *
 * The .expected file was recorded with the same host linked against
 * Debian's liblua5.4.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

typedef struct Point { double x, y; int id; } Point;

static int point_gc(lua_State *L)
{
	Point *p = lua_touserdata(L, 1);
	lua_getiuservalue(L, 1, 1);
	printf("__gc point %d (uv1=%s)\n", p->id, lua_tostring(L, -1));
	return 0;
}

static Point *new_point(lua_State *L, int id)
{
	Point *p = lua_newuserdatauv(L, sizeof(Point), 3);
	p->x = id * 1.5;
	p->y = -id;
	p->id = id;
	luaL_setmetatable(L, "Point");
	return p;
}

static void test_uservalues(lua_State *L)
{
	printf("== user values\n");
	Point *p = new_point(L, 1);
	printf("aligned for doubles: %d\n", ((uintptr_t)p % _Alignof(double)) == 0);
	printf("rawlen=%llu\n", (unsigned long long)lua_rawlen(L, 1));
	for (int n = 0; n <= 4; n++) {
		lua_pushfstring(L, "value%d", n);
		int ok = lua_setiuservalue(L, 1, n);
		printf("setiuservalue(%d) -> %d top=%d\n", n, ok, lua_gettop(L));
	}
	for (int n = -1; n <= 4; n++) {
		int t = lua_getiuservalue(L, 1, n);
		printf("getiuservalue(%d) -> %d %s\n", n, t,
		       lua_isstring(L, -1) ? lua_tostring(L, -1) : luaL_typename(L, -1));
		lua_pop(L, 1);
	}
	lua_newtable(L);
	lua_setiuservalue(L, 1, 2);
	printf("uv2 type now %s\n",
	       lua_typename(L, lua_getiuservalue(L, 1, 2)));
	lua_settop(L, 0);
	/* Point 1 is garbage now: collect it here, so that its finalizer's
	 * line does not move with the collector's pace (the GC-stress modes
	 * step at every allocation and may finish a cycle anywhere below). */
	lua_gc(L, LUA_GCCOLLECT);

	void *z = lua_newuserdatauv(L, 0, 0);
	unsigned long long zlen = lua_rawlen(L, -1);
	printf("zero-size userdata: ptr!=NULL %d rawlen %llu uv1 -> %d\n",
	       z != NULL, zlen, lua_getiuservalue(L, -1, 1));
	lua_settop(L, 0);
	lua_newuserdata(L, 5);
	lua_pushinteger(L, 5);
	lua_setuservalue(L, -2);
	lua_getuservalue(L, -1);
	printf("5.3-style uservalue -> %lld\n", (long long)lua_tointeger(L, -1));
	lua_settop(L, 0);
}

static void test_gc(lua_State *L)
{
	printf("== finalizers\n");
	for (int i = 10; i < 14; i++) {
		new_point(L, i);
		lua_pushfstring(L, "p%d", i);
		lua_setiuservalue(L, -2, 1);
	}
	/* keep 11 and 13 */
	lua_pushvalue(L, 2);
	lua_setfield(L, LUA_REGISTRYINDEX, "keep11");
	lua_pushvalue(L, 4);
	lua_setfield(L, LUA_REGISTRYINDEX, "keep13");
	lua_settop(L, 0);
	lua_gc(L, LUA_GCCOLLECT);
	printf("collected\n");
	new_point(L, 20);
	lua_pushliteral(L, "p20");
	lua_setiuservalue(L, -2, 1);
	lua_setfield(L, LUA_REGISTRYINDEX, "keep21");
}

static int closer(lua_State *L)
{
	lua_getfield(L, 1, "name");
	printf("  __close %s err=%s\n", lua_tostring(L, -1),
	       lua_isnil(L, 2) ? "nil" : lua_tostring(L, 2));
	return 0;
}

static void push_closable(lua_State *L, const char *name)
{
	lua_newtable(L);
	lua_pushstring(L, name);
	lua_setfield(L, -2, "name");
	luaL_setmetatable(L, "Closable");
}

static int uses_tbc(lua_State *L)
{
	int fail = (int)lua_tointeger(L, 1);
	push_closable(L, "a");
	lua_toclose(L, -1);
	push_closable(L, "b");
	lua_toclose(L, -1);
	lua_pushnil(L);            /* nil and false are allowed, ignored */
	lua_toclose(L, -1);
	push_closable(L, "c");
	lua_toclose(L, -1);
	printf("  closing c explicitly\n");
	lua_closeslot(L, -1);
	printf("  slot after closeslot is nil: %d\n", lua_isnil(L, -1));
	lua_settop(L, 2);          /* closes the nil (ignored) and b */
	printf("  after settop(2)\n");
	if (fail)
		luaL_error(L, "boom");
	lua_pushstring(L, "result");
	return 1;                  /* closes a */
}

static int bad_tbc(lua_State *L)
{
	lua_newtable(L);
	lua_toclose(L, -1);
	return 0;
}

static void test_tbc(lua_State *L)
{
	printf("== to-be-closed slots\n");
	luaL_newmetatable(L, "Closable");
	lua_pushcfunction(L, closer);
	lua_setfield(L, -2, "__close");
	lua_pop(L, 1);

	lua_pushcfunction(L, uses_tbc);
	lua_pushinteger(L, 0);
	int st = lua_pcall(L, 1, 1, 0);
	printf("normal return: status %d %s\n", st, lua_tostring(L, -1));
	lua_settop(L, 0);

	lua_pushcfunction(L, uses_tbc);
	lua_pushinteger(L, 1);
	st = lua_pcall(L, 1, 1, 0);
	printf("error: status %d %s\n", st, lua_tostring(L, -1));
	lua_settop(L, 0);

	lua_pushcfunction(L, bad_tbc);
	st = lua_pcall(L, 0, 0, 0);
	printf("non-closable: status %d %s\n", st, lua_tostring(L, -1));
	lua_settop(L, 0);

	if (luaL_dostring(L, "local ok, e = pcall(function() local x <close> = setmetatable({name='lua'}, {__close=function(o, e) print('  lua __close', o.name, e) end}) error('E', 0) end) return ok, e") == LUA_OK)
		printf("Lua tbc: %s %s\n", lua_toboolean(L, -2) ? "true" : "false",
		       lua_tostring(L, -1));
	lua_settop(L, 0);
}

int main(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	luaL_newmetatable(L, "Point");
	lua_pushcfunction(L, point_gc);
	lua_setfield(L, -2, "__gc");
	lua_pop(L, 1);
	test_uservalues(L);
	test_gc(L);
	test_tbc(L);
	printf("closing\n");
	fflush(stdout);
	lua_close(L);
	printf("closed\n");
	return 0;
}
