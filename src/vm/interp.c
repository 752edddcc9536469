/*
 * interp.c — T0, the tail-call-threaded interpreter.
 *
 * How it runs
 * -----------
 * There is no interpreter loop and no central switch. Every op of OP_TABLE
 * (vm/ops.h) becomes one small C function, a handler, whose body is the
 * op's body from vm/op_bodies.h. A handler finishes by fetching the next
 * instruction and calling that instruction's handler through a dispatch
 * table, as a guaranteed tail call (clang's musttail). So control threads
 * from handler to handler without ever returning, and the C stack does not
 * grow: at the machine level each dispatch is an indirect jump, and each op
 * has its own indirect jump, which the branch predictor learns per op (the
 * same benefit as "computed goto" threading, in portable C).
 *
 * All handlers share one signature, HANDLER_PARAMS: the interpreter's
 * state is passed in arguments, not kept in memory. The handlers use the
 * preserve_none calling convention, which passes up to twelve arguments in
 * registers and saves no registers across the call, so the state (L, the
 * frame, the stack base, pc, the current instruction, the constants, the
 * closure, the dispatch table, the feedback vector) stays in registers
 * from op to op. A handler that calls an ordinary C function (a slow path)
 * spills what it needs like any caller would.
 *
 * The dispatch table is itself an argument, which is how hooks cost nothing
 * when they are off: interp_plain and interp_profiling (below) map each
 * op to its handler, and interp_traced maps every op to op_traced, which runs the line/count hook
 * machinery and then jumps to the real handler. Turning tracing on or off
 * is switching the table at the points where it can change: after anything
 * that can run arbitrary code (PROTECT), at frame entry and return, and at
 * loop back-edges (so a hook set by a signal handler is seen in a loop that
 * calls nothing).
 *
 * Two sets of handlers
 * --------------------
 * op_bodies.h is compiled twice. The profiling handlers (opprof_*) record
 * type profiles and call targets and count hotness (vm/feedback.h); the
 * plain handlers (op_*) do neither. A function runs with the profiling set
 * while it warms up and with the plain set once it is hot (its counter
 * done), so code that runs long pays nothing for feedback: the choice is
 * made when a frame is entered or returned to, by picking the table.
 * Both sets keep the field inline caches up, since those are the fast path
 * of field access itself. Each set is compiled once more as its "slow"
 * twin, where the general cases of ops with a fast path run (SLOW_PATH in
 * op_bodies.h, and "Slow paths" below).
 *
 * Calls and returns
 * -----------------
 * A Lua-to-Lua CALL pushes the callee's CallInfo and continues the chain
 * with the callee's first instruction; RETURN pops the frame and continues
 * the chain in the caller after its CALL. Neither recurses in C. The chain
 * ends only when a frame marked CIST_FRESH returns: such a frame was
 * started by vm_execute (from do_call, i.e. from C: the API, metamethods,
 * generic-for iterators, coroutine resumption), and its return is a plain C
 * return from the last handler, which lands back in vm_execute.
 *
 * Errors and yields longjmp out of the chain (vm/do_error.c); the chain's
 * handlers hold nothing that needs unwinding. The CallInfo list says where
 * everything was, which is what lua_resume uses to continue.
 *
 * Invariants kept by the vocabulary (see op_bodies.h)
 * ---------------------------------------------------
 *  - ci->u.l.savedpc is saved before anything that can raise, call, or
 *    run the collector (errors and hooks read it). As in lua5.4 it points
 *    one past the running instruction; here `pc` is exactly that.
 *  - Before anything that can allocate, call or raise, L->top bounds the
 *    live registers (DESIGN.md, decision 9: the collector scans stacks up
 *    to top and nothing else): PROTECT sets it to the frame's top, ops that
 *    use the top (B or C = 0 forms) set it precisely.
 *  - After anything that can run Lua code or the collector, the stack may
 *    have moved: base is reloaded, and register pointers are recomputed
 *    from it.
 *
 * Another engine (the baseline JIT) includes op_bodies.h with its own
 * definitions of the same vocabulary.
 */
#include "vm/resume.h"
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

typedef struct InterpTable InterpTable;

