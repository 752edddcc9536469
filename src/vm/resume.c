/*
 * resume.c — coroutines: lua_resume, lua_yieldk, lua_isyieldable and the
 * closing of threads.
 *
 * A coroutine is a thread with its own Lua stack and CallInfo list. A yield
 * is a longjmp (status LUA_YIELD) to the lua_resume that is running the
 * thread, which unwinds every C frame in between; what remains is the
 * CallInfo list. Resuming therefore rebuilds execution from that list
 * ("unrolling"): a Lua frame first completes the instruction that was
 * interrupted (vm_finishOp: a metamethod call, a __close, a call) and then
 * continues in the interpreter; a C frame continues in the continuation
 * function it registered with lua_callk/lua_pcallk/lua_yieldk. A C frame
 * without a continuation cannot be resumed, which is why yielding is
 * refused ("attempt to yield across a C-call boundary") whenever such a
 * frame is active (nCcalls' non-yieldable count is not zero).
 *
 * Errors inside a coroutine unwind to lua_resume too; if a lua_pcallk frame
 * with a continuation is pending, the error is "recovered" there: the
 * unrolling continues from that frame with the error status (precover).
 *
 * The common yield, coroutine.yield called from Lua code, returns instead
 * of jumping (vm/resume.h): the interpreter passes it out of vm_execute,
 * and resume_unroll and lua_resume see L->status == LUA_YIELD. The state
 * left behind is the one the longjmp leaves, so resuming is the same.
 * Resuming it is also the common resume, and has its own path
 * (resume_fast): the Lua frame that called the yielding function goes on
 * directly, in a recovery point set up inline.
 */
#include "vm/resume.h"
#include "vm/do.h"
#include "vm/do_jmp.h"
#include "vm/interp.h"
#include "jit/jit.h"
#include "obj/str.h"
#include "vm/debuginfo.h"
#include "vm/func.h"
#include "vm/vm.h"

#define resume_errorstatus(s) ((s) > LUA_YIELD)

/* The C-call count lua_resume runs the thread at: a yield may return only
 * from that level (vm/resume.h). Kept in the base frame's continuation
 * context, which is otherwise unused: the base frame never continues.
 * 0 (a new or reset thread) is no level: code runs at 1 or more. */
#define resume_level(L) ((L)->base_ci.u.c.ctx)
/* Run the thread at C-call count n (lua_resume counted its own call). */
#define resume_setlevel(L, n) \
  ((L)->nCcalls = (n), resume_level(L) = (lua_KContext)(n))

/* Run f protected; a yield that returned counts as the yield it is. */
static int resume_run(lua_State *L, Pfunc f, void *ud) {
  int status = do_rawrunprotected(L, f, ud);
  return status == LUA_OK ? L->status : status;
}

/* Finish a lua_pcallk interrupted by a yield or an error. */
static int resume_finishpcallk(lua_State *L, CallInfo *ci) {
  int status = do_getcistrecst(ci);
  if (CR_LIKELY(status == LUA_OK))
    status = LUA_YIELD;  /* it was interrupted by a yield */
  else {  /* an error was recovered here */
    StkId func = restorestack(L, ci->u2.funcidx);
    L->allowhook = (lu_byte)do_getoah(ci->callstatus);
    func_close(L, func, status, 1);  /* may yield or raise */
    func = restorestack(L, ci->u2.funcidx);
    do_seterrorobj(L, status, func);
    do_shrinkstack(L);
    do_setcistrecst(ci, LUA_OK);
  }
  ci->callstatus &= (unsigned short)~CIST_YPCALL;
  L->errfunc = ci->u.c.old_errfunc;
  return status;
}

/* Complete the C frame ci, interrupted by a yield (or a recovered error):
 * call its continuation and return its results. */
static void resume_finishCcall(lua_State *L, CallInfo *ci) {
  int n;
  if (ci->callstatus & CIST_CLSRET) {  /* it was closing tbc variables */
    cr_assert(do_hastocloseCfunc(ci->nresults), "C frame with tbc");
    n = ci->u2.nres;  /* do_poscall redoes the closing */
  } else {
    int status = LUA_YIELD;
    cr_assert(ci->u.c.k != NULL && do_yieldable(L), "continuation exists");
    if (ci->callstatus & CIST_YPCALL)
      status = resume_finishpcallk(L, ci);
    /* finish lua_callk: results of the call it made stay as they are */
    if (ci->top < L->top) ci->top = L->top;
    ci->callstatus &= (unsigned short)~CIST_RETYIELD;  /* k's yield jumps */
    n = ci->u.c.k(L, status, ci->u.c.ctx);
  }
  do_poscall(L, ci, n);
}

/* Run everything left in the CallInfo list down to the base frame. */
static void resume_unroll(lua_State *L, void *ud) {
  CallInfo *ci;
  (void)ud;
  while ((ci = L->ci) != &L->base_ci) {
    if (!isLua(ci))
      resume_finishCcall(L, ci);
    else {
      vm_finishOp(L);
      vm_execute(L, ci);
      if (L->status == LUA_YIELD)  /* a yield that returned */
        return;
    }
  }
}

