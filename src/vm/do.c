/*
 * do.c — calling functions and returning from them; debug hooks.
 *
 * A call has two halves. do_precall sets up the callee's CallInfo: a C
 * function is run to completion on the spot, a Lua function is only
 * prepared and handed back, so that the interpreter can run it in the same
 * handler chain as its caller (no C recursion for Lua-to-Lua calls; the
 * interpreter inlines the common case itself). do_poscall moves the results
 * to where the callee was and pops the frame. Calls from C (do_call) mark
 * the new Lua frame CIST_FRESH: its return leaves vm_execute.
 */
#include "vm/do.h"
#include "vm/interp.h"
#include "jit/jit.h"
#include "vm/feedback.h"
#include "gc/gc.h"
#include "obj/state.h"
#include "vm/debuginfo.h"
#include "vm/func.h"
#include "vm/tm.h"

/* ------------------------------------------------------------------ */
/* Hooks                                                               */
/* ------------------------------------------------------------------ */

/*
 * Call the hook for `event`. The hook runs as part of frame ci with the
 * frame's registers protected (L->top at least ci->top) and LUA_MINSTACK
 * free slots; hooks cannot nest (allowhook).
 */
void do_hook(lua_State *L, int event, int line, int ftransfer, int ntransfer) {
  lua_Hook hook = L->hook;
  if (hook == NULL || !L->allowhook) return;
  unsigned short mask = CIST_HOOKED;
  CallInfo *ci = L->ci;
  ptrdiff_t top = savestack(L, L->top);
  ptrdiff_t ci_top = savestack(L, ci->top);
  lua_Debug ar;
  ar.event = event;
  ar.currentline = line;
  ar.i_ci = ci;
  if (ntransfer != 0) {
    mask |= CIST_TRAN;
    ci->u2.transferinfo.ftransfer = (unsigned short)ftransfer;
    ci->u2.transferinfo.ntransfer = (unsigned short)ntransfer;
  }
  if (isLua(ci) && L->top < ci->top)
    L->top = ci->top;
  do_checkstack(L, LUA_MINSTACK);
  if (ci->top < L->top + LUA_MINSTACK)
    ci->top = L->top + LUA_MINSTACK;
  L->allowhook = 0;
  ci->callstatus |= mask;
  hook(L, &ar);
  cr_assert(!L->allowhook, "hooks do not nest");
  L->allowhook = 1;
  ci->top = restorestack(L, ci_top);
  L->top = restorestack(L, top);
  ci->callstatus &= (unsigned short)~mask;
}

void do_hookcall(lua_State *L, CallInfo *ci) {
  L->oldpc = 0;
  if (L->hookmask & LUA_MASKCALL) {
    int event = (ci->callstatus & CIST_TAIL) ? LUA_HOOKTAILCALL : LUA_HOOKCALL;
    Proto *p = clLvalue(ci->func)->p;
    ci->u.l.savedpc++;  /* hooks see pc as "one past the current" */
    do_hook(L, event, -1, 1, p->numparams);
    ci->u.l.savedpc--;
  }
}

static void do_rethook(lua_State *L, CallInfo *ci, int nres) {
  if (L->hookmask & LUA_MASKRET) {
    StkId firstres = L->top - nres;
    int delta = 0;
    if (isLua(ci)) {
      Proto *p = clLvalue(ci->func)->p;
      if (p->is_vararg)  /* report the frame as the caller saw it */
        delta = ci->u.l.nextraargs + p->numparams + 1;
    }
    ci->func += delta;
    do_hook(L, LUA_HOOKRET, -1, (int)(unsigned short)(firstres - ci->func),
            nres);
    ci->func -= delta;
  }
  if (isLua(ci = ci->previous))
    L->oldpc = debug_pcrel(ci->u.l.savedpc, clLvalue(ci->func)->p);
}

/* ------------------------------------------------------------------ */
/* Calls                                                               */
/* ------------------------------------------------------------------ */

StkId do_tryfuncTM(lua_State *L, StkId func) {
  const TValue *tm;
  do_checkstackGCp(L, 1, func);  /* room for the extra argument */
  tm = tm_getbyobj(L, func, TM_CALL);
  if (CR_UNLIKELY(ttisnil(tm)))
    debug_callerror(L, func);
  for (StkId p = L->top; p > func; p--)
    setobj(L, p, p - 1);
  L->top++;
  setobj(L, func, tm);
  return func;
}

/* Copy nres results (just below L->top) to res, adjusted to `wanted`
 * (>= 0), and set the top after them. */
