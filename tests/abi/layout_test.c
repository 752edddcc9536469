/*
 * layout_test.c - the structures a compiled host shares with the library.
 *
 * Built against Debian's lua5.4 headers and run on libcrescent.so in place
 * of liblua5.4.so.0 (tests/abi/run.py), this host reads and writes the
 * public structs with the reference layouts, so any difference in field
 * order, size or meaning shows in its output: lua_Debug (filled by
 * lua_getinfo and handed to hooks), luaL_Buffer (its fields are used by
 * macros compiled into the host), luaL_Stream (io file handles made by C
 * and used by Lua, and the other way round), luaL_Reg arrays, and the
 * LUA_EXTRASPACE bytes in front of every lua_State. Every struct sits
 * between guard words, which must survive each call.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#define GUARD 0x5a5aa5a5c3c33c3cULL

static void check_guards(const char *what, uint64_t before, uint64_t after) {
  if (before != GUARD || after != GUARD)
    printf("  GUARD BROKEN around %s\n", what);
}

static void run(lua_State *L, const char *code) {
  if (luaL_dostring(L, code) != LUA_OK) {
    printf("  error: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);
  }
}

/* ------------------------------------------------------------------ */
/* lua_Debug                                                           */
/* ------------------------------------------------------------------ */

static struct {
  uint64_t before;
  lua_Debug ar;
  uint64_t after;
} dbg = {GUARD, {0}, GUARD};

static void print_debug(const lua_Debug *ar) {
  printf("  name=%s namewhat='%s' what=%s source=%s short_src=%s\n",
         ar->name ? ar->name : "(null)", ar->namewhat ? ar->namewhat : "(null)",
         ar->what, ar->source,
         ar->short_src);
  printf("  currentline=%d linedefined=%d lastlinedefined=%d srclen=%zu\n",
         ar->currentline, ar->linedefined, ar->lastlinedefined, ar->srclen);
  printf("  nups=%u nparams=%u isvararg=%d istailcall=%d\n", (unsigned)ar->nups,
         (unsigned)ar->nparams, (int)ar->isvararg, (int)ar->istailcall);
}

/* Called from Lua: describes its caller (level 1) and itself (level 0). */
static int describe_caller(lua_State *L) {
  printf("getstack level 1:\n");
  if (lua_getstack(L, 1, &dbg.ar) && lua_getinfo(L, "nSltu", &dbg.ar))
    print_debug(&dbg.ar);
  check_guards("lua_Debug (getstack 1)", dbg.before, dbg.after);
  const char *local = lua_getlocal(L, &dbg.ar, 1);
  printf("  local 1 = %s = %s\n", local ? local : "(none)",
         local ? luaL_tolstring(L, -1, NULL) : "-");
  if (local) lua_pop(L, 2);
  printf("getstack level 0:\n");
  if (lua_getstack(L, 0, &dbg.ar) && lua_getinfo(L, "nSu", &dbg.ar))
    print_debug(&dbg.ar);
  check_guards("lua_Debug (getstack 0)", dbg.before, dbg.after);
  return 0;
}

static int hook_lines[8];
static int hook_nlines;
static int hook_calls;
static int hook_returns;

static void hook(lua_State *L, lua_Debug *ar) {
  switch (ar->event) {
    case LUA_HOOKLINE:
      if (hook_nlines < 8) hook_lines[hook_nlines++] = ar->currentline;
      break;
    case LUA_HOOKCALL:
    case LUA_HOOKTAILCALL:
      hook_calls++;
      break;
    case LUA_HOOKRET:
      hook_returns++;
      if (lua_getinfo(L, "r", ar) && ar->ntransfer > 0 && hook_returns == 1)
        printf("  first return: ftransfer=%u ntransfer=%u\n",
               (unsigned)ar->ftransfer, (unsigned)ar->ntransfer);
      break;
  }
}

