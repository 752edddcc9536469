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
 * jit_rt_call, jit_rt_tailcall, jit_rt_poscall and jit_rt_leave
 * (src/jit/jit_runtime.c) when they cannot jump to compiled code directly.
 *
 * Register state. Stencils share the interpreter handlers' signature, so
 * control can pass between the tiers with a tail call either way. In
 * compiled code only L, ci, base (stack base) and cl (the closure) carry
 * state; constants', feedback slots' and pcs' addresses are immediates of
 * each stencil (a Proto's arrays never move), the other arguments are
 * passed undefined (HANDLER_ARGS below). Everything is derived from the
 * CallInfo, so compiled code can be entered at the start of any
 * instruction (calls returning, coroutines resuming, OSR).
 *
 * Sets. op_bodies.h is included several times: the plain stencils
 * (stencil_OP), the profiling ones (stencilp_OP), and the bodies of
 * STENCIL_KOPS with a constant k bit (stencilx_OP_k0/_k1); see the
 * sections below and docs/jit.md.
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

/* Slow-path calls go through preserve_most thunks (jit_stencil.h). The
 * ASan build keeps plain calls (its stencils use the C convention). */
#ifndef CR_NO_PRESERVE_NONE
#define X(f, r) __typeof__(f) jit_pm_##f __attribute__((preserve_most));
STENCIL_SLOWCALLS(X)
#undef X
/* The renames (a macro cannot define macros: one line per name; the
 * assertions below check that each name of the list has its line). Calls
 * inside the headers' inline functions, compiled above, stay direct. */
#define gc_barrier_ jit_pm_gc_barrier_
#define vm_finishget jit_pm_vm_finishget
#define tab_get jit_pm_tab_get
#define tm_get jit_pm_tm_get
#define tab_getint jit_pm_tab_getint
#define interp_finishgeti jit_pm_interp_finishgeti
#define gc_barrierback_ jit_pm_gc_barrierback_
#define vm_finishset jit_pm_vm_finishset
#define interp_finishseti jit_pm_interp_finishseti
#define tab_newsized jit_pm_tab_newsized
#define tab_resize jit_pm_tab_resize
#define gc_step jit_pm_gc_step
#define tab_getstr jit_pm_tab_getstr
#define arith_modf jit_pm_arith_modf
#define arith_mod jit_pm_arith_mod
#define arith_pow jit_pm_arith_pow
#define floor jit_pm_floor
#define arith_idiv jit_pm_arith_idiv
#define arith_tointegerns jit_pm_arith_tointegerns
#define tm_trybin jit_pm_tm_trybin
#define tm_trybini jit_pm_tm_trybini
#define tm_trybinassoc jit_pm_tm_trybinassoc
#define vm_objlen jit_pm_vm_objlen
#define vm_concat jit_pm_vm_concat
#define func_close jit_pm_func_close
#define func_newtbcupval jit_pm_func_newtbcupval
#define vm_equalobj jit_pm_vm_equalobj
#define vm_lessthan jit_pm_vm_lessthan
#define vm_ltnum jit_pm_vm_ltnum
#define vm_lessequal jit_pm_vm_lessequal
#define vm_lenum jit_pm_vm_lenum
#define tm_callorderi jit_pm_tm_callorderi
#define func_closeupval jit_pm_func_closeupval
#define interp_floatforloop jit_pm_interp_floatforloop
#define interp_forprep jit_pm_interp_forprep
#define do_call jit_pm_do_call
#define tab_resizearray jit_pm_tab_resizearray
#define debug_typeerror jit_pm_debug_typeerror
#define interp_pushclosure jit_pm_interp_pushclosure
#define tm_getvarargs jit_pm_tm_getvarargs
#define tm_adjustvarargs jit_pm_tm_adjustvarargs
#define interp_varargshook jit_pm_interp_varargshook
#define fb_call_miss jit_pm_fb_call_miss
#define STENCIL_STR_(x) #x
#define STENCIL_STR(x) STENCIL_STR_(x)
#define X(f, r) _Static_assert(sizeof(STENCIL_STR(f)) == sizeof(#f) + 7,  \
                               #f " is called through jit_pm_" #f);
STENCIL_SLOWCALLS(X)
#undef X
#endif

#define HANDLER_PARAMS                                                     \
  lua_State *L, CallInfo *ci, StkId base, const Instruction *pc,           \
  Instruction i, TValue *k, LClosure *cl, const InterpTable *disp,         \
  FeedbackSlot *fb
/* The arguments a stencil passes on. Only L, ci, base and cl carry state
 * between stencils: constants, feedback slots and pcs are 64-bit
 * immediates of each stencil (AKB, AF, APC, ... below), i is unused, disp
 * is NULL on entry to every stencil. The other five are passed undefined
 * (an empty asm "defines" them, costing no instruction), so they are dead
 * inside the stencils: nothing to save around the slow paths' calls. The
 * runtime entries (jit_runtime.c) and the interpreter recompute them. */
#define UNDEF(T) ({ T u_; __asm__ volatile("# undef " #T : "=r"(u_)); u_; })
#define HANDLER_ARGS L, ci, base, UNDEF(const Instruction *),             \
                     UNDEF(Instruction), UNDEF(TValue *), cl,              \
                     UNDEF(const InterpTable *), UNDEF(FeedbackSlot *)

/* The holes (see above and jit/jit_stencil.h). */
#define X(h, doc) extern char jit_hole_##h[] __attribute__((weak));
STENCIL_HOLES(X)
#undef X
#define HOLE(h) ((uintptr_t)jit_hole_##h)
/* A 64-bit hole (an address): movabs, relocation R_X86_64_64. */
#define HOLE64(h, T) ({                                                    \
    T h_;                                                                  \
    __asm__("movabs $jit_hole_" #h ", %0" : "=r"(h_));                     \
    h_; })