#define HANDLER_PARAMS                                                     \
  lua_State *L, CallInfo *ci, StkId base, const Instruction *pc,           \
  Instruction i, TValue *k, LClosure *cl, const InterpTable *disp,         \
  FeedbackSlot *fb
#define HANDLER_ARGS L, ci, base, pc, i, k, cl, disp, fb

typedef CR_PRESERVE_NONE void (*InterpHandler)(HANDLER_PARAMS);

struct InterpTable {
  InterpHandler h[NUM_OPCODES];
};

#define X(name, fmt, fbk, flags)                                      \
  CR_PRESERVE_NONE static void op_##name(HANDLER_PARAMS);             \
  CR_PRESERVE_NONE static void opprof_##name(HANDLER_PARAMS);         \
  CR_PRESERVE_NONE static void opslow_##name(HANDLER_PARAMS);         \
  CR_PRESERVE_NONE static void opprofslow_##name(HANDLER_PARAMS);
OP_TABLE(X)
#undef X
CR_PRESERVE_NONE static void op_traced(HANDLER_PARAMS);
CR_PRESERVE_NONE static void op_osr(HANDLER_PARAMS);
CR_PRESERVE_NONE static void interp_enter_slow(HANDLER_PARAMS);
CR_PRESERVE_NONE static void interp_call_slow(HANDLER_PARAMS);
CR_PRESERVE_NONE static void interp_call_reload(HANDLER_PARAMS);
CR_PRESERVE_NONE static void interp_tailcall_slow(HANDLER_PARAMS);

/* A table of one handler set: each op's handler prefix_NAME. */
#define HANDLER_TABLE(prefix) {{                                      \
    OP_TABLE(HANDLER_TABLE_ENTRY_##prefix)                            \
  }}
#define HANDLER_TABLE_ENTRY_op(name, fmt, fbk, flags) op_##name,
#define HANDLER_TABLE_ENTRY_opprof(name, fmt, fbk, flags) opprof_##name,
#define HANDLER_TABLE_ENTRY_opslow(name, fmt, fbk, flags) opslow_##name,
#define HANDLER_TABLE_ENTRY_opprofslow(name, fmt, fbk, flags) opprofslow_##name,

static const InterpTable interp_plain = HANDLER_TABLE(op);
static const InterpTable interp_profiling = HANDLER_TABLE(opprof);
/* The general cases of the two sets (SLOW_PATH in op_bodies.h). */
static const InterpTable interp_plain_slow = HANDLER_TABLE(opslow);
static const InterpTable interp_profiling_slow = HANDLER_TABLE(opprofslow);

static const InterpTable interp_traced = {{
#define X(name, fmt, fbk, flags) op_traced,
  OP_TABLE(X)
#undef X
}};

/* Set at a loop back-edge of a function that has just been compiled: the
 * next instruction (the loop header) continues in compiled code (OSR). */
static const InterpTable interp_osr = {{
#define X(name, fmt, fbk, flags) op_osr,
  OP_TABLE(X)
#undef X
}};

/* May frame ci's function run its compiled code (src/jit)? */
#define interp_jitted(p) ((p)->jitcode != NULL && !L->hookmask)

#if defined(CRESCENT_NO_FEEDBACK) && CRESCENT_NO_FEEDBACK
#define interp_profiles(p) 0
#else
#define interp_profiles(p) fb_profiling(p)
#endif

/* The handlers to run function p with (hooks aside). */
#define interp_table_for(p) \
  (interp_profiles(p) ? &interp_profiling : &interp_plain)

/* ------------------------------------------------------------------ */
/* The vocabulary of op_bodies.h                                       */
/* ------------------------------------------------------------------ */

#define INSN     i
#define A        GETARG_A(i)
#define B        GETARG_B(i)
#define C        GETARG_C(i)
#define sB       GETARG_sB(i)
#define sC       GETARG_sC(i)
#define Bx       GETARG_Bx(i)
#define sBx      GETARG_sBx(i)
#define sJ       GETARG_sJ(i)
#define kBIT     ((int)TESTARG_k(i))

