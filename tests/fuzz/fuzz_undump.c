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
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "fuzz_host.h"

#define UNDUMP_MEMCAP  ((size_t)32 << 20)
#define UNDUMP_BUDGET  200000L

/* Load errors of bugs already reported, tolerated only while fuzzing
 * (run.py sets CRESCENT_FUZZ_KNOWN) so the fuzzer can look past them; a
 * replay of regress/ still fails on them. Remove an entry with its fix. */
static const char *const KNOWN_BAD_LOAD_ERRORS[] = {
  NULL
};

static int known_bad_error(lua_State *L) {
  if (getenv("CRESCENT_FUZZ_KNOWN") == NULL || lua_type(L, -1) != LUA_TSTRING)
    return 0;
  for (const char *const *k = KNOWN_BAD_LOAD_ERRORS; *k; k++)
    if (strstr(lua_tostring(L, -1), *k))
      return 1;
  return 0;
}

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
  } else if (st != LUA_ERRSYNTAX && st != LUA_ERRMEM && !known_bad_error(L)) {
    fuzz_fail("binary load returned status %d", st);
  } else if (lua_type(L, -1) != LUA_TSTRING) {
    fuzz_fail("binary load error without a message string");
  }
  lua_settop(L, 0);
  lua_gc(L, LUA_GCCOLLECT);
  fuzz_close(L, &fa);
  return 0;
}