/* Continuations and runtime exits (the same signature as a handler). */
typedef CR_PRESERVE_NONE void (*StencilEntry)(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_cont_next(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_cont_jump(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_cont_jmpnext(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_call(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_tailcall(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_leave(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_exit(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_poscall(HANDLER_PARAMS);

#define BYTES(p, off) ((TValue *)((char *)(p) + (off)))


/* ---- operands ---- */
#define A        ((int)HOLE(A))
#define B        ((int)HOLE(B))
#define C        ((int)HOLE(C))
#define sB       ((int)(int32_t)(uint32_t)HOLE(SB))  /* decoded by the JIT */
#define sC       ((int)(int32_t)(uint32_t)HOLE(SC))
#define Bx       ((uint32_t)HOLE(BX))
#define sBx      ((int32_t)(uint32_t)HOLE(BX))
#define sJ       ((int32_t)(uint32_t)HOLE(BX))
#define kBIT     ((int)HOLE(K))
#define REG(n)   (base + (n))
#define RA       BYTES(base, HOLE(RA))
#define RB       BYTES(base, HOLE(RB))
#define RC       BYTES(base, HOLE(RC))
#define KB       HOLE64(AKB, TValue *)
#define KC       HOLE64(AKC, TValue *)
#define KBx      HOLE64(AKBX, TValue *)
#define RKC      (kBIT ? KC : RC)
#define UPVAL(n) (cl->upvals[n])
#define UPVALS   (cl->upvals)
#define PROTO    (cl->p)
#define FRAME    ci
#define FSLOT    HOLE64(AF, FeedbackSlot *)
#define IPC      HOLE64(AIPC, const Instruction *)
#define APC      HOLE64(APC, const Instruction *)   /* the saved pc */
#define APCJ     HOLE64(APCJ, const Instruction *)  /* the jump target's */
#define PREV_INSN (IPC[-1])
#define NEXT_INSN (IPC[1])

/* ---- control ---- */
#define STENCIL_GO(cont, exitpc) do {                                      \
    if (CR_UNLIKELY(disp != NULL)) {                                       \
      ci->u.l.savedpc = (exitpc);                                          \
      CR_MUSTTAIL return jit_rt_exit(HANDLER_ARGS);                        \
    }                                                                      \
    CR_MUSTTAIL return cont(HANDLER_ARGS);                                 \
  } while (0)
#define NEXT()        STENCIL_GO(jit_cont_next, APC)
#define JUMP(n)       do { (void)(n); STENCIL_GO(jit_cont_jump, APCJ); } while (0)
/* The following JMP: jit_cont_jmpnext is patched with its target's stencil
 * when it jumps forward, else with the JMP's own (a back-edge counts). */
#define DONEXTJUMP()  STENCIL_GO(jit_cont_jmpnext, APC)
#define CONDJUMP(c)   do {                                                 \
    if ((c) != kBIT) JUMP(1);                                              \
    DONEXTJUMP();                                                          \
  } while (0)
/* The address of the next instruction's stencil (a rip-relative lea,
 * patched like a jump to it). */
#define NEXT_ADDR() ({                                                     \
    const void *a_;                                                        \
    __asm__("lea jit_cont_next(%%rip), %0" : "=r"(a_));                    \
    a_; })
/* A call to a compiled Lua function whose frame fits the stack, with a
 * CallInfo at hand and no hook: the frame is pushed here (as the
 * interpreter's CALL_ENTER does, vm/interp.c) and the callee's code entered
 * with a jump. Everything else goes to jit_rt_call. Either way the caller's
 * continuation is left in ci->u.l.jitret, and a callee frame pushed by
 * compiled code is marked JIT_CIST_RET: its return jumps there (jit.h). */
#define CALL_ENTER(callee, nres) do {                                      \
    StkId f_ = (callee);                                                   \
    CallInfo *nci_ = ci->next;                                             \
    ci->u.l.jitret = NEXT_ADDR();                                          \
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
        nci_->callstatus = JIT_CIST_RET;                                   \
        nci_->top = f_ + 1 + np_->maxstacksize;                            \
        nci_->u.l.savedpc = np_->code;                                     \
        nci_->u.l.trap = 0;                                                \
        L->ci = nci_;                                                      \
        CR_MUSTTAIL return ((StencilEntry)(void *)jc_->code)(              \
            L, nci_, f_ + 1, np_->code, UNDEF(Instruction),                \
            UNDEF(TValue *), ncl_, UNDEF(const InterpTable *),             \
            UNDEF(FeedbackSlot *));                                        \
      }                                                                    \
    }                                                                      \
    CR_MUSTTAIL return jit_rt_call(HANDLER_ARGS);                          \
  } while (0)
#define TAILCALL_ENTER(f, n1, d)  do { (void)(f); (void)(d); CR_MUSTTAIL return jit_rt_tailcall(HANDLER_ARGS); } while (0)
/* The frame has been popped: a frame entered from C returns to
 * vm_execute; a compiled caller continues at its saved pc, found through
 * its pc -> offset map; anything else goes to jit_rt_leave. */
#define LEAVE_FRAME() do {                                                 \
    unsigned short st_ = ci->callstatus;                                   \
    if (st_ & CIST_FRESH)                                                  \
      return;                                                              \
    CallInfo *pci_ = ci->previous;                                         \
    if (CR_LIKELY(st_ & JIT_CIST_RET) && CR_LIKELY(!L->hookmask)) {        \
      LClosure *rcl_ = clLvalue(pci_->func);                               \
      CR_MUSTTAIL return ((StencilEntry)pci_->u.l.jitret)(                 \
          L, pci_, pci_->func + 1, UNDEF(const Instruction *),             \
          UNDEF(Instruction),                                              \
          UNDEF(TValue *), rcl_, UNDEF(const InterpTable *),               \
          UNDEF(FeedbackSlot *));                                          \
    }                                                                      \
    LClosure *pcl_ = clLvalue(pci_->func);                                 \
    Proto *pp_ = pcl_->p;                                                  \
    const JitCode *pjc_ = pp_->jitcode;                                    \
    if (CR_LIKELY(pjc_ != NULL) && CR_LIKELY(!L->hookmask))                \
      CR_MUSTTAIL return ((StencilEntry)(void *)(pjc_->code +              \
          pjc_->offsets[pci_->u.l.savedpc - pp_->code]))(                  \
          L, pci_, pci_->func + 1, UNDEF(const Instruction *),             \
          UNDEF(Instruction),                                              \
          UNDEF(TValue *), pcl_, UNDEF(const InterpTable *),               \
          UNDEF(FeedbackSlot *));                                          \
    CR_MUSTTAIL return jit_rt_leave(HANDLER_ARGS);                         \
  } while (0)

