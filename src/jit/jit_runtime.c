/*
 * jit_runtime.c — what compiled code calls when a stencil cannot finish
 * an op alone, and the ways into compiled code (docs/jit.md).
 *
 * All of these are handlers: they share the interpreter handlers'
 * signature and convention and continue by a guaranteed tail call, so a
 * chain of compiled and interpreted code never grows the C stack, exactly
 * like the interpreter alone. Calls go through do_precall (lua5.4's
 * luaD_precall: one C call per Lua call); the callee then runs in compiled
 * code if it has some and no hook is set, else in the interpreter
 * (interp_enter, which counts its entry and may compile it). A return
 * continues the caller the same way (interp_continue or jit_enter at the
 * caller's saved pc); a frame entered from C (CIST_FRESH) returns to
 * vm_execute.
 */
#include "jit/jit.h"
#include "vm/do.h"
#include "vm/interp.h"
#include "vm/ops.h"
#include "vm/options.h"

void jit_trace_osr(lua_State *L, Proto *p, int pc);

/* Enter frame ci at its saved pc. */
#define JIT_GO(ci_) do {                                                   \
    CallInfo *gci_ = (ci_);                                                \
    LClosure *gcl_ = clLvalue(gci_->func);                                 \
    Proto *gp_ = gcl_->p;                                                  \
    JitCode *jc_ = gp_->jitcode;                                           \
    size_t ix_ = (size_t)(gci_->u.l.savedpc - gp_->code);                  \
    JitHandler h_ = (JitHandler)(void *)(jc_->code + jc_->offsets[ix_]);   \
    CR_MUSTTAIL return h_(L, gci_, gci_->func + 1, gp_->code, 0, gp_->k,   \
                          gcl_, NULL, gp_->feedback);                      \
  } while (0)

typedef CR_PRESERVE_NONE void (*JitHandler)(JIT_HANDLER_PARAMS);

#define JIT_ARGS L, ci, base, pc, i, k, cl, disp, fb

/* Run frame ci (just pushed, or being continued) in the best tier. */
#define JIT_RUN(ci_, fresh) do {                                           \
    CallInfo *rci_ = (ci_);                                                \
    if (clLvalue(rci_->func)->p->jitcode != NULL && !L->hookmask)          \
      JIT_GO(rci_);                                                        \
    ci = rci_;                                                             \
    if (fresh)                                                             \
      CR_MUSTTAIL return interp_enter(JIT_ARGS);                           \
    CR_MUSTTAIL return interp_continue(JIT_ARGS);                          \
  } while (0)

CR_PRESERVE_NONE void jit_enter(JIT_HANDLER_PARAMS) {
  JIT_GO(ci);
}

CR_PRESERVE_NONE void jit_osr(JIT_HANDLER_PARAMS) {
  ci->u.l.savedpc = pc - 1;
  if (CR_UNLIKELY(options_get(L)->trace_opt))
    jit_trace_osr(L, cl->p, (int)(pc - 1 - cl->p->code));
  JIT_GO(ci);
}

/* A CALL (its pc saved; L->top above the arguments). */
CR_PRESERVE_NONE void jit_rt_call(JIT_HANDLER_PARAMS) {
  Instruction ins = ci->u.l.savedpc[-1];
  CallInfo *nci = do_precall(L, base + GETARG_A(ins), GETARG_C(ins) - 1);
  if (nci == NULL) {  /* a C function, done: continue after the call */
    if (CR_UNLIKELY(ci->u.l.trap))
      CR_MUSTTAIL return interp_continue(JIT_ARGS);
    JIT_GO(ci);
  }
  JIT_RUN(nci, 1);
}

/* The running frame has returned (L->ci is its caller). */
CR_PRESERVE_NONE void jit_rt_leave(JIT_HANDLER_PARAMS) {
  if (ci->callstatus & CIST_FRESH)
    return;
  JIT_RUN(ci->previous, 0);
}

/* A TAILCALL (pc saved, L->top above the arguments, upvalues closed). */
CR_PRESERVE_NONE void jit_rt_tailcall(JIT_HANDLER_PARAMS) {
  Instruction ins = ci->u.l.savedpc[-1];
  StkId ra = base + GETARG_A(ins);
  int nparams1 = GETARG_C(ins);
  int delta = nparams1 ? ci->u.l.nextraargs + nparams1 : 0;
  int n = do_pretailcall(L, ci, ra, (int)(L->top - ra), delta);
  if (n < 0)  /* a Lua function now runs in this frame */
    JIT_RUN(ci, 1);
  ci->func -= delta;  /* a C function ran: finish this frame */
  do_poscall(L, ci, n);
  CR_MUSTTAIL return jit_rt_leave(JIT_ARGS);
}

/* A hook may have been set: the interpreter continues at the saved pc. */
CR_PRESERVE_NONE void jit_rt_exit(JIT_HANDLER_PARAMS) {
  CR_MUSTTAIL return interp_continue(JIT_ARGS);
}
