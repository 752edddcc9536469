/*
 * api_get.c — reading stack values from C: type queries and conversions
 * (lua_type, lua_isX, lua_toX, lua_rawlen, lua_topointer).
 *
 * Conversions follow lua5.4's coercions: numeric strings convert to
 * numbers, and numbers convert to strings in place (lua_tolstring changes
 * the slot, which is why it is the one reader here that allocates).
 */
#include "api/api_index.h"
#include "obj/numconv.h"
#include "obj/tab.h"
#include "gc/gc.h"
#include "vm/arith.h"

LUA_API int lua_type(lua_State *L, int idx) {
  const TValue *o = api_index2value(L, idx);
  return api_isvalid(L, o) ? ttype(o) : LUA_TNONE;
}

LUA_API const char *lua_typename(lua_State *L, int t) {
  (void)L;
  api_check(L, LUA_TNONE <= t && t < LUA_NUMTYPES, "invalid type");
  return value_type_names[t + 1];
}

LUA_API int lua_iscfunction(lua_State *L, int idx) {
  const TValue *o = api_index2value(L, idx);
  return ttislcf(o) || ttisCclosure(o);
}

LUA_API int lua_isinteger(lua_State *L, int idx) {
  return ttisinteger(api_index2value(L, idx));
}

LUA_API int lua_isnumber(lua_State *L, int idx) {
  lua_Number n;
  const TValue *o = api_index2value(L, idx);
  return ttisnumber(o) || arith_tonumber(o, &n);
}

LUA_API int lua_isstring(lua_State *L, int idx) {
  const TValue *o = api_index2value(L, idx);
  return ttisstring(o) || ttisnumber(o);
}

LUA_API int lua_isuserdata(lua_State *L, int idx) {
  const TValue *o = api_index2value(L, idx);
  return ttisfulluserdata(o) || ttislightuserdata(o);
}

LUA_API lua_Number lua_tonumberx(lua_State *L, int idx, int *pisnum) {
  lua_Number n = 0;
  const TValue *o = api_index2value(L, idx);
  int isnum;
  if (ttisfloat(o)) {
    n = fltvalue(o);
    isnum = 1;
  } else {
    isnum = arith_tonumber(o, &n);
    if (!isnum)
      n = 0;
  }
  if (pisnum)
    *pisnum = isnum;
  return n;
}

/* Floats convert only when their value is an exact integer. Out of line:
 * the integer case in lua_tointegerx then needs no stack frame. */
static CR_NOINLINE lua_Integer tointeger_slow(const TValue *o, int *pisnum) {
  lua_Integer res = 0;
  int isnum = arith_tointeger(o, &res, F2I_EQ);
  if (!isnum)
    res = 0;
  if (pisnum)
    *pisnum = isnum;
  return res;
}

LUA_API lua_Integer lua_tointegerx(lua_State *L, int idx, int *pisnum) {
  const TValue *o = api_index2value(L, idx);
  if (!ttisinteger(o))
    return tointeger_slow(o, pisnum);
  if (pisnum)
    *pisnum = 1;
  return ivalue(o);
}

LUA_API int lua_toboolean(lua_State *L, int idx) {
  return !l_isfalse(api_index2value(L, idx));
}

/* lua_tolstring of anything but a string (out of line, so that strings
 * need no stack frame): a number is converted in place. */
static CR_NOINLINE const char *tolstring_slow(lua_State *L, int idx,
                                              TValue *o, size_t *len) {
  if (!ttisnumber(o)) {
    if (len != NULL)
      *len = 0;
    return NULL;
  }
  num_tostring(L, o);
  gc_check(L);
  o = api_index2value(L, idx);  /* the collector may have moved the stack */
  if (len != NULL)
    *len = vslen(o);
  return svalue(o);
}

LUA_API const char *lua_tolstring(lua_State *L, int idx, size_t *len) {
  TValue *o = api_index2value(L, idx);
  if (!ttisstring(o))
    return tolstring_slow(L, idx, o, len);
  if (len != NULL)
    *len = vslen(o);
  return svalue(o);
}

LUA_API lua_Unsigned lua_rawlen(lua_State *L, int idx) {
  const TValue *o = api_index2value(L, idx);
  switch (rawtt(o)) {
    case VT_SHRSTR:
    case VT_LNGSTR: return vslen(o);
    case VT_UDATA:  return uvalue(o)->len;
    case VT_TABLE:  return tab_getn(hvalue(o));
    default:        return 0;
  }
}

LUA_API lua_CFunction lua_tocfunction(lua_State *L, int idx) {
  const TValue *o = api_index2value(L, idx);
  if (ttislcf(o))
    return fvalue(o);
  if (ttisCclosure(o))
    return clCvalue(o)->f;
  return NULL;
}

static void *value_touserdata(const TValue *o) {
  switch (rawtt(o)) {
    case VT_UDATA:   return getudatamem(uvalue(o));
    case VT_LIGHTUD: return pvalue(o);
    default:         return NULL;
  }
}

LUA_API void *lua_touserdata(lua_State *L, int idx) {
  return value_touserdata(api_index2value(L, idx));
}

LUA_API lua_State *lua_tothread(lua_State *L, int idx) {
  /* coroutine.wrap's function finds its thread in upvalue 1 at every
   * call: that case first */
  if (idx == lua_upvalueindex(1) && ttisCclosure(L->ci->func)) {
    CClosure *fn = clCvalue(L->ci->func);
    if (fn->nupvalues >= 1 && ttisthread(&fn->upvalue[0]))
      return thvalue(&fn->upvalue[0]);
  }
  const TValue *o = api_index2value(L, idx);
  return ttisthread(o) ? thvalue(o) : NULL;
}

/*
 * A pointer that identifies the value, for hashing and printing only:
 * the object for collectable values, the block for userdata, the function
 * address for light C functions.
 */
LUA_API const void *lua_topointer(lua_State *L, int idx) {
  const TValue *o = api_index2value(L, idx);
  switch (rawtt(o)) {
    case VT_LCF:
      return (const void *)(size_t)fvalue(o);
    case VT_UDATA:
    case VT_LIGHTUD:
      return value_touserdata(o);
    default:
      return iscollectable(o) ? (const void *)gcvalue(o) : NULL;
  }
}
