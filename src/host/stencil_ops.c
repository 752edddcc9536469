/*
 * stencil_ops.c — the baseline JIT's stencils: every op body of
 * vm/op_bodies.h (the interpreter's own definitions, included unchanged)
 * compiled once more, with a vocabulary whose operands and continuations
 * are "holes" (docs/jit.md).
 *
 * This file is never linked into the engine. The build compiles it with
 * fixed flags (-O2, -fno-pic, small code model, no jump tables, no unwind
 * tables, no stack protector) into build/gen/stencil_ops.o, and
 * src/host/stencil_gen.c turns that object's machine code and relocations
 * into tables (build/gen/stencils.c) that src/jit copies and patches.
 *
 * Holes. An operand the interpreter decodes from the instruction (A, B,
 * Bx, a register address, a constant's address, the saved pc) is here the
 * address of an undefined symbol `jit_hole_NAME`: the compiler has to
 * leave a 32-bit field for it (an immediate or a displacement, with an
 * R_X86_64_32/32S relocation) and the JIT writes the real value there.
 * Register and constant addresses are byte offsets from the stack base /
 * constant array, so `RA` costs one lea. The holes are weak so that the
 * compiler cannot assume they are non-zero. Values fit 31 bits, or are used
 * truncated to 32 bits (sBx, sJ): either way the low 32 bits are what the
 * code sees.
 *
 * Continuations. Every body ends in a control macro; here NEXT() is a tail
 * call of jit_cont_next and JUMP(n) one of jit_cont_jump, both undefined:
 * their rel32 is patched with the address of the stencil of the next /
 * target instruction (a jump to the very next stencil at the end of a
 * stencil is dropped: it falls through). The jump distance n of a body is
 * not needed: every op has at most one jump target, which the JIT computes
 * from the instruction (jit_jump_target in src/jit/jit_compile.c).
 * Calls, tail calls and returns leave through the runtime functions
 * jit_rt_call, jit_rt_tailcall and jit_rt_leave (src/jit/jit_runtime.c).
 *
 * Register state. Stencils share the interpreter handlers' signature, so
 * control can pass between the tiers with a tail call either way. In
 * compiled code the arguments mean: L, ci, base (stack base), pc = the
 * function's code array (not the running pc: the running pc is a
 * constant of each stencil), i unused, k constants, cl the closure, disp
 * unused (NULL), fb the feedback vector. Everything is derived from the
 * CallInfo, so compiled code can be entered at the start of any
 * instruction (calls returning, coroutines resuming, OSR).
 *
 * Hooks. The interpreter switches to its tracing handlers after anything
 * that may have set a hook (PROTECT, back-edges); a stencil instead sets
 * its `disp` argument (unused otherwise, NULL on entry) to STENCIL_TRAPPED
 * and, at its control macro, leaves for the interpreter with savedpc set
 * to the instruction it would have continued with (jit_rt_exit). Each
 * stencil is an outer function that passes disp = NULL to the body, an
 * always-inline function of the same signature: once inlined, the
 * compiler knows disp is NULL except after a PROTECT, so bodies that
 * cannot run Lua code carry no test at all.
 */
/* Engine tables indexed by the bodies. In the small code model without
 * PIC, clang indexes a global with its absolute 32-bit address, which the
 * image (PIE, above 4 GiB) cannot satisfy; so the stencils reach such a
 * table through a pointer (a rip-relative load, patched like a call),
 * defined in src/jit/jit_runtime.c. stencil_gen refuses absolute
 * references to engine symbols, so a new table shows up at build time. */
#define fb_kind_of_tag (*stencil_fb_kind_of_tag)

#include "vm/interp.h"
#include "vm/interp_helpers.h"
#include "vm/do.h"
#include "vm/feedback.h"
#include "gc/gc.h"
#include "obj/tab.h"
#include "vm/arith.h"
#include "vm/debuginfo.h"
#include "vm/func.h"
#include "vm/tm.h"
#include "vm/vm.h"
#include "jit/jit.h"
#include "jit/jit_stencil.h"

typedef struct InterpTable InterpTable;

#define HANDLER_PARAMS                                                     \
  lua_State *L, CallInfo *ci, StkId base, const Instruction *pc,           \
  Instruction i, TValue *k, LClosure *cl, const InterpTable *disp,         \
  FeedbackSlot *fb
#define HANDLER_ARGS L, ci, base, pc, i, k, cl, disp, fb

/* The holes (see above and jit/jit_stencil.h). */
#define X(h, doc) extern char jit_hole_##h[] __attribute__((weak));
STENCIL_HOLES(X)
#undef X
#define HOLE(h) ((uintptr_t)jit_hole_##h)

