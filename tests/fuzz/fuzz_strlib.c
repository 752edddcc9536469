/*
 * fuzz_strlib.c — libFuzzer target: string.format, string.pack/unpack/
 * packsize, the pattern functions (find, match, gmatch, gsub), tonumber
 * and their neighbours (rep, byte, char, sub, table.concat/unpack, utf8.*)
 * called with arbitrary arguments.
 *
 * Input encoding (chosen so that byte mutations stay meaningful):
 *
 *   byte 0          which function (index into CALLS, modulo its size)
 *   then            arguments separated by the byte 0xFE; each argument's
 *                   first byte says what it is, the rest is its payload:
 *     's' payload   a string (may contain zeros)
 *     'n' payload   a number read by lua_stringtonumber ("0x10", "-0.0",
 *                   "1e308", "9223372036854775807"); if that fails, the
 *                   integer payload length
 *     'N' byte      a special number: nan, -nan, inf, -inf, -0.0,
 *                   mininteger, maxinteger, 2^53, 2^63, -1, 0, 1e300
 *     'x'           nil        'b' payload   a boolean (payload non-empty)
 *     't' payload   a table: consecutive byte pairs k,v give t[k] = v
 *                   (one-byte strings), plus t[1] = payload
 *     'f' byte      one of the Lua functions in HELPERS (for gsub)
 *     anything else the whole piece as a string
 *
 * Promise checked: every call either returns or raises a Lua error — no
 * crash, no sanitizer report, no leak — under a 16 MiB memory cap.
 * Iterators (gmatch, utf8.codes) are driven until they end (at most
 * ITER_MAX steps).
 */
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lualib.h"
#include "fuzz_host.h"

#define STRLIB_MEMCAP ((size_t)16 << 20)
#define ARG_SEP  0xFE
#define MAX_ARGS 16
#define ITER_MAX 10000

/* The callable surface: library table (NULL = global) and field, plus
 * whether the result is an iterator to drive. */
#define CALL_LIST(X) \
  X("string", "format", 0)   X("string", "pack", 0)    X("string", "unpack", 0) \
  X("string", "packsize", 0) X("string", "find", 0)    X("string", "match", 0) \
  X("string", "gmatch", 1)   X("string", "gsub", 0)    X(NULL, "tonumber", 0) \
  X("string", "rep", 0)      X("string", "byte", 0)    X("string", "char", 0) \
  X("string", "sub", 0)      X("table", "concat", 0)   X("table", "unpack", 0) \
  X("utf8", "char", 0)       X("utf8", "codepoint", 0) X("utf8", "len", 0) \
  X("utf8", "offset", 0)     X("utf8", "codes", 2)     X("string", "len", 0) \
  X("string", "upper", 0)    X("string", "reverse", 0) X(NULL, "tostring", 0)

typedef struct Call {
  const char *lib, *name;
  int iterate;          /* 0: plain call, 1: iterator, 2: iterator triple */
} Call;

#define CALL_ROW(lib, name, it) { lib, name, it },
static const Call CALLS[] = { CALL_LIST(CALL_ROW) };
#define NCALLS ((int)(sizeof(CALLS) / sizeof(CALLS[0])))

/* Replacement functions for gsub and friends; each is cheap and finite. */
static const char HELPERS[] =
  "return {\n"
  "  function(...) return ... end,\n"
  "  function() return nil end,\n"
  "  function() return false end,\n"
  "  function(s) return s .. s end,\n"
  "  function() return {} end,\n"
  "  function(s) error(s) end,\n"
  "  function(...) return select('#', ...) end,\n"
  "  function() return 1.5 end,\n"
  "  function(a, b) return b end,\n"
  "}\n";

static void push_special_number(lua_State *L, unsigned char k) {
  switch (k % 12) {
  case 0: lua_pushnumber(L, __builtin_nan("")); break;
  case 1: lua_pushnumber(L, -__builtin_nan("")); break;
  case 2: lua_pushnumber(L, __builtin_inf()); break;
  case 3: lua_pushnumber(L, -__builtin_inf()); break;
  case 4: lua_pushnumber(L, -0.0); break;
  case 5: lua_pushinteger(L, LUA_MININTEGER); break;
  case 6: lua_pushinteger(L, LUA_MAXINTEGER); break;
  case 7: lua_pushnumber(L, 9007199254740992.0); break;
  case 8: lua_pushnumber(L, 9223372036854775808.0); break;
  case 9: lua_pushinteger(L, -1); break;
  case 10: lua_pushinteger(L, 0); break;
  default: lua_pushnumber(L, 1e300); break;
  }
}

