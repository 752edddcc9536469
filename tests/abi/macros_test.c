/*
 * macros_test.c - constants and macros compiled into a host, against the
 * library that runs them.
 *
 * A program built with the reference headers carries their constant values
 * and macro expansions in its machine code: pseudo-indices, registry slots,
 * type, status, operator, GC and hook codes, and API names that are macros
 * over other functions (lua_pcall over lua_pcallk, lua_newuserdata over
 * lua_newuserdatauv, luaL_checkversion passing LUAL_NUMSIZES, ...). Run on
 * libcrescent.so in place of liblua5.4.so.0 (tests/abi/run.py), each line
 * below must come out as it does on liblua5.4. The allocator's "osize is
 * the type of the new object" convention is checked too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

static void run(lua_State *L, const char *code) {
  if (luaL_dostring(L, code) != LUA_OK) {
    printf("  error: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);
  }
}

/* ------------------------------------------------------------------ */
/* An allocator that notes the object kinds it is told about           */
/* ------------------------------------------------------------------ */

static int new_of_kind[LUA_NUMTYPES];
static void *alloc_ud_seen;

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  alloc_ud_seen = ud;
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  if (ptr == NULL && osize < LUA_NUMTYPES) new_of_kind[osize]++;
  return realloc(ptr, nsize);
}

/* ------------------------------------------------------------------ */

static void test_registry(lua_State *L) {
  printf("== registry and pseudo-indices\n");
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_pushglobaltable(L);
  printf("RIDX_GLOBALS is _G: %d\n", lua_rawequal(L, -1, -2));
  lua_pop(L, 2);
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
  int is_main = lua_tothread(L, -1) == L;
  printf("RIDX_MAINTHREAD is L: %d (ismain %d)\n", is_main, lua_pushthread(L));
  lua_pop(L, 2);
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_getfield(L, -1, "string");
  printf("%s.string is a %s\n", LUA_LOADED_TABLE, luaL_typename(L, -1));
  lua_pop(L, 2);
  printf("%s: %s\n", LUA_PRELOAD_TABLE,
         lua_getfield(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE) == LUA_TTABLE ? "table" : "?");
  lua_pop(L, 1);
  printf("absindex of REGISTRYINDEX unchanged: %d\n",
         lua_absindex(L, LUA_REGISTRYINDEX) == LUA_REGISTRYINDEX);
  /* LUA_MINSTACK slots are there without lua_checkstack */
  int top = lua_gettop(L);
  for (int i = 0; i < LUA_MINSTACK; i++) lua_pushinteger(L, i);
  printf("MINSTACK pushes: %d\n", lua_gettop(L) - top);
  lua_settop(L, top);
  printf("refs: NOREF %d REFNIL %d; ref of nil is REFNIL %d\n", LUA_NOREF, LUA_REFNIL,
         (lua_pushnil(L), luaL_ref(L, LUA_REGISTRYINDEX)) == LUA_REFNIL);
}

static int counter(lua_State *L) {
  lua_Integer n = lua_tointeger(L, lua_upvalueindex(1)) + 1;
  lua_pushinteger(L, n);
  lua_copy(L, -1, lua_upvalueindex(1));
  lua_pushvalue(L, lua_upvalueindex(2));
  printf("  upvalue 3 is none: %d\n", lua_isnone(L, lua_upvalueindex(3)));
  return 2;
}

static void test_upvalueindex(lua_State *L) {
  printf("== lua_upvalueindex\n");
  lua_pushinteger(L, 10);
  lua_pushliteral(L, "tag");
  lua_pushcclosure(L, counter, 2);
  lua_setglobal(L, "counter");
  run(L, "print(counter()) print(counter())");
}

