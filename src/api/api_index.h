/*
 * api_index.h — from API indices to values.
 *
 * An API index names one of three things:
 *   idx > 0                 slot func+idx of the running C function's frame
 *                           (an "acceptable" index may lie above the top up
 *                           to ci->top; it then reads as a nil "no value");
 *   LUA_REGISTRYINDEX < idx < 0   a slot counted down from the top;
 *   idx <= LUA_REGISTRYINDEX      a pseudo-index: the registry itself, or
 *                           upvalue i of the running C closure at
 *                           lua_upvalueindex(i) = LUA_REGISTRYINDEX - i.
 * Reads of "no value" return &G(L)->nilvalue, a nil that lives in the
 * global state; api_isvalid tells it apart from a real nil slot. Nobody
 * writes through that pointer: writers check validity first.
 */
#ifndef CRESCENT_API_INDEX_H
#define CRESCENT_API_INDEX_H

#include "api/api_check.h"

#define api_ispseudo(i)   ((i) <= LUA_REGISTRYINDEX)
#define api_isupvalue(i)  ((i) < LUA_REGISTRYINDEX)
/* Not the shared "no value" nil. */
#define api_isvalid(L, o) (!ttisnil(o) || (o) != &G(L)->nilvalue)

static inline TValue *api_index2value(lua_State *L, int idx) {
  CallInfo *ci = L->ci;
  if (idx > 0) {
    StkId o = ci->func + idx;
    api_check(L, idx <= ci->top - (ci->func + 1), "unacceptable index");
    return (o >= L->top) ? &G(L)->nilvalue : o;
  }
  if (!api_ispseudo(idx)) {
    api_check(L, idx != 0 && -idx <= L->top - (ci->func + 1), "invalid index");
    return L->top + idx;
  }
  if (idx == LUA_REGISTRYINDEX)
    return &G(L)->l_registry;
  /* An upvalue of the running C function. */
  idx = LUA_REGISTRYINDEX - idx;
  api_check(L, idx <= CR_MAX_UPVALUES + 1, "upvalue index too large");
  if (ttisCclosure(ci->func)) {
    CClosure *fn = clCvalue(ci->func);
    return (idx <= fn->nupvalues) ? &fn->upvalue[idx - 1] : &G(L)->nilvalue;
  }
  /* A light C function has no upvalues. */
  api_check(L, ttislcf(ci->func), "caller not a C function");
  return &G(L)->nilvalue;
}

/* A real stack slot (no pseudo-index, nothing above the top). */
static inline StkId api_index2stack(lua_State *L, int idx) {
  CallInfo *ci = L->ci;
  if (idx > 0) {
    StkId o = ci->func + idx;
    api_check(L, o < L->top, "unacceptable index");
    return o;
  }
  api_check(L, idx != 0 && -idx <= L->top - (ci->func + 1), "invalid index");
  api_check(L, !api_ispseudo(idx), "invalid index");
  return L->top + idx;
}

#endif
