/*
 * fuzz_host.h — what every libFuzzer target in tests/fuzz shares: a Lua
 * state with a capped allocator, a sandboxed standard library, and running
 * a function under an instruction budget.
 *
 * The targets embed the engine through the public API only (lua.h,
 * lauxlib.h, lualib.h), like any host program would: a crash found here is
 * a crash an embedding application could hit.
 *
 * Why a sandbox: fuzzed programs must not touch the machine (files,
 * processes, the environment, stdin) or the process (os.exit, setlocale),
 * and must not replace the budget hook (debug.sethook). Everything else —
 * string, table, math, utf8, coroutine, load of text and binary chunks,
 * metatables, the collector, the rest of debug — stays, because that is
 * the surface that should never crash.
 */
#ifndef CRESCENT_FUZZ_HOST_H
#define CRESCENT_FUZZ_HOST_H

#include <stddef.h>
#include <stdint.h>

#include "lua.h"

/* Allocation accounting for one state. `cap` bounds the live bytes; an
 * allocation that would exceed it fails, which the engine must turn into
 * a catchable "not enough memory". */
typedef struct FuzzAlloc {
  size_t used;
  size_t cap;
} FuzzAlloc;

/* A fresh state using `fa` (its cap must be set) with no libraries. Aborts
 * if the state cannot be created at all (only an engine bug does that with
 * the caps used here). */
lua_State *fuzz_newstate(FuzzAlloc *fa);

/* Opens the standard libraries and removes what a fuzzed program must not
 * reach (see the header comment); print and io.write become sinks that
 * still convert their arguments with __tostring/__name. */
void fuzz_sandbox(lua_State *L);

/* Calls the function on top of the stack with no arguments in protected
 * mode, under a count hook that raises an error once `budget` VM
 * instructions have run (the hook keeps raising after that, so a program
 * that catches the error still ends). Returns lua_pcall's status and
 * leaves the stack as it was below the function. */
int fuzz_run_budgeted(lua_State *L, long budget);

/* Like fuzz_run_budgeted, but the budget is CPU time, not a count hook:
 * compiled (JIT) code only runs while no hook is set, so a count hook
 * would keep every function in the interpreter. When `ms` milliseconds of
 * CPU time have passed, a signal handler installs a hook that raises the
 * budget error at once (as the standalone program does for Ctrl-C;
 * lua_sethook is safe in a signal handler). The hook stays set, so
 * finalizers run at lua_close also end. */
int fuzz_run_timed(lua_State *L, long ms);

/* Closes the state and checks the allocator's books: every byte the engine
 * took must be given back (a mismatch aborts, as a leak or double free). */
void fuzz_close(lua_State *L, FuzzAlloc *fa);

/* Stops the process with a message: the engine broke a promise that the
 * target checks (not a sanitizer finding, but just as much a crash). */
__attribute__((noreturn)) void fuzz_fail(const char *fmt, ...);

#endif