static void test_debug(lua_State *L) {
  printf("== lua_Debug\n");
  lua_register(L, "describe_caller", describe_caller);
  run(L, "local function probe(a, b, ...)\n"
         "  local x = a + b\n"
         "  describe_caller()\n"
         "  return x\n"
         "end\n"
         "probe(1, 2, 3)\n");

  /* ">S" on a function value: no stack level involved */
  run(L, "function shape(p, q)\n  return p\nend");
  lua_getglobal(L, "shape");
  memset(&dbg.ar, 0, sizeof dbg.ar);  /* fields '>Su' does not fill print as zero */
  lua_getinfo(L, ">Su", &dbg.ar);
  printf("getinfo '>Su' of shape:\n");
  print_debug(&dbg.ar);
  lua_getglobal(L, "print");
  lua_getinfo(L, ">S", &dbg.ar);
  printf("getinfo '>S' of print: what=%s short_src=%s linedefined=%d\n", dbg.ar.what,
         dbg.ar.short_src, dbg.ar.linedefined);
  check_guards("lua_Debug (getinfo >)", dbg.before, dbg.after);

  /* hooks receive a lua_Debug made by the library */
  lua_sethook(L, hook, LUA_MASKLINE | LUA_MASKCALL | LUA_MASKRET, 0);
  printf("hook mask line|call|ret: %d %d\n",
         lua_gethookmask(L) == (LUA_MASKLINE | LUA_MASKCALL | LUA_MASKRET),
         lua_gethook(L) == hook);
  run(L, "local function two()\n"
         "  return 10, 20\n"
         "end\n"
         "local a, b = two()\n"
         "local c = a + b\n");
  lua_sethook(L, NULL, 0, 0);
  printf("hook: lines");
  for (int i = 0; i < hook_nlines; i++) printf(" %d", hook_lines[i]);
  printf("; calls>=2 %d; returns>=2 %d\n", hook_calls >= 2, hook_returns >= 2);
}

/* ------------------------------------------------------------------ */
/* luaL_Buffer                                                          */
/* ------------------------------------------------------------------ */

static struct {
  uint64_t before;
  luaL_Buffer b;
  uint64_t after;
} buf = {GUARD, {0}, GUARD};

static void test_buffer(lua_State *L) {
  printf("== luaL_Buffer\n");
  int top = lua_gettop(L);
  luaL_buffinit(L, &buf.b);
  for (char c = 'a'; c <= 'z'; c++) luaL_addchar(&buf.b, c); /* macro: n, size, b */
  printf("after addchar: len=%zu first=%c\n", luaL_bufflen(&buf.b), luaL_buffaddr(&buf.b)[0]);
  luaL_buffsub(&buf.b, 6);
  char *p = luaL_prepbuffer(&buf.b);
  memcpy(p, "-PREP-", 6);
  luaL_addsize(&buf.b, 6);
  /* grow well past LUAL_BUFFERSIZE: the macros must follow the box */
  for (int i = 0; i < 3 * LUAL_BUFFERSIZE; i++) luaL_addchar(&buf.b, (char)('0' + i % 10));
  luaL_addlstring(&buf.b, "|lstring", 8);
  luaL_addstring(&buf.b, "|string");
  lua_pushinteger(L, 42);
  luaL_addvalue(&buf.b);
  luaL_addgsub(&buf.b, "|x.y.z", ".", "::");
  printf("before push: len=%zu\n", luaL_bufflen(&buf.b));
  luaL_pushresult(&buf.b);
  check_guards("luaL_Buffer", buf.before, buf.after);
  size_t len;
  const char *s = lua_tolstring(L, -1, &len);
  printf("result: len=%zu head=%.32s tail=%s\n", len, s, s + len - 35);
  lua_pop(L, 1);

  char *q = luaL_buffinitsize(L, &buf.b, 2 * LUAL_BUFFERSIZE);
  memset(q, 'z', 2 * LUAL_BUFFERSIZE);
  luaL_pushresultsize(&buf.b, 2 * LUAL_BUFFERSIZE);
  check_guards("luaL_Buffer (initsize)", buf.before, buf.after);
  printf("buffinitsize: len=%lld\n", (long long)luaL_len(L, -1));
  lua_pop(L, 1);
  printf("stack balanced: %d\n", lua_gettop(L) == top);
}

/* ------------------------------------------------------------------ */
/* luaL_Stream                                                          */
/* ------------------------------------------------------------------ */

static int closed_by_c;

