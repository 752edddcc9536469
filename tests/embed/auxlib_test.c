/*
 * auxlib_test.c - embedding host that exercises the auxiliary library
 * (luaL_*) from C and prints what it observes.
 *
 * The output is deterministic (no addresses), so the same program built
 * against Crescent and against Debian's liblua5.4 must print the same
 * text; auxlib_test.expected was recorded from liblua5.4.  It covers what
 * Lua scripts cannot reach: references, buffers driven from C, typed
 * userdata, luaL_setfuncs upvalues, messages raised with no Lua caller,
 * and the panic handler.
 *
 *   cc -Iinclude tests/embed/auxlib_test.c -o t -l<lua library> && ./t
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static void section(const char *name)
{
	printf("== %s\n", name);
}

/* Runs f under lua_pcall and prints its error message (or "ok"). */
static void run_protected(lua_State *L, const char *what, lua_CFunction f)
{
	lua_pushcfunction(L, f);
	int status = lua_pcall(L, 0, 0, 0);
	if (status == LUA_OK) {
		printf("%s: ok\n", what);
	} else {
		printf("%s: status %d: %s\n", what, status,
		       lua_tostring(L, -1));
		lua_pop(L, 1);
	}
}

/* Runs a Lua snippet and prints its results or error. */
static void run_lua(lua_State *L, const char *code)
{
	int base = lua_gettop(L);
	int status = luaL_loadstring(L, code);
	if (status == LUA_OK)
		status = lua_pcall(L, 0, LUA_MULTRET, 0);
	int n = lua_gettop(L) - base;
	printf("[%s] ->", code);
	for (int i = 1; i <= n; i++) {
		const char *s = luaL_tolstring(L, base + i, NULL);
		printf(" %s", s);
		lua_pop(L, 1);
	}
	printf(" (status %d)\n", status);
	lua_settop(L, base);
}


/* ===================================================================
 * References
 * =================================================================== */

static void test_refs(lua_State *L)
{
	section("refs");
	lua_newtable(L);
	int t = lua_gettop(L);
	lua_pushstring(L, "a");
	int ra = luaL_ref(L, t);
	lua_pushstring(L, "b");
	int rb = luaL_ref(L, t);
	lua_pushnil(L);
	int rnil = luaL_ref(L, t);
	/* the numbers themselves depend on the table's border choice */
	printf("a>0=%d b>0=%d distinct=%d nil=%d top=%d\n", ra > 0, rb > 0,
	       ra != rb, rnil, lua_gettop(L));
	luaL_unref(L, t, ra);
	luaL_unref(L, t, LUA_NOREF);
	luaL_unref(L, t, LUA_REFNIL);
	lua_pushstring(L, "c");
	int rc = luaL_ref(L, t);
	lua_rawgeti(L, t, rc);
	lua_rawgeti(L, t, rb);
	printf("c reuses a: %d t[c]=%s t[b]=%s\n", rc == ra, lua_tostring(L, -2),
	       lua_tostring(L, -1));
	lua_settop(L, t - 1);

	/* registry references survive and are distinct */
	lua_pushstring(L, "reg1");
	int r1 = luaL_ref(L, LUA_REGISTRYINDEX);
	lua_pushstring(L, "reg2");
	int r2 = luaL_ref(L, LUA_REGISTRYINDEX);
	lua_rawgeti(L, LUA_REGISTRYINDEX, r1);
	lua_rawgeti(L, LUA_REGISTRYINDEX, r2);
	printf("registry: distinct=%d %s %s\n", r1 != r2,
	       lua_tostring(L, -2), lua_tostring(L, -1));
	lua_pop(L, 2);
	luaL_unref(L, LUA_REGISTRYINDEX, r2);
	luaL_unref(L, LUA_REGISTRYINDEX, r1);
	lua_pushstring(L, "reg3");
	int r3 = luaL_ref(L, LUA_REGISTRYINDEX);
	printf("registry reuse: %d\n", r3 == r1);
	luaL_unref(L, LUA_REGISTRYINDEX, r3);
}