#define REG(n)   (base + (n))
#define RA       REG(A)
#define RB       REG(B)
#define RC       REG(C)
#define KB       (k + B)
#define KC       (k + C)
#define KBx      (k + Bx)
#define RKC      (kBIT ? KC : RC)
#define UPVAL(n) (cl->upvals[n])
#define UPVALS   (cl->upvals)
#define PROTO    (cl->p)
#define FRAME    ci
#define FSLOT    fb_slot(fb, GETARG_F(i))
#define IPC      (pc - 1)
#define PREV_INSN (pc[-2])
#define NEXT_INSN (pc[0])

/* Fetch the instruction at pc and tail-call its handler. */
#define DISPATCH() do {                                                    \
    i = *pc++;                                                             \
    CR_MUSTTAIL return disp->h[GET_OPCODE(i)](HANDLER_ARGS);               \
  } while (0)

#define NEXT()        DISPATCH()
#define JUMP(n)       do { pc += (n); DISPATCH(); } while (0)
#define DONEXTJUMP()  do {                                                 \
    int32_t o_ = GETARG_sJ(*pc);                                           \
    if (o_ < 0) BACKEDGE();                                                \
    JUMP(o_ + 1);                                                          \
  } while (0)
#define CONDJUMP(c)   do {                                                 \
    if ((c) != kBIT) JUMP(1);                                              \
    DONEXTJUMP();                                                          \
  } while (0)

#define SAVEPC()      (ci->u.l.savedpc = pc)
#define SAVESTATE()   (SAVEPC(), L->top = ci->top)
#define UPDATE_BASE() (base = ci->func + 1)
#define UPDATE_TRAP() \
  (disp = ci->u.l.trap ? &interp_traced : OWN_TABLE)
#define PROTECT(e)    do { SAVESTATE(); e; UPDATE_BASE(); UPDATE_TRAP(); } while (0)
#define PROTECT_NT(e) do { SAVEPC(); e; UPDATE_BASE(); UPDATE_TRAP(); } while (0)
#define CHECK_GC(lim) do {                                                 \
    if (CR_UNLIKELY(G(L)->GCdebt > 0)) {                                   \
      SAVEPC();                                                            \
      L->top = (lim);                                                      \
      gc_step(L);                                                          \
      UPDATE_BASE();                                                       \
      UPDATE_TRAP();                                                       \
    }                                                                      \
  } while (0)

/* Continue in a frame just entered (ci, cl, k, fb, base, pc set) running
 * function p: count the entry, pick the handlers, run the call hook. The
 * rare parts are in interp_enter_slow, so that the calling handler needs
 * no stack frame of its own. */
#define ENTER_CHECKED(p) do {                                              \
    if (interp_jitted(p))                                                  \
      CR_MUSTTAIL return jit_enter(HANDLER_ARGS);                          \
    if (interp_profiles(p)) {                                              \
      if (CR_UNLIKELY(--(p)->hotness <= 0))                                \
        CR_MUSTTAIL return interp_enter_slow(HANDLER_ARGS);                \
      disp = &interp_profiling;                                            \
    } else                                                                 \
      disp = &interp_plain;                                                \
    if (CR_UNLIKELY(L->hookmask))                                          \
      CR_MUSTTAIL return interp_enter_slow(HANDLER_ARGS);                  \
    NEXT();                                                                \
  } while (0)

/* Start running frame ci (L->ci) at its savedpc. */
#define ENTER_FRAME() do {                                                 \
    cl = clLvalue(ci->func);                                               \
    Proto *p_ = cl->p;                                                     \
    k = p_->k;                                                             \
    fb = p_->feedback;                                                     \
    pc = ci->u.l.savedpc;                                                  \
    base = ci->func + 1;                                                   \
    ENTER_CHECKED(p_);                                                     \
  } while (0)

/* The common call: a Lua function whose frame fits the stack and a
 * CallInfo already allocated; everything else goes to interp_call_slow.
 * Only CALL uses this, after SAVEPC: interp_call_reload recovers the
 * caller's state from L->ci and its saved pc, so that none of it has to
 * be kept live (in registers the fast path wants) for the slow path. */
