/*
 * table_test.c - embedding host for table access from C: lua_gettable,
 * getfield, geti, settable, setfield, seti (through __index/__newindex,
 * functions and chains), the raw variants including lua_rawgetp/rawsetp,
 * globals, lua_createtable, lua_next (order of the array part, the
 * "invalid key to 'next'" error), metatables of tables and of basic types,
 * and a table finalizer (__gc) run by lua_close.
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

static void check_top(lua_State *L, int expected, const char *where)
{
	if (lua_gettop(L) != expected)
		printf("!! %s: top %d, expected %d\n", where, lua_gettop(L),
		       expected);
}

/* Print the type a get function returned and the value it pushed (the
 * call is made before this, so argument order cannot matter). */
static void got(lua_State *L, const char *label, int type)
{
	printf("%s -> %d %s\n", label, type,
	       lua_isstring(L, -1) ? lua_tostring(L, -1) : luaL_typename(L, -1));
}

static void run(lua_State *L, const char *code)
{
	if (luaL_dostring(L, code) != LUA_OK) {
		printf("error: %s\n", lua_tostring(L, -1));
		lua_pop(L, 1);
	}
}

static void test_plain(lua_State *L)
{
	printf("== plain tables\n");
	lua_createtable(L, 4, 4);
	lua_pushstring(L, "v1");
	lua_setfield(L, 1, "a");
	lua_pushinteger(L, 2);
	lua_pushstring(L, "two");
	lua_settable(L, 1);
	lua_pushstring(L, "three");
	lua_seti(L, 1, 3);
	lua_pushnumber(L, 1.0);          /* float key 1.0 is integer key 1 */
	lua_pushstring(L, "one");
	lua_settable(L, 1);
	check_top(L, 1, "after sets");
	got(L, "getfield a", lua_getfield(L, 1, "a"));
	got(L, "geti 1", lua_geti(L, 1, 1));
	lua_pushinteger(L, 2);
	got(L, "gettable 2", lua_gettable(L, 1));
	got(L, "geti 3", lua_geti(L, 1, 3));
	printf("getfield missing -> %d\n", lua_getfield(L, 1, "missing"));
	printf("geti 99 -> %d\n", lua_geti(L, 1, 99));
	lua_settop(L, 1);
	printf("rawlen=%llu\n", (unsigned long long)lua_rawlen(L, 1));

	/* long string keys (not interned) */
	char key[100];
	memset(key, 'k', sizeof key - 1);
	key[sizeof key - 1] = '\0';
	lua_pushstring(L, "long value");
	lua_setfield(L, 1, key);
	lua_pushstring(L, key);
	got(L, "long key gettable", lua_gettable(L, 1));
	lua_pop(L, 1);

	/* overwrite and delete */
	lua_pushstring(L, "v1b");
	lua_setfield(L, 1, "a");
	lua_getfield(L, 1, "a");
	printf("overwritten a -> %s\n", lua_tostring(L, -1));
	lua_pop(L, 1);
	lua_pushnil(L);
	lua_setfield(L, 1, "a");
	printf("deleted a -> %d\n", lua_getfield(L, 1, "a"));
	lua_pop(L, 1);
	check_top(L, 1, "plain end");
	lua_settop(L, 0);
}

static int key_anchor;

static void test_raw(lua_State *L)
{
	printf("== raw access\n");
	run(L, "T = setmetatable({}, {__index=function(t,k) return 'meta:'..tostring(k) end, "
	       "__newindex=function(t,k,v) rawset(t, k, 'via:'..tostring(v)) end})");
	lua_getglobal(L, "T");
	lua_pushstring(L, "x");
	printf("rawget x -> %d\n", lua_rawget(L, 1));
	lua_pop(L, 1);
	printf("getfield x -> %s\n", (lua_getfield(L, 1, "x"), lua_tostring(L, -1)));
	lua_pop(L, 1);
	printf("rawgeti 5 -> %d ", lua_rawgeti(L, 1, 5));
	lua_pop(L, 1);
	printf("geti 5 -> %s\n", (lua_geti(L, 1, 5), lua_tostring(L, -1)));
	lua_pop(L, 1);
	lua_pushinteger(L, 7);
	lua_setfield(L, 1, "y");           /* goes through __newindex */
	lua_pushinteger(L, 8);
	lua_pushstring(L, "z");
	lua_insert(L, -2);
	lua_rawset(L, 1);                  /* does not */
	lua_pushinteger(L, 9);
	lua_rawseti(L, 1, 1);
	lua_pushstring(L, "pval");
	lua_rawsetp(L, 1, &key_anchor);
	check_top(L, 1, "after raw sets");
	lua_getfield(L, 1, "y");
	lua_getfield(L, 1, "z");
	lua_rawgeti(L, 1, 1);
	printf("y=%s z=%s [1]=%s\n", lua_tostring(L, -3), lua_tostring(L, -2),
	       lua_tostring(L, -1));
	lua_pop(L, 3);
	got(L, "rawgetp", lua_rawgetp(L, 1, &key_anchor));
	lua_pop(L, 1);
	lua_pushlightuserdata(L, &key_anchor);
	printf("rawget lightuserdata -> %d\n", lua_rawget(L, 1));
	lua_pop(L, 1);
	lua_pushstring(L, "w");
	lua_pushboolean(L, 1);
	lua_settable(L, 1);
	lua_getfield(L, 1, "w");
	printf("settable via __newindex -> %s\n", lua_tostring(L, -1));
	lua_settop(L, 0);
}

