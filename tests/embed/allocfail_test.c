/*
 * allocfail_test.c - fault injection: every allocation a Lua program makes
 * may fail, and the engine must survive each one. For every snippet below
 * the host first counts the allocations the snippet makes, then runs it
 * again and again in a fresh state, failing allocation number n for every
 * n from 1 to the count (evenly spaced steps if it exceeds MAX_POINTS),
 * once as a single failure and once as a failure that persists (every
 * later allocation fails too). Each run must end in a status (any status:
 * which one depends on where the failure landed), after which, with
 * allocations working again, the state must pass a sanity check (a full
 * collection, a small program) and lua_close must give back every byte.
 * A crash, an assertion or a sanitizer report fails the test.
 *
 * Only engine-independent facts are printed (how many allocations a
 * snippet makes is not one), so the .expected file recorded with the same
 * host linked against Debian's liblua5.4 applies to Crescent unchanged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#define MAX_POINTS 100000

typedef struct Inject {
	size_t used;
	long count;          /* growing allocations so far */
	long fail_at;        /* 0: never fail */
	int persist;         /* fail every allocation from fail_at on */
	long failed;
} Inject;

static void *inject_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	Inject *in = ud;
	size_t old = ptr ? osize : 0;
	if (nsize == 0) {
		free(ptr);
		in->used -= old;
		return NULL;
	}
	if (nsize > old) {           /* shrinking never fails (Lua relies on it) */
		in->count++;
		if (in->fail_at > 0 && (in->count == in->fail_at ||
		                        (in->persist && in->count > in->fail_at))) {
			in->failed++;
			return NULL;
		}
	}
	void *p = realloc(ptr, nsize);
	if (p != NULL)
		in->used = in->used - old + nsize;
	return p;
}

static const struct {
	const char *name;
	const char *code;
} SNIPPETS[] = {
	{ "compile", "local f = load('local a, b = ... return function(x) return a + x * b, {x, a, b} end') return f(1, 2)(3)" },
	{ "tables", "local t = {} for i = 1, 200 do t[i] = {i, tostring(i), k = i} end t.x = 1 t[1.5] = 2 return #t" },
	{ "string keys", "local t = {} for i = 1, 100 do t['key' .. i] = i end for i = 1, 50 do t['key' .. i] = nil end return t.key99" },
	{ "strings", "local s = '' for i = 1, 60 do s = s .. i .. ',' end return s:upper():rep(3, '|'):sub(5, 90)" },
	{ "format and buffers", "return string.format('%5d %-8s %q %.3f %x', 42, 'abc', 'q\\n\\0', 1/3, 255) .. table.concat({1, 2, 3, 'x'}, '-')" },
	{ "patterns", "local n = 0 for w in ('one two three four'):gmatch('%a+') do n = n + #w end return ('hello world'):gsub('o', {o = '0'}), n" },
	{ "closures", "local fs = {} for i = 1, 50 do fs[i] = function() return i end end local s = 0 for i = 1, 50 do s = s + fs[i]() end return s" },
	{ "coroutines", "local co = coroutine.wrap(function(a) for i = 1, 10 do a = coroutine.yield(a + i) end return 'done' end) local r = 0 for i = 1, 10 do r = co(r) end return r" },
	{ "metatables", "local mt = {__index = function(t, k) return k .. '!' end, __add = function(a, b) return 7 end, __concat = function(a, b) return 'cat' end} local o = setmetatable({}, mt) return o.x, o + 1, o .. 'y'" },
	{ "errors", "local ok, e = pcall(error, {code = 1}) local ok2, e2 = pcall(function() local x = nil; return x.y end) return ok, e.code, ok2, e2" },
	{ "close and gc", "do local x <close> = setmetatable({}, {__close = function() end}) end setmetatable({}, {__gc = function() end}) collectgarbage() return 1" },
	{ "dump and undump", "local f = function(a) return a * 2, 'k' end local s = string.dump(f) local g = load(s, 'd', 'b') return g(21), #string.dump(f, true) > 0" },
	{ "sort and misc", "local t = {} for i = 1, 100 do t[i] = (i * 37) % 101 end table.sort(t, function(a, b) return a > b end) return t[1], select('#', table.unpack(t))" },
	{ "utf8 and pack", "return utf8.char(72, 8364, 128512), string.pack('<i4 z s1', 7, 'zz', 'abc'), string.unpack('<i4', string.pack('<i4', -5))" },
};
#define NSNIPPETS ((int)(sizeof SNIPPETS / sizeof SNIPPETS[0]))

/* One run of a snippet with a failure planned at allocation `fail_at`
 * (counted from the start of the snippet). Returns 0 if all is well. */
static int run_once(int which, long fail_at, int persist, long *allocs)
{
	Inject in = { 0, 0, 0, 0, 0 };
	lua_State *L = lua_newstate(inject_alloc, &in);
	if (L == NULL)
		return 1;
	luaL_openlibs(L);
	long base = in.count;
	in.persist = persist;
	in.fail_at = fail_at > 0 ? base + fail_at : 0;
	int st = luaL_loadstring(L, SNIPPETS[which].code);
	if (st == LUA_OK)
		st = lua_pcall(L, 0, LUA_MULTRET, 0);
	int status_ok = st == LUA_OK || st == LUA_ERRMEM || st == LUA_ERRRUN ||
	                st == LUA_ERRSYNTAX || st == LUA_ERRERR;
	if (allocs != NULL)
		*allocs = in.count - base;
	in.fail_at = 0;                  /* allocations work again */
	lua_settop(L, 0);
	lua_gc(L, LUA_GCCOLLECT);
	int sane = luaL_dostring(L, "local t = {} for i = 1, 100 do t[i] = i .. '' end "
	                            "return #t + #table.concat(t)") == LUA_OK &&
	           lua_tointeger(L, -1) == 100 + 192;
	lua_close(L);
	if (!status_ok || !sane || in.used != 0) {
		printf("  %s: failure at allocation %ld%s: status %d, sane %d, leaked %d\n",
		       SNIPPETS[which].name, fail_at, persist ? " (persistent)" : "", st, sane,
		       in.used != 0);
		return 1;
	}
	return 0;
}

int main(void)
{
	int bad_total = 0;
	for (int i = 0; i < NSNIPPETS; i++) {
		long allocs = 0;
		int bad = run_once(i, 0, 0, &allocs);
		if (bad) {
			printf("%s: does not run cleanly without failures\n", SNIPPETS[i].name);
			bad_total++;
			continue;
		}
		long step = allocs / MAX_POINTS + 1;
		for (long n = 1; n <= allocs; n += step) {
			bad += run_once(i, n, 0, NULL);
			bad += run_once(i, n, 1, NULL);
		}
		printf("%-20s every injected failure recovered: %s\n", SNIPPETS[i].name,
		       bad == 0 ? "yes" : "NO");
		bad_total += bad;
	}
	printf("%s\n", bad_total == 0 ? "all recovered" : "FAILURES");
	return 0;
}