CR_INLINE void do_copyresults(lua_State *L, StkId res, int nres, int wanted) {
  StkId firstresult = L->top - nres;
  int i;
  if (nres > wanted) nres = wanted;
  do_moveslots(res, firstresult, nres);  /* res is below firstresult */
  for (i = nres; i < wanted; i++)
    setnilvalue(res + i);
  L->top = res + wanted;
}

/* do_poscall's rare cases, kept out of line so that the common return
 * saves no registers: a return hook, or a C function with to-be-closed
 * variables (whose __close calls run before the results move). */
static CR_COLD void do_poscall_special(lua_State *L, CallInfo *ci, int nres) {
  int wanted = ci->nresults;
  StkId res = ci->func;
  if (!do_hastocloseCfunc(wanted)) {
    if (L->hookmask)
      do_rethook(L, ci, nres);
    res = ci->func;  /* the hook may have moved the stack */
  } else {
    ptrdiff_t savedres = savestack(L, res);
    L->ci->callstatus |= CIST_CLSRET;  /* a __close may yield */
    L->ci->u2.nres = nres;
    func_close(L, res, FUNC_CLOSEKTOP, 1);
    L->ci->callstatus &= (unsigned short)~CIST_CLSRET;
    if (L->hookmask)  /* the return hook runs after the __close calls */
      do_rethook(L, L->ci, nres);
    res = restorestack(L, savedres);
    wanted = do_decodeNresults(wanted);
  }
  if (wanted == LUA_MULTRET) wanted = nres;
  do_copyresults(L, res, nres, wanted);
  L->ci = ci->previous;
}

/* do_poscall's body, inlined into do_precallC (C functions called by
 * do_call: generic-for iterators, lua_call of C functions). */
CR_INLINE void do_poscall_inline(lua_State *L, CallInfo *ci, int nres) {
  int wanted = ci->nresults;
  StkId res = ci->func;
  cr_assert(!(ci->callstatus & (CIST_HOOKED | CIST_YPCALL | CIST_FIN |
                                CIST_TRAN | CIST_CLSRET)),
            "frame is not in a special state when it returns");
  if (CR_UNLIKELY(L->hookmask || do_hastocloseCfunc(wanted))) {
    do_poscall_special(L, ci, nres);
    return;
  }
  if (wanted == 1) {  /* the most common case */
    if (nres == 0) setnilvalue(res);
    else setobj(L, res, L->top - nres);
    L->top = res + 1;
  } else if (wanted == 0) {  /* a call as a statement */
    L->top = res;
  } else {
    if (wanted == LUA_MULTRET) wanted = nres;
    do_copyresults(L, res, nres, wanted);
  }
  L->ci = ci->previous;
}

void do_poscall(lua_State *L, CallInfo *ci, int nres) {
  do_poscall_inline(L, ci, nres);
}

CR_INLINE CallInfo *do_prepci(lua_State *L, StkId func, int nresults,
                              unsigned short status, StkId top) {
  CallInfo *ci = do_nextci(L);
  ci->func = func;
  ci->nresults = (short)nresults;
  ci->callstatus = status;
  ci->top = top;
  L->ci = ci;
  return ci;
}

/* Run C function f for the call at func; returns its number of results
 * after do_poscall has moved them. */
CR_INLINE int do_precallC(lua_State *L, StkId func, int nresults,
                          lua_CFunction f) {
  int n;
  CallInfo *ci;
  do_checkstackGCp(L, LUA_MINSTACK, func);
  ci = do_prepci(L, func, nresults, CIST_C, L->top + LUA_MINSTACK);
  cr_assert(ci->top <= L->stack_last, "C frame fits the stack");
  if (CR_UNLIKELY(L->hookmask & LUA_MASKCALL)) {
    int narg = (int)(L->top - func) - 1;
    do_hook(L, LUA_HOOKCALL, -1, 1, narg);
  }
  n = f(L);
  cr_assert(n >= 0 && n <= L->top - (ci->func + 1), "results on the stack");
  do_poscall_inline(L, ci, n);
  return n;
}