static void test_chains(lua_State *L)
{
	printf("== __index / __newindex chains\n");
	run(L, "base = {greet='hello'}; mid = setmetatable({}, {__index=base}); "
	       "top = setmetatable({}, {__index=mid}); "
	       "store = {}; proxy = setmetatable({}, {__newindex=store})");
	lua_getglobal(L, "top");
	lua_getfield(L, -1, "greet");
	printf("top.greet -> %s\n", lua_tostring(L, -1));
	lua_pop(L, 2);
	lua_getglobal(L, "proxy");
	lua_pushstring(L, "stored");
	lua_setfield(L, -2, "k");
	lua_pushstring(L, "stored2");
	lua_seti(L, -2, 4);
	lua_pop(L, 1);
	run(L, "print('proxy.k', rawget(proxy, 'k'), 'store.k', store.k, 'store[4]', store[4])");
	run(L, "loop = setmetatable({}, {}); getmetatable(loop).__index = loop");
	lua_settop(L, 0);
	run(L, "local ok, e = pcall(function() return loop.x end) print(ok, e)");
}

static int index_nontable(lua_State *L)
{
	lua_pushinteger(L, 1);
	lua_getfield(L, -1, "x");
	return 1;
}

static int newindex_nontable(lua_State *L)
{
	lua_pushnil(L);
	lua_pushinteger(L, 1);
	lua_seti(L, 1, 3);
	return 0;
}

static int next_invalid(lua_State *L)
{
	lua_newtable(L);
	lua_pushstring(L, "nokey");
	lua_next(L, 1);
	return 0;
}

static int rawset_nil_key(lua_State *L)
{
	lua_newtable(L);
	lua_pushnil(L);
	lua_pushinteger(L, 1);
	lua_rawset(L, 1);
	return 0;
}

static int rawset_nan_key(lua_State *L)
{
	lua_newtable(L);
	lua_pushnumber(L, 0.0 / 0.0);
	lua_pushinteger(L, 1);
	lua_rawset(L, 1);
	return 0;
}

static void protected(lua_State *L, const char *what, lua_CFunction f)
{
	lua_pushcfunction(L, f);
	int st = lua_pcall(L, 0, 0, 0);
	printf("%s -> %d %s\n", what, st, st ? lua_tostring(L, -1) : "ok");
	lua_settop(L, 0);
}

static void test_errors(lua_State *L)
{
	printf("== errors\n");
	protected(L, "index a number", index_nontable);
	protected(L, "newindex nil", newindex_nontable);
	protected(L, "next with a bad key", next_invalid);
	protected(L, "rawset nil key", rawset_nil_key);
	protected(L, "rawset NaN key", rawset_nan_key);
}

static void test_next(lua_State *L)
{
	printf("== next\n");
	run(L, "arr = {10, 20, 30, 40}");
	lua_getglobal(L, "arr");
	lua_pushnil(L);
	while (lua_next(L, 1)) {
		printf("  %lld -> %lld\n", (long long)lua_tointeger(L, -2),
		       (long long)lua_tointeger(L, -1));
		lua_pop(L, 1);
	}
	check_top(L, 1, "after next");
	lua_settop(L, 0);
	/* string keys: count and sum, order-independent */
	run(L, "rec = {a=1, b=2, c=3, d=4, [1.5]=5, [true]=6}");
	lua_getglobal(L, "rec");
	int n = 0;
	lua_Integer sum = 0;
	lua_pushnil(L);
	while (lua_next(L, -2)) {
		n++;
		sum += lua_tointeger(L, -1);
		lua_pop(L, 1);
	}
	printf("record: %d keys, sum %lld\n", n, (long long)sum);
	/* clearing fields during traversal is allowed */
	lua_pushnil(L);
	while (lua_next(L, 1)) {
		lua_pop(L, 1);
		lua_pushvalue(L, -1);
		lua_pushnil(L);
		lua_rawset(L, 1);
	}
	lua_pushnil(L);
	printf("after clearing: next -> %d\n", lua_next(L, 1));
	lua_settop(L, 0);
}

