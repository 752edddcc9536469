/*
 * load_test.c - embedding host for lua_load and lua_dump: a reader that
 * delivers the chunk in tiny pieces, chunk names, the mode argument
 * ("t", "b", "bt") and its errors, syntax errors, the _ENV upvalue of a
 * loaded main chunk (set to the globals table, or replaced by the host with
 * lua_setupvalue), a lua_dump/lua_load round trip with and without debug
 * information (the bytes are engine-specific and never printed), dumping a
 * C function, and a writer that fails.
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

/* Reader handing out at most `step` bytes per call. */
typedef struct Pieces {
	const char *data;
	size_t len, pos, step;
	int calls;
} Pieces;

static const char *read_pieces(lua_State *L, void *ud, size_t *size)
{
	(void)L;
	Pieces *p = ud;
	p->calls++;
	size_t n = p->len - p->pos;
	if (n > p->step)
		n = p->step;
	*size = n;
	const char *r = p->data + p->pos;
	p->pos += n;
	return n ? r : NULL;
}

typedef struct Buffer {
	char *data;
	size_t len;
	int writes;
	int fail_after;   /* -1: never */
} Buffer;

static int write_buffer(lua_State *L, const void *p, size_t sz, void *ud)
{
	(void)L;
	Buffer *b = ud;
	if (b->fail_after >= 0 && b->writes >= b->fail_after)
		return 17;
	b->writes++;
	b->data = realloc(b->data, b->len + sz + 1);
	memcpy(b->data + b->len, p, sz);
	b->len += sz;
	return 0;
}

static int load_pieces(lua_State *L, const char *code, size_t len,
                       size_t step, const char *name, const char *mode)
{
	Pieces p = { code, len, 0, step, 0 };
	return lua_load(L, read_pieces, &p, name, mode);
}

static void report(lua_State *L, const char *what, int st)
{
	printf("%s: status %d", what, st);
	if (st != LUA_OK)
		printf(" %s", lua_tostring(L, -1));
	else
		printf(" %s", luaL_typename(L, -1));
	printf("\n");
	lua_pop(L, 1);
}

static void call_and_print(lua_State *L, int nargs)
{
	int st = lua_pcall(L, nargs, LUA_MULTRET, 0);
	printf("  call -> %d:", st);
	int n = lua_gettop(L);
	for (int i = 1; i <= n; i++) {
		printf(" %s", luaL_tolstring(L, i, NULL));
		lua_pop(L, 1);
	}
	printf("\n");
	lua_settop(L, 0);
}

static void test_load(lua_State *L)
{
	printf("== lua_load\n");
	const char *code = "local a, b = ... ; x_global = (a or 0) + (b or 0) ; return 'sum', x_global, _ENV == _G";
	for (size_t step = 1; step <= 64; step *= 4) {
		Pieces p = { code, strlen(code), 0, step, 0 };
		int st = lua_load(L, read_pieces, &p, "=pieces", NULL);
		printf("step %zu: status %d, reader called %s\n", step, st,
		       p.calls > 1 ? "several times" : "once");
		lua_pushinteger(L, 40);
		lua_pushinteger(L, (lua_Integer)step);
		call_and_print(L, 2);
	}
	report(L, "empty chunk", load_pieces(L, "", 0, 10, "=empty", "t"));
	int st = load_pieces(L, "return 1 +", 10, 3, "@file.lua", NULL);
	report(L, "syntax error @", st);
	st = load_pieces(L, "x = = 1", 7, 3, "=(custom)", NULL);
	report(L, "syntax error =", st);
	st = load_pieces(L, "\n\nfor", 5, 3, "local code", NULL);
	report(L, "syntax error source", st);
	st = lua_load(L, read_pieces, &(Pieces){ "return", 6, 0, 6, 0 }, NULL, NULL);
	report(L, "NULL chunk name", st);
	st = load_pieces(L, "return 1", 8, 8, "=text", "b");
	report(L, "text in mode b", st);
	st = load_pieces(L, "return 1", 8, 8, "=text", "bt");
	report(L, "text in mode bt", st);
	st = load_pieces(L, "#!shebang\nreturn 1", 18, 5, "=shebang", NULL);
	report(L, "luaL_loadbuffer-like shebang (raw lua_load)", st);
	st = luaL_loadstring(L, "return 'upvalue check'");
	printf("main chunk upvalue 1 is '%s'\n", lua_getupvalue(L, -1, 1));
	lua_pushglobaltable(L);
	printf("  and it is _G: %d\n", lua_rawequal(L, -1, -2));
	lua_settop(L, 0);
}