#define CALL_ENTER(callee, nres) do {                                      \
    StkId f_ = (callee);                                                   \
    CallInfo *nci_ = ci->next;                                             \
    /* Every way on picks its handlers afresh (ENTER_CHECKED, the slow     \
     * path's own choice, jit_enter needs none): the caller's table is     \
     * dead here, which frees a register for the fast path. */            \
    disp = NULL;                                                           \
    cr_assert(ci == L->ci && ci->u.l.savedpc == pc, "CALL saved its pc");  \
    if (CR_LIKELY(ttisLclosure(f_)) && CR_LIKELY(nci_ != NULL)) {          \
      LClosure *ncl_ = clLvalue(f_);                                       \
      Proto *np_ = ncl_->p;                                                \
      StkId top_ = L->top;                                                 \
      int fsize_ = np_->maxstacksize;                                      \
      if (CR_LIKELY(top_ + fsize_ < L->stack_last)) {                      \
        const Instruction *code_ = np_->code;                              \
        StkId params_end_ = f_ + 1 + np_->numparams;                       \
        nci_->func = f_;                                                   \
        nci_->nresults = (short)(nres);                                    \
        nci_->callstatus = 0;                                              \
        nci_->top = f_ + 1 + fsize_;                                       \
        nci_->u.l.savedpc = code_;                                         \
        nci_->u.l.trap = 0;                                                \
        L->ci = nci_;                                                      \
        if (CR_UNLIKELY(top_ < params_end_)) {  /* else L->top is top_ */  \
          do setnilvalue(top_++); while (top_ < params_end_);              \
          L->top = top_;                                                   \
        }                                                                  \
        ci = nci_;                                                         \
        cl = ncl_;                                                         \
        k = np_->k;                                                        \
        fb = np_->feedback;                                                \
        base = f_ + 1;                                                     \
        pc = code_;                                                        \
        ENTER_CHECKED(np_);                                                \
      }                                                                    \
    }                                                                      \
    CR_MUSTTAIL return interp_call_reload(L, NULL, NULL, NULL, 0, NULL,    \
                                          NULL, NULL, NULL);               \
  } while (0)

/* The running frame has been popped (L->ci is its caller): leave the chain
 * if it was entered from C, else continue the caller after its call. */
#define LEAVE_FRAME() do {                                                 \
    if (ci->callstatus & CIST_FRESH)                                       \
      return;                                                              \
    ci = ci->previous;                                                     \
    cl = clLvalue(ci->func);                                               \
    Proto *p_ = cl->p;                                                     \
    k = p_->k;                                                             \
    fb = p_->feedback;                                                     \
    pc = ci->u.l.savedpc;                                                  \
    base = ci->func + 1;                                                   \
    if (CR_UNLIKELY(L->hookmask)) {                                        \
      ci->u.l.trap = 1;                                                    \
      disp = &interp_traced;                                               \
    } else if (interp_jitted(p_))                                          \
      CR_MUSTTAIL return jit_enter(HANDLER_ARGS);                          \
    else                                                                   \
      disp = interp_table_for(p_);                                         \
    NEXT();                                                                \
  } while (0)

/* A tail call reuses the frame. The common case, a Lua function whose
 * frame fits the stack, is done here; the rest in interp_tailcall_slow
 * (which re-reads the operands: only TAILCALL uses this). */
#define TAILCALL_ENTER(callee, narg1, delta) do {                          \
    StkId f_ = (callee);                                                   \
    if (CR_LIKELY(ttisLclosure(f_))) {                                     \
      LClosure *ncl_ = clLvalue(f_);                                       \
      Proto *np_ = ncl_->p;                                                \
      int fsize_ = np_->maxstacksize;                                      \
      if (CR_LIKELY(L->stack_last - L->top > fsize_ - (delta))) {          \
        StkId dst_ = ci->func - (delta);  /* the real frame start */      \
        int n1_ = (narg1);                                                 \
        for (int j_ = 0; j_ < n1_; j_++)  /* move the callee down */       \
          setobj(L, dst_ + j_, f_ + j_);                                   \
        for (; n1_ <= np_->numparams; n1_++)                               \
          setnilvalue(dst_ + n1_);                                         \
        ci->func = dst_;                                                   \
        ci->top = dst_ + 1 + fsize_;                                       \
        ci->u.l.savedpc = np_->code;                                       \
        ci->callstatus |= CIST_TAIL;                                       \
        L->top = dst_ + n1_;                                               \
        cl = ncl_;                                                         \
        k = np_->k;                                                        \
        fb = np_->feedback;                                                \
        base = dst_ + 1;                                                   \
        pc = np_->code;                                                    \
        ENTER_CHECKED(np_);                                                \
      }                                                                    \
    }                                                                      \
    CR_MUSTTAIL return interp_tailcall_slow(HANDLER_ARGS);                 \
  } while (0)