/* ===================================================================
 * Buffers
 * =================================================================== */

static void test_buffers(lua_State *L)
{
	section("buffers");
	int top = lua_gettop(L);
	luaL_Buffer b;

	luaL_buffinit(L, &b);
	printf("slot after init: %d\n", lua_gettop(L) - top);
	luaL_addstring(&b, "hello");
	luaL_addchar(&b, ' ');
	luaL_addlstring(&b, "world!!!", 5);
	lua_pushinteger(L, 42);
	luaL_addvalue(&b);
	lua_pushnumber(L, 2.5);
	luaL_addvalue(&b);
	luaL_addlstring(&b, "", 0);
	luaL_buffsub(&b, 1);
	printf("len before result: %zu\n", luaL_bufflen(&b));
	luaL_pushresult(&b);
	printf("result: '%s' stack: %d\n", lua_tostring(L, -1),
	       lua_gettop(L) - top);
	lua_pop(L, 1);

	/* grows well past the embedded storage, mixing all entry points */
	luaL_buffinit(L, &b);
	for (int i = 0; i < 5000; i++) {
		luaL_addchar(&b, (char)('a' + i % 26));
		if (i % 100 == 0) {
			lua_pushfstring(L, "<%d>", i);
			luaL_addvalue(&b);
		}
	}
	char *p = luaL_prepbuffsize(&b, 10000);
	memset(p, 'z', 10000);
	luaL_addsize(&b, 10000);
	p = luaL_prepbuffer(&b);
	memcpy(p, "END", 3);
	luaL_addsize(&b, 3);
	luaL_pushresult(&b);
	size_t len;
	const char *s = lua_tolstring(L, -1, &len);
	printf("big: len=%zu head=%.12s tail=%s stack: %d\n", len, s,
	       s + len - 5, lua_gettop(L) - top);
	lua_pop(L, 1);

	p = luaL_buffinitsize(L, &b, 3000);
	memset(p, 'q', 3000);
	luaL_pushresultsize(&b, 3000);
	s = lua_tolstring(L, -1, &len);
	printf("initsize: len=%zu first=%c stack: %d\n", len, s[0],
	       lua_gettop(L) - top);
	lua_pop(L, 1);

	/* balanced stack use between buffer operations is allowed */
	luaL_buffinit(L, &b);
	luaL_addstring(&b, "x");
	lua_pushstring(L, "kept");
	printf("above slot: %s\n", lua_tostring(L, -1));
	lua_pop(L, 1);
	p = luaL_prepbuffsize(&b, 5000);
	memset(p, 'y', 5000);
	lua_pushstring(L, "kept2");
	lua_pop(L, 1);
	luaL_addsize(&b, 5000);
	luaL_pushresult(&b);
	printf("len=%zu stack: %d\n", (size_t)lua_rawlen(L, -1),
	       lua_gettop(L) - top);
	lua_pop(L, 1);

	printf("gsub: %s\n", luaL_gsub(L, "a.b.c..d", ".", "::"));
	printf("gsub none: %s\n", luaL_gsub(L, "abc", "x", "y"));
	printf("gsub all: %s\n", luaL_gsub(L, "xxx", "x", ""));
	lua_pop(L, 3);
	luaL_buffinit(L, &b);
	luaL_addgsub(&b, "path/?.lua", "?", "mod");
	luaL_addgsub(&b, ";", ";", "|");
	luaL_pushresult(&b);
	printf("addgsub: %s stack: %d\n", lua_tostring(L, -1),
	       lua_gettop(L) - top);
	lua_pop(L, 1);
}


/* ===================================================================
 * Metatables, typed userdata, tolstring
 * =================================================================== */

static int point_tostring(lua_State *L)
{
	int *pt = (int *)luaL_checkudata(L, 1, "Point");
	lua_pushfstring(L, "Point(%d, %d)", pt[0], pt[1]);
	return 1;
}

