/*
 * memlimit_test.c - embedding host for a memory limit set through the
 * allocator: programs that allocate without bound, in every way a Lua
 * program can (tables, string keys, concatenation, buffers, closures,
 * coroutines, the Lua stack, the compiler, error messages, metamethods,
 * callbacks, __close), must end in a "not enough memory" error that
 * pcall catches, and the state must stay fully usable afterwards: a
 * collection brings the heap back under the limit, ordinary work runs,
 * and lua_close gives every byte back. Garbage never causes the error:
 * the emergency collection frees it, even with the collector stopped.
 *
 * Complements alloc_test (which checks LUA_ERRMEM statuses, lua_setallocf
 * and lua_gc options). No byte counts are printed: they are engine
 * specific. The .expected file was recorded with the same host linked
 * against Debian's liblua5.4.
 */
#include <stdio.h>
#include <stdlib.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#define LIMIT ((size_t)8 << 20)

typedef struct Cap {
	size_t used;
	size_t limit;
	long refused;
} Cap;

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	Cap *c = ud;
	size_t old = ptr ? osize : 0;      /* osize encodes a kind for new blocks */
	if (nsize == 0) {
		free(ptr);
		c->used -= old;
		return NULL;
	}
	if (nsize > old && nsize - old > c->limit - c->used) {
		c->refused++;
		return NULL;
	}
	void *p = realloc(ptr, nsize);
	if (p != NULL)
		c->used = c->used - old + nsize;
	return p;
}

/* Runs `code` under pcall from Lua itself (so the catching is Lua's), and
 * prints what pcall returned; then checks the state: a full collection
 * must bring the heap under the limit and a small program must work. */
static void unbounded(lua_State *L, Cap *c, const char *what, const char *code)
{
	lua_settop(L, 0);
	lua_getglobal(L, "check");
	int st = luaL_loadstring(L, code);
	if (st != LUA_OK) {
		printf("%s: does not compile: %s\n", what, lua_tostring(L, -1));
		return;
	}
	c->refused = 0;
	st = lua_pcall(L, 1, 1, 0);
	printf("%-28s %s%s", what, st == LUA_OK ? "" : "escaped check(): ", lua_tostring(L, -1));
	lua_pop(L, 1);
	lua_gc(L, LUA_GCCOLLECT);
	printf(" | refused allocations: %s | after collect: %s\n",
	       c->refused > 0 ? "yes" : "no", c->used < c->limit / 2 ? "small" : "LARGE");
}

