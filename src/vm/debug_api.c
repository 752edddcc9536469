/*
 * debug_api.c — the debug interface of the C API: stack levels, lua_getinfo,
 * locals, and hooks. Thin wrappers over debuginfo.c; they live in vm/
 * because they read CallInfo and Proto internals the api/ layer never sees.
 */
#include <string.h>

#include "vm/debuginfo.h"
#include "vm/func.h"
#include "obj/numconv.h"
#include "obj/tab.h"

LUA_API int lua_getstack(lua_State *L, int level, lua_Debug *ar) {
  CallInfo *ci;
  if (level < 0)
    return 0;
  for (ci = L->ci; level > 0 && ci != &L->base_ci; ci = ci->previous)
    level--;
  if (level == 0 && ci != &L->base_ci) {
    ar->i_ci = ci;
    return 1;
  }
  return 0;
}

/* Fields of option 'S'. */
static void debugapi_funcinfo(lua_Debug *ar, const TValue *func) {
  if (!ttisLclosure(func)) {
    ar->source = "=[C]";
    ar->srclen = strlen("=[C]");
    ar->linedefined = -1;
    ar->lastlinedefined = -1;
    ar->what = "C";
  } else {
    const Proto *p = clLvalue(func)->p;
    if (p->source) {
      ar->source = getstr(p->source);
      ar->srclen = tsslen(p->source);
    } else {
      ar->source = "=?";
      ar->srclen = strlen("=?");
    }
    ar->linedefined = p->linedefined;
    ar->lastlinedefined = p->lastlinedefined;
    ar->what = (ar->linedefined == 0) ? "main" : "Lua";
  }
  obj_chunkid(ar->short_src, ar->source, ar->srclen);
}

/* Fill the fields selected by `what`; 0 if an option is unknown. ci is
 * NULL for a function given on the stack ('>'), which is not running. */
static int debugapi_fill(lua_State *L, const char *what, lua_Debug *ar,
                         const TValue *func, CallInfo *ci) {
  int status = 1;
  for (; *what; what++) {
    switch (*what) {
      case 'S':
        debugapi_funcinfo(ar, func);
        break;
      case 'l':
        ar->currentline = (ci && isLua(ci)) ? debug_currentline(ci) : -1;
        break;
      case 'u':
        if (ttisLclosure(func)) {
          const Proto *p = clLvalue(func)->p;
          ar->nups = clLvalue(func)->nupvalues;
          ar->isvararg = (char)p->is_vararg;
          ar->nparams = p->numparams;
        } else {
          ar->nups = ttisCclosure(func) ? clCvalue(func)->nupvalues : 0;
          ar->isvararg = 1;
          ar->nparams = 0;
        }
        break;
      case 't':
        ar->istailcall = (ci) ? (char)((ci->callstatus & CIST_TAIL) != 0) : 0;
        break;
      case 'n':
        ar->namewhat = debug_funcname(L, ci, &ar->name);
        if (ar->namewhat == NULL) {
          ar->namewhat = "";
          ar->name = NULL;
        }
        break;
      case 'r':
        if (ci == NULL || !(ci->callstatus & CIST_TRAN)) {
          ar->ftransfer = ar->ntransfer = 0;
        } else {
          ar->ftransfer = ci->u2.transferinfo.ftransfer;
          ar->ntransfer = ci->u2.transferinfo.ntransfer;
        }
        break;
      case 'L': case 'f':              /* pushed by lua_getinfo below */
        break;
      default:
        status = 0;
    }
  }
  return status;
}

LUA_API int lua_getinfo(lua_State *L, const char *what, lua_Debug *ar) {
  CallInfo *ci;
  TValue func;
  if (*what == '>') {
    ci = NULL;
    L->top--;                         /* pop the function */
    setobj(L, &func, L->top);
    what++;
  } else {
    ci = ar->i_ci;
    setobj(L, &func, ci->func);
  }
  cr_assert(ttisfunction(&func), "lua_getinfo: function expected");
  int status = debugapi_fill(L, what, ar, &func, ci);
  if (strchr(what, 'f')) {
    setobj2s(L, L->top, &func);
    L->top++;
  }
  if (strchr(what, 'L')) {
    if (!ttisLclosure(&func)) {
      setnilvalue(L->top);
      L->top++;
    } else {
      Table *t = tab_new(L);
      sethvalue(L, L->top, t);      /* anchored before filling */
      L->top++;
      debug_collectlines(L, clLvalue(&func)->p, t);
    }
  }
  return status;
}

LUA_API const char *lua_getlocal(lua_State *L, const lua_Debug *ar, int n) {
  if (ar == NULL) {
    /* a function on the stack, not running: its parameters are the locals
     * active at its first instruction */
    const TValue *f = L->top - 1;
    if (!ttisLclosure(f))
      return NULL;
    return func_getlocalname(clLvalue(f)->p, n, 0);
  }
  StkId pos = NULL;
  const char *name = debug_findlocal(L, ar->i_ci, n, &pos);
  if (name) {
    setobjs2s(L, L->top, pos);
    L->top++;
  }
  return name;
}

LUA_API const char *lua_setlocal(lua_State *L, const lua_Debug *ar, int n) {
  StkId pos = NULL;
  const char *name = debug_findlocal(L, ar->i_ci, n, &pos);
  if (name) {                         /* as lua5.4: pops only on success */
    setobjs2s(L, pos, L->top - 1);
    L->top--;
  }
  return name;
}

/* ------------------------------------------------------------------ */
/* Hooks                                                               */
/* ------------------------------------------------------------------ */

LUA_API void lua_sethook(lua_State *L, lua_Hook func, int mask, int count) {
  if (func == NULL || mask == 0) {    /* either one turns hooks off */
    mask = 0;
    func = NULL;
  }
  L->hook = func;
  L->basehookcount = count;
  L->hookcount = count;
  L->hookmask = cast_byte(mask);
  if (mask)
    debug_settraps(L->ci);            /* running frames must see the hook */
}

LUA_API lua_Hook lua_gethook(lua_State *L) {
  return L->hook;
}

LUA_API int lua_gethookmask(lua_State *L) {
  return L->hookmask;
}

LUA_API int lua_gethookcount(lua_State *L) {
  return L->basehookcount;
}

/* Kept for ABI compatibility: Lua 5.4.4 no longer lets programs change the
 * C stack limit; it ignores the argument and reports the fixed limit. */
LUA_API int lua_setcstacklimit(lua_State *L, unsigned int limit) {
  (void)L;
  (void)limit;
  return CR_MAX_CCALLS;
}