static void test_types(lua_State *L) {
  printf("== type codes\n");
  static int ud_marker;
  lua_pushnil(L);
  lua_pushboolean(L, 1);
  lua_pushlightuserdata(L, &ud_marker);
  lua_pushnumber(L, 1.5);
  lua_pushliteral(L, "s");
  lua_newtable(L);
  lua_pushcfunction(L, counter);
  lua_newuserdata(L, 8);
  lua_newthread(L);
  static const int want[] = {LUA_TNIL, LUA_TBOOLEAN, LUA_TLIGHTUSERDATA, LUA_TNUMBER,
                             LUA_TSTRING, LUA_TTABLE, LUA_TFUNCTION, LUA_TUSERDATA,
                             LUA_TTHREAD};
  for (int i = 0; i < 9; i++) {
    int t = lua_type(L, -9 + i);
    printf("%d:%s%s ", t, lua_typename(L, t), t == want[i] ? "" : "(WRONG)");
  }
  /* above the top but inside the LUA_MINSTACK slots: an acceptable index */
  printf("\nnone: %d %s\n", lua_type(L, 12), lua_typename(L, LUA_TNONE));
  printf("isnoneornil: %d %d %d\n", lua_isnoneornil(L, -9), lua_isnoneornil(L, 15),
         lua_isnoneornil(L, -8));
  /* lua_newuserdata is lua_newuserdatauv(L, size, 1): one user value */
  lua_pushinteger(L, 7);
  int set1 = lua_setiuservalue(L, -3, 1);
  lua_pushinteger(L, 8);
  int set2 = lua_setiuservalue(L, -3, 2);
  printf("userdata user value 1 set: %d; 2 set: %d\n", set1, set2);
  printf("getuservalue type %d\n", lua_getuservalue(L, -2));
  lua_settop(L, 0);
}

static void test_numbers(lua_State *L) {
  printf("== numbers\n");
  lua_pushinteger(L, LUA_MAXINTEGER);
  lua_pushinteger(L, LUA_MININTEGER);
  printf("maxinteger %lld mininteger %lld isinteger %d\n", (long long)lua_tointeger(L, -2),
         (long long)lua_tointeger(L, -1), lua_isinteger(L, -1));
  lua_pushliteral(L, "0x10");
  int isnum;
  printf("tonumber('0x10') %.1f; tointegerx %lld ok %d\n", lua_tonumber(L, -1),
         (long long)lua_tointegerx(L, -1, &isnum), isnum);
  printf("stringtonumber size %zu\n", lua_stringtonumber(L, "  3.25e1 "));
  printf("sizeof lua_Number %zu lua_Integer %zu\n", sizeof(lua_Number), sizeof(lua_Integer));
  lua_settop(L, 0);

  static const char *const opnames[] = {"ADD", "SUB", "MUL", "MOD", "POW", "DIV", "IDIV",
                                        "BAND", "BOR", "BXOR", "SHL", "SHR", "UNM", "BNOT"};
  static const int ops[] = {LUA_OPADD, LUA_OPSUB, LUA_OPMUL, LUA_OPMOD, LUA_OPPOW,
                            LUA_OPDIV, LUA_OPIDIV, LUA_OPBAND, LUA_OPBOR, LUA_OPBXOR,
                            LUA_OPSHL, LUA_OPSHR, LUA_OPUNM, LUA_OPBNOT};
  for (int i = 0; i < 14; i++) {
    lua_pushinteger(L, 13);
    if (ops[i] != LUA_OPUNM && ops[i] != LUA_OPBNOT) lua_pushinteger(L, 3);
    lua_arith(L, ops[i]);
    printf("%s=%s ", opnames[i], luaL_tolstring(L, -1, NULL));
    lua_settop(L, 0);
  }
  printf("\n");
  lua_pushinteger(L, 1);
  lua_pushnumber(L, 2.0);
  printf("compare 1,2.0: EQ %d LT %d LE %d\n", lua_compare(L, 1, 2, LUA_OPEQ),
         lua_compare(L, 1, 2, LUA_OPLT), lua_compare(L, 1, 2, LUA_OPLE));
  lua_settop(L, 0);
}

static int fails(lua_State *L) {
  return luaL_error(L, "failed with %d", 42);
}

static int msgh(lua_State *L) {
  lua_pushfstring(L, "handled: %s", lua_tostring(L, 1));
  return 1;
}

