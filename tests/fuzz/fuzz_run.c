/*
 * fuzz_run.c — libFuzzer target: source text -> compile -> run.
 *
 * The program runs in the sandbox of fuzz_host.c under an instruction
 * budget (a count hook that raises an error; or a CPU-time budget, see
 * timer_ms) and a memory cap (the
 * allocator refuses to grow past it). Promise checked: whatever the
 * program does, the engine reports it as a Lua error or finishes — no
 * crash, no sanitizer report, no leak — and the state stays usable: a
 * full collection afterwards and lua_close (which runs the remaining
 * finalizers and closes pending variables) must succeed and give back
 * every byte.
 */
#include <stdlib.h>

#include "lauxlib.h"
#include "fuzz_host.h"

#define RUN_MEMCAP  ((size_t)32 << 20)
#define RUN_BUDGET  500000L          /* VM instructions per input */

/* CRESCENT_FUZZ_TIMER_MS=N: budget N ms of CPU time instead of counting
 * instructions, so that JIT-compiled code runs (run.py's run-jit target
 * sets it together with CRESCENT_OPTIONS="--jit=baseline --jit-threshold=0"). */
static long timer_ms(void) {
  static long ms = -1;
  if (ms < 0) {
    const char *env = getenv("CRESCENT_FUZZ_TIMER_MS");
    ms = env ? atol(env) : 0;
  }
  return ms;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzAlloc fa = { .cap = RUN_MEMCAP };
  lua_State *L = fuzz_newstate(&fa);
  fuzz_sandbox(L);
  if (luaL_loadbufferx(L, (const char *)data, size, "=fuzz", "t") == LUA_OK) {
    int st = timer_ms() > 0 ? fuzz_run_timed(L, timer_ms())
                            : fuzz_run_budgeted(L, RUN_BUDGET);
    if (st != LUA_OK && st != LUA_ERRRUN && st != LUA_ERRMEM && st != LUA_ERRERR)
      fuzz_fail("lua_pcall returned status %d", st);
  }
  lua_settop(L, 0);
  lua_gc(L, LUA_GCCOLLECT);
  fuzz_close(L, &fa);
  return 0;
}