static CallInfo *resume_findpcall(lua_State *L) {
  for (CallInfo *ci = L->ci; ci != NULL; ci = ci->previous)
    if (ci->callstatus & CIST_YPCALL)
      return ci;
  return NULL;
}

/* Recover from an error at the innermost pending lua_pcallk, repeatedly. */
static int resume_recover(lua_State *L, int status) {
  CallInfo *ci;
  while (resume_errorstatus(status) && (ci = resume_findpcall(L)) != NULL) {
    L->ci = ci;
    do_setcistrecst(ci, status);
    status = resume_run(L, resume_unroll, NULL);
  }
  return status;
}

static void resume_body(lua_State *L, void *ud) {
  int n = *(int *)ud;
  StkId firstarg = L->top - n;
  CallInfo *ci = L->ci;
  if (L->status == LUA_OK) {  /* starting: call the body */
    /* lua_resume counted this C level already; the check is do_call's */
    if (CR_UNLIKELY(do_getCcalls(L) >= CR_MAX_CCALLS))
      do_checkcstack(L);
    CallInfo *nci = do_precall(L, firstarg - 1, LUA_MULTRET);
    if (nci != NULL) {
      nci->callstatus = CIST_FRESH;
      vm_execute(L, nci);
    }
    return;
  }
  cr_assert(L->status == LUA_YIELD, "resuming a suspended coroutine");
  L->status = LUA_OK;
  if (isLua(ci)) {  /* it yielded inside a hook: continue the Lua code */
    L->top = firstarg;  /* the resume arguments are dropped */
    vm_execute(L, ci);
  } else {
    if (ci->u.c.k != NULL) {  /* lua_yieldk with a continuation */
      ci->callstatus &= (unsigned short)~CIST_RETYIELD;  /* k's yield jumps */
      n = ci->u.c.k(L, LUA_YIELD, ci->u.c.ctx);
    }
    do_poscall(L, ci, n);  /* the values given to resume are the results */
  }
  resume_unroll(L, NULL);
}

static int resume_error(lua_State *L, const char *msg, int narg) {
  L->top -= narg;
  setsvalue(L, L->top, str_newz(L, msg));
  L->top++;
  return LUA_ERRRUN;
}

/* lua_resume after the thread ran: errors not recovered kill it; the
 * results are counted. */
static int resume_end(lua_State *L, int status, int *nresults) {
  if (CR_UNLIKELY(resume_errorstatus(status)))
    status = resume_recover(L, status);
  if (CR_UNLIKELY(resume_errorstatus(status))) {
    L->status = (lu_byte)status;  /* the coroutine is dead */
    do_seterrorobj(L, status, L->top);
    L->ci->top = L->top;
  } else
    cr_assert(status == L->status, "finished or yielded");
  *nresults = status == LUA_YIELD ? L->ci->u2.nyield
                                  : (int)(L->top - (L->ci->func + 1));
  return status;
}


/* The Lua frame L->ci, the caller of a C function whose yield was just
 * undone (resume_fast), goes on from the instruction after the CALL:
 * in its compiled code there (as jit_enter would enter it, without its
 * jump) or in the interpreter, then whatever is left below it. Nothing
 * that a longjmp could find changed is kept in the caller's locals. */
CR_INLINE JIT_CALLER void resume_callerframe(lua_State *L) {
  CallInfo *ci = L->ci;
  LClosure *cl = clLvalue(ci->func);
  Proto *p = cl->p;
  JitCode *jc = p->jitcode;
  cr_assert(GET_OPCODE(ci->u.l.savedpc[-1]) == OP_CALL, "yield from a CALL");
  if (CR_LIKELY(jc != NULL)) {  /* its code at the saved pc (jit_enter) */
    size_t ix = (size_t)(ci->u.l.savedpc - p->code);
    jit_code_at(jc, ix)(L, ci, ci->func + 1, p->code, 0, p->k, cl, NULL,
                        p->feedback);
  } else
    vm_execute(L, ci);
  if (L->status != LUA_YIELD)  /* the frame ended without a new yield */
    resume_unroll(L, NULL);
}

/*
 * lua_resume of a thread suspended by a yield from a C function that a
 * Lua CALL made (CIST_RETYIELD, vm/resume.h), without continuation, no
 * hooks set (resume_canfast): what resume_body and resume_unroll would
 * do, without their general cases, in a recovery point set up here
 * (do_runprotected inline, not through resume_run's indirect call). The
 * values given to resume are the CALL's results, and the Lua frame goes
 * on at once (vm_finishOp has nothing to do for a CALL); anything below
 * it (a lua_pcallk, a lua_callk) is left to resume_unroll. ncalls: the
 * C calls of `from`.
 * Not instrumented by UBSan's -fsanitize=function, which would read a
 * signature word before compiled code (jit.h, JIT_CALLER).
 */