static int point_x(lua_State *L)
{
	int *pt = (int *)luaL_checkudata(L, 1, "Point");
	lua_pushinteger(L, pt[0]);
	return 1;
}

static int point_new(lua_State *L)
{
	int x = (int)luaL_checkinteger(L, 1);
	int y = (int)luaL_optinteger(L, 2, 0);
	int *pt = (int *)lua_newuserdatauv(L, 2 * sizeof(int), 0);
	pt[0] = x;
	pt[1] = y;
	luaL_setmetatable(L, "Point");
	return 1;
}

static void test_meta(lua_State *L)
{
	section("meta");
	int top = lua_gettop(L);
	printf("new: %d\n", luaL_newmetatable(L, "Point"));
	static const luaL_Reg methods[] = {
		{"__tostring", point_tostring},
		{"x", point_x},
		{"reserved", NULL},
		{NULL, NULL},
	};
	luaL_setfuncs(L, methods, 0);
	lua_pushvalue(L, -1);
	lua_setfield(L, -2, "__index");
	printf("again: %d same=%d\n", luaL_newmetatable(L, "Point"),
	       lua_rawequal(L, -1, -2));
	lua_pop(L, 2);
	lua_register(L, "Point", point_new);

	run_lua(L, "local p = Point(3, 4) return tostring(p), p:x(), p.reserved");
	run_lua(L, "local p = Point(3) return p.x({})");
	run_lua(L, "local p = Point(3) return p.x(io.stdout)");
	run_lua(L, "return Point(1, 2.5)");
	run_lua(L, "return Point('7', '8')");
	run_lua(L, "local m = getmetatable(Point(1)) return m.__name, m.reserved");
	run_lua(L, "return getmetatable(Point(1)).x(Point(9))");
	run_lua(L, "local o = setmetatable({}, {__name = 'Fake'}) return getmetatable(Point(1)).x(o)");
	run_lua(L, "return getmetatable(Point(1)).x(nil)");

	lua_pushinteger(L, 5);
	printf("testudata(number): %p\n", luaL_testudata(L, -1, "Point"));
	lua_pushlightuserdata(L, &top);
	printf("testudata(light): %p\n", luaL_testudata(L, -1, "Point"));
	lua_newuserdatauv(L, 4, 0);
	printf("testudata(plain): %p\n", luaL_testudata(L, -1, "Point"));
	lua_settop(L, top);

	lua_newtable(L);
	printf("getmetafield(no mt): %d top+%d\n",
	       luaL_getmetafield(L, -1, "__index"), lua_gettop(L) - top);
	printf("callmeta(no mt): %d\n", luaL_callmeta(L, -1, "__tostring"));
	lua_newtable(L);
	lua_pushinteger(L, 10);
	lua_setfield(L, -2, "__len");
	lua_setmetatable(L, -2);
	printf("getmetafield(__len): %d top+%d\n",
	       luaL_getmetafield(L, -1, "__len"), lua_gettop(L) - top);
	lua_pop(L, 1);
	printf("getmetafield(missing): %d top+%d\n",
	       luaL_getmetafield(L, -1, "__nothing"), lua_gettop(L) - top);
	lua_settop(L, top);

	/* tolstring of every basic kind without addresses */
	lua_pushinteger(L, -7);
	lua_pushnumber(L, 1.0);
	lua_pushnumber(L, 1e15);
	lua_pushnumber(L, 0.1);
	lua_pushboolean(L, 0);
	lua_pushnil(L);
	lua_pushliteral(L, "str");
	for (int i = top + 1; i <= top + 7; i++) {
		size_t len;
		const char *s = luaL_tolstring(L, i, &len);
		printf("tolstring: '%s' (%zu)\n", s, len);
		lua_pop(L, 1);
	}
	lua_settop(L, top);
}


/* ===================================================================
 * Argument checks and errors
 * =================================================================== */

