/*
 * debug_test.c — the debug interface from C: lua_getstack levels,
 * lua_getinfo (every option, '>' on a stack function, 'f' and 'L' pushes),
 * lua_getlocal / lua_setlocal (named locals, C temporaries, varargs,
 * parameters of a function that is not running), hooks (line, count,
 * call/return with transfer info, a hook that yields inside a coroutine),
 * lua_setcstacklimit, and lua_arith / lua_compare corner cases.
 */
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static void print_ar(const char *tag, lua_Debug *ar) {
  printf("%s: what=%s src=%s short=%s line=%d def=%d-%d nups=%d nparams=%d "
         "vararg=%d tail=%d name=%s namewhat=%s\n",
         tag, ar->what, ar->source, ar->short_src, ar->currentline,
         ar->linedefined, ar->lastlinedefined, ar->nups, ar->nparams,
         ar->isvararg, ar->istailcall ? 1 : 0,
         ar->name ? ar->name : "(null)", ar->namewhat);
}

/* C function called from Lua: inspects the stack. */
static int inspect(lua_State *L) {
  lua_Debug ar;
  int level = 0;
  while (lua_getstack(L, level, &ar)) {
    char tag[32];
    lua_getinfo(L, "Slnut", &ar);
    snprintf(tag, sizeof tag, "level %d", level);
    print_ar(tag, &ar);
    level++;
  }
  printf("levels: %d, getstack(-1)=%d\n", level, lua_getstack(L, -1, &ar));
  /* locals of the Lua caller (level 1) */
  if (lua_getstack(L, 1, &ar)) {
    const char *name;
    for (int n = 1; (name = lua_getlocal(L, &ar, n)) != NULL; n++) {
      printf("  local %d %s = %s\n", n, name,
             lua_type(L, -1) == LUA_TTABLE ? "(a table)"
                                           : luaL_tolstring(L, -1, NULL));
      lua_settop(L, lua_gettop(L) - (lua_type(L, -1) == LUA_TTABLE ? 1 : 2));
    }
    for (int n = -1; (name = lua_getlocal(L, &ar, n)) != NULL; n--) {
      printf("  vararg %d %s = %s\n", n, name, luaL_tolstring(L, -1, NULL));
      lua_pop(L, 2);
    }
    lua_pushinteger(L, 99);
    name = lua_setlocal(L, &ar, 1);
    printf("  setlocal 1 -> %s, top %d\n", name ? name : "(null)", lua_gettop(L));
    lua_pushinteger(L, 0);
    name = lua_setlocal(L, &ar, 50);
    printf("  setlocal 50 -> %s, top %d\n", name ? name : "(null)", lua_gettop(L));
    lua_settop(L, lua_gettop(L) - 1);
  }
  /* this C frame's own slots are "(C temporary)" */
  if (lua_getstack(L, 0, &ar)) {
    lua_pushinteger(L, 7);        /* a slot of this C frame */
    const char *name = lua_getlocal(L, &ar, 1);
    printf("  C local 1: %s\n", name ? name : "(null)");
    if (name) lua_pop(L, 1);
    name = lua_getlocal(L, &ar, lua_gettop(L) + 1);
    printf("  C local beyond top: %s\n", name ? name : "(null)");
    lua_pop(L, 1);
  }
  return 0;
}

static int line_count;
static char line_log[512];

static void line_hook(lua_State *L, lua_Debug *ar) {
  lua_getinfo(L, "Sl", ar);
  if (ar->event == LUA_HOOKLINE) {
    char buf[16];
    snprintf(buf, sizeof buf, "%d ", ar->currentline);
    strncat(line_log, buf, sizeof line_log - strlen(line_log) - 1);
  } else if (ar->event == LUA_HOOKCOUNT) {
    line_count++;
  }
}

static void callret_hook(lua_State *L, lua_Debug *ar) {
  static const char *const names[] = {"call", "return", "line", "count",
                                      "tail call"};
  lua_getinfo(L, "nSr", ar);
  if (strcmp(ar->what, "C") == 0) return;   /* Lua functions only */
  printf("  %s %s transfer %d+%d\n", names[ar->event],
         ar->name ? ar->name : "?", ar->ftransfer, ar->ntransfer);
}

/* A line hook that yields: the coroutine stops at each new line. */
static void yield_hook(lua_State *L, lua_Debug *ar) {
  lua_getinfo(L, "l", ar);
  if (ar->event == LUA_HOOKLINE && ar->currentline >= 3)
    lua_yield(L, 0);
}

