/*
 * api_push.c — pushing C values onto the stack: nil, numbers, strings
 * (plain and formatted), C functions and closures, booleans, light
 * userdata, the running thread.
 *
 * Functions that allocate give the collector a chance to run afterwards
 * (gc_check), once the new object is safely on the stack.
 */
#include "api/api_index.h"
#include "obj/numconv.h"
#include "obj/str.h"
#include "gc/gc.h"
#include "vm/func.h"

LUA_API void lua_pushnil(lua_State *L) {
  setnilvalue(L->top);
  api_incr_top(L);
}

LUA_API void lua_pushnumber(lua_State *L, lua_Number n) {
  setfltvalue(L->top, n);
  api_incr_top(L);
}

LUA_API void lua_pushinteger(lua_State *L, lua_Integer n) {
  setivalue(L->top, n);
  api_incr_top(L);
}

/* s may be NULL when len is 0. */
LUA_API const char *lua_pushlstring(lua_State *L, const char *s, size_t len) {
  TString *ts = (len == 0) ? str_new(L, "", 0) : str_new(L, s, len);
  setsvalue(L, L->top, ts);
  api_incr_top(L);
  gc_check(L);
  return getstr(ts);
}

/* A NULL string pushes nil (and returns NULL). */
LUA_API const char *lua_pushstring(lua_State *L, const char *s) {
  if (s == NULL) {
    setnilvalue(L->top);
  } else {
    TString *ts = str_newz(L, s);
    setsvalue(L, L->top, ts);
    s = getstr(ts);
  }
  api_incr_top(L);
  gc_check(L);
  return s;
}

LUA_API const char *lua_pushvfstring(lua_State *L, const char *fmt,
                                     va_list argp) {
  const char *ret = obj_pushvfstring(L, fmt, argp);
  gc_check(L);
  return ret;
}

LUA_API const char *lua_pushfstring(lua_State *L, const char *fmt, ...) {
  va_list argp;
  va_start(argp, fmt);
  const char *ret = obj_pushvfstring(L, fmt, argp);
  va_end(argp);
  gc_check(L);
  return ret;
}

/*
 * With no upvalues the function is pushed as a light C function (no
 * allocation; VT_LCF), as lua5.4 does; otherwise the top n values become
 * the upvalues of a new C closure.
 */
LUA_API void lua_pushcclosure(lua_State *L, lua_CFunction fn, int n) {
  if (n == 0) {
    setfvalue(L->top, fn);
    api_incr_top(L);
    return;
  }
  api_checknelems(L, n);
  api_check(L, n <= CR_MAX_UPVALUES, "upvalue index too large");
  CClosure *cl = func_newCclosure(L, n);
  cl->f = fn;
  L->top -= n;
  /* The closure is new (white): storing into it needs no barrier. */
  while (n--)
    setobj2n(L, &cl->upvalue[n], L->top + n);
  setclCvalue(L, L->top, cl);
  api_incr_top(L);
  gc_check(L);
}

LUA_API void lua_pushboolean(lua_State *L, int b) {
  setbvalue(L->top, b != 0);
  api_incr_top(L);
}

LUA_API void lua_pushlightuserdata(lua_State *L, void *p) {
  setpvalue(L->top, p);
  api_incr_top(L);
}

/* Returns 1 when L is the main thread of its state. */
LUA_API int lua_pushthread(lua_State *L) {
  setthvalue(L, L->top, L);
  api_incr_top(L);
  return G(L)->mainthread == L;
}
