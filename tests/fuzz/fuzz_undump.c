/*
 * fuzz_undump.c — libFuzzer target: binary chunk loader (and verifier).
 *
 * Inputs are mutations of real dumps (the seed corpus is string.dump of
 * the test scripts, made by tests/fuzz/make_seeds.py). A binary chunk is
 * untrusted input: loading must end in a function or a "bad binary
 * format" / "truncated chunk" error. The design promises more than
 * lua5.4 does: every loaded function passes the verifier (src/front/
 * verify.c), so running whatever loaded must be as safe as running
 * compiled source. The target therefore runs each loaded function in the
 * sandbox under the same budget and memory cap as fuzz_run.
 */
#include "lauxlib.h"
#include "fuzz_host.h"

#define UNDUMP_MEMCAP  ((size_t)32 << 20)
#define UNDUMP_BUDGET  200000L

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzAlloc fa = { .cap = UNDUMP_MEMCAP };
  lua_State *L = fuzz_newstate(&fa);
  fuzz_sandbox(L);
  int st = luaL_loadbufferx(L, (const char *)data, size, "=fuzz", "b");
  if (st == LUA_OK) {
    if (!lua_isfunction(L, -1))
      fuzz_fail("binary load returned LUA_OK without a function");
    st = fuzz_run_budgeted(L, UNDUMP_BUDGET);
    if (st != LUA_OK && st != LUA_ERRRUN && st != LUA_ERRMEM && st != LUA_ERRERR)
      fuzz_fail("lua_pcall returned status %d", st);
  } else if (st != LUA_ERRSYNTAX && st != LUA_ERRMEM) {
    fuzz_fail("binary load returned status %d", st);
  } else if (lua_type(L, -1) != LUA_TSTRING) {
    fuzz_fail("binary load error without a message string");
  }
  lua_settop(L, 0);
  lua_gc(L, LUA_GCCOLLECT);
  fuzz_close(L, &fa);
  return 0;
}