static int argchecker(lua_State *L) {
  luaL_argcheck(L, lua_gettop(L) == 1, 1, "exactly one");
  luaL_argexpected(L, lua_isstring(L, 1), 1, "text");
  lua_Integer n = luaL_opt(L, luaL_checkinteger, 2, 5);
  luaL_pushfail(L);
  lua_pushinteger(L, n);
  return 2;
}

static void test_status(lua_State *L) {
  printf("== status codes and call macros\n");
  printf("OK %d YIELD %d ERRRUN %d ERRSYNTAX %d ERRMEM %d ERRERR %d\n", LUA_OK, LUA_YIELD,
         LUA_ERRRUN, LUA_ERRSYNTAX, LUA_ERRMEM, LUA_ERRERR);
  lua_pushcfunction(L, fails);
  int st = lua_pcall(L, 0, LUA_MULTRET, 0);
  printf("pcall -> %d: %s\n", st, lua_tostring(L, -1));
  lua_pop(L, 1);
  lua_pushcfunction(L, msgh);
  lua_pushcfunction(L, fails);
  st = lua_pcall(L, 0, 0, -2);
  printf("pcall with handler -> %d: %s\n", st, lua_tostring(L, -1));
  lua_settop(L, 0);
  st = luaL_loadbuffer(L, "return +", 8, "=chunk");
  printf("loadbuffer -> %d: %s\n", st, lua_tostring(L, -1));
  lua_pop(L, 1);
  st = luaL_loadstring(L, "return ...");
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 2);
  lua_call(L, 2, LUA_MULTRET);
  printf("call MULTRET: %d results\n", lua_gettop(L));
  lua_settop(L, 0);
  printf("dostring -> %d\n", luaL_dostring(L, "error(setmetatable({}, {__tostring = "
                                              "function() return 'obj' end}))"));
  printf("  error object: %s\n", luaL_tolstring(L, -1, NULL));
  lua_settop(L, 0);
  lua_register(L, "argchecker", argchecker);
  run(L, "print(pcall(argchecker))\n"
         "print(pcall(argchecker, {}))\n"
         "print(argchecker('x'))\n"
         "print(pcall(argchecker, 'x', 'y'))\n");
  printf("loadfile missing -> %d\n", luaL_loadfile(L, "/nonexistent/abi.lua"));
  lua_settop(L, 0);
}

static int gen_k(lua_State *L, int status, lua_KContext ctx) {
  printf("  continuation: status %d ctx %ld top %d\n", status, (long)ctx, lua_gettop(L));
  return lua_gettop(L);
}

static int gen(lua_State *L) {
  lua_pushinteger(L, 1);
  return lua_yieldk(L, 1, (lua_KContext)77, gen_k);
}

static int plain_yield(lua_State *L) {
  lua_pushliteral(L, "y");
  return lua_yield(L, 1);
}

static void test_coroutines(lua_State *L) {
  printf("== yields from C\n");
  lua_State *co = lua_newthread(L);
  int nres;
  lua_pushcfunction(co, gen);
  int st = lua_resume(co, L, 0, &nres);
  printf("resume -> %d nres %d value %lld status %d\n", st, nres,
         (long long)lua_tointeger(co, -1), lua_status(co));
  lua_pop(co, nres);
  lua_pushliteral(co, "back");
  st = lua_resume(co, L, 1, &nres);
  printf("resume -> %d nres %d value %s\n", st, nres, lua_tostring(co, -1));
  lua_pushcfunction(L, plain_yield);
  lua_setglobal(L, "plain_yield");
  run(L, "local co = coroutine.wrap(function() return plain_yield() end)\n"
         "print(co(), co())\n");
  printf("resetthread -> %d\n", lua_resetthread(co));
  lua_settop(L, 0);
}

