/*
 * oom_test.c - embedding host that fails allocations on purpose, at every
 * allocation of a whole program run in turn: for N = 1, 2, ... the state's
 * allocator (an API hook: lua_newstate with our own lua_Alloc) refuses
 * its N-th allocation, until a run gets through without reaching N.
 *
 *   "once" mode: only the N-th allocation fails. The engine must recover
 *   with an emergency collection and a retry, wherever the allocation was
 *   (compiler, tables, strings, stacks, coroutines, the collector's own
 *   work): the program must end normally with exactly the result of an
 *   undisturbed run.
 *
 *   "from" mode: every allocation from the N-th on fails (memory is gone).
 *   The run must end with the "not enough memory" error (caught by pcall
 *   inside the program or returned by lua_pcall), never a crash; then, with
 *   memory back, the same state must pass a check (a collection, fresh
 *   work, and the whole program run again with the undisturbed result).
 *
 * Odd N run with the collector in incremental mode, even N in
 * generational mode. After every run lua_close must give back every byte
 * (under ASan, leaks and bad accesses are reported too). The program exercises tables (array,
 * fields, hash, resizing), strings (interning, concatenation, string
 * library, formatting), closures and upvalues, coroutines, metatables,
 * weak tables and finalizers, errors and pcall, and the compiler.
 *
 * Output is a summary that does not depend on the engine's allocation
 * count, so the .expected file is recorded against liblua5.4 like every
 * host here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

typedef struct Failer {
	long count;        /* allocations so far (frees not counted) */
	long fail_at;      /* the allocation to refuse (0: none) */
	int from;          /* refuse every allocation from fail_at on */
	long refused;
	size_t used;
} Failer;

static void *failing_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	Failer *f = ud;
	size_t old = ptr ? osize : 0;      /* osize is a type tag for new blocks */
	if (nsize == 0) {
		free(ptr);
		f->used -= old;
		return NULL;
	}
	f->count++;
	if (f->fail_at > 0 && (f->count == f->fail_at ||
	                       (f->from && f->count > f->fail_at))) {
		f->refused++;
		return NULL;
	}
	void *p = realloc(ptr, nsize);
	if (p != NULL)
		f->used = f->used - old + nsize;
	return p;
}

static const char *const program =
	"local function mem(ok, e)\n"
	"  if not ok and e == 'not enough memory' then error(e, 0) end\n"
	"  return ok, e\n"
	"end\n"
	"local out = {}\n"
	"local function add(v) out[#out + 1] = tostring(v) end\n"
	/* tables: array, shaped fields, hash, growth and shrinking */
	"local t = {}\n"
	"for i = 1, 100 do t[i] = i * i end\n"
	"for i = 1, 30 do t['k' .. i] = {x = i, y = -i} end\n"
	"for i = 1, 30, 2 do t['k' .. i] = nil end\n"
	"local s = 0\n"
	"for k, v in pairs(t) do if type(v) == 'table' then s = s + v.x end end\n"
	"add(#t) add(s)\n"
	/* strings and the string library */
	"local parts = {}\n"
	"for i = 1, 40 do parts[#parts + 1] = string.format('%05d:%s', i, ('ab'):rep(i % 7)) end\n"
	"local joined = table.concat(parts, ',')\n"
	"add(#joined) add(joined:sub(1, 20))\n"
	"add((joined:gsub('%d+', function(d) return #d end)):len())\n"
	"add(select(2, joined:gsub('ab', 'x')))\n"
	"add(('x'):rep(100) .. 'y' .. 1.5 .. 7)\n"
	"add(string.pack('i4s1', 7, 'packed'):len())\n"
	/* closures and upvalues */
	"local function counter() local n = 0 return function() n = n + 1 return n end end\n"
	"local cs = {}\n"
	"for i = 1, 12 do cs[i] = counter() end\n"
	"for i = 1, 12 do for _ = 1, i do cs[i]() end end\n"
	"local cc = 0 for i = 1, 12 do cc = cc + cs[i]() end\n"
	"add(cc)\n"
	/* coroutines */
	"local gen = coroutine.wrap(function()\n"
	"  for i = 1, 15 do coroutine.yield({i}) end\n"
	"end)\n"
	"local gs = 0 for _ = 1, 15 do gs = gs + gen()[1] end\n"
	"add(gs)\n"
	"local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) error({b}) end)\n"
	"local ok1, v1 = coroutine.resume(co, 1)\n"
	"mem(ok1, v1)\n"
	"local ok2, v2 = coroutine.resume(co, 5)\n"
	"mem(ok2, v2)\n"
	"add(v1) add(type(v2) == 'table' and v2[1])\n"
	/* metatables and classes */
	"local Point = {}\n"
	"Point.__index = Point\n"
	"function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end\n"
	"function Point:len2() return self.x * self.x + self.y * self.y end\n"
	"Point.__add = function(a, b) return Point.new(a.x + b.x, a.y + b.y) end\n"
	"local acc = Point.new(0, 0)\n"
	"for i = 1, 20 do acc = acc + Point.new(i, -i) end\n"
	"add(acc:len2())\n"
	/* weak tables and finalizers */
	"local finalized = 0\n"
	"local weak = setmetatable({}, {__mode = 'v'})\n"
	"do\n"
	"  local tmp = {}\n"
	"  for i = 1, 10 do tmp[i] = setmetatable({i}, {__gc = function() finalized = finalized + 1 end}) weak[i] = tmp[i] end\n"
	"end\n"
	"collectgarbage()\n"
	"collectgarbage()\n"
	"add(finalized) add(next(weak) == nil)\n"
	/* errors */
	"local ok3, e3 = mem(pcall(error, {code = 42}))\n"
	"add(type(e3) == 'table' and e3.code)\n"
	"local ok4, e4 = mem(pcall(function() local x = nil; return x.field end))\n"
	"add(e4)\n"
	"local ok5, e5 = mem(pcall(string.rep))\n"
	"add(e5)\n"
	/* the compiler */
	"local f = assert(load('local a, b = ... return a * b + #\"' .. ('z'):rep(50) .. '\"'))\n"
	"add(f(6, 7))\n"
	"local bad, msg = load('return +')\n"
	"add(bad == nil and msg ~= nil)\n"
	"table.sort(parts, function(a, b) return a > b end)\n"
	"add(parts[1])\n"
	"return table.concat(out, ' ')\n";