static int needs_int(lua_State *L)
{
	lua_pushinteger(L, luaL_checkinteger(L, 1));
	return 1;
}

static int option_fn(lua_State *L)
{
	static const char *const opts[] = {"alpha", "beta", NULL};
	lua_pushinteger(L, luaL_checkoption(L, 1, "beta", opts));
	lua_pushinteger(L, luaL_checkoption(L, 2, NULL, opts));
	return 2;
}

static int checks_fn(lua_State *L)
{
	luaL_checkany(L, 1);
	luaL_checktype(L, 2, LUA_TTABLE);
	size_t len;
	const char *s = luaL_optlstring(L, 3, "default", &len);
	lua_Number n = luaL_optnumber(L, 4, 1.5);
	lua_pushfstring(L, "%s/%d/%f", s, (int)len, n);
	return 1;
}

static int no_caller_argerror(lua_State *L)
{
	return luaL_argerror(L, 3, "custom problem");
}

static int error_fmt(lua_State *L)
{
	return luaL_error(L, "fmt %d %s %f %%", 12, "str", 2.5);
}

static int stack_fn(lua_State *L)
{
	luaL_checkstack(L, 2000000, "too deep");
	return 0;
}

static int stack_fn_nomsg(lua_State *L)
{
	luaL_checkstack(L, 2000000, NULL);
	return 0;
}

static int len_fn(lua_State *L)
{
	lua_pushinteger(L, luaL_len(L, 1));
	return 1;
}

static int version_bad(lua_State *L)
{
	luaL_checkversion_(L, 503, LUAL_NUMSIZES);
	return 0;
}

static int version_sizes(lua_State *L)
{
	luaL_checkversion_(L, LUA_VERSION_NUM, 4);
	return 0;
}

static int version_ok(lua_State *L)
{
	luaL_checkversion(L);
	return 0;
}

static int where_fn(lua_State *L)
{
	luaL_where(L, (int)luaL_checkinteger(L, 1));
	return 1;
}

static int traceback_fn(lua_State *L)
{
	luaL_traceback(L, L, luaL_optstring(L, 1, NULL), 0);
	return 1;
}

static void test_args(lua_State *L)
{
	section("args");
	lua_register(L, "needs_int", needs_int);
	lua_register(L, "option_fn", option_fn);
	lua_register(L, "checks_fn", checks_fn);
	lua_register(L, "len_fn", len_fn);
	lua_register(L, "where_fn", where_fn);
	lua_register(L, "traceback_fn", traceback_fn);
	run_lua(L, "return needs_int(3), needs_int('4'), needs_int(5.0)");
	run_lua(L, "return needs_int(3.5)");
	run_lua(L, "return needs_int('x')");
	run_lua(L, "return needs_int()");
	run_lua(L, "return needs_int(2^63)");
	run_lua(L, "return option_fn(nil, 'alpha')");
	run_lua(L, "return option_fn('alpha', 'beta')");
	run_lua(L, "return option_fn('gamma', 'beta')");
	run_lua(L, "return option_fn('beta')");
	run_lua(L, "return checks_fn(1, {})");
	run_lua(L, "return checks_fn(1, {}, 'abc', '2')");
	run_lua(L, "return checks_fn(1, {}, 7, 8)");
	run_lua(L, "return checks_fn()");
	run_lua(L, "return checks_fn(nil)");
	run_lua(L, "return checks_fn(nil, 1)");
	run_lua(L, "return checks_fn(nil, {}, {})");
	run_lua(L, "return checks_fn(nil, {}, nil, 'x')");
	run_lua(L, "local t = {f = checks_fn} return t.f(1)");
	run_lua(L, "local t = {f = checks_fn} return t:f(1)");
	run_lua(L, "local t = {f = checks_fn} return t:f()");
	run_lua(L, "local t = {f = checks_fn} return t:f({}, {})");
	run_lua(L, "local f = needs_int return f(nil)");
	run_lua(L, "return (needs_int)(nil)");
	run_lua(L, "return pcall(needs_int)");
	run_lua(L, "return len_fn('abcd'), len_fn({1, 2, 3})");
	run_lua(L, "return len_fn(setmetatable({}, {__len = function() return 2.5 end}))");
	run_lua(L, "return len_fn(setmetatable({}, {__len = function() return 7.0 end}))");
	run_lua(L, "return len_fn(5)");
	run_lua(L, "return where_fn(1)");
	run_lua(L, "return where_fn(0)");
	run_lua(L, "return where_fn(5)");
	run_lua(L, "\n\nreturn traceback_fn('msg')");
	run_lua(L, "return traceback_fn()");

	run_protected(L, "argerror without caller", no_caller_argerror);
	run_protected(L, "luaL_error format", error_fmt);
	run_protected(L, "checkstack", stack_fn);
	run_protected(L, "checkstack nomsg", stack_fn_nomsg);
	run_protected(L, "checkversion bad", version_bad);
	run_protected(L, "checkversion sizes", version_sizes);
	run_protected(L, "checkversion ok", version_ok);
}