/* Continuations and runtime exits (the same signature as a handler). */
typedef CR_PRESERVE_NONE void (*StencilEntry)(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_cont_next(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_cont_jump(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_call(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_tailcall(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_leave(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_exit(HANDLER_PARAMS);

#define BYTES(p, off) ((TValue *)((char *)(p) + (off)))


/* ---- operands ---- */
#define A        ((int)HOLE(A))
#define B        ((int)HOLE(B))
#define C        ((int)HOLE(C))
#define sB       (B - OFFSET_sC)
#define sC       (C - OFFSET_sC)
#define Bx       ((uint32_t)HOLE(BX))
#define sBx      ((int32_t)(uint32_t)HOLE(BX))
#define sJ       ((int32_t)(uint32_t)HOLE(BX))
#define kBIT     ((int)HOLE(K))
#define REG(n)   (base + (n))
#define RA       BYTES(base, HOLE(RA))
#define RB       BYTES(base, HOLE(RB))
#define RC       BYTES(base, HOLE(RC))
#define KB       BYTES(k, HOLE(KB))
#define KC       BYTES(k, HOLE(KC))
#define KBx      BYTES(k, HOLE(KBX))
#define RKC      (kBIT ? KC : RC)
#define UPVAL(n) (cl->upvals[n])
#define UPVALS   (cl->upvals)
#define PROTO    (cl->p)
#define FRAME    ci
#define FSLOT    ((FeedbackSlot *)((char *)fb + HOLE(F)))
#define IPC      ((const Instruction *)((const char *)pc + HOLE(IPC)))
#define PREV_INSN (IPC[-1])
#define NEXT_INSN (IPC[1])

/* ---- control ---- */
#define STENCIL_GO(cont, exitpc) do {                                      \
    if (CR_UNLIKELY(disp != NULL)) {                                       \
      ci->u.l.savedpc = (const Instruction *)((const char *)pc + (exitpc)); \
      CR_MUSTTAIL return jit_rt_exit(HANDLER_ARGS);                        \
    }                                                                      \
    CR_MUSTTAIL return cont(HANDLER_ARGS);                                 \
  } while (0)
#define NEXT()        STENCIL_GO(jit_cont_next, HOLE(PC))
#define JUMP(n)       do { (void)(n); STENCIL_GO(jit_cont_jump, HOLE(PCJ)); } while (0)
#define DONEXTJUMP()  NEXT()  /* the JMP's own stencil follows */
#define CONDJUMP(c)   do {                                                 \
    if ((c) != kBIT) JUMP(1);                                              \
    DONEXTJUMP();                                                          \
  } while (0)
#define BACKEDGE() do {                                                    \
    if (CR_UNLIKELY(ci->u.l.trap)) disp = STENCIL_TRAPPED;                          \
  } while (0)
/* A call to a compiled Lua function whose frame fits the stack, with a
 * CallInfo at hand and no hook: the frame is pushed here (as the
 * interpreter's CALL_ENTER does, vm/interp.c) and the callee's code entered
 * with a jump. Everything else goes to jit_rt_call. */
#define CALL_ENTER(callee, nres) do {                                      \
    StkId f_ = (callee);                                                   \
    CallInfo *nci_ = ci->next;                                             \
    if (CR_LIKELY(ttisLclosure(f_)) && CR_LIKELY(nci_ != NULL)) {          \
      LClosure *ncl_ = clLvalue(f_);                                       \
      Proto *np_ = ncl_->p;                                                \
      StkId top_ = L->top;                                                 \
      const JitCode *jc_ = np_->jitcode;                                   \
      if (CR_LIKELY(jc_ != NULL) && CR_LIKELY(!L->hookmask) &&             \
          CR_LIKELY(L->stack_last - top_ > np_->maxstacksize) &&           \
          CR_LIKELY(top_ - f_ - 1 >= np_->numparams)) {                    \
        nci_->func = f_;                                                   \
        nci_->nresults = (short)(nres);                                    \
        nci_->callstatus = 0;                                              \
        nci_->top = f_ + 1 + np_->maxstacksize;                            \
        nci_->u.l.savedpc = np_->code;                                     \
        nci_->u.l.trap = 0;                                                \
        L->ci = nci_;                                                      \
        CR_MUSTTAIL return ((StencilEntry)(void *)jc_->code)(              \
            L, nci_, f_ + 1, np_->code, 0, np_->k, ncl_, NULL,             \
            np_->feedback);                                                \
      }                                                                    \
    }                                                                      \
    CR_MUSTTAIL return jit_rt_call(HANDLER_ARGS);                          \
  } while (0)
#define TAILCALL_ENTER(f, n1, d)  do { (void)(f); (void)(d); CR_MUSTTAIL return jit_rt_tailcall(HANDLER_ARGS); } while (0)
/* The frame has been popped: a frame entered from C returns to
 * vm_execute; a compiled caller continues at its saved pc, found through
 * its pc -> offset map; anything else goes to jit_rt_leave. */
#define LEAVE_FRAME() do {                                                 \
    if (ci->callstatus & CIST_FRESH)                                       \
      return;                                                              \
    CallInfo *pci_ = ci->previous;                                         \
    LClosure *pcl_ = clLvalue(pci_->func);                                 \
    Proto *pp_ = pcl_->p;                                                  \
    const JitCode *pjc_ = pp_->jitcode;                                    \
    if (CR_LIKELY(pjc_ != NULL) && CR_LIKELY(!L->hookmask))                \
      CR_MUSTTAIL return ((StencilEntry)(void *)(pjc_->code +              \
          pjc_->offsets[pci_->u.l.savedpc - pp_->code]))(                  \
          L, pci_, pci_->func + 1, pp_->code, 0, pp_->k, pcl_, NULL,       \
          pp_->feedback);                                                  \
    CR_MUSTTAIL return jit_rt_leave(HANDLER_ARGS);                         \
  } while (0)

/* ---- state ---- */
#define SAVEPC()      (ci->u.l.savedpc = (const Instruction *)((const char *)pc + HOLE(PC)))
#define SAVESTATE()   (SAVEPC(), L->top = ci->top)
#define UPDATE_BASE() (base = ci->func + 1)
#define NOTE_TRAP()   (ci->u.l.trap ? (void)(disp = STENCIL_TRAPPED) : (void)0)
#define STENCIL_TRAPPED ((const InterpTable *)1)
#define PROTECT(e)    do { SAVESTATE(); e; UPDATE_BASE(); NOTE_TRAP(); } while (0)
#define PROTECT_NT(e) do { SAVEPC(); e; UPDATE_BASE(); NOTE_TRAP(); } while (0)
#define CHECK_GC(lim) do {                                                 \
    if (CR_UNLIKELY(G(L)->GCdebt > 0)) {                                   \
      SAVEPC();                                                            \
      L->top = (lim);                                                      \
      gc_step(L);                                                          \
      UPDATE_BASE();                                                       \
      NOTE_TRAP();                                                         \
    }                                                                      \
  } while (0)