int do_pretailcall(lua_State *L, CallInfo *ci, StkId func, int narg1,
                   int delta) {
  for (;;) {
    switch (rawtt(func)) {
      case VT_CCL:
        return do_precallC(L, func, LUA_MULTRET, clCvalue(func)->f);
      case VT_LCF:
        return do_precallC(L, func, LUA_MULTRET, fvalue(func));
      case VT_LCL: {
        Proto *p = clLvalue(func)->p;
        int fsize = p->maxstacksize;
        int nfixparams = p->numparams;
        do_checkstackGCp(L, fsize - delta, func);
        ci->func -= delta;  /* back to the real frame of a vararg caller */
        for (int i = 0; i < narg1; i++)  /* move the callee down */
          setobj(L, ci->func + i, func + i);
        func = ci->func;
        for (; narg1 <= nfixparams; narg1++)
          setnilvalue(func + narg1);
        ci->top = func + 1 + fsize;
        cr_assert(ci->top <= L->stack_last, "frame fits the stack");
        ci->u.l.savedpc = p->code;
        ci->callstatus |= CIST_TAIL;
        L->top = func + narg1;
        return -1;
      }
      default:
        func = do_tryfuncTM(L, func);
        narg1++;
        break;
    }
  }
}

CallInfo *do_precall(lua_State *L, StkId func, int nresults) {
  for (;;) {
    switch (rawtt(func)) {
      case VT_CCL:
        do_precallC(L, func, nresults, clCvalue(func)->f);
        return NULL;
      case VT_LCF:
        do_precallC(L, func, nresults, fvalue(func));
        return NULL;
      case VT_LCL: {
        CallInfo *ci;
        Proto *p = clLvalue(func)->p;
        int narg = (int)(L->top - func) - 1;
        int nfixparams = p->numparams;
        int fsize = p->maxstacksize;
        do_checkstackGCp(L, fsize, func);
        ci = do_prepci(L, func, nresults, 0, func + 1 + fsize);
        ci->u.l.savedpc = p->code;
        ci->u.l.trap = 0;
        for (; narg < nfixparams; narg++)
          setnilvalue(L->top++);
        cr_assert(ci->top <= L->stack_last, "frame fits the stack");
        return ci;
      }
      default:
        func = do_tryfuncTM(L, func);
        break;
    }
  }
}

CR_INLINE JIT_CALLER void do_ccall(lua_State *L, StkId func, int nresults,
                                      uint32_t inc) {
  CallInfo *ci;
  L->nCcalls += inc;
  if (CR_UNLIKELY(do_getCcalls(L) >= CR_MAX_CCALLS)) {
    /* free the extra slots an error may be using */
    do { do_checkstackaux(L, 0, ptrdiff_t t_ = savestack(L, func),
                          func = restorestack(L, t_)) } while (0);
    do_checkcstack(L);
  }
  /* A Lua function whose frame fits, with its arguments complete and a
   * CallInfo at hand: do_precall's work inline (iterators, comparators
   * and metamethods come this way). */
  if (ttisLclosure(func)) {
    Proto *p = clLvalue(func)->p;
    CallInfo *next = L->ci->next;
    int fsize = p->maxstacksize;
    if (CR_LIKELY(next != NULL && L->stack_last - L->top > fsize &&
                  L->top - func > p->numparams)) {
      next->func = func;
      next->nresults = (short)nresults;
      next->callstatus = CIST_FRESH;
      next->top = func + 1 + fsize;
      next->u.l.savedpc = p->code;
      next->u.l.trap = 0;
      L->ci = next;
      /* Compiled and past profiling: enter its code at its first
       * instruction here, as vm_execute (jit_enter) would, without their
       * frames and checks. */
      if (p->jitcode != NULL && !L->hookmask && !fb_profiling(p)) {
        LClosure *cl = clLvalue(func);
        JitCode *jc = p->jitcode;
        jit_code_at(jc, 0)(L, next, func + 1, p->code, 0, p->k, cl, NULL,
                           p->feedback);
      } else
        vm_execute(L, next);
      L->nCcalls -= inc;
      return;
    }
  }
  /* A C function (generic-for iterators such as coroutine.wrap's):
   * do_precallC without do_precall's dispatch. */
  lua_CFunction f = ttislcf(func) ? fvalue(func)
                  : ttisCclosure(func) ? clCvalue(func)->f : NULL;
  if (f != NULL) {
    do_precallC(L, func, nresults, f);
    L->nCcalls -= inc;
    return;
  }
  if ((ci = do_precall(L, func, nresults)) != NULL) {
    ci->callstatus = CIST_FRESH;
    vm_execute(L, ci);
  }
  L->nCcalls -= inc;
}

JIT_CALLER void do_call(lua_State *L, StkId func, int nresults) {
  do_ccall(L, func, nresults, 1);
}

JIT_CALLER void do_callnoyield(lua_State *L, StkId func,
                                  int nresults) {
  do_ccall(L, func, nresults, DO_NYCI);
}