static void run(lua_State *L, const char *code) {
  if (luaL_dostring(L, code) != LUA_OK) {
    printf("error: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);
  }
}

int main(void) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  lua_register(L, "inspect", inspect);

  printf("-- stack and locals\n");
  run(L, "local function f(a, b, ...)\n"
         "  local c = type(a) .. b\n"
         "  inspect()\n"
         "  return a\n"
         "end\n"
         "f('x', 'y', 'v1', 'v2')\n"
         "local t = {m = f}; t:m('q')\n");

  printf("-- getinfo '>'\n");
  luaL_loadstring(L, "local a, b = ...\nreturn a\n");
  {
    lua_Debug ar;
    memset(&ar, 0, sizeof ar);   /* fields not selected stay unset */
    lua_pushvalue(L, -1);
    int ok = lua_getinfo(L, ">Slun", &ar);
    print_ar("loaded chunk", &ar);
    printf("status %d, top %d\n", ok, lua_gettop(L));
    lua_pushvalue(L, -1);
    ok = lua_getinfo(L, ">fL", &ar);
    printf("status %d, pushed: %s %s, top %d\n", ok, luaL_typename(L, -2),
           luaL_typename(L, -1), lua_gettop(L));
    lua_pushnil(L);
    int n = 0;
    while (lua_next(L, -2)) { n++; lua_pop(L, 1); }
    printf("active lines: %d\n", n);
    lua_pop(L, 2);
    lua_pushvalue(L, -1);
    ok = lua_getinfo(L, ">X", &ar);
    printf("invalid option status %d\n", ok);
    lua_getglobal(L, "print");
    lua_getinfo(L, ">SL", &ar);
    printf("print: what=%s short=%s lines=%s\n", ar.what, ar.short_src,
           luaL_typename(L, -1));
    lua_pop(L, 1);
    /* parameters of a function that is not running */
    const char *p1 = lua_getlocal(L, NULL, 1);
    const char *p3 = lua_getlocal(L, NULL, 3);
    printf("non-active locals: %s %s\n", p1 ? p1 : "(null)", p3 ? p3 : "(null)");
    lua_pop(L, 1);
  }
  run(L, "local function g(x, y, z) end\n_G.g = g\n");
  lua_getglobal(L, "g");
  for (int i = 1; i <= 4; i++) {
    const char *name = lua_getlocal(L, NULL, i);
    printf("g param %d: %s\n", i, name ? name : "(null)");
  }
  lua_pop(L, 1);

  printf("-- hooks\n");
  lua_sethook(L, line_hook, LUA_MASKLINE | LUA_MASKCOUNT, 3);
  printf("hook set: %d mask %d count %d\n", lua_gethook(L) == line_hook,
         lua_gethookmask(L), lua_gethookcount(L));
  run(L, "local s = 0\n"
         "for i = 1, 3 do\n"
         "  s = s + i\n"
         "end\n");
  lua_sethook(L, NULL, 0, 0);
  printf("lines: %s\n", line_log);
  printf("count hook called: %d\n", line_count > 0);
  printf("hook cleared: %d mask %d\n", lua_gethook(L) == NULL, lua_gethookmask(L));
  lua_sethook(L, line_hook, 0, 5);
  printf("mask 0 clears: %d\n", lua_gethook(L) == NULL);

  lua_sethook(L, callret_hook, LUA_MASKCALL | LUA_MASKRET, 0);
  run(L, "local function add(a, b) return a + b, a * b end\n"
         "local function tc(a) return add(a, 1) end\n"
         "local r = tc(5)\n");
  lua_sethook(L, NULL, 0, 0);

  printf("-- yielding line hook\n");
  {
    lua_State *co = lua_newthread(L);
    luaL_loadstring(co, "local n = 0\n"
                        "n = n + 1\n"
                        "n = n + 10\n"
                        "n = n + 100\n"
                        "return n\n");
    lua_sethook(co, yield_hook, LUA_MASKLINE, 0);
    int nres, status, steps = 0;
    while ((status = lua_resume(co, L, 0, &nres)) == LUA_YIELD) {
      steps++;
      lua_pop(co, nres);
    }
    printf("status %d after %d yields, result %s\n", status, steps,
           lua_tostring(co, -1));
    lua_pop(L, 1);
  }

  printf("-- setcstacklimit\n");
  printf("%d\n", lua_setcstacklimit(L, 1000));

  printf("-- arith and compare\n");
  {
    lua_pushinteger(L, LUA_MININTEGER);
    lua_pushinteger(L, -1);
    lua_arith(L, LUA_OPIDIV);
    printf("minint // -1 = %lld\n", (long long)lua_tointeger(L, -1));
    lua_pop(L, 1);
    lua_pushinteger(L, 7);
    lua_pushnumber(L, -2.0);
    lua_arith(L, LUA_OPMOD);
    printf("7 %% -2.0 = %.1f\n", lua_tonumber(L, -1));
    lua_pop(L, 1);
    lua_pushstring(L, "10");
    lua_pushinteger(L, 3);
    lua_arith(L, LUA_OPADD);   /* through the string metatable's __add */
    printf("'10' + 3 -> %s\n", luaL_tolstring(L, -1, NULL));
    lua_pop(L, 2);
    lua_pushinteger(L, 5);
    lua_arith(L, LUA_OPUNM);
    printf("-5 = %lld\n", (long long)lua_tointeger(L, -1));
    lua_pop(L, 1);
    lua_pushinteger(L, 1);
    lua_pushinteger(L, 0);
    if (luaL_dostring(L, "return function(a, b) return a // b end") == LUA_OK) {
      lua_insert(L, -3);
      int st = lua_pcall(L, 2, 1, 0);
      printf("pcall 1//0: %d %s\n", st, lua_tostring(L, -1));
      lua_pop(L, 1);
    }
    lua_pushinteger(L, 9007199254740993LL);
    lua_pushnumber(L, 9007199254740992.0);
    printf("2^53+1 < 2^53 (float): %d, eq %d, le %d\n",
           lua_compare(L, -2, -1, LUA_OPLT), lua_compare(L, -2, -1, LUA_OPEQ),
           lua_compare(L, -1, -2, LUA_OPLE));
    lua_pop(L, 2);
    lua_pushstring(L, "a");
    lua_pushinteger(L, 1);
    int st = luaL_dostring(L, "return function(a, b) return a < b end");
    if (st == LUA_OK) {
      lua_insert(L, -3);
      st = lua_pcall(L, 2, 1, 0);
      printf("'a' < 1: %d %s\n", st, lua_tostring(L, -1));
      lua_pop(L, 1);
    }
  }
  printf("top at end: %d\n", lua_gettop(L));
  lua_close(L);
  return 0;
}