/* ------------------------------------------------------------------ */
/* Slow paths                                                          */
/* ------------------------------------------------------------------ */

/*
 * Handlers use preserve_none, so an ordinary call from a handler clobbers
 * every register that holds interpreter state but L, ci, base and pc: the
 * handler must save i, k, cl, disp and fb around it. Clang places those
 * saves (and the frame they need) where it likes, often at the handler's
 * entry, so a slow path that runs once in a million still costs its op a
 * few loads and stores every time. So the op bodies reach the functions
 * on the slow paths of ops that have a fast path through cold wrappers
 * with the preserve_most convention: the wrapper saves the registers its
 * callee may clobber, on the slow path only, and the handler keeps its
 * state in registers (a wrapper costs its call about 16 instructions).
 * Ops that always call out (NEWTABLE, CONCAT, CLOSURE, VARARG, the MMBINs,
 * ...) call directly. The names are redirected for the op bodies only (the
 * baseline JIT compiles the same bodies with its own definitions).
 *
 * INTERP_SLOW_CALLS: X(return type, function, (parameters), (arguments)),
 * each with its #define below. The field-cache misses (vm/feedback.h) are
 * CR_PRESERVE_MOST themselves.
 */
#define INTERP_SLOW_CALLS(X)                                                \
  X(const TValue *, tab_get, (Table *t, const TValue *key), (t, key))      \
  X(const TValue *, tab_getint, (Table *t, lua_Integer key), (t, key))     \
  X(const TValue *, tab_getstr, (Table *t, TString *key), (t, key))        \
  X(void, tab_resizearray, (lua_State *L, Table *t, unsigned a), (L, t, a)) \
  X(const TValue *, tm_get, (Table *ev, int e, TString *name), (ev, e, name)) \
  X(void, vm_finishget, (lua_State *L, const TValue *t, TValue *key,        \
    StkId val, const TValue *slot), (L, t, key, val, slot))                \
  X(void, vm_finishset, (lua_State *L, const TValue *t, TValue *key,        \
    TValue *val, const TValue *slot), (L, t, key, val, slot))              \
  X(void, interp_finishgeti, (lua_State *L, const TValue *t, int c,         \
    StkId ra, const TValue *slot), (L, t, c, ra, slot))                    \
  X(void, interp_finishseti, (lua_State *L, const TValue *t, int c,         \
    TValue *val, const TValue *slot), (L, t, c, val, slot))                \
  X(void, gc_barrier_, (lua_State *L, GCObject *p, GCObject *o), (L, p, o)) \
  X(void, gc_barrierback_, (lua_State *L, GCObject *p), (L, p))            \
  X(void, gc_step, (lua_State *L), (L))                                    \
  X(int, tm_callorderi, (lua_State *L, const TValue *p1, int v2, int flip,  \
    int isf, int event), (L, p1, v2, flip, isf, event))                    \
  X(int, vm_equalobj, (lua_State *L, const TValue *a, const TValue *b),     \
    (L, a, b))                                                             \
  X(int, vm_lessthan, (lua_State *L, const TValue *a, const TValue *b),     \
    (L, a, b))                                                             \
  X(int, vm_lessequal, (lua_State *L, const TValue *a, const TValue *b),    \
    (L, a, b))                                                             \
  X(int, vm_ltnum, (const TValue *a, const TValue *b), (a, b))             \
  X(int, vm_lenum, (const TValue *a, const TValue *b), (a, b))             \
  X(int, arith_tointegerns, (const TValue *o, lua_Integer *p, int mode),    \
    (o, p, mode))                                                          \
  X(lua_Number, arith_modf, (lua_State *L, lua_Number a, lua_Number b),     \
    (L, a, b))                                                             \
  X(lua_Number, arith_pow, (lua_Number a, lua_Number b), (a, b))           \
  X(void, func_closeupval, (lua_State *L, StkId level), (L, level))        \
  X(int, interp_floatforloop, (StkId ra), (ra))                            \
  X(void, fb_hot, (lua_State *L, Proto *p), (L, p))                        \
  X(void, fb_call_miss, (lua_State *L, FeedbackSlot *s, GCObject *target,   \
    const Instruction *ipc), (L, s, target, ipc))

