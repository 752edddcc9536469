/*
 * jit_runtime.c — what compiled code calls when a stencil cannot finish
 * an op alone, and the ways into compiled code (docs/jit.md).
 *
 * All of these are handlers: they share the interpreter handlers'
 * signature and convention and continue by a guaranteed tail call, so a
 * chain of compiled and interpreted code never grows the C stack, exactly
 * like the interpreter alone. The common cases of calls and returns
 * between compiled functions are done inside the stencils themselves
 * (src/host/stencil_ops.c: CALL_ENTER, LEAVE_FRAME); these handlers take
 * the rest. A call to a Lua function pushes the frame here and runs the
 * callee in its compiled code or in the interpreter (interp_enter, which
 * counts the entry and may compile the callee); other calls go through
 * do_precall (lua5.4's luaD_precall). A return continues the caller the
 * same way (interp_continue or its compiled code at its saved pc); a
 * frame entered from C (CIST_FRESH) returns to vm_execute.
 */
#include "jit/jit.h"
#include "jit/jit_stencil.h"
#include "vm/resume.h"
#include "vm/do.h"
#include "vm/feedback.h"
#include "vm/interp.h"
#include "vm/ops.h"
#include "vm/options.h"

void jit_trace_osr(lua_State *L, Proto *p, int pc);

/* Tables the stencils index, by pointer (see src/host/stencil_ops.c). */
extern const uint8_t (*const stencil_fb_kind_of_tag)[VT_COUNT];
const uint8_t (*const stencil_fb_kind_of_tag)[VT_COUNT] = &fb_kind_of_tag;

/* The stencils' slow-path thunks (jit_stencil.h, STENCIL_SLOWCALLS):
 * jit_pm_NAME saves the registers the C convention lets NAME clobber
 * (rdi rsi rdx rcx r8 r9 r10, and rax unless it carries the result),
 * calls it and restores them: the preserve_most convention, whose callee
 * also preserves rax when it is not the result register (r11 and the
 * vector registers stay clobbered). Most are reached from an inline asm
 * `call` that the compiler does not see as one (stencil_ops.c,
 * JIT_SLOW), so the stencil's stack may be at any 8-byte alignment: the
 * thunk aligns it for the callee itself (rbp keeps the entry value). No
 * slow call has more than six arguments, so none is on the stack. */
#define JIT_PM_ENTER "push %rbp\nmov %rsp, %rbp\nand $-16, %rsp\n"
#define JIT_PM_LEAVE "mov %rbp, %rsp\npop %rbp\n"
#define JIT_PM_SAVE "push %rdi\npush %rsi\npush %rdx\npush %rcx\n"            \
                    "push %r8\npush %r9\npush %r10\n"
#define JIT_PM_RESTORE "pop %r10\npop %r9\npop %r8\npop %rcx\n"              \
                       "pop %rdx\npop %rsi\npop %rdi\n"
#define JIT_PM_A(f) JIT_PM_ENTER JIT_PM_SAVE "sub $8, %rsp\n"                  \
                    "call " #f "@PLT\n" "add $8, %rsp\n" JIT_PM_RESTORE        \
                    JIT_PM_LEAVE
#define JIT_PM_P(f) JIT_PM_ENTER "push %rax\n" JIT_PM_SAVE                     \
                    "call " #f "@PLT\n" JIT_PM_RESTORE "pop %rax\n"            \
                    JIT_PM_LEAVE