static void test_globals(lua_State *L)
{
	printf("== globals\n");
	lua_pushinteger(L, 123);
	lua_setglobal(L, "g1");
	got(L, "getglobal g1", lua_getglobal(L, "g1"));
	printf("getglobal nope -> %d\n", lua_getglobal(L, "nope"));
	lua_settop(L, 0);
	run(L, "setmetatable(_G, {__index=function(_, k) return 'default:'..k end})");
	lua_getglobal(L, "undefined_thing");
	printf("with _G __index -> %s\n", lua_tostring(L, -1));
	lua_settop(L, 0);
	run(L, "setmetatable(_G, nil)");
}

static void test_metatables(lua_State *L)
{
	printf("== metatables\n");
	lua_newtable(L);
	printf("plain table getmetatable -> %d top=%d\n",
	       lua_getmetatable(L, 1), lua_gettop(L));
	lua_newtable(L);
	lua_pushstring(L, "MyType");
	lua_setfield(L, -2, "__name");
	printf("setmetatable -> %d\n", lua_setmetatable(L, 1));
	printf("getmetatable -> %d\n", lua_getmetatable(L, 1));
	lua_getfield(L, -1, "__name");
	printf("__name=%s\n", lua_tostring(L, -1));
	lua_settop(L, 1);
	lua_pushnil(L);
	lua_setmetatable(L, 1);
	printf("after clearing: %d\n", lua_getmetatable(L, 1));
	lua_settop(L, 0);

	lua_pushliteral(L, "s");
	printf("string has metatable: %d\n", lua_getmetatable(L, 1));
	lua_getfield(L, -1, "__index");
	lua_getglobal(L, "string");
	printf("its __index is string: %d\n", lua_rawequal(L, -1, -2));
	lua_settop(L, 0);

	lua_pushinteger(L, 1);
	printf("number has metatable: %d\n", lua_getmetatable(L, 1));
	run(L, "return {__index=function(n, k) return k .. '#' .. n end}");
	lua_setmetatable(L, 1);
	run(L, "print((5).abc)");
	lua_pushnumber(L, 2.5);
	printf("float shares it: %d\n", lua_getmetatable(L, -1));
	lua_settop(L, 0);
	lua_pushinteger(L, 0);
	lua_pushnil(L);
	lua_setmetatable(L, 1);
	lua_settop(L, 0);

	lua_pushboolean(L, 1);
	lua_newtable(L);
	lua_setmetatable(L, 1);
	lua_pushboolean(L, 0);
	printf("boolean metatable shared: %d\n", lua_getmetatable(L, 2));
	lua_settop(L, 0);
}

static int finalizer(lua_State *L)
{
	lua_getfield(L, 1, "name");
	printf("__gc of %s\n", lua_tostring(L, -1));
	return 0;
}

static void test_gc_tables(lua_State *L)
{
	printf("== table finalizers\n");
	for (int i = 1; i <= 2; i++) {
		lua_newtable(L);
		lua_pushfstring(L, "table%d", i);
		lua_setfield(L, -2, "name");
		lua_newtable(L);
		lua_pushcfunction(L, finalizer);
		lua_setfield(L, -2, "__gc");
		lua_setmetatable(L, -2);
		lua_setfield(L, LUA_REGISTRYINDEX, i == 1 ? "keep1" : "keep2");
	}
	lua_pushnil(L);
	lua_setfield(L, LUA_REGISTRYINDEX, "keep1");
	lua_gc(L, LUA_GCCOLLECT);
	printf("after collect\n");
	/* __gc added after setmetatable does not count */
	lua_newtable(L);
	lua_newtable(L);
	lua_setmetatable(L, -2);
	lua_getmetatable(L, -1);
	lua_pushcfunction(L, finalizer);
	lua_setfield(L, -2, "__gc");
	lua_settop(L, 0);
	lua_gc(L, LUA_GCCOLLECT);
	printf("late __gc ignored\n");
}

int main(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	test_plain(L);
	test_raw(L);
	test_chains(L);
	test_errors(L);
	test_next(L);
	test_globals(L);
	test_metatables(L);
	test_gc_tables(L);
	printf("closing\n");
	fflush(stdout);
	lua_close(L);
	printf("closed\n");
	return 0;
}