/* The returns' do_poscall (the hooked paths of RETURN0/RETURN1, and
 * RETURN) is followed by LEAVE_FRAME in every body: both are done by
 * jit_rt_poscall (the count travels in i), so the RETURN stencils make no
 * C call and need no stack frame on their fast paths. */
#define do_poscall(L_, ci_, n_) do {                                       \
    (void)(L_); (void)(ci_);                                               \
    CR_MUSTTAIL return jit_rt_poscall(L, ci, base,                         \
        UNDEF(const Instruction *), (Instruction)(n_),                     \
        UNDEF(TValue *), cl, UNDEF(const InterpTable *),                   \
        UNDEF(FeedbackSlot *));                                            \
  } while (0)

/* ---- state ---- */
#define SAVEPC()      (ci->u.l.savedpc = APC)
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

/* ---- feedback: two sets of stencils (docs/jit.md, "Profiling").
 * The optimizing tier reads type profiles and call targets; the
 * interpreter records them while a function warms up and stops once it is
 * hot. Tier 1 does the same: a function compiled before the interpreter
 * has profiled it (--jit-threshold below JIT_WARMUP) first gets the
 * profiling stencils (stencilp_NAME: PROFILE and PROFILE_CALL live, a
 * warm-up counter in Proto.hotness counted down at entry, by the
 * prologue stencilx_warmup, and at back-edges); when the counter runs out
 * the JIT recompiles it with the plain stencils (stencil_NAME), which
 * record nothing: type profiles cost 10-35% on float code when kept up
 * forever. Field caches are part of the bodies' fast paths in both sets.
 * The profiling counter: the warm-up leaves Proto.hotness in
 * 1..JIT_WARMUP; a value outside (0: the warm-up is over; FB_HOT_DONE-1:
 * code of an older copy still running after the recompile) exits to
 * jit_rt_exit, which recompiles or moves the frame to the current code. ---- */
