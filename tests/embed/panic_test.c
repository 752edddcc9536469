/*
 * panic_test.c - embedding host for errors raised outside any protected
 * call: lua_atpanic (returning the previous handler), a panic handler that
 * leaves through longjmp so the host survives, the error object it sees
 * (strings, numbers, tables, the memory-error message), lua_error with
 * non-string objects under lua_pcall, and the auxiliary library's default
 * panic handler, run in a child process because it ends with abort().
 *
 * The .expected file was recorded with the same host linked against
 * Debian's liblua5.4.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static jmp_buf escape;

static int my_panic(lua_State *L)
{
	int t = lua_type(L, -1);
	printf("panic handler: error object is a %s", lua_typename(L, t));
	if (t == LUA_TSTRING || t == LUA_TNUMBER)
		printf(": %s", lua_tostring(L, -1));
	printf("\n");
	longjmp(escape, 1);
}

static int throw_table(lua_State *L)
{
	lua_newtable(L);
	lua_pushinteger(L, 42);
	lua_setfield(L, -2, "code");
	return lua_error(L);
}

static int throw_number(lua_State *L)
{
	lua_pushinteger(L, 7);
	return lua_error(L);
}

static int throw_nil(lua_State *L)
{
	lua_pushnil(L);
	return lua_error(L);
}

static int throw_memerr(lua_State *L)
{
	/* The memory-error message (an interned string, so any equal string
	 * is it) is raised with status LUA_ERRMEM, so a C function passing a
	 * memory error on keeps its status. */
	lua_pushstring(L, "not enough memory");
	return lua_error(L);
}

static void protected(lua_State *L, const char *what, lua_CFunction f)
{
	lua_pushcfunction(L, f);
	int st = lua_pcall(L, 0, 0, 0);
	printf("%s: status %d, object %s", what, st, luaL_typename(L, -1));
	if (lua_istable(L, -1)) {
		lua_getfield(L, -1, "code");
		printf(" code=%lld", (long long)lua_tointeger(L, -1));
		lua_pop(L, 1);
	} else if (lua_isstring(L, -1)) {
		printf(" '%s'", lua_tostring(L, -1));
	}
	printf("\n");
	lua_settop(L, 0);
}

static void default_panic_child(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(STDOUT_FILENO, STDERR_FILENO);
		lua_State *L = luaL_newstate();
		lua_pushstring(L, "unprotected message");
		lua_error(L);
		printf("not reached\n");
		_exit(0);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	printf("child ended by SIGABRT: %d\n",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);

	printf("== lua_error under lua_pcall\n");
	protected(L, "table", throw_table);
	protected(L, "number", throw_number);
	protected(L, "nil", throw_nil);
	protected(L, "memory error", throw_memerr);

	printf("== panic\n");
	lua_CFunction old = lua_atpanic(L, my_panic);
	printf("luaL_newstate installed a panic function: %d\n", old != NULL);
	printf("atpanic returns the previous one: %d\n",
	       lua_atpanic(L, my_panic) == my_panic);
	volatile int round = 0;
	if (setjmp(escape) == 0) {
		round = 1;
		lua_pushstring(L, "plain message");
		lua_error(L);
	}
	if (round == 1 && setjmp(escape) == 0) {
		round = 2;
		luaL_error(L, "formatted %d", 12);
	}
	if (round == 2 && setjmp(escape) == 0) {
		round = 3;
		lua_pushinteger(L, 3);
		lua_pushnil(L);
		lua_arith(L, LUA_OPADD);      /* error outside any pcall */
	}
	if (round == 3 && setjmp(escape) == 0) {
		round = 4;
		throw_table(L);
	}
	if (round == 4 && setjmp(escape) == 0) {
		round = 5;
		lua_getglobal(L, "error");
		lua_pushinteger(L, 99);
		lua_call(L, 1, 0);
	}
	printf("survived %d panics\n", round);
	/* After a panic the stack is in an unknown state; the state may only
	 * be closed. */
	lua_close(L);

	printf("== default panic handler\n");
	default_panic_child();
	return 0;
}