#define JIT_PM_D(f) JIT_PM_P(f)
/* NAME is preserve_most itself: only the alignment. */
#define JIT_PM_M(f) JIT_PM_ENTER "call " #f "@PLT\n" JIT_PM_LEAVE
#if defined(__x86_64__) && !defined(CR_NO_PRESERVE_NONE)
#define X(f, r)                                                            \
  __asm__(".text\n.p2align 4\n.globl jit_pm_" #f "\n.hidden jit_pm_" #f    \
          "\n.type jit_pm_" #f ",@function\njit_pm_" #f ":\n"               \
          JIT_PM_##r(f) "ret\n.size jit_pm_" #f ", .-jit_pm_" #f "\n");
STENCIL_SLOWCALLS(X)
#undef X
/* A C function called by a CALL stencil (stencil_ops.c, CALL_C): the
 * function in rax, L in rdi, its result (the count) in rax; then its
 * results moved by do_poscall (in the bodies, do_poscall is the RETURN
 * stencils' jump to jit_rt_poscall). The stencil's asm declares the C
 * convention's caller-saved registers clobbered: only the alignment. */
__asm__(".text\n.p2align 4\n.globl jit_pm_callc\n.hidden jit_pm_callc\n"
        ".type jit_pm_callc,@function\njit_pm_callc:\n"
        JIT_PM_ENTER "call *%rax\n" JIT_PM_LEAVE
        "ret\n.size jit_pm_callc, .-jit_pm_callc\n");
__asm__(".text\n.p2align 4\n.globl jit_pm_poscall\n.hidden jit_pm_poscall\n"
        ".type jit_pm_poscall,@function\njit_pm_poscall:\n"
        JIT_PM_ENTER "call do_poscall@PLT\n" JIT_PM_LEAVE
        "ret\n.size jit_pm_poscall, .-jit_pm_poscall\n");
#endif

/* Enter frame ci at its saved pc. */
#define JIT_GO(ci_) do {                                                   \
    CallInfo *gci_ = (ci_);                                                \
    LClosure *gcl_ = clLvalue(gci_->func);                                 \
    Proto *gp_ = gcl_->p;                                                  \
    JitCode *jc_ = gp_->jitcode;                                           \
    size_t ix_ = (size_t)(gci_->u.l.savedpc - gp_->code);                  \
    JitHandler h_ = jit_code_at(jc_, ix_);                                 \
    CR_MUSTTAIL return h_(L, gci_, gci_->func + 1, gp_->code, 0, gp_->k,   \
                          gcl_, NULL, gp_->feedback);                      \
  } while (0)

/* Continue frame ci_ (closure cl_), suspended in a call its compiled code
 * made, at the continuation that code left in jitret. */
#define JIT_GO_RET(ci_, cl_) do {                                          \
    CallInfo *tci_ = (ci_);                                                \
    LClosure *tcl_ = (cl_);                                                \
    Proto *tp_ = tcl_->p;                                                  \
    JitHandler th_ = (JitHandler)tci_->u.l.jitret;                         \
    CR_MUSTTAIL return th_(L, tci_, tci_->func + 1, tp_->code, 0, tp_->k,  \
                           tcl_, NULL, tp_->feedback);                     \
  } while (0)

/* Every function here that jumps into compiled code (JIT_GO). */
#define JIT_ENTRY CR_PRESERVE_NONE JIT_CALLER

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

JIT_ENTRY void jit_enter(JIT_HANDLER_PARAMS) {
  JIT_GO(ci);
}

JIT_ENTRY void jit_osr(JIT_HANDLER_PARAMS) {
  ci->u.l.savedpc = pc - 1;
  if (CR_UNLIKELY(options_get(L)->trace_opt))
    jit_trace_osr(L, cl->p, (int)(pc - 1 - cl->p->code));
  JIT_GO(ci);
}

/* A CALL (its pc saved; L->top above the arguments). The common case,
 * a Lua function whose frame fits the stack and a CallInfo already
 * allocated, is done here as the interpreter's CALL_ENTER does it
 * (vm/interp.c), and a compiled callee is entered directly at its first
 * instruction; the rest goes through do_precall. */