static void push_arg(lua_State *L, const unsigned char *p, size_t n) {
  if (n == 0) {
    lua_pushliteral(L, "");
    return;
  }
  const char *pay = (const char *)p + 1;
  size_t plen = n - 1;
  switch (p[0]) {
  case 's':
    lua_pushlstring(L, pay, plen);
    break;
  case 'n': {
    char tmp[64];
    size_t k = plen < sizeof tmp - 1 ? plen : sizeof tmp - 1;
    memcpy(tmp, pay, k);
    tmp[k] = '\0';
    if (strlen(tmp) != k || lua_stringtonumber(L, tmp) == 0)
      lua_pushinteger(L, (lua_Integer)plen);
    break;
  }
  case 'N':
    push_special_number(L, plen ? (unsigned char)pay[0] : 0);
    break;
  case 'x':
    lua_pushnil(L);
    break;
  case 'b':
    lua_pushboolean(L, plen != 0);
    break;
  case 't':
    lua_createtable(L, 1, (int)(plen / 2));
    for (size_t i = 0; i + 1 < plen; i += 2) {
      lua_pushlstring(L, pay + i, 1);
      lua_pushlstring(L, pay + i + 1, 1);
      lua_rawset(L, -3);
    }
    lua_pushlstring(L, pay, plen);
    lua_rawseti(L, -2, 1);
    break;
  case 'f': {
    lua_getfield(L, LUA_REGISTRYINDEX, "fuzz.helpers");
    lua_Integer nh = (lua_Integer)lua_rawlen(L, -1);
    lua_rawgeti(L, -1, 1 + (plen ? (unsigned char)pay[0] : 0) % nh);
    lua_remove(L, -2);
    break;
  }
  default:
    lua_pushlstring(L, (const char *)p, n);
    break;
  }
}

/* Drives the iterator left by gmatch (one value) or utf8.codes (the
 * generic-for triple f, s, control) until it returns nil. */
static int drive_iterator(lua_State *L) {
  int triple = (int)lua_tointeger(L, 2);
  int base = 3;
  int nres = lua_gettop(L) - base + 1;
  if (nres < 1 || !lua_isfunction(L, base))
    return 0;
  if (triple) {
    lua_settop(L, base + 2);        /* f, s, control */
  } else {
    lua_settop(L, base);
  }
  for (int i = 0; i < ITER_MAX; i++) {
    lua_pushvalue(L, base);
    if (triple) {
      lua_pushvalue(L, base + 1);
      lua_pushvalue(L, base + 2);
      lua_call(L, 2, 1);
    } else {
      lua_call(L, 0, 1);
    }
    if (lua_isnil(L, -1))
      break;
    if (triple)
      lua_replace(L, base + 2);
    else
      lua_pop(L, 1);
  }
  return 0;
}

/* Runs in protected mode: arg 1 is a light userdata with the input, the
 * decoding itself can raise memory errors. */
typedef struct Input {
  const unsigned char *data;
  size_t size;
} Input;

static int do_call(lua_State *L) {
  const Input *in = lua_touserdata(L, 1);
  const Call *c = &CALLS[in->data[0] % NCALLS];
  lua_settop(L, 0);
  lua_pushnil(L);                          /* 1: placeholder */
  lua_pushinteger(L, c->iterate == 2);     /* 2: iterator kind */
  if (c->lib) {
    lua_getglobal(L, c->lib);
    lua_getfield(L, -1, c->name);
    lua_remove(L, -2);
  } else {
    lua_getglobal(L, c->name);
  }
  int nargs = 0;
  const unsigned char *p = in->data + 1, *end = in->data + in->size;
  while (p < end && nargs < MAX_ARGS) {
    const unsigned char *sep = memchr(p, ARG_SEP, (size_t)(end - p));
    const unsigned char *stop = sep ? sep : end;
    push_arg(L, p, (size_t)(stop - p));
    nargs++;
    p = sep ? sep + 1 : end;
  }
  lua_call(L, nargs, LUA_MULTRET);
  if (c->iterate)
    drive_iterator(L);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  FuzzAlloc fa = { .cap = STRLIB_MEMCAP };
  lua_State *L = fuzz_newstate(&fa);
  luaL_openlibs(L);
  if (luaL_loadstring(L, HELPERS) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK)
    fuzz_fail("helpers failed to load: %s", lua_tostring(L, -1));
  lua_setfield(L, LUA_REGISTRYINDEX, "fuzz.helpers");
  Input in = { data, size };
  lua_pushcfunction(L, do_call);
  lua_pushlightuserdata(L, &in);
  int st = lua_pcall(L, 1, 0, 0);
  if (st != LUA_OK && st != LUA_ERRRUN && st != LUA_ERRMEM)
    fuzz_fail("lua_pcall returned status %d", st);
  lua_settop(L, 0);
  lua_gc(L, LUA_GCCOLLECT);
  fuzz_close(L, &fa);
  return 0;
}