#define X(ret, name, params, args)                                         \
  CR_COLD CR_PRESERVE_MOST static ret interp_slow_##name params {          \
    return name args;                                                      \
  }
INTERP_SLOW_CALLS(X)
#undef X

#define tab_get             interp_slow_tab_get
#define tab_getint          interp_slow_tab_getint
#define tab_getstr          interp_slow_tab_getstr
#define tab_resizearray     interp_slow_tab_resizearray
#define tm_get              interp_slow_tm_get
#define vm_finishget        interp_slow_vm_finishget
#define vm_finishset        interp_slow_vm_finishset
#define interp_finishgeti   interp_slow_interp_finishgeti
#define interp_finishseti   interp_slow_interp_finishseti
#define gc_barrier_         interp_slow_gc_barrier_
#define gc_barrierback_     interp_slow_gc_barrierback_
#define gc_step             interp_slow_gc_step
#define tm_callorderi       interp_slow_tm_callorderi
#define vm_equalobj         interp_slow_vm_equalobj
#define vm_lessthan         interp_slow_vm_lessthan
#define vm_lessequal        interp_slow_vm_lessequal
#define vm_ltnum            interp_slow_vm_ltnum
#define vm_lenum            interp_slow_vm_lenum
#define arith_tointegerns   interp_slow_arith_tointegerns
#define arith_modf          interp_slow_arith_modf
#define arith_pow           interp_slow_arith_pow
#define func_closeupval     interp_slow_func_closeupval
#define interp_floatforloop interp_slow_interp_floatforloop
#define fb_hot              interp_slow_fb_hot
#define fb_call_miss        interp_slow_fb_call_miss

/*
 * Each set of handlers is compiled twice more: an op whose body has a
 * fast path ends it with SLOW_PATH(), which in the handler proper
 * tail-calls the op's handler in the slow set (the same body, where
 * SLOW_PATH() does nothing and the general case follows). So a handler's
 * fast path contains no call at all and needs no stack frame, whatever
 * its general case calls; leaving for the general case costs one indirect
 * jump and the fast path's tests once more.
 */
#define SLOW_PATH_TO(table) \
  CR_MUSTTAIL return (table)->h[GET_OPCODE(i)](HANDLER_ARGS)

/* ---- The plain handlers: no profiling, no counting ---- */

#define OWN_TABLE        (&interp_plain)
#define PROFILE(bits)    ((void)0)
#define PROFILE_CALL(f)  ((void)0)
/* A loop goes round again: notice hooks set meanwhile (by a signal
 * handler: nothing else can set them without a PROTECT). */
#define BACKEDGE() do {                                                    \
    if (CR_UNLIKELY(ci->u.l.trap)) disp = &interp_traced;                  \
  } while (0)

#define OP_BODY(name) CR_PRESERVE_NONE static void op_##name(HANDLER_PARAMS)
#define SLOW_PATH() SLOW_PATH_TO(&interp_plain_slow)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef SLOW_PATH

#define OP_BODY(name) \
  CR_PRESERVE_NONE static void opslow_##name(HANDLER_PARAMS)
#define SLOW_PATH() ((void)0)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef SLOW_PATH

#undef OWN_TABLE
#undef PROFILE
#undef PROFILE_CALL
#undef BACKEDGE

/* ---- The profiling handlers ---- */