JIT_ENTRY void jit_rt_call(JIT_HANDLER_PARAMS) {
  Instruction ins = ci->u.l.savedpc[-1];
  StkId f = base + GETARG_A(ins);
  CallInfo *nci = ci->next;
  if (CR_LIKELY(ttisLclosure(f)) && CR_LIKELY(nci != NULL)) {
    LClosure *ncl = clLvalue(f);
    Proto *np = ncl->p;
    StkId top = L->top;
    if (CR_LIKELY(L->stack_last - top > np->maxstacksize)) {
      int missing = np->numparams - (int)(top - f - 1);
      nci->func = f;
      nci->nresults = (short)(GETARG_C(ins) - 1);
      nci->callstatus = JIT_CIST_RET;  /* the stencil set ci's jitret */
      nci->top = f + 1 + np->maxstacksize;
      nci->u.l.savedpc = np->code;
      nci->u.l.trap = 0;
      L->ci = nci;
      for (; CR_UNLIKELY(missing > 0); missing--)
        setnilvalue(top++);
      L->top = top;
      JitCode *jc = np->jitcode;
      if (CR_LIKELY(jc != NULL) && CR_LIKELY(!L->hookmask)) {
        JitHandler h = (JitHandler)(void *)jc->code;  /* prologue, insn 0 */
        CR_MUSTTAIL return h(L, nci, f + 1, np->code, 0, np->k, ncl, NULL,
                             np->feedback);
      }
      ci = nci;
      CR_MUSTTAIL return interp_enter(JIT_ARGS);
    }
  }
  /* A C function with a CallInfo at hand, room for its LUA_MINSTACK
   * slots and no hook: do_precallC's work without its general cases. */
  if ((ttislcf(f) || ttisCclosure(f)) && CR_LIKELY(nci != NULL) &&
      CR_LIKELY(L->stack_last - L->top > LUA_MINSTACK) &&
      CR_LIKELY(!L->hookmask)) {
    lua_CFunction fn = ttislcf(f) ? fvalue(f) : clCvalue(f)->f;
    nci->func = f;
    nci->nresults = (short)(GETARG_C(ins) - 1);
    nci->callstatus = CIST_C | CIST_RETYIELD;
    nci->top = L->top + LUA_MINSTACK;
    L->ci = nci;
    int n = fn(L);
    if (CR_UNLIKELY(n < 0))  /* a yield that returns: leave vm_execute */
      return;
    do_poscall(L, nci, n);
    nci = NULL;
  } else
    nci = do_precall(L, f, GETARG_C(ins) - 1);
  if (nci == NULL) {  /* a C function, done: continue after the call */
    if (CR_UNLIKELY(ci->u.l.trap))
      CR_MUSTTAIL return interp_continue(JIT_ARGS);
    JIT_GO_RET(ci, cl);  /* jitret: set by the stencil */
  }
  JIT_RUN(nci, 1);
}

/* The running frame has returned (L->ci is its caller). A frame pushed
 * by compiled code (JIT_CIST_RET; never CIST_FRESH) goes back to the
 * continuation its caller left in jitret, as the RETURN stencils'
 * LEAVE_FRAME does, rather than through the pc -> offset map: RETURN
 * with several results, returns that close upvalues, tail calls of C
 * functions. */
JIT_ENTRY void jit_rt_leave(JIT_HANDLER_PARAMS) {
  if (CR_LIKELY(ci->callstatus & JIT_CIST_RET) && CR_LIKELY(!L->hookmask))
    JIT_GO_RET(ci->previous, clLvalue(ci->previous->func));
  if (ci->callstatus & CIST_FRESH)
    return;
  JIT_RUN(ci->previous, 0);
}

/* A RETURN stencil's do_poscall (n results in i) and what follows it. */
JIT_ENTRY void jit_rt_poscall(JIT_HANDLER_PARAMS) {
  do_poscall(L, ci, (int)i);
  CR_MUSTTAIL return jit_rt_leave(JIT_ARGS);
}

/* A TAILCALL (pc saved, L->top above the arguments, upvalues closed). A
 * Lua callee whose frame fits the stack moves down into this frame here,
 * as the interpreter's TAILCALL_ENTER does (vm/interp.c), and runs in its
 * compiled code or the interpreter; the rest goes through do_pretailcall. */