int main(void)
{
	Cap cap = { 0, LIMIT, 0 };
	lua_State *L = lua_newstate(capped_alloc, &cap);
	if (L == NULL) {
		printf("lua_newstate failed\n");
		return 1;
	}
	luaL_openlibs(L);
	/* check(f): runs f under pcall and describes the result; then proves
	 * the state works with a moderately sized job. f runs a few frames
	 * further up the stack (through deep), so that no stale stack slot
	 * inside check's own frame still points at f's garbage: lua5.4 scans
	 * a Lua frame up to its maximum size, dead slots included. */
	if (luaL_dostring(L,
	    "local function deep(f)\n"
	    "  local p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, p16\n"
	    "  return (f())\n"
	    "end\n"
	    "function check(f)\n"
	    "  local ok, e = pcall(deep, f)\n"
	    "  local t = {}\n"
	    "  for i = 1, 10000 do t[i] = i end\n"
	    "  local sum = 0\n"
	    "  for _, v in ipairs(t) do sum = sum + v end\n"
	    "  return string.format('%s %s | then sum=%d', tostring(ok), tostring(e), sum)\n"
	    "end\n") != LUA_OK) {
		printf("setup failed: %s\n", lua_tostring(L, -1));
		return 1;
	}

	printf("== unbounded allocation, caught by pcall\n");
	unbounded(L, &cap, "array of tables",
		  "local t = {} while true do t[#t + 1] = {} end");
	unbounded(L, &cap, "string keys",
		  "local t = {} local i = 0 while true do i = i + 1; t['k' .. i] = i end");
	unbounded(L, &cap, "fields of many objects",
		  "local all = {} local i = 0\n"
		  "while true do i = i + 1; local o = {a = i, b = i, c = i}; o['f' .. i % 50] = i; all[i] = o end");
	unbounded(L, &cap, "doubling a string",
		  "local s = 'x' while true do s = s .. s end");
	unbounded(L, &cap, "concat of many pieces",
		  "local s = ('x'):rep(1000) while true do s = s .. s .. s .. '!' end");
	unbounded(L, &cap, "table.concat",
		  "local s = ('y'):rep(1000) while true do s = table.concat({s, s, s}, ',') end");
	unbounded(L, &cap, "string.rep",
		  "return ('z'):rep(1 << 28, ',')");
	unbounded(L, &cap, "gsub growth",
		  "local s = ('ab'):rep(100) while true do s = s:gsub('a', 'aa') end");
	unbounded(L, &cap, "string.format growth",
		  "local s = 'q' while true do s = string.format('%s%s%q', s, s, 'x') end");
	unbounded(L, &cap, "closures",
		  "local fs = {} while true do local n = #fs; fs[n + 1] = function() return n end end");
	unbounded(L, &cap, "coroutines",
		  "local cs = {} while true do cs[#cs + 1] = coroutine.create(print) end");
	unbounded(L, &cap, "Lua stack (recursion)",
		  "local function f(n) return f(n + 1) + 1 end return f(1)");
	unbounded(L, &cap, "inside a coroutine",
		  "local co = coroutine.wrap(function() local t = {} while true do t[#t + 1] = {} end end)\n"
		  "return co()");
	unbounded(L, &cap, "load of a huge chunk",
		  "local src = {'return {'} for i = 1, 200000 do src[#src + 1] = i .. '.5,' end\n"
		  "src[#src + 1] = '}'\n"
		  "local f, e = load(table.concat(src)) error(e or 'loaded', 0)");
	unbounded(L, &cap, "error with a huge message",
		  "error(('m'):rep(1 << 27))");
	unbounded(L, &cap, "inside __index",
		  "local t = setmetatable({}, {__index = function(t, k) local a = {} while true do a[#a + 1] = k end end})\n"
		  "return t.x");
	unbounded(L, &cap, "inside a sort comparator",
		  "local a = {3, 1, 2} local keep = {}\n"
		  "table.sort(a, function(x, y) while true do keep[#keep + 1] = {} end end)");
	unbounded(L, &cap, "inside a gsub callback",
		  "local keep = {} return (('abc'):gsub('.', function(c) while true do keep[#keep + 1] = c .. #keep end end))");
	unbounded(L, &cap, "inside __close",
		  "local x <close> = setmetatable({}, {__close = function() local a = {} while true do a[#a + 1] = {} end end})\n"
		  "return 'body done'");
	unbounded(L, &cap, "xpcall handler not called",
		  "return select(2, xpcall(function() local t = {} while true do t[#t + 1] = {} end end,\n"
		  "                        function(m) return 'handled: ' .. tostring(m) end))");

	printf("== garbage is never an error\n");
	unbounded(L, &cap, "garbage, collector running",
		  "for i = 1, 200000 do local t = {i, i, i, tostring(i)} end return 'fine'");
	unbounded(L, &cap, "garbage, collector stopped",
		  "collectgarbage('stop')\n"
		  "for i = 1, 200000 do local t = {i, i, i, tostring(i)} end\n"
		  "local r = collectgarbage('isrunning') collectgarbage('restart') return 'fine, running=' .. tostring(r)");

	printf("== from C: lua_pcall status\n");
	lua_settop(L, 0);
	luaL_loadstring(L, "local t = {} while true do t[#t + 1] = {} end");
	int st = lua_pcall(L, 0, 0, 0);
	printf("status is LUA_ERRMEM: %d, message: %s\n", st == LUA_ERRMEM, lua_tostring(L, -1));
	lua_settop(L, 0);
	lua_gc(L, LUA_GCCOLLECT);

	lua_close(L);
	printf("all memory returned: %d\n", cap.used == 0);
	return 0;
}