/* ===================================================================
 * Registration helpers
 * =================================================================== */

static int counter(lua_State *L)
{
	lua_Integer n = lua_tointeger(L, lua_upvalueindex(1)) + 1;
	lua_pushinteger(L, n);
	lua_copy(L, -1, lua_upvalueindex(1));
	lua_pushvalue(L, lua_upvalueindex(2));
	return 2;
}

static int open_mymod(lua_State *L)
{
	static const luaL_Reg funcs[] = {
		{"count", counter},
		{"count2", counter},
		{NULL, NULL},
	};
	printf("open_mymod(%s)\n", lua_tostring(L, 1));
	luaL_newlibtable(L, funcs);
	lua_pushinteger(L, 100);
	lua_pushstring(L, "tag");
	luaL_setfuncs(L, funcs, 2);
	return 1;
}

static void test_registration(lua_State *L)
{
	section("registration");
	int top = lua_gettop(L);
	luaL_requiref(L, "mymod", open_mymod, 1);
	printf("requiref left: %d\n", lua_gettop(L) - top);
	lua_pop(L, 1);
	luaL_requiref(L, "mymod", open_mymod, 0);	/* not reopened */
	lua_pop(L, 1);
	run_lua(L, "return mymod.count(), mymod.count(), mymod.count2()");
	run_lua(L, "return package.loaded.mymod == mymod");
	run_lua(L, "return require('mymod') == mymod");

	lua_newtable(L);
	printf("getsubtable new: %d\n", luaL_getsubtable(L, -1, "sub"));
	lua_pushinteger(L, 1);
	lua_setfield(L, -2, "x");
	lua_pop(L, 1);
	printf("getsubtable old: %d\n", luaL_getsubtable(L, -1, "sub"));
	lua_getfield(L, -1, "x");
	printf("x = %d top+%d\n", (int)lua_tointeger(L, -1),
	       lua_gettop(L) - top);
	lua_settop(L, top);

	lua_newtable(L);
	lua_pushinteger(L, 5);
	lua_setfield(L, -2, "sub");
	printf("getsubtable replaces non-table: %d\n",
	       luaL_getsubtable(L, -1, "sub"));
	lua_settop(L, top);
}


/* ===================================================================
 * Loading
 * =================================================================== */