#define WARM_EXPIRED(p_) \
  ((uint32_t)(--(p_)->hotness) - 1u >= (uint32_t)JIT_WARMUP)

/* The plain set. */
#define PROFILE(bits)    ((void)0)
#define PROFILE_CALL(f)  ((void)0)
#define BACKEDGE() do {                                                    \
    if (CR_UNLIKELY(ci->u.l.trap)) disp = STENCIL_TRAPPED;                 \
  } while (0)
#define OP_BODY(name)                                                      \
  CR_PRESERVE_NONE CR_INLINE void stencil_body_##name(HANDLER_PARAMS);     \
  CR_PRESERVE_NONE void stencil_##name(HANDLER_PARAMS) {                   \
    CR_MUSTTAIL return stencil_body_##name(L, ci, base, pc, i, k, cl,      \
                                           NULL, fb);                      \
  }                                                                        \
  CR_PRESERVE_NONE CR_INLINE void stencil_body_##name(HANDLER_PARAMS)

#pragma clang diagnostic ignored "-Wpedantic"
#include "vm/op_bodies.h"

/* The test ops once more with a constant k bit (STENCIL_KOPS): every body
 * becomes an unused static function (no code), except those the
 * stencilx_OP_kN below inline. */
#undef OP_BODY
#undef kBIT
#define kBIT 0
#define OP_BODY(name)                                                      \
  CR_PRESERVE_NONE CR_INLINE __attribute__((unused))                       \
  void stencilk0_body_##name(HANDLER_PARAMS)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef kBIT
#define kBIT 1
#define OP_BODY(name)                                                      \
  CR_PRESERVE_NONE CR_INLINE __attribute__((unused))                       \
  void stencilk1_body_##name(HANDLER_PARAMS)
#include "vm/op_bodies.h"
#undef kBIT
#define kBIT     ((int)HOLE(K))
#define X(op)                                                              \
  CR_PRESERVE_NONE void stencilx_##op##_k0(HANDLER_PARAMS) {               \
    CR_MUSTTAIL return stencilk0_body_##op(L, ci, base, pc, i, k, cl,      \
                                           NULL, fb);                      \
  }                                                                        \
  CR_PRESERVE_NONE void stencilx_##op##_k1(HANDLER_PARAMS) {               \
    CR_MUSTTAIL return stencilk1_body_##op(L, ci, base, pc, i, k, cl,      \
                                           NULL, fb);                      \
  }
STENCIL_KOPS(X)
#undef X

#undef PROFILE
#undef PROFILE_CALL
#undef BACKEDGE
#undef OP_BODY

/* The profiling set: a type profile is stored only when it gains a bit (a
 * load and a test in the steady state); a call site costs one compare. */
#define PROFILE(bits) do {                                                 \
    uint16_t b_ = (uint16_t)(bits);                                        \
    FeedbackSlot *s_ = FSLOT;                                              \
    if (CR_UNLIKELY((s_->types.seen & b_) != b_)) s_->types.seen |= b_;    \
  } while (0)
#define PROFILE_CALL(f)  fb_call(L, FSLOT, f, IPC)
#define BACKEDGE() do {                                                    \
    if (CR_UNLIKELY(WARM_EXPIRED(cl->p) || ci->u.l.trap))                  \
      disp = STENCIL_TRAPPED;                                              \
  } while (0)
#define OP_BODY(name)                                                      \
  CR_PRESERVE_NONE CR_INLINE void stencilp_body_##name(HANDLER_PARAMS);    \
  CR_PRESERVE_NONE void stencilp_##name(HANDLER_PARAMS) {                  \
    CR_MUSTTAIL return stencilp_body_##name(L, ci, base, pc, i, k, cl,     \
                                            NULL, fb);                     \
  }                                                                        \
  CR_PRESERVE_NONE CR_INLINE void stencilp_body_##name(HANDLER_PARAMS)

#include "vm/op_bodies.h"

/* A forward JMP: nothing but the jump (the JMP body's back-edge test is
 * known false). disp is NULL on entry to every stencil. */
CR_PRESERVE_NONE void stencilx_jmpfwd(HANDLER_PARAMS) {
  CR_MUSTTAIL return jit_cont_jump(HANDLER_ARGS);
}

/* The profiling code's prologue, entered by calls (jc->code): counts the
 * entry, then falls through to the first instruction's stencil. */
CR_PRESERVE_NONE void stencilx_warmup(HANDLER_PARAMS) {
  if (CR_UNLIKELY(WARM_EXPIRED(cl->p))) {
    ci->u.l.savedpc = IPC;  /* the first instruction */
    CR_MUSTTAIL return jit_rt_exit(HANDLER_ARGS);
  }
  CR_MUSTTAIL return jit_cont_next(HANDLER_ARGS);
}
