/*
 * test_jit.c — unit test and compile-speed probe of the baseline JIT
 * (src/jit, docs/jit.md): every function of a chunk compiled, freed and
 * compiled again several times, the compiled chunk run after each round.
 *
 *   make -f tests/unit/Makefile.jit             the test (a generated chunk)
 *   build/unit-jit/test_jit FILE.lua [ROUNDS]   the probe on any chunk
 *
 * It checks that every function compiles, that freeing and recompiling
 * (code memory recycled by size class) gives code that still computes the
 * same result, and prints the compile speed in bytecodes per second and
 * the code size per bytecode: round 0 with fresh code memory (page faults
 * included), the later rounds with recycled memory. These are figures for
 * docs/performance.md, never assertions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "obj/object.h"
#include "jit/jit.h"
#include "vm/options.h"

static int checks, failures;
#define CHECK(c) do {                                                      \
    checks++;                                                              \
    if (!(c)) {                                                            \
      failures++;                                                          \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c); \
    }                                                                      \
  } while (0)

static Proto **protos;
static int nprotos, capprotos;

static void collect(Proto *p) {
  if (nprotos == capprotos) {
    capprotos = capprotos ? 2 * capprotos : 256;
    protos = realloc(protos, (size_t)capprotos * sizeof *protos);
  }
  protos[nprotos++] = p;
  for (int i = 0; i < p->sizep; i++) collect(p->p[i]);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);  /* other processes: no matter */
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A chunk of n small functions mixing arithmetic, branches, loops, fields,
 * calls and string concatenation; returns the sum of their results. */
static char *generate(int n) {
  size_t cap = (size_t)n * 400 + 200, len = 0;
  char *s = malloc(cap);
  len += (size_t)sprintf(s + len, "local F = {}\n");
  for (int f = 0; f < n; f++)
    len += (size_t)sprintf(s + len,
        "F[%d] = function(a, b, t)\n"
        "  local x = a + b * %d\n"
        "  if x > 10 then x = x - 1 else x = x + 2 end\n"
        "  for i = 1, 3 do t[i] = (t[i] or 0) + x * i end\n"
        "  local s = t.name or 'k'\n"
        "  return x + #(s .. tostring(b))\n"
        "end\n", f, f % 7);
  sprintf(s + len,
          "local sum, t = 0, {}\n"
          "for i = 0, %d do sum = sum + F[i](i, 2, t) end\n"
          "return sum\n", n - 1);
  return s;
}

static lua_Integer run_chunk(lua_State *L) {
  lua_pushvalue(L, -1);
  if (lua_pcall(L, 0, 1, 0) != LUA_OK) {
    fprintf(stderr, "error: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);
    return -1;
  }
  lua_Integer r = lua_tointeger(L, -1);
  lua_pop(L, 1);
  return r;
}

int main(int argc, char **argv) {
  lua_State *L = luaL_newstate();
  crescent_set_option(L, "jit", "off");  /* no tier-up: compiles are ours */
  luaL_openlibs(L);
  int rounds = argc > 2 ? atoi(argv[2]) : 4;
  int status;
  if (argc > 1) {
    status = luaL_loadfile(L, argv[1]);
  } else {
    char *src = generate(1000);
    status = luaL_loadstring(L, src);
    free(src);
  }
  if (status != LUA_OK) {
    fprintf(stderr, "%s\n", lua_tostring(L, -1));
    return 1;
  }
  collect(clLvalue(L->top - 1)->p);
  long bytecodes = 0;
  for (int i = 0; i < nprotos; i++) bytecodes += protos[i]->sizecode;
  lua_Integer expected = argc > 1 ? 0 : run_chunk(L);  /* interpreted */
  CHECK(argc > 1 || expected > 0);
  for (int r = 0; r < rounds; r++) {
    long bytes = 0;
    int compiled = 0;
    double t0 = now();
    for (int i = 0; i < nprotos; i++) compiled += jit_compile(L, protos[i]);
    double t1 = now();
    for (int i = 0; i < nprotos; i++)
      if (protos[i]->jitcode != NULL)
        bytes += (long)((JitCode *)protos[i]->jitcode)->codesize;
    CHECK(compiled == nprotos);
    long slow = 0;  /* general stencils compiled as the code runs */
    if (argc == 1) {  /* the compiled functions run (any Proto with code) */
      CHECK(run_chunk(L) == expected);
      for (int i = 0; i < nprotos; i++)
        slow += (long)((JitCode *)protos[i]->jitcode)->slowbytes;
    }
    printf("round %d (%s memory): %d functions, %ld bytecodes, %.3f ms CPU, "
           "%.1f M bytecodes/s, %.1f bytes/bytecode (+%.1f of slow paths "
           "compiled when run)\n", r,
           r == 0 ? "fresh" : "recycled", nprotos, bytecodes,
           (t1 - t0) * 1e3, (double)bytecodes / (t1 - t0) / 1e6,
           (double)bytes / (double)bytecodes, (double)slow / (double)bytecodes);
    for (int i = 0; i < nprotos; i++) jit_free(protos[i]);
    for (int i = 0; i < nprotos; i++) CHECK(protos[i]->jitcode == NULL);
  }
  lua_close(L);
  free(protos);
  printf("test_jit: %d checks, %d failed\n", checks, failures);
  return failures != 0;
}