#define OWN_TABLE        (&interp_profiling)
#define PROFILE(bits)    fb_profile(FSLOT, bits)
#define PROFILE_CALL(f)  fb_call(L, FSLOT, f, IPC)
/* Count the back-edge; the function may become hot here. */
#define BACKEDGE() do {                                                    \
    Proto *bp_ = cl->p;                                                    \
    if (CR_UNLIKELY(--bp_->hotness <= 0)) {                                \
      fb_hot(L, bp_);                                                      \
      disp = interp_jitted(bp_) ? &interp_osr : interp_table_for(bp_);     \
    }                                                                      \
    if (CR_UNLIKELY(ci->u.l.trap)) disp = &interp_traced;                  \
  } while (0)

#define OP_BODY(name) \
  CR_PRESERVE_NONE static void opprof_##name(HANDLER_PARAMS)
#define SLOW_PATH() SLOW_PATH_TO(&interp_profiling_slow)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef SLOW_PATH

#define OP_BODY(name) \
  CR_PRESERVE_NONE static void opprofslow_##name(HANDLER_PARAMS)
#define SLOW_PATH() ((void)0)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef SLOW_PATH

#undef tab_get
#undef tab_getint
#undef tab_getstr
#undef tab_resizearray
#undef tm_get
#undef vm_finishget
#undef vm_finishset
#undef interp_finishgeti
#undef interp_finishseti
#undef gc_barrier_
#undef gc_barrierback_
#undef gc_step
#undef tm_callorderi
#undef vm_equalobj
#undef vm_lessthan
#undef vm_lessequal
#undef vm_ltnum
#undef vm_lenum
#undef arith_tointegerns
#undef arith_modf
#undef arith_pow
#undef func_closeupval
#undef interp_floatforloop
#undef fb_hot
#undef fb_call_miss

/* The rare parts of entering a frame: the function became hot (or is run
 * for the first time), or hooks are on. pc is the frame's start. */
CR_PRESERVE_NONE static void interp_enter_slow(HANDLER_PARAMS) {
  Proto *p = cl->p;
  if (interp_profiles(p) && p->hotness <= 0)
    fb_hot(L, p);
  if (interp_jitted(p))
    CR_MUSTTAIL return jit_enter(HANDLER_ARGS);
  disp = interp_table_for(p);
  if (L->hookmask && interp_hookentry(L, ci, pc))
    disp = &interp_traced;
  base = ci->func + 1;
  DISPATCH();
}

/* CALL_ENTER's way to its general case: the caller's state again, from
 * its CallInfo (L->ci, whose saved pc is one past the CALL). */
CR_PRESERVE_NONE static void interp_call_reload(HANDLER_PARAMS) {
  ci = L->ci;
  cl = clLvalue(ci->func);
  k = cl->p->k;
  fb = cl->p->feedback;
  base = ci->func + 1;
  pc = ci->u.l.savedpc;
  i = pc[-1];
  disp = NULL;  /* interp_call_slow picks the table itself */
  CR_MUSTTAIL return interp_call_slow(HANDLER_ARGS);
}

/* CALL's general case (C functions, __call, growing the stack, a new
 * CallInfo); i is the CALL and its pc is saved. */
CR_PRESERVE_NONE static void interp_call_slow(HANDLER_PARAMS) {
  StkId func = RA;
  /* A C function with room on the stack, a CallInfo at hand and no hooks:
   * do_precall's work inline, then the results of the common shapes
   * moved here (do_poscall keeps hooks, to-be-closed slots and the rest). */
  lua_CFunction f = ttislcf(func) ? fvalue(func)
                  : ttisCclosure(func) ? clCvalue(func)->f : NULL;
  CallInfo *cci = ci->next;
  if (f != NULL && cci != NULL && !L->hookmask &&
      L->stack_last - L->top > LUA_MINSTACK) {
    int wanted = C - 1;
    cci->func = func;
    cci->nresults = (short)wanted;
    cci->callstatus = CIST_C | CIST_RETYIELD;
    cci->top = L->top + LUA_MINSTACK;
    L->ci = cci;
    int n = f(L);
    if (CR_UNLIKELY(n < 0))  /* a yield that returns: leave vm_execute */
      return;
    cr_assert(n >= 0 && n <= L->top - (cci->func + 1), "results on the stack");
    wanted = cci->nresults;   /* lua_toclose may have marked it */
    if (CR_LIKELY(wanted >= LUA_MULTRET && !L->hookmask)) {
      StkId res = cci->func;   /* the stack may have moved */
      if (wanted == LUA_MULTRET) wanted = n;
      StkId first = L->top - n;
      int j;
      if (n > wanted) n = wanted;
#pragma clang loop unroll(disable)   /* mostly 0 to 2 results */
      for (j = 0; j < n; j++)
        setobj(L, res + j, first + j);
      for (; j < wanted; j++)
        setnilvalue(res + j);
      L->top = res + wanted;
      L->ci = ci;
    } else
      do_poscall(L, cci, n);
    base = ci->func + 1;
    disp = ci->u.l.trap ? &interp_traced : interp_table_for(cl->p);
    DISPATCH();
  }
  CallInfo *nci = do_precall(L, func, C - 1);
  if (nci == NULL) {  /* a C function, already done */
    base = ci->func + 1;
    disp = ci->u.l.trap ? &interp_traced : interp_table_for(cl->p);
    DISPATCH();
  }
  ci = nci;
  ENTER_FRAME();
}

