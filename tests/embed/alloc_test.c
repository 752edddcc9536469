/*
 * alloc_test.c - embedding host for the allocator and the collector's
 * controls: a state created with lua_newstate over a counting allocator
 * with a memory limit, LUA_ERRMEM from scripts that outgrow it (inside
 * lua_pcall, while loading, inside a coroutine), the state staying usable
 * afterwards, lua_getallocf/lua_setallocf, and lua_gc's options and return
 * values (stop/restart/isrunning, count, step, setpause/setstepmul,
 * generational/incremental switches). No byte counts are printed: they
 * are engine-specific.
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

typedef struct Budget {
	size_t used;
	size_t limit;      /* 0: unlimited */
	long failures;
	long calls;
} Budget;

static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	Budget *b = ud;
	b->calls++;
	if (ptr == NULL)
		osize = 0;      /* osize then encodes the object kind */
	if (nsize == 0) {
		free(ptr);
		b->used -= osize;
		return NULL;
	}
	if (b->limit != 0 && nsize > osize && b->used + (nsize - osize) > b->limit) {
		b->failures++;
		return NULL;
	}
	void *p = realloc(ptr, nsize);
	if (p != NULL)
		b->used = b->used - osize + nsize;
	return p;
}

static int second_alloc_calls;

static void *second_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	second_alloc_calls++;
	return limited_alloc(ud, ptr, osize, nsize);
}

static const char *status_name(int st)
{
	static const char *names[] = { "OK", "YIELD", "ERRRUN", "ERRSYNTAX",
		"ERRMEM", "ERRERR" };
	return st >= 0 && st <= 5 ? names[st] : "?";
}

static void run(lua_State *L, const char *what, const char *code)
{
	int st = luaL_loadstring(L, code);
	if (st == LUA_OK)
		st = lua_pcall(L, 0, 1, 0);
	printf("%s: %s", what, status_name(st));
	if (lua_type(L, -1) == LUA_TSTRING)
		printf(" '%s'", lua_tostring(L, -1));
	else
		printf(" %s", luaL_typename(L, -1));
	printf("\n");
	lua_pop(L, 1);
}

static int panic(lua_State *L)
{
	printf("PANIC: %s\n", lua_tostring(L, -1));
	exit(1);
}

int main(void)
{
	Budget b = { 0, 0, 0, 0 };
	lua_State *L = lua_newstate(limited_alloc, &b);
	if (L == NULL) {
		printf("lua_newstate failed\n");
		return 1;
	}
	lua_atpanic(L, panic);
	luaL_openlibs(L);
	printf("allocator used: %d, memory accounted: %d\n", b.calls > 0,
	       b.used > 0);

	void *ud = NULL;
	lua_Alloc f = lua_getallocf(L, &ud);
	printf("getallocf: same function %d, same ud %d\n", f == limited_alloc,
	       ud == &b);
	printf("getallocf(NULL ud) ok: %d\n", lua_getallocf(L, NULL) == limited_alloc);

	printf("== gc controls\n");
	int kb = lua_gc(L, LUA_GCCOUNT);
	int bytes = lua_gc(L, LUA_GCCOUNTB);
	printf("count plausible: %d (kb>0 %d, remainder<1024 %d)\n",
	       kb > 0 && bytes >= 0 && bytes < 1024, kb > 0, bytes < 1024);
	printf("isrunning=%d\n", lua_gc(L, LUA_GCISRUNNING));
	printf("stop -> %d, isrunning=%d\n", lua_gc(L, LUA_GCSTOP),
	       lua_gc(L, LUA_GCISRUNNING));
	printf("restart -> %d, isrunning=%d\n", lua_gc(L, LUA_GCRESTART),
	       lua_gc(L, LUA_GCISRUNNING));
	printf("collect -> %d\n", lua_gc(L, LUA_GCCOLLECT));
	printf("setpause(150) -> previous %d\n", lua_gc(L, LUA_GCSETPAUSE, 150));
	printf("setpause(200) -> previous %d\n", lua_gc(L, LUA_GCSETPAUSE, 200));
	printf("setstepmul(300) -> previous %d\n", lua_gc(L, LUA_GCSETSTEPMUL, 300));
	printf("setstepmul(100) -> previous %d\n", lua_gc(L, LUA_GCSETSTEPMUL, 100));
	printf("gen -> previous mode %s\n",
	       lua_gc(L, LUA_GCGEN, 0, 0) == LUA_GCINC ? "incremental" : "generational");
	printf("gen again -> previous mode %s\n",
	       lua_gc(L, LUA_GCGEN, 0, 0) == LUA_GCINC ? "incremental" : "generational");
	printf("inc -> previous mode %s\n",
	       lua_gc(L, LUA_GCINC, 0, 0, 0) == LUA_GCINC ? "incremental" : "generational");
	printf("inc again -> previous mode %s\n",
	       lua_gc(L, LUA_GCINC, 0, 0, 0) == LUA_GCINC ? "incremental" : "generational");
	printf("unknown option -> %d\n", lua_gc(L, 1234));
	lua_gc(L, LUA_GCSTOP);
	int cycles = 0;
	for (int i = 0; i < 1000 && cycles == 0; i++)
		cycles = lua_gc(L, LUA_GCSTEP, 0);
	printf("step eventually finishes a cycle: %d, still stopped: %d\n",
	       cycles, !lua_gc(L, LUA_GCISRUNNING));
	lua_gc(L, LUA_GCRESTART);
	run(L, "collectgarbage options",
	    "return table.concat({collectgarbage('isrunning') and 'running' or 'stopped', "
	    "collectgarbage('incremental'), collectgarbage('generational'), collectgarbage('incremental'), "
	    "tostring(collectgarbage('step', 0) ~= nil)}, ' ')");

	printf("== memory limit\n");
	lua_gc(L, LUA_GCCOLLECT);
	b.limit = b.used + 256 * 1024;
	run(L, "growing string", "local s = 'x' for i = 1, 40 do s = s .. s end return #s");
	printf("allocation failures seen: %d\n", b.failures > 0);
	run(L, "growing table", "local t = {} for i = 1, 1e7 do t[i] = {i} end return #t");
	run(L, "state still works", "return 'ok ' .. (1 + 1)");
	run(L, "error message is the preallocated one",
	    "local ok, e = pcall(string.rep, 'x', 1 << 30) return tostring(ok) .. ' ' .. e");
	run(L, "in a coroutine",
	    "local co = coroutine.create(function() local t = {} for i = 1, 1e7 do t[i] = i end end) "
	    "local ok, e = coroutine.resume(co) return tostring(ok) .. ' ' .. e .. ' ' .. coroutine.status(co)");
	run(L, "xpcall handler sees it",
	    "return select(2, xpcall(function() return ('y'):rep(1 << 29) end, function(m) return 'handled: ' .. m end))");
	b.limit = 0;
	run(L, "limit lifted", "local s = ('z'):rep(1 << 20) return #s");

	printf("== lua_setallocf\n");
	lua_setallocf(L, second_alloc, &b);
	run(L, "allocating through the new function", "local t = {} for i = 1, 100 do t[i] = {} end return #t");
	printf("second allocator used: %d\n", second_alloc_calls > 0);
	lua_close(L);
	printf("all memory returned: %d\n", b.used == 0);
	return 0;
}