static const char *const checker =
	"collectgarbage()\n"
	"local t = {}\n"
	"for i = 1, 500 do t[i] = tostring(i) .. '!' end\n"
	"local s = table.concat(t)\n"
	"local co = coroutine.wrap(function() coroutine.yield(#s) end)\n"
	"return co() + #t\n";

/* Loads and runs code; returns the status, with the result or the error
 * message (copied) in buf. */
static int run(lua_State *L, const char *code, char *buf, size_t size)
{
	lua_settop(L, 0);
	int st = luaL_loadstring(L, code);
	if (st == LUA_OK)
		st = lua_pcall(L, 0, 1, 0);
	const char *s = lua_tostring(L, -1);
	snprintf(buf, size, "%s", s != NULL ? s : "(not a string)");
	lua_settop(L, 0);
	return st;
}

/* A state with the standard libraries, its collector in generational or
 * incremental mode. */
static lua_State *newstate(Failer *f, int generational)
{
	memset(f, 0, sizeof *f);
	lua_State *L = lua_newstate(failing_alloc, f);
	if (L != NULL) {
		/* only the libraries the program uses: states are made by
		 * the thousand */
		luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
		luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
		luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
		luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
		lua_settop(L, 0);
		if (generational)
			lua_gc(L, LUA_GCGEN, 0, 0);
	}
	return L;
}

int main(void)
{
	char reference[2048], result[2048], checkref[64], checkres[64];
	Failer f;

	lua_State *L = newstate(&f, 0);
	if (run(L, program, reference, sizeof reference) != LUA_OK) {
		printf("undisturbed run failed: %s\n", reference);
		return 1;
	}
	run(L, checker, checkref, sizeof checkref);
	lua_close(L);
	if (f.used != 0) {
		printf("undisturbed run leaked\n");
		return 1;
	}
	L = newstate(&f, 1);
	run(L, program, result, sizeof result);
	lua_close(L);
	printf("same result in both collector modes: %s\n",
	       strcmp(result, reference) == 0 ? "yes" : "NO");

	for (int from = 0; from <= 1; from++) {
		long refusedruns = 0, errors = 0, wrong = 0, leaks = 0;
		long badmsg = 0, badcheck = 0, misses = 0;
		for (long n = 1; ; n++) {
			/* odd N: incremental collector, even N: generational
			 * (both modes see failures all along the run, at half
			 * the cost of trying every N in each) */
			L = newstate(&f, n % 2 == 0);
			if (L == NULL) {
				printf("lua_newstate failed\n");
				return 1;
			}
			f.count = 0;           /* count from the program's start */
			f.fail_at = n;
			f.from = from;
			int st = run(L, program, result, sizeof result);
			long reached = f.count;
			f.fail_at = 0;         /* memory is back */
			if (f.refused > 0)
				refusedruns++;
			if (st == LUA_OK) {
				if (strcmp(result, reference) != 0) {
					wrong++;
					if (wrong <= 3)
						printf("%s N=%ld: wrong result\n  %s\n",
						       from ? "from" : "once", n, result);
				}
			} else {
				errors++;
				if (strcmp(result, "not enough memory") != 0) {
					badmsg++;
					if (badmsg <= 3)
						printf("%s N=%ld: status %d, message: %s\n",
						       from ? "from" : "once", n, st, result);
				}
				/* the state is still usable: check it, then run
				 * the whole program again */
				if (run(L, checker, checkres, sizeof checkres) != LUA_OK ||
				    strcmp(checkres, checkref) != 0 ||
				    run(L, program, result, sizeof result) != LUA_OK ||
				    strcmp(result, reference) != 0) {
					badcheck++;
					if (badcheck <= 3)
						printf("%s N=%ld: state unusable after the error: %s\n",
						       from ? "from" : "once", n, result);
				}
			}
			lua_close(L);
			if (f.used != 0)
				leaks++;
			/* done when runs of both modes never got to N */
			if (reached >= n)
				misses = 0;
			else if (++misses == 2)
				break;
		}
		printf("mode %s: every allocation failed in turn: %s\n",
		       from ? "from N on" : "only the N-th", refusedruns > 200 ? "yes" : "NO");
		if (from)
			printf("  ended in \"not enough memory\": %s\n",
			       errors == refusedruns && badmsg == 0 ? "every time" : "NO");
		else
			printf("  recovered by an emergency collection: %s\n",
			       errors == 0 ? "every time" : "NO");
		printf("  wrong results: %ld, bad messages: %ld, unusable states: %ld, leaks: %ld\n",
		       wrong, badmsg, badcheck, leaks);
	}
	return 0;
}
