/*
 * fuzz_host.c — the shared host of the libFuzzer targets (see fuzz_host.h
 * for what it promises and why the sandbox looks as it does).
 */
#include "fuzz_host.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>

#include "lauxlib.h"
#include "lualib.h"

/* The count hook fires every HOOK_STEP instructions: small enough that a
 * budget overrun is noticed quickly, large enough that the hook costs
 * little. The targets are single-threaded, so the budget is a global. */
#define HOOK_STEP 1000
static long budget_left;

void fuzz_fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("fuzz target: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  abort();
}

/* ------------------------------------------------------------------ */
/* Allocator                                                           */
/* ------------------------------------------------------------------ */

/* lua_Alloc contract: ptr == NULL means a new block (osize then encodes
 * the object kind, not a size); nsize == 0 frees. A shrink never fails,
 * as the engine is entitled to assume. */
static void *fuzz_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  FuzzAlloc *fa = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    fa->used -= old;
    return NULL;
  }
  if (nsize > old && nsize - old > fa->cap - fa->used)
    return NULL;
  void *p = realloc(ptr, nsize);
  if (p == NULL)
    return NULL;
  fa->used = fa->used - old + nsize;
  return p;
}

lua_State *fuzz_newstate(FuzzAlloc *fa) {
  fa->used = 0;
  lua_State *L = lua_newstate(fuzz_alloc, fa);
  if (L == NULL)
    fuzz_fail("lua_newstate failed with a cap of %zu bytes", fa->cap);
  return L;
}

void fuzz_close(lua_State *L, FuzzAlloc *fa) {
  lua_close(L);
  if (fa->used != 0)
    fuzz_fail("%zu bytes still accounted after lua_close "
              "(an osize passed to the allocator was wrong)", fa->used);
}

/* ------------------------------------------------------------------ */
/* Sandbox                                                             */
/* ------------------------------------------------------------------ */

/* print / io.write stand-in: converts like print does, writes nothing. */
static int fuzz_sink(lua_State *L) {
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    luaL_tolstring(L, i, NULL);
    lua_pop(L, 1);
  }
  return 0;
}

static void remove_fields(lua_State *L, const char *table,
                          const char *const *names) {
  if (lua_getglobal(L, table) == LUA_TTABLE) {
    for (; *names; names++) {
      lua_pushnil(L);
      lua_setfield(L, -2, *names);
    }
  }
  lua_pop(L, 1);
}

void fuzz_sandbox(lua_State *L) {
  static const char *const globals[] = {
    "dofile", "loadfile", "require", "package", "io", NULL
  };
  static const char *const os_fields[] = {
    "exit", "execute", "remove", "rename", "tmpname", "getenv",
    "setlocale", NULL
  };
  static const char *const debug_fields[] = { "sethook", "debug", NULL };

  luaL_openlibs(L);
  for (const char *const *g = globals; *g; g++) {
    lua_pushnil(L);
    lua_setglobal(L, *g);
  }
  remove_fields(L, "os", os_fields);
  remove_fields(L, "debug", debug_fields);
  lua_pushcfunction(L, fuzz_sink);
  lua_setglobal(L, "print");
  lua_createtable(L, 0, 1);                 /* io = { write = sink } */
  lua_pushcfunction(L, fuzz_sink);
  lua_setfield(L, -2, "write");
  lua_setglobal(L, "io");
}

/* ------------------------------------------------------------------ */
/* Instruction budget                                                  */
/* ------------------------------------------------------------------ */

static void budget_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  budget_left -= HOOK_STEP;
  if (budget_left <= 0)
    luaL_error(L, "fuzz: instruction budget exhausted");
}

int fuzz_run_budgeted(lua_State *L, long budget) {
  budget_left = budget;
  lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
  int status = lua_pcall(L, 0, 0, 0);
  return status;
}

/* ------------------------------------------------------------------ */
/* CPU-time budget                                                     */
/* ------------------------------------------------------------------ */

static lua_State *volatile timed_state;

static void timed_out(int sig) {
  (void)sig;
  lua_State *L = timed_state;
  budget_left = 0;
  if (L != NULL)
    lua_sethook(L, budget_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE |
                LUA_MASKCOUNT, 1);
}

static void set_timer(long ms) {
  struct itimerval t = { { 0, 0 }, { ms / 1000, (ms % 1000) * 1000 } };
  setitimer(ITIMER_VIRTUAL, &t, NULL);
}

int fuzz_run_timed(lua_State *L, long ms) {
  static int installed;
  if (!installed) {
    struct sigaction sa;
    sa.sa_handler = timed_out;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGVTALRM, &sa, NULL);
    installed = 1;
  }
  budget_left = 1L << 40;
  timed_state = L;
  set_timer(ms);
  int status = lua_pcall(L, 0, 0, 0);
  set_timer(0);
  timed_state = NULL;
  /* finalizers at lua_close must end too */
  budget_left = 0;
  lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
  return status;
}
