/*
 * upvalue_test.c - embedding host for the upvalue functions of the API:
 * lua_getupvalue / lua_setupvalue on Lua functions (names, "(no name)"
 * after stripping, _ENV) and C closures (empty names), out-of-range
 * indices, lua_upvalueid identity for shared and distinct upvalues,
 * lua_upvaluejoin, and upvalues of light C functions.
 *
 * The .expected file was recorded with the same host linked against
 * Debian's liblua5.4.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static void list_upvalues(lua_State *L, int fidx, const char *label)
{
	printf("%s:", label);
	for (int n = 0; n <= 4; n++) {
		const char *name = lua_getupvalue(L, fidx, n);
		if (name == NULL) {
			printf(" [%d]=none", n);
			continue;
		}
		printf(" [%d]'%s'=", n, name);
		if (lua_isinteger(L, -1) || lua_type(L, -1) == LUA_TSTRING)
			printf("%s", lua_tostring(L, -1));
		else
			printf("<%s>", luaL_typename(L, -1));
		lua_pop(L, 1);
	}
	printf("\n");
}

static int cfun(lua_State *L)
{
	lua_pushvalue(L, lua_upvalueindex(1));
	return 1;
}

static int writer(lua_State *L, const void *p, size_t sz, void *ud)
{
	(void)L;
	luaL_addlstring((luaL_Buffer *)ud, p, sz);
	return 0;
}

int main(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);

	printf("== Lua functions\n");
	luaL_dostring(L,
	    "local a, b = 1, 'two' "
	    "local function f() return a, b, print end "
	    "local function g() a = a + 1 return a end "
	    "local function h() return b end "
	    "return f, g, h");
	/* stack: f g h */
	list_upvalues(L, 1, "f");
	list_upvalues(L, 2, "g");
	list_upvalues(L, 3, "h");
	printf("id f.a == g.a: %d\n",
	       lua_upvalueid(L, 1, 1) == lua_upvalueid(L, 2, 1));
	printf("id f.b == h.b: %d\n",
	       lua_upvalueid(L, 1, 2) == lua_upvalueid(L, 3, 1));
	printf("id f.a == f.b: %d\n",
	       lua_upvalueid(L, 1, 1) == lua_upvalueid(L, 1, 2));
	printf("id out of range is NULL: %d\n", lua_upvalueid(L, 1, 9) == NULL);

	lua_pushinteger(L, 100);
	const char *name = lua_setupvalue(L, 1, 1);
	printf("setupvalue f 1 -> '%s' top=%d\n", name, lua_gettop(L));
	lua_pushvalue(L, 2);
	lua_call(L, 0, 1);
	printf("g() sees the shared upvalue: %lld\n",
	       (long long)lua_tointeger(L, -1));
	lua_pop(L, 1);
	lua_pushinteger(L, 5);
	name = lua_setupvalue(L, 1, 7);
	printf("setupvalue out of range -> %s top=%d\n",
	       name ? "name" : "NULL", lua_gettop(L));
	lua_pop(L, 1);

	printf("== upvaluejoin\n");
	lua_upvaluejoin(L, 3, 1, 1, 1);   /* h's b := f's a */
	printf("after join: id h.1 == f.1: %d\n",
	       lua_upvalueid(L, 3, 1) == lua_upvalueid(L, 1, 1));
	lua_pushvalue(L, 3);
	lua_call(L, 0, 1);
	printf("h() -> %s\n", lua_tostring(L, -1));
	lua_pop(L, 1);
	lua_pushvalue(L, 2);
	lua_call(L, 0, 1);
	lua_pop(L, 1);
	lua_pushvalue(L, 3);
	lua_call(L, 0, 1);
	printf("h() after g() increments -> %s\n", lua_tostring(L, -1));
	lua_settop(L, 0);

	printf("== stripped function\n");
	luaL_loadstring(L, "local x, y = 1, 2 return function() return x + y end");
	lua_call(L, 0, 1);
	luaL_Buffer buf;
	luaL_buffinit(L, &buf);
	lua_pushvalue(L, 1);
	lua_dump(L, writer, &buf, 1);
	lua_pop(L, 1);
	luaL_pushresult(&buf);
	size_t len;
	const char *bin = lua_tolstring(L, -1, &len);
	luaL_loadbuffer(L, bin, len, "=stripped");
	list_upvalues(L, -1, "stripped");
	lua_settop(L, 0);

	printf("== C closures\n");
	lua_pushstring(L, "first");
	lua_pushinteger(L, 2);
	lua_pushcclosure(L, cfun, 2);
	list_upvalues(L, 1, "closure");
	printf("ids distinct: %d, id 3 NULL: %d\n",
	       lua_upvalueid(L, 1, 1) != lua_upvalueid(L, 1, 2),
	       lua_upvalueid(L, 1, 3) == NULL);
	lua_pushstring(L, "changed");
	printf("setupvalue -> '%s'\n", lua_setupvalue(L, 1, 1));
	lua_pushvalue(L, 1);
	lua_call(L, 0, 1);
	printf("closure returns %s\n", lua_tostring(L, -1));
	lua_settop(L, 0);
	lua_pushcfunction(L, cfun);
	list_upvalues(L, 1, "light");
	printf("light id NULL: %d\n", lua_upvalueid(L, 1, 1) == NULL);
	lua_pushinteger(L, 1);
	list_upvalues(L, 2, "number");
	lua_settop(L, 0);

	printf("== from Lua (debug library)\n");
	luaL_dostring(L,
	    "local u = 0 local function f() u = u + 1 return u end "
	    "local function g() return u end "
	    "print(debug.getupvalue(f, 1), debug.upvalueid(f, 1) == debug.upvalueid(g, 1)) "
	    "local v = 'other' local function k() return v end "
	    "debug.upvaluejoin(g, 1, k, 1) print(g(), f())");
	printf("final top=%d\n", lua_gettop(L));
	lua_close(L);
	return 0;
}
