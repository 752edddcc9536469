/*
 * fuzz_compile.c — libFuzzer target: source text -> compiler.
 *
 * Promise checked: any byte string given to luaL_loadbufferx in text mode
 * ends in a function (LUA_OK) or a syntax error (LUA_ERRSYNTAX, message a
 * string), or at worst "not enough memory" — never a crash, a hang or a
 * sanitizer report. A compiled function is then dumped (with and without
 * debug information) and loaded back: the binary chunk verifier must
 * accept everything the code generator emits, and dumping the reloaded
 * function must give the same bytes (dump/undump are exact inverses).
 */
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "fuzz_host.h"

/* Deeply nested source legitimately needs memory for its parser stack;
 * the cap only stops runaway growth. */
#define COMPILE_MEMCAP ((size_t)256 << 20)

typedef struct Buf {
  char *data;
  size_t len, cap;
} Buf;

static int buf_writer(lua_State *L, const void *p, size_t sz, void *ud) {
  (void)L;
  Buf *b = ud;
  if (b->len + sz > b->cap) {
    size_t ncap = (b->cap ? b->cap * 2 : 1024);
    while (ncap < b->len + sz)
      ncap *= 2;
    char *nd = realloc(b->data, ncap);
    if (nd == NULL)
      return 1;
    b->data = nd;
    b->cap = ncap;
  }
  memcpy(b->data + b->len, p, sz);
  b->len += sz;
  return 0;
}

/* Dumps the function on top (left in place) into a fresh buffer. */
static Buf dump_top(lua_State *L, int strip) {
  Buf b = {0};
  if (lua_dump(L, buf_writer, &b, strip) != 0)
    fuzz_fail("lua_dump failed (strip=%d)", strip);
  return b;
}

static void check_roundtrip(lua_State *L, int strip) {
  Buf first = dump_top(L, strip);
  int st = luaL_loadbufferx(L, first.data, first.len, "=roundtrip", "b");
  if (st == LUA_ERRMEM) {           /* the cap was hit: nothing to learn */
    lua_pop(L, 1);
    free(first.data);
    return;
  }
  if (st != LUA_OK)
    fuzz_fail("compiler output rejected by the loader (strip=%d): %s",
              strip, lua_tostring(L, -1));
  Buf second = dump_top(L, strip);
  if (second.len != first.len || memcmp(first.data, second.data, first.len))
    fuzz_fail("dump(undump(dump(f))) differs from dump(f) (strip=%d)", strip);
  lua_pop(L, 1);
  free(first.data);
  free(second.data);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzAlloc fa = { .cap = COMPILE_MEMCAP };
  lua_State *L = fuzz_newstate(&fa);
  int st = luaL_loadbufferx(L, (const char *)data, size, "=fuzz", "t");
  switch (st) {
  case LUA_OK:
    if (!lua_isfunction(L, -1))
      fuzz_fail("load returned LUA_OK without a function");
    check_roundtrip(L, 0);
    check_roundtrip(L, 1);
    break;
  case LUA_ERRRUN:
    /* nesting past the C-level limit: lua5.4 raises "C stack overflow"
     * from inside the parser as a runtime error too */
    if (lua_type(L, -1) != LUA_TSTRING ||
        strncmp(lua_tostring(L, -1), "C stack overflow", 16) != 0)
      fuzz_fail("load returned status %d", st);
    break;
  case LUA_ERRSYNTAX:
  case LUA_ERRMEM:
    if (lua_type(L, -1) != LUA_TSTRING)
      fuzz_fail("load error %d without a message string", st);
    break;
  default:
    fuzz_fail("load returned status %d", st);
  }
  fuzz_close(L, &fa);
  return 0;
}