/* ---- feedback: stays live in tier 1, as in the interpreter's profiling
 * handlers (the optimizing tier reads it; functions compiled at their
 * first call, --jit-threshold=0, would otherwise have none). A type
 * profile is stored only when it gains a bit (a load and a test in the
 * steady state, no store); a call site costs one compare, and the
 * call-target cache's rare misses a call. Field caches are part of the
 * bodies' fast paths anyway.
 * CRESCENT_JIT_PROFILE=0 (in FEATURES) compiles the type profiles out of
 * the stencils: measured 10-35% faster on float-heavy code (nbody, fft),
 * at the price of no type feedback from tier-1 code. ---- */
#ifndef CRESCENT_JIT_PROFILE
#define CRESCENT_JIT_PROFILE 1
#endif
#if CRESCENT_JIT_PROFILE
#define PROFILE(bits) do {                                                 \
    uint16_t b_ = (uint16_t)(bits);                                        \
    FeedbackSlot *s_ = FSLOT;                                              \
    if (CR_UNLIKELY((s_->types.seen & b_) != b_)) s_->types.seen |= b_;    \
  } while (0)
#else
#define PROFILE(bits)    ((void)0)
#endif
#define PROFILE_CALL(f)  fb_call(L, FSLOT, f, IPC)

#define OP_BODY(name)                                                      \
  CR_PRESERVE_NONE CR_INLINE void stencil_body_##name(HANDLER_PARAMS);     \
  CR_PRESERVE_NONE void stencil_##name(HANDLER_PARAMS) {                   \
    CR_MUSTTAIL return stencil_body_##name(L, ci, base, pc, i, k, cl,      \
                                           NULL, fb);                      \
  }                                                                        \
  CR_PRESERVE_NONE CR_INLINE void stencil_body_##name(HANDLER_PARAMS)

#pragma clang diagnostic ignored "-Wpedantic"
#include "vm/op_bodies.h"