static void test_loading(lua_State *L)
{
	section("loading");
	int top = lua_gettop(L);
	const char code[] = "return ...";
	printf("loadbuffer: %d\n",
	       luaL_loadbuffer(L, code, sizeof(code) - 1, "=buf"));
	lua_pushinteger(L, 9);
	lua_call(L, 1, 1);
	printf("result: %d\n", (int)lua_tointeger(L, -1));
	lua_pop(L, 1);

	printf("loadbufferx mode b: %d %s\n",
	       luaL_loadbufferx(L, code, sizeof(code) - 1, "=buf", "b"),
	       lua_tostring(L, -1));
	lua_pop(L, 1);
	printf("loadstring syntax: %d %s\n", luaL_loadstring(L, "x = = 1"),
	       lua_tostring(L, -1));
	lua_pop(L, 1);
	printf("loadbuffer embedded zero: %d\n",
	       luaL_loadbuffer(L, "return 1\0garbage", 16, "zero"));
	lua_pop(L, 1);
	printf("dostring: %d\n", luaL_dostring(L, "return 1, 2"));
	printf("results: %d\n", lua_gettop(L) - top);
	lua_settop(L, top);
	printf("dostring error: %d %s\n", luaL_dostring(L, "error('e')"),
	       lua_tostring(L, -1));
	lua_settop(L, top);

	printf("loadfile missing: %d %s\n",
	       luaL_loadfile(L, "/nonexistent/dir/f.lua"), lua_tostring(L, -1));
	lua_settop(L, top);
	printf("dofile missing: %d\n", luaL_dofile(L, "/nonexistent/f.lua"));
	printf("stack: %d\n", lua_gettop(L) - top);
	lua_settop(L, top);

	/* a script with a BOM and a shebang, from a temporary file */
	char path[] = "/tmp/auxlib_test_XXXXXX";
	int fd = mkstemp(path);
	if (fd >= 0) {
		FILE *f = fdopen(fd, "w");
		fputs("\xEF\xBB\xBF#!/bin/lua\nreturn debug.getinfo(1, 'l')"
		      ".currentline, ...\n", f);
		fclose(f);
		printf("loadfilex: %d\n", luaL_loadfilex(L, path, "t"));
		lua_pushliteral(L, "arg");
		lua_call(L, 1, 2);
		printf("line %d arg %s\n", (int)lua_tointeger(L, -2),
		       lua_tostring(L, -1));
		lua_settop(L, top);
		printf("loadfilex mode b: %d\n", luaL_loadfilex(L, path, "b"));
		lua_settop(L, top);
		remove(path);
	}
}


/* ===================================================================
 * File and exec results
 * =================================================================== */

static void print_results(lua_State *L, int n)
{
	for (int i = n; i >= 1; i--) {
		printf(" %s", luaL_tolstring(L, -i, NULL));
		lua_pop(L, 1);
	}
	printf("\n");
	lua_pop(L, n);
}

static void test_results(lua_State *L)
{
	section("results");
	errno = ENOENT;
	printf("fileresult ok:");
	print_results(L, luaL_fileresult(L, 1, "name"));
	errno = ENOENT;
	printf("fileresult fail:");
	print_results(L, luaL_fileresult(L, 0, "name"));
	errno = EACCES;
	printf("fileresult noname:");
	print_results(L, luaL_fileresult(L, 0, NULL));
	errno = 0;
	printf("execresult 0:");
	print_results(L, luaL_execresult(L, 0));
	printf("execresult exit 2:");
	print_results(L, luaL_execresult(L, 2 << 8));
	printf("execresult signal 9:");
	print_results(L, luaL_execresult(L, 9));
	errno = ECHILD;
	printf("execresult -1 with errno:");
	print_results(L, luaL_execresult(L, -1));
}


/* ===================================================================
 * Panic
 * =================================================================== */

static void test_panic(void)
{
	section("panic");
	fflush(stdout);
	/* the default panic handler writes to stderr; show it on stdout */
	if (freopen("/dev/null", "w", stderr) == NULL)
		return;
	lua_State *L = luaL_newstate();
	lua_CFunction old = lua_atpanic(L, NULL);
	lua_atpanic(L, old);
	printf("has panic handler: %d\n", old != NULL);
	lua_close(L);
}

int main(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	test_refs(L);
	test_buffers(L);
	test_meta(L);
	test_args(L);
	test_registration(L);
	test_loading(L);
	test_results(L);
	printf("final top: %d\n", lua_gettop(L));
	lua_close(L);
	test_panic();
	return 0;
}
