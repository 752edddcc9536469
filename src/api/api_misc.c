/*
 * api_misc.c — the rest of the C API that belongs to no larger group:
 * the panic function, version, warnings, the allocator, upvalue access
 * (lua_getupvalue & co., which the manual lists with the debug interface)
 * and the library's identification string.
 */
#include "api/api_index.h"
#include "gc/gc.h"

/* Kept for binaries that reference it; the text identifies the release
 * the API corresponds to, and the engine behind it. */
/* Defined without LUA_API (which says extern); the declaration in lua.h
 * gives it default visibility. */
const char lua_ident[] =
  "$LuaVersion: " LUA_COPYRIGHT " $"
  "$LuaAuthors: " LUA_AUTHORS " $"
  "$LuaEngine: Crescent $";

LUA_API lua_CFunction lua_atpanic(lua_State *L, lua_CFunction panicf) {
  lua_CFunction old = G(L)->panic;
  G(L)->panic = panicf;
  return old;
}

LUA_API lua_Number lua_version(lua_State *L) {
  (void)L;
  return LUA_VERSION_NUM;
}

/* ------------------------------------------------------------------ */
/* Warnings and the allocator                                          */
/* ------------------------------------------------------------------ */

LUA_API void lua_setwarnf(lua_State *L, lua_WarnFunction f, void *ud) {
  G(L)->ud_warn = ud;
  G(L)->warnf = f;
}

/* With no warning function installed, warnings are dropped. */
LUA_API void lua_warning(lua_State *L, const char *msg, int tocont) {
  lua_WarnFunction wf = G(L)->warnf;
  if (wf != NULL)
    wf(G(L)->ud_warn, msg, tocont);
}

LUA_API lua_Alloc lua_getallocf(lua_State *L, void **ud) {
  if (ud != NULL)
    *ud = G(L)->ud;
  return G(L)->frealloc;
}

LUA_API void lua_setallocf(lua_State *L, lua_Alloc f, void *ud) {
  G(L)->ud = ud;
  G(L)->frealloc = f;
}

/* ------------------------------------------------------------------ */
/* Upvalues                                                            */
/* ------------------------------------------------------------------ */

/*
 * Upvalue n of the function fi: its cell in *val, the object that holds
 * the cell in *owner (for the write barrier), and its name — "" for C
 * closures, "(no name)" for Lua functions without debug information.
 * NULL when there is no such upvalue.
 */
static const char *upvalue_find(const TValue *fi, int n, TValue **val,
                                GCObject **owner) {
  switch (rawtt(fi)) {
    case VT_CCL: {
      CClosure *f = clCvalue(fi);
      if ((unsigned)n - 1u >= (unsigned)f->nupvalues)
        return NULL;
      *val = &f->upvalue[n - 1];
      if (owner != NULL)
        *owner = obj2gco(f);
      return "";
    }
    case VT_LCL: {
      LClosure *f = clLvalue(fi);
      const Proto *p = f->p;
      if ((unsigned)n - 1u >= (unsigned)p->sizeupvalues)
        return NULL;
      *val = f->upvals[n - 1]->v;
      if (owner != NULL)
        *owner = obj2gco(f->upvals[n - 1]);
      TString *name = p->upvalues[n - 1].name;
      return (name == NULL) ? "(no name)" : getstr(name);
    }
    default:
      return NULL;
  }
}

LUA_API const char *lua_getupvalue(lua_State *L, int funcindex, int n) {
  TValue *val = NULL;
  const char *name = upvalue_find(api_index2value(L, funcindex), n, &val, NULL);
  if (name != NULL) {
    setobj2s(L, L->top, val);
    api_incr_top(L);
  }
  return name;
}

LUA_API const char *lua_setupvalue(lua_State *L, int funcindex, int n) {
  TValue *val = NULL;
  GCObject *owner = NULL;
  const TValue *fi = api_index2value(L, funcindex);
  api_checknelems(L, 1);
  const char *name = upvalue_find(fi, n, &val, &owner);
  if (name != NULL) {
    L->top--;
    setobj(L, val, L->top);
    gc_barrier(L, owner, val);
  }
  return name;
}

/* The cell holding upvalue n of the Lua function at fidx, or a pointer to
 * NULL when n is out of range. */
static UpVal **upvalue_ref(lua_State *L, int fidx, int n, LClosure **pf) {
  static UpVal *const no_upvalue = NULL;
  const TValue *fi = api_index2value(L, fidx);
  api_check(L, ttisLclosure(fi), "Lua function expected");
  LClosure *f = clLvalue(fi);
  if (pf != NULL)
    *pf = f;
  if (1 <= n && n <= f->p->sizeupvalues)
    return &f->upvals[n - 1];
  return (UpVal **)&no_upvalue;
}

/* Identity of an upvalue: shared upvalues have the same id. */
LUA_API void *lua_upvalueid(lua_State *L, int fidx, int n) {
  const TValue *fi = api_index2value(L, fidx);
  switch (rawtt(fi)) {
    case VT_LCL:
      return *upvalue_ref(L, fidx, n, NULL);
    case VT_CCL: {
      CClosure *f = clCvalue(fi);
      if (1 <= n && n <= f->nupvalues)
        return &f->upvalue[n - 1];
      return NULL;
    }
    case VT_LCF:
      return NULL;   /* light C functions have no upvalues */
    default:
      api_check(L, 0, "function expected");
      return NULL;
  }
}

/* Make upvalue n1 of closure fidx1 refer to upvalue n2 of closure fidx2. */
LUA_API void lua_upvaluejoin(lua_State *L, int fidx1, int n1,
                             int fidx2, int n2) {
  LClosure *f1;
  UpVal **up1 = upvalue_ref(L, fidx1, n1, &f1);
  UpVal **up2 = upvalue_ref(L, fidx2, n2, NULL);
  api_check(L, *up1 != NULL && *up2 != NULL, "invalid upvalue index");
  *up1 = *up2;
  gc_objbarrier(L, f1, *up1);
}