static CR_NOINLINE JIT_CALLER
int resume_fast(lua_State *L, uint32_t ncalls, int nargs, int *nresults) {
  struct lua_longjmp lj;
  CallInfo *ci = L->ci;
  resume_setlevel(L, ncalls + 1);
  L->status = LUA_OK;
  /* do_poscall of the yield, its two commonest shapes here (no hooks, no
   * tbc: resume_canfast) */
  if (ci->nresults == 0) {  /* yield as a statement */
    L->top = ci->func;
    L->ci = ci->previous;
  } else if (ci->nresults == 1 && nargs == 1) {
    setobj(L, ci->func, L->top - 1);
    L->top = ci->func + 1;
    L->ci = ci->previous;
  } else
    do_poscall(L, ci, nargs);
  do_runprotected(L, lj, resume_callerframe(L));
  L->nCcalls = ncalls + 1;
  if (CR_LIKELY(lj.status == LUA_OK && L->status == LUA_YIELD)) {
    *nresults = L->ci->u2.nyield;
    return LUA_YIELD;
  }
  return resume_end(L, lj.status == LUA_OK ? L->status : lj.status, nresults);
}

/* resume_fast applies: a C frame that yielded, marked CIST_RETYIELD by
 * its Lua caller's CALL, with no continuation, no to-be-closed slots
 * (lua_toclose) and no hooks, so that moving its results can neither
 * call nor raise before the recovery point is set up. */
#define resume_canfast(L, ci)                                              \
  (((ci)->callstatus & (CIST_C | CIST_RETYIELD | CIST_CLSRET)) ==          \
       (CIST_C | CIST_RETYIELD) &&                                         \
   (ci)->u.c.k == NULL && !do_hastocloseCfunc((ci)->nresults) &&           \
   !(L)->hookmask)

LUA_API int lua_resume(lua_State *L, lua_State *from, int nargs,
                       int *nresults) {
  uint32_t ncalls = from != NULL ? (uint32_t)do_getCcalls(from) : 0;
  if (CR_LIKELY(L->status == LUA_YIELD && resume_canfast(L, L->ci) &&
                ncalls < CR_MAX_CCALLS))
    return resume_fast(L, ncalls, nargs, nresults);
  if (L->status == LUA_OK) {
    if (L->ci != &L->base_ci)
      return resume_error(L, "cannot resume non-suspended coroutine", nargs);
    if (L->top - (L->ci->func + 1) == nargs)  /* no function to run */
      return resume_error(L, "cannot resume dead coroutine", nargs);
  } else if (L->status != LUA_YIELD)
    return resume_error(L, "cannot resume dead coroutine", nargs);
  L->nCcalls = ncalls;
  if (do_getCcalls(L) >= CR_MAX_CCALLS)
    return resume_error(L, "C stack overflow", nargs);
  resume_setlevel(L, ncalls + 1);
  return resume_end(L, resume_run(L, resume_body, &nargs), nresults);
}

LUA_API int lua_isyieldable(lua_State *L) {
  return do_yieldable(L);
}

LUA_API int lua_yieldk(lua_State *L, int nresults, lua_KContext ctx,
                       lua_KFunction k) {
  CallInfo *ci = L->ci;
  if (CR_UNLIKELY(!do_yieldable(L))) {
    if (L != G(L)->mainthread)
      debug_runerror(L, "attempt to yield across a C-call boundary");
    else
      debug_runerror(L, "attempt to yield from outside a coroutine");
  }
  L->status = LUA_YIELD;
  ci->u2.nyield = nresults;
  if (isLua(ci)) {
    /* inside a hook: the hook returns normally and debug_traceexec throws
     * once it is out of the hook */
    cr_assert(ci->callstatus & CIST_HOOKED, "yield from a hook");
    cr_assert(nresults == 0 && k == NULL, "hooks yield no values");
    return 0;
  }
  if ((ci->u.c.k = k) != NULL)
    ci->u.c.ctx = ctx;
  if ((ci->callstatus & CIST_RETYIELD) &&
      (lua_KContext)L->nCcalls == resume_level(L))
    return RESUME_YIELDED;  /* the caller passes it on (vm/resume.h) */
  do_throw(L, LUA_YIELD);
}

/* ------------------------------------------------------------------ */
/* Closing threads                                                     */
/* ------------------------------------------------------------------ */

int do_resetthread(lua_State *L, int status) {
  CallInfo *ci = L->ci = &L->base_ci;
  resume_level(L) = 0;
  setnilvalue(L->stack);  /* the base frame's "function" */
  ci->func = L->stack;
  ci->callstatus = CIST_C;
  if (status == LUA_YIELD)
    status = LUA_OK;
  L->status = LUA_OK;  /* so that __close metamethods can run */
  status = do_closeprotected(L, savestack(L, L->stack + 1), status);
  if (status != LUA_OK)
    do_seterrorobj(L, status, L->stack + 1);
  else
    L->top = L->stack + 1;
  ci->top = L->top + LUA_MINSTACK;
  do_reallocstack(L, (int)(ci->top - L->stack), 0);
  return status;
}

LUA_API int lua_closethread(lua_State *L, lua_State *from) {
  L->nCcalls = from != NULL ? (uint32_t)do_getCcalls(from) : 0;
  return do_resetthread(L, L->status);
}

LUA_API int lua_resetthread(lua_State *L) {
  return lua_closethread(L, NULL);
}
