/*
 * api_call.c — running code from C: calls with and without protection
 * (and their continuations, for C functions that want to survive a yield
 * across the call), loading and dumping chunks, raising errors, thread
 * status, and the collector's control entry point.
 *
 * Continuations: a C function that calls through lua_callk/lua_pcallk with
 * a continuation k, in a coroutine that may yield, records k and its
 * context in its own CallInfo. If the callee yields, the C frame is
 * abandoned; on resume, vm/resume.c finishes the callee and then calls k
 * in place of the rest of the C function. Without k, or when the thread
 * cannot yield anyway, the call is made non-yieldable.
 */
#include <stdarg.h>

#include "api/api_index.h"
#include "front/dump.h"
#include "front/zio.h"
#include "gc/gc.h"
#include "obj/tab.h"
#include "vm/debuginfo.h"
#include "vm/do.h"

/* ------------------------------------------------------------------ */
/* Calls                                                               */
/* ------------------------------------------------------------------ */

LUA_API void lua_callk(lua_State *L, int nargs, int nresults,
                       lua_KContext ctx, lua_KFunction k) {
  api_check(L, k == NULL || !isLua(L->ci),
            "cannot use continuations inside hooks");
  api_checknelems(L, nargs + 1);
  api_check(L, L->status == LUA_OK, "cannot do calls on non-normal thread");
  api_checkresults(L, nargs, nresults);
  StkId func = L->top - (nargs + 1);
  if (k != NULL && do_yieldable(L)) {
    L->ci->u.c.k = k;
    L->ci->u.c.ctx = ctx;
    do_call(L, func, nresults);
  } else {
    do_callnoyield(L, func, nresults);
  }
  api_adjustresults(L, nresults);
}

/* What a protected call runs (through do_pcall). */
typedef struct ProtectedCall {
  StkId func;
  int nresults;
} ProtectedCall;

static void protected_call(lua_State *L, void *ud) {
  ProtectedCall *c = ud;
  do_callnoyield(L, c->func, c->nresults);
}

/*
 * With a continuation in a yieldable thread, no recovery point is set up
 * here: the frame is marked CIST_YPCALL with everything needed to recover
 * (function slot, message handler, hook permission), and an error inside
 * the call is caught by the resume loop, which unwinds to this frame and
 * calls k with the error status.
 */
LUA_API int lua_pcallk(lua_State *L, int nargs, int nresults, int errfunc,
                       lua_KContext ctx, lua_KFunction k) {
  api_check(L, k == NULL || !isLua(L->ci),
            "cannot use continuations inside hooks");
  api_checknelems(L, nargs + 1);
  api_check(L, L->status == LUA_OK, "cannot do calls on non-normal thread");
  api_checkresults(L, nargs, nresults);
  ptrdiff_t handler = 0;
  if (errfunc != 0) {
    StkId o = api_index2stack(L, errfunc);
    api_check(L, ttisfunction(o), "error handler must be a function");
    handler = savestack(L, o);
  }
  ProtectedCall c;
  c.func = L->top - (nargs + 1);
  int status;
  if (k == NULL || !do_yieldable(L)) {
    c.nresults = nresults;
    status = do_pcall(L, protected_call, &c, savestack(L, c.func), handler);
  } else {
    CallInfo *ci = L->ci;
    ci->u.c.k = k;
    ci->u.c.ctx = ctx;
    ci->u2.funcidx = cast_int(savestack(L, c.func));
    ci->u.c.old_errfunc = L->errfunc;
    L->errfunc = handler;
    do_setoah(ci->callstatus, L->allowhook);
    ci->callstatus |= CIST_YPCALL;
    do_call(L, c.func, nresults);
    ci->callstatus &= ~CIST_YPCALL;
    L->errfunc = ci->u.c.old_errfunc;
    status = LUA_OK;
  }
  api_adjustresults(L, nresults);
  return status;
}

/* ------------------------------------------------------------------ */
/* Chunks                                                              */
/* ------------------------------------------------------------------ */

/*
 * On success the new function is on the top. A main chunk's first upvalue
 * is its _ENV, which starts as the globals table of the registry (a
 * binary chunk of a function with no upvalue gets nothing).
 */
LUA_API int lua_load(lua_State *L, lua_Reader reader, void *data,
                     const char *chunkname, const char *mode) {
  ZIO z;
  if (chunkname == NULL)
    chunkname = "?";
  zio_init(L, &z, reader, data);
  int status = do_protectedparser(L, &z, chunkname, mode);
  if (status == LUA_OK) {
    LClosure *f = clLvalue(L->top - 1);
    if (f->nupvalues >= 1) {
      Table *reg = hvalue(&G(L)->l_registry);
      const TValue *gt = tab_getint(reg, LUA_RIDX_GLOBALS);
      UpVal *env = f->upvals[0];
      setobj(L, env->v, gt);
      gc_barrier(L, env, gt);
    }
  }
  return status;
}

/* Dumps the Lua function at the top (left there); 1 for anything else. */
LUA_API int lua_dump(lua_State *L, lua_Writer writer, void *data, int strip) {
  api_checknelems(L, 1);
  const TValue *o = L->top - 1;
  if (!ttisLclosure(o))
    return 1;
  return dump_function(L, clLvalue(o)->p, writer, data, strip);
}

/* ------------------------------------------------------------------ */
/* Errors, status, collector                                           */
/* ------------------------------------------------------------------ */

/*
 * The error object is at the top. The preallocated "not enough memory"
 * string is re-raised as a memory error, so that a C function passing a
 * memory error through keeps its status.
 */
LUA_API int lua_error(lua_State *L) {
  api_checknelems(L, 1);
  const TValue *errobj = L->top - 1;
  if (ttisshrstring(errobj) && tsvalue(errobj) == G(L)->memerrmsg)
    do_throw(L, LUA_ERRMEM);
  debug_errormsg(L);
}

LUA_API int lua_status(lua_State *L) {
  return L->status;
}

LUA_API int lua_gc(lua_State *L, int what, ...) {
  va_list argp;
  va_start(argp, what);
  int res = gc_control(L, what, argp);
  va_end(argp);
  return res;
}