static int close_stream(lua_State *L) {
  luaL_Stream *p = (luaL_Stream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
  int ok = fclose(p->f) == 0;
  closed_by_c++;
  return luaL_fileresult(L, ok, NULL);
}

/* A file handle made in C, used from Lua with the io library's methods. */
static int make_stream(lua_State *L) {
  luaL_Stream *p = (luaL_Stream *)lua_newuserdatauv(L, sizeof(luaL_Stream), 0);
  p->closef = NULL;
  luaL_setmetatable(L, LUA_FILEHANDLE);
  p->f = tmpfile();
  p->closef = close_stream;
  return 1;
}

/* A file handle made by Lua's io.open, written through its FILE*. */
static int c_write(lua_State *L) {
  luaL_Stream *p = (luaL_Stream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
  const char *s = luaL_checkstring(L, 2);
  printf("c_write: closef set %d\n", p->closef != NULL);
  if (p->closef == NULL) return luaL_error(L, "closed in C's view");  /* f is stale */
  fputs(s, p->f);
  return 0;
}

static void test_stream(lua_State *L) {
  printf("== luaL_Stream\n");
  lua_register(L, "make_stream", make_stream);
  lua_register(L, "c_write", c_write);
  run(L, "local f = make_stream()\n"
         "print('io.type', io.type(f))\n"
         "f:write('line one\\n', 2, '\\n')\n"
         "f:seek('set')\n"
         "print('read', f:read('l'), f:read('n'))\n"
         "print('close', f:close())\n"
         "print('io.type', io.type(f))\n"
         "print('closed use', pcall(f.read, f))\n");
  printf("closed_by_c=%d\n", closed_by_c);
  run(L, "local name = os.tmpname()\n"
         "local f = assert(io.open(name, 'w+'))\n"
         "f:write('lua;')\n"
         "f:flush()\n"
         "c_write(f, 'c;')\n"
         "f:seek('set')\n"
         "print('read back', f:read('a'))\n"
         "f:close()\n"
         "os.remove(name)\n"
         "print('c_write on closed', pcall(c_write, f, 'x'))\n");
}

/* ------------------------------------------------------------------ */
/* luaL_Reg and luaL_setfuncs                                          */
/* ------------------------------------------------------------------ */

static int reg_get(lua_State *L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, lua_upvalueindex(2));
  return 2;
}

static const luaL_Reg reg_funcs[] = {
  {"get", reg_get},
  {"placeholder", NULL},
  {NULL, NULL},
};

static int open_regmod(lua_State *L) {
  luaL_newlibtable(L, reg_funcs);
  lua_pushstring(L, "up1");
  lua_pushinteger(L, 2);
  luaL_setfuncs(L, reg_funcs, 2);
  return 1;
}

static void test_reg(lua_State *L) {
  printf("== luaL_Reg\n");
  luaL_requiref(L, "regmod", open_regmod, 1);
  lua_pop(L, 1);
  run(L, "print('get', regmod.get())\n"
         "print('placeholder', regmod.placeholder)\n"
         "print('loaded', package.loaded.regmod == regmod)\n");
}

/* ------------------------------------------------------------------ */
/* LUA_EXTRASPACE                                                      */
/* ------------------------------------------------------------------ */

static void test_extraspace(lua_State *L) {
  printf("== extra space\n");
  printf("LUA_EXTRASPACE == sizeof(void *): %d\n", LUA_EXTRASPACE == sizeof(void *));
  static int marker;
  *(void **)lua_getextraspace(L) = &marker;
  lua_State *T = lua_newthread(L);
  printf("new thread copies main's extra space: %d\n",
         *(void **)lua_getextraspace(T) == &marker);
  *(void **)lua_getextraspace(T) = NULL;
  printf("thread's extra space is its own: %d\n",
         *(void **)lua_getextraspace(L) == &marker);
  lua_pop(L, 1);
  run(L, "collectgarbage()");
}

int main(void) {
  lua_State *L = luaL_newstate();
  luaL_checkversion(L);
  luaL_openlibs(L);
  test_debug(L);
  test_buffer(L);
  test_stream(L);
  test_reg(L);
  test_extraspace(L);
  lua_close(L);
  fflush(stdout);
  printf("done\n");
  return 0;
}