static void test_env(lua_State *L)
{
	printf("== _ENV replaced by the host\n");
	luaL_loadstring(L, "y = 5 ; return print == nil, y");
	lua_newtable(L);
	lua_pushvalue(L, -1);
	lua_setfield(L, LUA_REGISTRYINDEX, "sandbox");
	printf("setupvalue -> '%s'\n", lua_setupvalue(L, -2, 1));
	call_and_print(L, 0);
	lua_getfield(L, LUA_REGISTRYINDEX, "sandbox");
	lua_getfield(L, -1, "y");
	lua_Integer y = lua_tointeger(L, -1);
	lua_getglobal(L, "y");
	printf("sandbox.y=%lld global y is nil: %d\n", (long long)y,
	       lua_isnil(L, -1));
	lua_settop(L, 0);
}

static void test_dump(lua_State *L)
{
	printf("== lua_dump round trip\n");
	const char *code =
	    "local k = 10\n"
	    "local function f(n) if n <= 1 then return 1 end return n * f(n - 1) end\n"
	    "local t = {}\n"
	    "for i = 1, 3 do t[i] = f(i + 2) + k end\n"
	    "return table.concat(t, ','), 3.25, 'str', math.maxinteger, 2^63, -0.0, nil, true\n";
	for (int strip = 0; strip <= 1; strip++) {
		luaL_loadstring(L, code);
		Buffer b = { NULL, 0, 0, -1 };
		int st = lua_dump(L, write_buffer, &b, strip);
		printf("strip=%d: dump status %d, wrote something %d, function still on top %d\n",
		       strip, st, b.len > 0, lua_isfunction(L, -1));
		printf("  starts with signature: %d\n",
		       b.len >= 4 && memcmp(b.data, LUA_SIGNATURE, 4) == 0);
		lua_pop(L, 1);
		st = load_pieces(L, b.data, b.len, 7, "=dumped", "b");
		printf("  reload (mode b, 7-byte pieces): status %d\n", st);
		call_and_print(L, 0);
		st = luaL_loadbufferx(L, b.data, b.len, "=dumped", "t");
		report(L, "  binary in mode t", st);
		st = luaL_loadbufferx(L, b.data, b.len / 2, "=dumped", NULL);
		printf("  truncated binary: status %d\n", st);
		lua_pop(L, 1);
		free(b.data);
	}

	printf("-- upvalues of a dumped inner function\n");
	luaL_loadstring(L, "local up = 'outer' ; return function() return up, type(print) end");
	lua_call(L, 0, 1);
	Buffer b = { NULL, 0, 0, -1 };
	lua_dump(L, write_buffer, &b, 0);
	lua_pop(L, 1);
	luaL_loadbuffer(L, b.data, b.len, "=inner");
	free(b.data);
	printf("  upvalue 1 name '%s' is the globals table: ",
	       lua_getupvalue(L, -1, 1));
	lua_pushglobaltable(L);
	printf("%d\n", lua_rawequal(L, -1, -2));
	lua_pop(L, 2);
	lua_pushstring(L, "restored");
	lua_setupvalue(L, -2, 1);
	call_and_print(L, 0);

	printf("-- dumping other values\n");
	lua_pushcfunction(L, luaopen_base);
	b = (Buffer){ NULL, 0, 0, -1 };
	printf("C function: %d writes=%d\n", lua_dump(L, write_buffer, &b, 0),
	       b.writes);
	lua_pop(L, 1);
	printf("-- failing writer\n");
	luaL_loadstring(L, "return 1");
	b = (Buffer){ NULL, 0, 0, 0 };
	printf("writer error: %d\n", lua_dump(L, write_buffer, &b, 0));
	free(b.data);
	lua_settop(L, 0);
	printf("-- string.dump from Lua\n");
	luaL_dostring(L, "local s = string.dump(function(a) return a * 2 end) "
	              "print(type(s), #s > 0, load(s, 'x', 'b')(21)) "
	              "print(pcall(string.dump, print))");
}

int main(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	test_load(L);
	test_env(L);
	test_dump(L);
	printf("final top=%d\n", lua_gettop(L));
	lua_close(L);
	return 0;
}