/* TAILCALL's general case; i is the TAILCALL, pc saved, L->top set after
 * the arguments, upvalues closed. */
CR_PRESERVE_NONE static void interp_tailcall_slow(HANDLER_PARAMS) {
  StkId ra = RA;
  int nparams1 = C;
  int delta = nparams1 ? ci->u.l.nextraargs + nparams1 : 0;
  int n = do_pretailcall(L, ci, ra, (int)(L->top - ra), delta);
  if (n < 0)  /* a Lua function now runs in this frame */
    ENTER_FRAME();
  ci->func -= delta;  /* a C function ran: finish this frame */
  do_poscall(L, ci, n);
  LEAVE_FRAME();
}

/* Every op while tracing: line and count hooks, then the real handler. */
CR_PRESERVE_NONE static void op_traced(HANDLER_PARAMS) {
  const InterpTable *real = interp_table_for(cl->p);
  if (ci->u.l.trap) {
    int still = debug_traceexec(L, pc - 1);
    base = ci->func + 1;
    disp = still ? &interp_traced : real;
  } else
    disp = real;
  CR_MUSTTAIL return real->h[GET_OPCODE(i)](HANDLER_ARGS);
}

/* Back-edge into a loop header of a function compiled meanwhile. */
CR_PRESERVE_NONE static void op_osr(HANDLER_PARAMS) {
  CR_MUSTTAIL return jit_osr(HANDLER_ARGS);
}

/* Entry points for the baseline JIT (src/jit/jit_runtime.c): start frame
 * ci (just pushed: counts the entry, runs the call hook), or continue it
 * at its saved pc (after a return into it, or when compiled code hands a
 * frame back because a hook was set). */
CR_PRESERVE_NONE void interp_enter(HANDLER_PARAMS) {
  ENTER_FRAME();
}

CR_PRESERVE_NONE void interp_continue(HANDLER_PARAMS) {
  cl = clLvalue(ci->func);
  Proto *p = cl->p;
  k = p->k;
  fb = p->feedback;
  pc = ci->u.l.savedpc;
  base = ci->func + 1;
  if (CR_UNLIKELY(L->hookmask)) {
    ci->u.l.trap = 1;
    disp = &interp_traced;
  } else
    disp = interp_table_for(p);
  NEXT();
}

void vm_execute(lua_State *L, CallInfo *ci) {
  LClosure *cl = clLvalue(ci->func);
  Proto *p = cl->p;
  const Instruction *pc = ci->u.l.savedpc;
  if (pc == p->code && interp_profiles(p))
    fb_tick(L, p);
  if (interp_jitted(p)) {
    jit_enter(L, ci, ci->func + 1, pc, 0, p->k, cl, NULL, p->feedback);
    return;
  }
  const InterpTable *disp = interp_table_for(p);
  if (CR_UNLIKELY(L->hookmask) && interp_hookentry(L, ci, pc))
    disp = &interp_traced;
  StkId base = ci->func + 1;
  Instruction i = *pc++;
  disp->h[GET_OPCODE(i)](L, ci, base, pc, i, p->k, cl, disp, p->feedback);
}
