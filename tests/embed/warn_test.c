/*
 * warn_test.c - embedding host for warnings: a host warning function
 * installed with lua_setwarnf receiving pieces (tocont) from lua_warning
 * and from Lua's warn(), the warning for an error inside a __gc
 * finalizer, control messages ("@on"/"@off") under the auxiliary
 * library's default warning function (its stderr output is redirected to
 * stdout here so the runner sees it), and removing the warning function.
 *
 * The .expected file was recorded with the same host linked against
 * Debian's liblua5.4.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

typedef struct Collector {
	char text[1024];
	int pieces;
	int messages;
} Collector;

static void collect(void *ud, const char *msg, int tocont)
{
	Collector *c = ud;
	c->pieces++;
	strncat(c->text, msg, sizeof c->text - strlen(c->text) - 1);
	if (!tocont) {
		c->messages++;
		printf("warning #%d in %d piece(s): [%s]\n", c->messages,
		       c->pieces, c->text);
		c->text[0] = '\0';
		c->pieces = 0;
	}
}

static int bad_gc(lua_State *L)
{
	(void)L;
	return luaL_error(L, "finalizer failed");
}

static int bad_gc_obj(lua_State *L)
{
	lua_newtable(L);
	return lua_error(L);
}

static void run(lua_State *L, const char *code)
{
	if (luaL_dostring(L, code) != LUA_OK) {
		printf("error: %s\n", lua_tostring(L, -1));
		lua_pop(L, 1);
	}
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	dup2(STDOUT_FILENO, STDERR_FILENO);

	lua_State *L = luaL_newstate();
	luaL_openlibs(L);

	printf("== default warning function (off at start)\n");
	lua_warning(L, "hidden", 0);
	lua_warning(L, "@on", 0);
	lua_warning(L, "visible ", 1);
	lua_warning(L, "in two pieces", 0);
	run(L, "warn('from ', 'Lua ', 'warn')");
	run(L, "warn('@off') warn('not shown') warn('@on')");
	run(L, "print(pcall(warn)) print(pcall(warn, 'a', {}))");
	lua_warning(L, "@off", 0);
	lua_warning(L, "hidden again", 0);

	printf("== host warning function\n");
	Collector c = { "", 0, 0 };
	lua_setwarnf(L, collect, &c);
	lua_warning(L, "one", 0);
	lua_warning(L, "a", 1);
	lua_warning(L, "b", 1);
	lua_warning(L, "c", 0);
	lua_warning(L, "@on", 0);   /* control messages are just text here */
	run(L, "warn('x', 'y', 'z')");

	printf("== errors in finalizers\n");
	lua_newtable(L);
	lua_newtable(L);
	lua_pushcfunction(L, bad_gc);
	lua_setfield(L, -2, "__gc");
	lua_setmetatable(L, -2);
	lua_pop(L, 1);
	lua_gc(L, LUA_GCCOLLECT);
	lua_newuserdatauv(L, 4, 0);
	lua_newtable(L);
	lua_pushcfunction(L, bad_gc_obj);
	lua_setfield(L, -2, "__gc");
	lua_setmetatable(L, -2);
	lua_pop(L, 1);
	lua_gc(L, LUA_GCCOLLECT);
	run(L, "setmetatable({}, {__gc = function() error('from Lua __gc') end}) collectgarbage()");
	printf("program continues\n");

	printf("== no warning function\n");
	lua_setwarnf(L, NULL, NULL);
	lua_warning(L, "dropped", 0);
	run(L, "warn('dropped too')");
	printf("done\n");
	lua_close(L);
	return 0;
}