JIT_ENTRY void jit_rt_tailcall(JIT_HANDLER_PARAMS) {
  Instruction ins = ci->u.l.savedpc[-1];
  StkId ra = base + GETARG_A(ins);
  int nparams1 = GETARG_C(ins);
  int delta = nparams1 ? ci->u.l.nextraargs + nparams1 : 0;
  int narg1 = (int)(L->top - ra);
  if (CR_LIKELY(ttisLclosure(ra))) {
    LClosure *ncl = clLvalue(ra);
    Proto *np = ncl->p;
    int fsize = np->maxstacksize;
    if (CR_LIKELY(L->stack_last - L->top > fsize - delta)) {
      StkId dst = ci->func - delta;  /* the real frame start */
      for (int j = 0; j < narg1; j++)  /* move the callee down */
        setobj(L, dst + j, ra + j);
      for (; narg1 <= np->numparams; narg1++)
        setnilvalue(dst + narg1);
      ci->func = dst;
      ci->top = dst + 1 + fsize;
      ci->u.l.savedpc = np->code;
      ci->callstatus |= CIST_TAIL;
      L->top = dst + narg1;
      JitCode *jc = np->jitcode;
      if (CR_LIKELY(jc != NULL) && CR_LIKELY(!L->hookmask)) {
        JitHandler h = (JitHandler)(void *)jc->code;  /* prologue, insn 0 */
        CR_MUSTTAIL return h(L, ci, dst + 1, np->code, 0, np->k, ncl, NULL,
                             np->feedback);
      }
      CR_MUSTTAIL return interp_enter(JIT_ARGS);
    }
  }
  int n = do_pretailcall(L, ci, ra, narg1, delta);
  if (n < 0)  /* a Lua function now runs in this frame */
    JIT_RUN(ci, 1);
  ci->func -= delta;  /* a C function ran: finish this frame */
  do_poscall(L, ci, n);
  CR_MUSTTAIL return jit_rt_leave(JIT_ARGS);
}

/* A fast path left for its instruction's general stencil for the first
 * time (stencil_ops.c, stencilx_lazyslow; the instruction's byte offset in
 * i): compile it, then go there. Nothing before a fast path's exit has an
 * effect, so without code memory the interpreter runs the instruction. */
JIT_ENTRY void jit_rt_slow(JIT_HANDLER_PARAMS) {
  Proto *p = cl->p;
  int idx = (int)(i / sizeof(Instruction));
  const uint8_t *g = jit_compile_slow(L, p, idx);
  if (CR_LIKELY(g != NULL)) {
    JitHandler h = (JitHandler)(void *)g;
    CR_MUSTTAIL return h(L, ci, base, p->code, 0, p->k, cl, NULL,
                         p->feedback);
  }
  ci->u.l.savedpc = p->code + idx;
  pc = ci->u.l.savedpc;
  CR_MUSTTAIL return interp_continue(JIT_ARGS);
}

/* A hook may have been set, or the profiling code's warm-up counter left
 * its range (stencil_ops.c: WARM_EXPIRED): at 0 the warm-up is over and
 * fb_hot has the function recompiled with the plain stencils; above
 * JIT_WARMUP an older copy of the code is still running after that
 * recompile (its decrement is undone). Then the frame continues at its
 * saved pc in the current code, or in the interpreter if hooked. */
JIT_ENTRY void jit_rt_exit(JIT_HANDLER_PARAMS) {
  Proto *p = cl->p;
  if (p->hotness <= 0)
    fb_hot(L, p);
  else if (p->hotness > JIT_WARMUP && p->hotness < FB_HOT_DONE)
    p->hotness = FB_HOT_DONE;
  if (!ci->u.l.trap && !L->hookmask && p->jitcode != NULL)
    JIT_GO(ci);
  CR_MUSTTAIL return interp_continue(JIT_ARGS);
}