static void test_gc(lua_State *L) {
  printf("== lua_gc options\n");
  printf("codes: STOP %d RESTART %d COLLECT %d COUNT %d COUNTB %d STEP %d "
         "SETPAUSE %d SETSTEPMUL %d ISRUNNING %d GEN %d INC %d\n",
         LUA_GCSTOP, LUA_GCRESTART, LUA_GCCOLLECT, LUA_GCCOUNT, LUA_GCCOUNTB, LUA_GCSTEP,
         LUA_GCSETPAUSE, LUA_GCSETSTEPMUL, LUA_GCISRUNNING, LUA_GCGEN, LUA_GCINC);
  lua_gc(L, LUA_GCSTOP);
  printf("isrunning after stop: %d\n", lua_gc(L, LUA_GCISRUNNING));
  lua_gc(L, LUA_GCRESTART);
  printf("isrunning after restart: %d\n", lua_gc(L, LUA_GCISRUNNING));
  printf("collect -> %d\n", lua_gc(L, LUA_GCCOLLECT));
  printf("count > 0: %d, countb in range: %d\n", lua_gc(L, LUA_GCCOUNT) > 0,
         lua_gc(L, LUA_GCCOUNTB) >= 0 && lua_gc(L, LUA_GCCOUNTB) < 1024);
  printf("gen from incremental -> %s\n", lua_gc(L, LUA_GCGEN, 0, 0) == LUA_GCINC ? "INC" : "?");
  printf("inc from generational -> %s\n", lua_gc(L, LUA_GCINC, 0, 0, 0) == LUA_GCGEN ? "GEN" : "?");
}

static void test_allocator(void) {
  printf("== allocator conventions\n");
  static int ud;
  lua_State *L = lua_newstate(counting_alloc, &ud);
  luaL_openlibs(L);
  printf("ud passed through: %d\n", alloc_ud_seen == &ud);
  void *got_ud;
  printf("getallocf: %d %d\n", lua_getallocf(L, &got_ud) == counting_alloc, got_ud == &ud);
  memset(new_of_kind, 0, sizeof new_of_kind);
  lua_newtable(L);
  lua_pushliteral(L, "a string long enough not to be interned, well past forty bytes");
  lua_newuserdatauv(L, 16, 0);
  lua_newthread(L);
  luaL_loadstring(L, "return 1");
  printf("new objects announced: table %d string %d userdata %d thread %d function %d\n",
         new_of_kind[LUA_TTABLE] > 0, new_of_kind[LUA_TSTRING] > 0,
         new_of_kind[LUA_TUSERDATA] > 0, new_of_kind[LUA_TTHREAD] > 0,
         new_of_kind[LUA_TFUNCTION] > 0);
  lua_close(L);
}

static void test_misc(lua_State *L) {
  printf("== misc\n");
  printf("version %.0f (LUA_VERSION_NUM %d)\n", (double)lua_version(L), LUA_VERSION_NUM);
  printf("hook masks CALL %d RET %d LINE %d COUNT %d\n", LUA_MASKCALL, LUA_MASKRET,
         LUA_MASKLINE, LUA_MASKCOUNT);
  printf("LUA_MULTRET %d LUA_FILEHANDLE %s LUA_IDSIZE %d\n", LUA_MULTRET, LUA_FILEHANDLE,
         LUA_IDSIZE);
  lua_pushliteral(L, "a,b,,c");
  printf("gsub: %s\n", luaL_gsub(L, lua_tostring(L, -1), ",", ";"));
  lua_settop(L, 0);
  lua_pushfstring(L, "%s|%d|%I|%f|%c|%U|%%|%p", "s", -5, (LUAI_UACINT)LUA_MAXINTEGER, 0.5,
                  'c', 0x20AC, (void *)NULL);
  printf("pushfstring: %.60s\n", lua_tostring(L, -1));
  lua_settop(L, 0);
  luaL_traceback(L, L, "tb", 0);
  printf("traceback: %s\n", lua_tostring(L, -1));
  lua_settop(L, 0);
  lua_getglobal(L, "string");
  printf("len of string table via luaL_len: %lld\n", (long long)luaL_len(L, -1));
  lua_settop(L, 0);
}

int main(void) {
  lua_State *L = luaL_newstate();
  luaL_checkversion(L);
  luaL_openlibs(L);
  test_registry(L);
  test_upvalueindex(L);
  test_types(L);
  test_numbers(L);
  test_status(L);
  test_coroutines(L);
  test_gc(L);
  test_misc(L);
  lua_close(L);
  test_allocator();
  fflush(stdout);
  printf("done\n");
  return 0;
}
