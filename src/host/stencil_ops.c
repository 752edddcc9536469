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
 * (stencil_OP: each op's fast path, SLOW_PATH() a jump to the general
 * stencil), the general ones (stencilg_OP: each op whole), the profiling
 * ones (stencilp_OP), the bodies of STENCIL_KOPS with a constant k bit
 * (stencilx_OP_k0/_k1), the typed arithmetic and comparisons
 * (stencilx_OP_ti/_tf/_tm, stencilx_OP_kN_ti/_tf), their variants taking
 * an operand from a register (_r1, _r2), the loads passing their result
 * on in one (_vi, _vf), the consumers' load stubs (stencilx_ld*) and
 * CALL with a known argument count (stencilx_CALL_b); see the sections
 * below and docs/jit.md ("Values in registers").
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

/* Slow calls made inside the headers' inline functions (the field caches'
 * probes, the integer division helpers) are renamed before the headers
 * are read; the functions they are renamed to are defined below (after
 * the headers) as inline asm calls, like the bodies' own slow calls. */
#ifndef CR_NO_PRESERVE_NONE
#define fb_field_probe stencil_slow_fb_field_probe
#define fb_field_getmiss stencil_slow_fb_field_getmiss
#define fb_field_setmiss stencil_slow_fb_field_setmiss
#define arith_mod stencil_slow_arith_mod
#define arith_idiv stencil_slow_arith_idiv
#endif

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
#include "jit/jit_stencil.h"

typedef struct InterpTable InterpTable;

/* Slow-path calls (jit_stencil.h, STENCIL_SLOWCALLS) go to preserve_most
 * thunks through an inline asm `call`: the compiler sees no call, so it
 * neither saves registers around it nor aligns the stack for it, and the
 * fast paths need no stack frame at all (a visible call made LLVM push
 * one register at the entry of every stencil whose slow path rejoins the
 * fast path). The thunk aligns the stack itself. The asm steps over the
 * red zone (a stencil without calls may keep data below rsp). Arguments
 * travel as 64-bit values (an integer widened from its own type, a
 * pointer as it is): no slow call has a parameter narrower than int, and
 * a callee reads only its parameter's width.
 * Functions with double arguments or results (D) keep plain calls. The
 * ASan build keeps plain calls (its stencils use the C convention). */
#ifndef CR_NO_PRESERVE_NONE
#define JIT_SLOW_NARGS(...) JIT_SLOW_NARGS_(__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0)
#define JIT_SLOW_NARGS_(a1, a2, a3, a4, a5, a6, n, ...) n
#define JIT_SLOW_CAT(a, b) JIT_SLOW_CAT_(a, b)
#define JIT_SLOW_CAT_(a, b) a##b
#define JIT_SLOW_CLOBBERS                                                  \
  "memory", "cc", "r11", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",   \
  "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13",      \
  "xmm14", "xmm15"
#define JIT_SLOW_TEXT(name)                                                \
  "lea -128(%%rsp), %%rsp\n\tcall jit_pm_" name "\n\tlea 128(%%rsp), %%rsp"
/* res: 1 = the result in rax, 0 = none (the thunk keeps rax). */
#define JIT_SLOW_ASM(name, res, ...) JIT_SLOW_ASM##res(name, __VA_ARGS__)
#define JIT_SLOW_ASM1(name, ...) ({                                        \
    uint64_t r_;                                                           \
    __asm__ volatile(JIT_SLOW_TEXT(name) : "=a"(r_) : __VA_ARGS__          \
                     : JIT_SLOW_CLOBBERS);                                 \
    r_; })
#define JIT_SLOW_ASM0(name, ...) ({                                        \
    __asm__ volatile(JIT_SLOW_TEXT(name) : : __VA_ARGS__                   \
                     : JIT_SLOW_CLOBBERS);                                 \
    (void)0; })
#define JIT_SLOW_IN(n, reg) register uint64_t q##n##_ __asm__(reg) = v##n##_
#define JIT_SLOW_1(name, res, a) ({                                        \
    uint64_t v1_ = (uint64_t)(a);                                          \
    JIT_SLOW_IN(1, "rdi");                                                 \
    JIT_SLOW_ASM(name, res, "r"(q1_)); })
#define JIT_SLOW_2(name, res, a, b) ({                                     \
    uint64_t v1_ = (uint64_t)(a), v2_ = (uint64_t)(b);                     \
    JIT_SLOW_IN(1, "rdi"); JIT_SLOW_IN(2, "rsi");                          \
    JIT_SLOW_ASM(name, res, "r"(q1_), "r"(q2_)); })
#define JIT_SLOW_3(name, res, a, b, c) ({                                  \
    uint64_t v1_ = (uint64_t)(a), v2_ = (uint64_t)(b),                     \
             v3_ = (uint64_t)(c);                                          \
    JIT_SLOW_IN(1, "rdi"); JIT_SLOW_IN(2, "rsi"); JIT_SLOW_IN(3, "rdx");   \
    JIT_SLOW_ASM(name, res, "r"(q1_), "r"(q2_), "r"(q3_)); })
#define JIT_SLOW_4(name, res, a, b, c, d) ({                               \
    uint64_t v1_ = (uint64_t)(a), v2_ = (uint64_t)(b),                     \
             v3_ = (uint64_t)(c), v4_ = (uint64_t)(d);                     \
    JIT_SLOW_IN(1, "rdi"); JIT_SLOW_IN(2, "rsi"); JIT_SLOW_IN(3, "rdx");   \
    JIT_SLOW_IN(4, "rcx");                                                 \
    JIT_SLOW_ASM(name, res, "r"(q1_), "r"(q2_), "r"(q3_), "r"(q4_)); })
#define JIT_SLOW_5(name, res, a, b, c, d, e) ({                            \
    uint64_t v1_ = (uint64_t)(a), v2_ = (uint64_t)(b),                     \
             v3_ = (uint64_t)(c), v4_ = (uint64_t)(d),                     \
             v5_ = (uint64_t)(e);                                          \
    JIT_SLOW_IN(1, "rdi"); JIT_SLOW_IN(2, "rsi"); JIT_SLOW_IN(3, "rdx");   \
    JIT_SLOW_IN(4, "rcx"); JIT_SLOW_IN(5, "r8");                           \
    JIT_SLOW_ASM(name, res, "r"(q1_), "r"(q2_), "r"(q3_), "r"(q4_),        \
                 "r"(q5_)); })
#define JIT_SLOW_6(name, res, a, b, c, d, e, f) ({                         \
    uint64_t v1_ = (uint64_t)(a), v2_ = (uint64_t)(b),                     \
             v3_ = (uint64_t)(c), v4_ = (uint64_t)(d),                     \
             v5_ = (uint64_t)(e), v6_ = (uint64_t)(f);                     \
    JIT_SLOW_IN(1, "rdi"); JIT_SLOW_IN(2, "rsi"); JIT_SLOW_IN(3, "rdx");   \
    JIT_SLOW_IN(4, "rcx"); JIT_SLOW_IN(5, "r8"); JIT_SLOW_IN(6, "r9");     \
    JIT_SLOW_ASM(name, res, "r"(q1_), "r"(q2_), "r"(q3_), "r"(q4_),        \
                 "r"(q5_), "r"(q6_)); })
#define JIT_SLOW_CALL(name, res, ...)                                      \
  JIT_SLOW_CAT(JIT_SLOW_, JIT_SLOW_NARGS(__VA_ARGS__))(name, res, __VA_ARGS__)
/* A: the function's own result type; P: void. */
#define JIT_SLOW_A(f, ...) ({                                             \
    __typeof__(f(__VA_ARGS__)) a_ =                                        \
        (__typeof__(f(__VA_ARGS__)))JIT_SLOW_CALL(#f, 1, __VA_ARGS__);     \
    a_; })
#define JIT_SLOW_P(f, ...) JIT_SLOW_CALL(#f, 0, __VA_ARGS__)

/* The headers' slow calls (renamed above). */
#define JIT_SLOW_FN(ret, name, params, ...)                                \
  extern inline __attribute__((gnu_inline, always_inline)) ret             \
  stencil_slow_##name params {                                             \
    return (ret)JIT_SLOW_CALL(#name, 1, __VA_ARGS__);                      \
  }
#undef fb_field_probe
#undef fb_field_getmiss
#undef fb_field_setmiss
#undef arith_mod
#undef arith_idiv
CR_PRESERVE_MOST JIT_SLOW_FN(const TValue *, fb_field_probe,
    (lua_State *L, const FieldIC *ic, const Table *t, const TString *key),
    L, ic, t, key)
CR_PRESERVE_MOST JIT_SLOW_FN(const TValue *, fb_field_getmiss,
    (lua_State *L, FeedbackSlot *s, Table *t, TString *key,
     const Instruction *ipc), L, s, t, key, ipc)
CR_PRESERVE_MOST JIT_SLOW_FN(const TValue *, fb_field_setmiss,
    (lua_State *L, FeedbackSlot *s, Table *t, TString *key,
     const Instruction *ipc), L, s, t, key, ipc)
JIT_SLOW_FN(lua_Integer, arith_mod,
    (lua_State *L, lua_Integer m, lua_Integer n), L, m, n)
JIT_SLOW_FN(lua_Integer, arith_idiv,
    (lua_State *L, lua_Integer m, lua_Integer n), L, m, n)
#define fb_field_probe stencil_slow_fb_field_probe
#define fb_field_getmiss stencil_slow_fb_field_getmiss
#define fb_field_setmiss stencil_slow_fb_field_setmiss
#define arith_mod stencil_slow_arith_mod
#define arith_idiv stencil_slow_arith_idiv

/* The bodies' slow calls (a macro cannot define macros: one line per
 * name; the assertions below check that each name of the list has its
 * line). D: a plain call of the thunk, whose prototype is NAME's. */
#define X(f, r) __typeof__(f) jit_pm_##f __attribute__((preserve_most));
X(arith_modf, D) X(arith_pow, D) X(floor, D)
#undef X
#define arith_modf jit_pm_arith_modf
#define arith_pow jit_pm_arith_pow
#define floor jit_pm_floor
#define gc_barrier_(...) JIT_SLOW_P(gc_barrier_, __VA_ARGS__)
#define vm_finishget(...) JIT_SLOW_P(vm_finishget, __VA_ARGS__)
#define tab_get(...) JIT_SLOW_A(tab_get, __VA_ARGS__)
#define tm_get(...) JIT_SLOW_A(tm_get, __VA_ARGS__)
#define tab_getint(...) JIT_SLOW_A(tab_getint, __VA_ARGS__)
#define interp_finishgeti(...) JIT_SLOW_P(interp_finishgeti, __VA_ARGS__)
#define gc_barrierback_(...) JIT_SLOW_P(gc_barrierback_, __VA_ARGS__)
#define vm_finishset(...) JIT_SLOW_P(vm_finishset, __VA_ARGS__)
#define interp_finishseti(...) JIT_SLOW_P(interp_finishseti, __VA_ARGS__)
#define tab_newsized(...) JIT_SLOW_A(tab_newsized, __VA_ARGS__)
#define tab_resize(...) JIT_SLOW_P(tab_resize, __VA_ARGS__)
#define gc_step(...) JIT_SLOW_P(gc_step, __VA_ARGS__)
#define tab_getstr(...) JIT_SLOW_A(tab_getstr, __VA_ARGS__)
#define arith_tointegerns(...) JIT_SLOW_A(arith_tointegerns, __VA_ARGS__)
#define tm_trybin(...) JIT_SLOW_P(tm_trybin, __VA_ARGS__)
#define tm_trybini(...) JIT_SLOW_P(tm_trybini, __VA_ARGS__)
#define tm_trybinassoc(...) JIT_SLOW_P(tm_trybinassoc, __VA_ARGS__)
#define vm_objlen(...) JIT_SLOW_P(vm_objlen, __VA_ARGS__)
#define vm_concat(...) JIT_SLOW_P(vm_concat, __VA_ARGS__)
#define func_close(...) JIT_SLOW_A(func_close, __VA_ARGS__)
#define func_newtbcupval(...) JIT_SLOW_P(func_newtbcupval, __VA_ARGS__)
#define vm_equalobj(...) JIT_SLOW_A(vm_equalobj, __VA_ARGS__)
#define vm_lessthan(...) JIT_SLOW_A(vm_lessthan, __VA_ARGS__)
#define vm_ltnum(...) JIT_SLOW_A(vm_ltnum, __VA_ARGS__)
#define vm_lessequal(...) JIT_SLOW_A(vm_lessequal, __VA_ARGS__)
#define vm_lenum(...) JIT_SLOW_A(vm_lenum, __VA_ARGS__)
#define tm_callorderi(...) JIT_SLOW_A(tm_callorderi, __VA_ARGS__)
#define func_closeupval(...) JIT_SLOW_P(func_closeupval, __VA_ARGS__)
#define interp_floatforloop(...) JIT_SLOW_A(interp_floatforloop, __VA_ARGS__)
#define interp_forprep(...) JIT_SLOW_A(interp_forprep, __VA_ARGS__)
#define do_call(...) JIT_SLOW_P(do_call, __VA_ARGS__)
#define tab_resizearray(...) JIT_SLOW_P(tab_resizearray, __VA_ARGS__)
#define debug_typeerror(...) JIT_SLOW_P(debug_typeerror, __VA_ARGS__)
#define interp_pushclosure(...) JIT_SLOW_P(interp_pushclosure, __VA_ARGS__)
#define tm_getvarargs(...) JIT_SLOW_P(tm_getvarargs, __VA_ARGS__)
#define tm_adjustvarargs(...) JIT_SLOW_P(tm_adjustvarargs, __VA_ARGS__)
#define interp_varargshook(...) JIT_SLOW_P(interp_varargshook, __VA_ARGS__)
#define fb_call_miss(...) JIT_SLOW_P(fb_call_miss, __VA_ARGS__)
/* Every name of the list is renamed: NAME(x) expands (to JIT_SLOW_*, to
 * jit_pm_NAME, or to stencil_slow_NAME), so its text grows. */
#define STENCIL_STR_(x) #x
#define STENCIL_STR(x) STENCIL_STR_(x)
#define X(f, r) _Static_assert(sizeof(STENCIL_STR(f(x))) > sizeof(#f "(x)"),  \
                               #f " is called through jit_pm_" #f);
STENCIL_SLOWCALLS(X)
#undef X
#endif

/* fx, after the interpreter's nine: a float passed from one stencil to
 * the next in a register (xmm0 in either convention, so the runtime's
 * nine-argument entries, which leave it undefined, are compatible). An
 * integer travels in k (docs/jit.md, "Values in registers"). */
#define HANDLER_PARAMS                                                     \
  lua_State *L, CallInfo *ci, StkId base, const Instruction *pc,           \
  Instruction i, TValue *k, LClosure *cl, const InterpTable *disp,         \
  FeedbackSlot *fb, double fx
/* The arguments a stencil passes on. Only L, ci, base and cl carry state
 * between stencils: constants, feedback slots and pcs are 64-bit
 * immediates of each stencil (AKB, AF, APC, ... below), i is unused, disp
 * is NULL on entry to every stencil. The other five are passed undefined
 * (an empty asm "defines" them, costing no instruction), so they are dead
 * inside the stencils: nothing to save around the slow paths' calls. The
 * runtime entries (jit_runtime.c) and the interpreter recompute them. */
#define UNDEF(T) ({ T u_; __asm__ volatile("# undef " #T : "=r"(u_)); u_; })
#define UNDEF_F() ({ double u_; __asm__ volatile("# undef double" : "=x"(u_)); u_; })
/* The value passed on in a register: undefined but in the typed
 * stencils, which pass their result (PRODUCE, op_bodies.h). */
#define VAL_OUT_I UNDEF(TValue *)
#define VAL_OUT_F UNDEF_F()
#define HANDLER_ARGS L, ci, base, UNDEF(const Instruction *),             \
                     UNDEF(Instruction), VAL_OUT_I, cl,                    \
                     UNDEF(const InterpTable *), UNDEF(FeedbackSlot *),    \
                     VAL_OUT_F

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
CR_PRESERVE_NONE void jit_cont_slow(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_cont_nextv(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_call(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_tailcall(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_leave(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_exit(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_poscall(HANDLER_PARAMS);
CR_PRESERVE_NONE void jit_rt_slow(HANDLER_PARAMS);

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
/* UPVAL(A), UPVAL(B): the holes UA, UB are byte offsets (8 * index), so
 * the load is one displacement (the hole plus the array's offset). */
#define UPVAL(n) (*(UpVal **)((char *)cl->upvals + UPVAL_OFFSET_##n))
#define UPVAL_OFFSET_A HOLE(UA)
#define UPVAL_OFFSET_B HOLE(UB)
#define UPVALS   (cl->upvals)
#define PROTO    (cl->p)
#define FRAME    ci
#define FSLOT    HOLE64(AF, FeedbackSlot *)
#define IPC      HOLE64(AIPC, const Instruction *)
#define APC      HOLE64(APC, const Instruction *)   /* the saved pc */
#define APCJ     HOLE64(APCJ, const Instruction *)  /* the jump target's */
#define PREV_INSN (IPC[-1])
#define NEXT_INSN (IPC[1])

/* x op sB with sB as a sign-extended 32-bit immediate (relocation
 * R_X86_64_32S, whose low 32 bits the JIT writes and the processor
 * extends); cc is op's condition code (l le g ge e), the result the
 * flags (an asm flag output). Clang itself loads such a hole into a
 * register and sign-extends it: a symbol's address is not a signed
 * value to it. */
#define CMP_SB(x, op, cc) ({                                               \
    int c_;                                                                \
    __asm__("cmpq $jit_hole_SB, %[v]"                                      \
            : "=@cc" #cc(c_) : [v] "r"((int64_t)(x)));                     \
    c_; })

/* o = sBx (LOADI), the same way: one store of the immediate. */
#define SET_SBX(o) do {                                                    \
    TValue *so_ = (o);                                                     \
    __asm__("movq $jit_hole_BX, %0" : "=m"(val_(so_).i));                  \
    settt_(so_, VT_INT);                                                   \
  } while (0)

/* GETTABLE, SETTABLE: integer keys of the hash part inline (op_bodies.h;
 * the stencils have registers to spare). */
#define INT_HASH_PROBE 1
/* GETTABLE: a float key with an integer value in the fast path. */
#define FLOAT_KEY_FAST 1

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
 * continuation is left in ci->u.l.jitret (by the plain set's stencils only
 * on the Lua path: their C calls do not need it, and the general stencil
 * they leave for stores it itself), and a callee frame pushed by
 * compiled code is marked JIT_CIST_RET: its return jumps there (jit.h).
 * The callee's Proto fields are read into locals before the first store
 * (stores through other pointers would make the compiler read them
 * again). CALL_TOP: the top of the arguments, L->top, or f + B in the
 * stencil for a known argument count (stencilx_CALL_b, below), which also
 * turns the check for missing arguments into a compare with a constant. */
#define CALL_TOP(f_) (CALL_KNOWN_B ? CALL_ARGS_END(f_, B) : L->top)
#define CALL_NARGS(f_, top_) (CALL_KNOWN_B ? B - 1 : (int)((top_) - (f_) - 1))
#define CALL_KNOWN_B 0
/* No argument missing: with B known, numparams < B is one compare with an
 * immediate (B - 1 >= numparams would first compute B - 1). */
#define CALL_HASARGS(f_, top_, np_)                                        \
  (CALL_KNOWN_B ? (int)(np_) < B : CALL_NARGS(f_, top_) >= (int)(np_))
/* nresults and callstatus, adjacent 16-bit fields, in one 32-bit store
 * (an immediate when the result count is). */
_Static_assert(offsetof(CallInfo, callstatus) ==
                   offsetof(CallInfo, nresults) + sizeof(short),
               "CallInfo: callstatus follows nresults");
#define CALL_SETSTATUS(nci_, nres_) do {                                   \
    uint32_t w_ = CALL_KNOWN_B ? (uint32_t)HOLE(C1S)                       \
                               : (uint32_t)(uint16_t)(short)(nres_) |      \
                                     ((uint32_t)JIT_CIST_RET << 16);       \
    __builtin_memcpy(&(nci_)->nresults, &w_, sizeof w_);                   \
  } while (0)
/* Room for the callee's frame: with B known, its top (needed anyway)
 * plus the B - 1 arguments, one lea off the RB hole, below stack_last
 * (the same as stack_last - (f + B) > maxstacksize). */
#define CALL_ROOM(top_, ntop_, msz_)                                       \
  (CALL_KNOWN_B ? BYTES(ntop_, HOLE(RB) - sizeof(TValue)) < L->stack_last  \
                : L->stack_last - (top_) > (msz_))
#define CALL_ENTER(callee, nres) do {                                      \
    StkId f_ = (callee);                                                   \
    CallInfo *nci_ = ci->next;                                             \
    if (!CALL_OUT_OF_LINE)  /* else only the Lua call needs it */         \
      ci->u.l.jitret = NEXT_ADDR();                                        \
    if (CR_LIKELY(ttisLclosure(f_)) && CR_LIKELY(nci_ != NULL)) {          \
      LClosure *ncl_ = clLvalue(f_);                                       \
      Proto *np_ = ncl_->p;                                                \
      StkId top_ = CALL_TOP(f_);                                           \
      const JitCode *jc_ = np_->jitcode;                                   \
      int msz_ = np_->maxstacksize;                                        \
      const Instruction *ncode_ = np_->code;                               \
      StkId ntop_ = f_ + 1 + msz_;                                         \
      if (CR_LIKELY(jc_ != NULL) && CR_LIKELY(!L->hookmask) &&             \
          CR_LIKELY(CALL_ROOM(top_, ntop_, msz_)) &&                       \
          CR_LIKELY(CALL_HASARGS(f_, top_, np_->numparams))) {             \
        void *entry_ = jc_->code;                                          \
        if (CALL_OUT_OF_LINE)                                              \
          ci->u.l.jitret = NEXT_ADDR();                                    \
        nci_->func = f_;                                                   \
        CALL_SETSTATUS(nci_, nres);                                        \
        nci_->top = ntop_;                                                 \
        nci_->u.l.savedpc = ncode_;                                        \
        nci_->u.l.trap = 0;                                                \
        L->ci = nci_;                                                      \
        CR_MUSTTAIL return ((StencilEntry)entry_)(                         \
            L, nci_, f_ + 1, UNDEF(const Instruction *), UNDEF(Instruction), \
            UNDEF(TValue *), ncl_, UNDEF(const InterpTable *),             \
            UNDEF(FeedbackSlot *), UNDEF_F());                             \
      }                                                                    \
    }                                                                      \
    if (CALL_OUT_OF_LINE) {                                                \
      CALL_C_INLINE(f_, nci_, nres);                                       \
      CR_MUSTTAIL return jit_cont_slow(HANDLER_ARGS);                      \
    }                                                                      \
    CALL_C(f_, nci_, nres);                                                \
    CR_MUSTTAIL return jit_rt_call(HANDLER_ARGS);                          \
  } while (0)
/* The plain set's CALL stencils keep only the call of a compiled Lua
 * function; other callees continue in the general CALL stencil (laid out
 * with the cold code), which makes the whole call, C functions inline.
 * Starting the op over is harmless: what the CALL body did before (the
 * top, the saved pc, jitret) it does again with the same values. */
#define CALL_OUT_OF_LINE 1
/* A C function with a CallInfo at hand, room for its LUA_MINSTACK slots
 * and no hook: do_precall's work without its general cases (as
 * jit_rt_call does it), the function called through the jit_pm_callc
 * thunk (the function in rax; jit_runtime.c), its results moved by
 * do_poscall (jit_pm_poscall), then the next instruction, or the
 * interpreter if the function set a hook (NOTE_TRAP). The stack may have
 * moved. A yield or an error leaves by longjmp, as from jit_rt_call.
 * These two thunks only align the stack: the asm tells the compiler that
 * the C convention's caller-saved registers are clobbered, so it keeps
 * what it needs (cl) in the others; saving all of them in the thunk would
 * cost more on this path, which is not a slow one. */
#ifndef CR_NO_PRESERVE_NONE
#define JIT_CCALL_CLOBBERS                                                 \
  "rcx", "r8", "r9", "r10", JIT_SLOW_CLOBBERS
/* Shared by CALL_C and CALL_C_INLINE: whether the function at cf_ is a C
 * function they can call (a CallInfo at hand, room for its LUA_MINSTACK
 * slots above ctop_, no hook); pushing its frame (the function's address
 * is read before the stores, which might alias it); and handing its n
 * results to do_poscall (through jit_pm_poscall). */
#define CALL_C_CAN(cf_, cci_, ctop_)                                       \
  ((ttislcf(cf_) || ttisCclosure(cf_)) && CR_LIKELY((cci_) != NULL) &&     \
   CR_LIKELY(L->stack_last - (ctop_) > LUA_MINSTACK) &&                    \
   CR_LIKELY(!L->hookmask))
#define CALL_C_PUSH(cf_, cci_, ctop_, nres) ({                             \
    uint64_t pf_ = ttislcf(cf_) ? (uint64_t)fvalue(cf_)                    \
                                : (uint64_t)clCvalue(cf_)->f;              \
    (cci_)->func = (cf_);                                                  \
    (cci_)->nresults = (short)(nres);                                      \
    (cci_)->callstatus = CIST_C | CIST_RETYIELD;                           \
    (cci_)->top = (ctop_) + LUA_MINSTACK;                                  \
    L->ci = (cci_);                                                        \
    pf_; })
#define CALL_C_POSCALL(rci_, n_) do {                                      \
    register uint64_t p1_ __asm__("rdi") = (uint64_t)L;                    \
    register uint64_t p2_ __asm__("rsi") = (uint64_t)(rci_);               \
    register uint64_t p3_ __asm__("rdx") = (uint64_t)(n_);                 \
    __asm__ volatile(JIT_SLOW_TEXT("poscall")                              \
                     : "+r"(p1_), "+r"(p2_), "+r"(p3_)                     \
                     : : "rax", JIT_CCALL_CLOBBERS);                       \
  } while (0)
#define CALL_C(func_, nci, nres) do {                                      \
    StkId cf_ = (func_);                                                   \
    CallInfo *cci_ = (nci);                                                \
    StkId ctop_ = CALL_TOP(cf_);                                           \
    if (CALL_C_CAN(cf_, cci_, ctop_)) {                                    \
      uint64_t fn_ = CALL_C_PUSH(cf_, cci_, ctop_, nres);                  \
      {                                                                    \
        register uint64_t a1_ __asm__("rdi") = (uint64_t)L;                \
        __asm__ volatile(JIT_SLOW_TEXT("callc")                            \
                         : "+a"(fn_), "+r"(a1_) : : "rsi", "rdx",        \
                           JIT_CCALL_CLOBBERS);                            \
      }                                                                    \
      if (CR_UNLIKELY((int)fn_ < 0))  /* a yield that returns */          \
        return;                                                            \
      CALL_C_POSCALL(cci_, (int)fn_);                                      \
      UPDATE_BASE();                                                       \
      NOTE_TRAP();                                                         \
      NEXT();                                                              \
    }                                                                      \
  } while (0)
/* The plain set's C call (the CALL and CALL_b fast stencils): CALL_C's
 * work, but nothing but L is live across the call, so that the compiler
 * keeps no value in a register the stencil would have to save (rbp, the
 * only one preserve_none code must preserve: a push at the stencil's
 * entry costs the Lua-call path too). After the call the caller's frame
 * is found again from L->ci: the C frame's previous, then its func gives
 * base and cl. The function is called directly, the stack aligned by
 * the asm itself (no thunk: one call level and five instructions less).
 * The results of the C frame's own nresults (read again:
 * lua_toclose marks it) are moved here when no hook is set; do_poscall
 * (through jit_pm_poscall) takes the rest. */
#define JIT_CCALL_ALL_CLOBBERS "rsi", "rdx", JIT_CCALL_CLOBBERS
#define CALL_C_INLINE(func_, nci, nres) do {                               \
    StkId cf_ = (func_);                                                   \
    /* the tag loaded again: the Lua path's test stays a compare with     \
     * memory (one instruction) */                                         \
    __asm__("" : "+r"(cf_));                                               \
    CallInfo *cci_ = (nci);                                                \
    StkId ctop_ = CALL_TOP(cf_);                                           \
    if (CALL_C_CAN(cf_, cci_, ctop_)) {                                    \
      uint64_t fn_ = CALL_C_PUSH(cf_, cci_, ctop_, nres);                  \
      {                                                                    \
        /* called directly, the stack aligned here (rbx, which the C      \
         * function preserves, keeps rsp): jit_pm_callc's work without    \
         * its frame */                                                    \
        register uint64_t a1_ __asm__("rdi") = (uint64_t)L;                \
        __asm__ volatile("mov %%rsp, %%rbx\n\t"                            \
                         "lea -128(%%rsp), %%rsp\n\t"                      \
                         "and $-16, %%rsp\n\t"                             \
                         "call *%%rax\n\t"                                 \
                         "mov %%rbx, %%rsp"                                \
                         : "+a"(fn_), "+r"(a1_) : :                        \
                           "rbx", JIT_CCALL_ALL_CLOBBERS);                 \
      }                                                                    \
      if (CR_UNLIKELY((int)fn_ < 0))  /* a yield that returns */          \
        return;                                                            \
      CallInfo *rci_ = L->ci;                                              \
      int rn_ = (int)fn_;                                                  \
      int want_ = rci_->nresults;                                          \
      if (CR_LIKELY(want_ == (nres)) && CR_LIKELY(!L->hookmask)) {         \
        StkId res_ = rci_->func;  /* the stack may have moved */           \
        StkId first_ = L->top - rn_;                                       \
        int j_;                                                            \
        if (CR_LIKELY(want_ == 1)) {  /* the usual case: one test */      \
          if (CR_LIKELY(rn_ != 0)) {                                       \
            setobj(L, res_, first_);                                       \
          } else                                                           \
            setnilvalue(res_);                                             \
          L->top = res_ + 1;                                               \
          goto cdone_;                                                     \
        }                                                                  \
        if (want_ == 0) {  /* a call as a statement */                    \
          L->top = res_;                                                   \
          goto cdone_;                                                     \
        }                                                                  \
        if (want_ == LUA_MULTRET) want_ = rn_;                             \
        if (rn_ > want_) rn_ = want_;                                      \
        _Pragma("clang loop unroll(disable)")                              \
        for (j_ = 0; j_ < rn_; j_++)                                       \
          setobj(L, res_ + j_, first_ + j_);                               \
        _Pragma("clang loop unroll(disable)")                              \
        for (; j_ < want_; j_++)                                           \
          setnilvalue(res_ + j_);                                          \
        L->top = res_ + want_;                                             \
      cdone_:                                                              \
        L->ci = rci_->previous;                                            \
      } else                                                               \
        CALL_C_POSCALL(rci_, rn_);                                         \
      ci = L->ci;                                                          \
      base = ci->func + 1;                                                 \
      cl = clLvalue(ci->func);                                              \
      NOTE_TRAP();                                                         \
      NEXT();                                                              \
    }                                                                      \
  } while (0)
#else
#define CALL_C(func_, nci, nres) ((void)0)
#define CALL_C_INLINE(func_, nci, nres) ((void)0)
#endif
/* A tail call (pc saved, L->top above the arguments, upvalues closed) of
 * a compiled Lua function given all its parameters, whose frame fits the
 * stack, without a hook: the callee and its n1 - 1 arguments move down
 * into this frame (as the interpreter's TAILCALL_ENTER, vm/interp.c) and
 * its code is entered with a jump. The frame keeps its callstatus bits
 * (JIT_CIST_RET: the caller is the same). Everything else goes to
 * jit_rt_tailcall. */
#define TAILCALL_ENTER(f, n1, d) do {                                      \
    StkId tf_ = (f);                                                       \
    int tn_ = (n1), td_ = (d);                                             \
    if (CR_LIKELY(ttisLclosure(tf_))) {                                    \
      LClosure *tcl_ = clLvalue(tf_);                                      \
      Proto *tp_ = tcl_->p;                                                \
      const JitCode *tjc_ = tp_->jitcode;                                  \
      int tmsz_ = tp_->maxstacksize;                                       \
      const Instruction *tcode_ = tp_->code;                               \
      if (CR_LIKELY(tjc_ != NULL) && CR_LIKELY(!L->hookmask) &&            \
          CR_LIKELY(L->stack_last - L->top > tmsz_ - td_) &&               \
          CR_LIKELY(tn_ - 1 >= tp_->numparams)) {                          \
        void *tentry_ = tjc_->code;                                        \
        StkId tdst_ = ci->func - td_;  /* the real frame start */         \
        for (int j_ = 0; j_ < tn_; j_++)                                   \
          setobj(L, tdst_ + j_, tf_ + j_);                                 \
        ci->func = tdst_;                                                  \
        ci->top = tdst_ + 1 + tmsz_;                                       \
        ci->u.l.savedpc = tcode_;                                          \
        ci->callstatus |= CIST_TAIL;                                       \
        L->top = tdst_ + tn_;                                              \
        CR_MUSTTAIL return ((StencilEntry)tentry_)(                        \
            L, ci, tdst_ + 1, UNDEF(const Instruction *), UNDEF(Instruction), \
            UNDEF(TValue *), tcl_, UNDEF(const InterpTable *),             \
            UNDEF(FeedbackSlot *), UNDEF_F());                             \
      }                                                                    \
    }                                                                      \
    CR_MUSTTAIL return jit_rt_tailcall(HANDLER_ARGS);                      \
  } while (0)
/* The frame has been popped: a compiled caller that made the call itself
 * (JIT_CIST_RET) continues at the address it left in jitret; another
 * compiled caller at its saved pc, found through its pc -> offset map; a
 * frame entered from C returns to vm_execute; anything else goes to
 * jit_rt_leave. Only RETURN0 and RETURN1 reach this (RETURN and the hooked
 * paths leave through jit_rt_poscall), after their own test of the hook
 * mask, and nothing between that test and this point can set a hook: no
 * second test. A JIT_CIST_RET frame is never CIST_FRESH (compiled calls
 * assign callstatus anew), so that bit is tested first. */
#define LEAVE_FRAME() LEAVE_FRAME_FROM(ci->previous, ci->callstatus)
/* RETURN0/RETURN1 read the frame's previous and callstatus before their
 * stores (which the compiler must assume may change them). */
#define LEAVE_FRAME_FROM(prev, st) do {                                    \
    unsigned short st_ = (st);                                             \
    CallInfo *pci_ = (prev);                                               \
    if (CR_LIKELY(st_ & JIT_CIST_RET)) {                                   \
      LClosure *rcl_ = clLvalue(pci_->func);                               \
      CR_MUSTTAIL return ((StencilEntry)pci_->u.l.jitret)(                 \
          L, pci_, pci_->func + 1, UNDEF(const Instruction *),             \
          UNDEF(Instruction),                                              \
          UNDEF(TValue *), rcl_, UNDEF(const InterpTable *),               \
          UNDEF(FeedbackSlot *), UNDEF_F());                               \
    }                                                                      \
    if (st_ & CIST_FRESH)                                                  \
      return;                                                              \
    LClosure *pcl_ = clLvalue(pci_->func);                                 \
    Proto *pp_ = pcl_->p;                                                  \
    const JitCode *pjc_ = pp_->jitcode;                                    \
    if (CR_LIKELY(pjc_ != NULL))                                           \
      CR_MUSTTAIL return ((StencilEntry)(void *)(pjc_->code +              \
          pjc_->offsets[pci_->u.l.savedpc - pp_->code]))(                  \
          L, pci_, pci_->func + 1, UNDEF(const Instruction *),             \
          UNDEF(Instruction),                                              \
          UNDEF(TValue *), pcl_, UNDEF(const InterpTable *),               \
          UNDEF(FeedbackSlot *), UNDEF_F());                               \
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
        UNDEF(FeedbackSlot *), UNDEF_F());                                 \
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
/* A stencil `entry` that runs body `body` (an always-inline function of
 * the same signature), passing disp = NULL (see "Hooks" above). */
#define STENCIL_ENTRY(entry, body)                                         \
  CR_PRESERVE_NONE void entry(HANDLER_PARAMS) {                            \
    CR_MUSTTAIL return body(L, ci, base, pc, i, k, cl, NULL, fb, fx);      \
  }
/* One stencil family's op: the entry stencilPREFIX_NAME and its body. */
#define STENCIL_OP_BODY(prefix, name)                                      \
  CR_PRESERVE_NONE CR_INLINE void prefix##_body_##name(HANDLER_PARAMS);    \
  STENCIL_ENTRY(prefix##_##name, prefix##_body_##name)                     \
  CR_PRESERVE_NONE CR_INLINE void prefix##_body_##name(HANDLER_PARAMS)
/* A family of bodies alone, each an unused inline function (no code)
 * unless an entry below (STENCIL_ENTRY) inlines it: the specialized
 * stencils include op_bodies.h once more and keep a few ops. */
#define STENCIL_BODY_ONLY(prefix, name)                                    \
  CR_PRESERVE_NONE CR_INLINE __attribute__((unused))                       \
  void prefix##_body_##name(HANDLER_PARAMS)
#define OP_BODY(name) STENCIL_OP_BODY(stencil, name)

/* Hot and cold. A body whose op has a fast path ends it with SLOW_PATH()
 * (op_bodies.h); in the plain set that is a jump to jit_cont_slow, patched
 * with the address of the same instruction's general stencil (the whole
 * body, stencilg_OP below, SLOW_PATH() doing nothing), which the JIT lays
 * out with the function's cold code. So the copied code per instruction
 * is the fast path alone, straight-line and without a stack frame, and
 * the general case runs out of line, its tests repeated once. Nothing
 * before SLOW_PATH() has an effect, so the general stencil can start over;
 * disp is NULL there. The k-specialized and CALL_b stencils are fast
 * stencils too (their general case is the op's, the k bit a patched
 * immediate); the profiling set is general (it runs only while warming
 * up). */
#define SLOW_PATH() do {                                                   \
    CR_MUSTTAIL return jit_cont_slow(HANDLER_ARGS);                        \
  } while (0)

#pragma clang diagnostic ignored "-Wpedantic"
#include "vm/op_bodies.h"

/* The test ops once more with a constant k bit (STENCIL_KOPS): every body
 * becomes an unused static function (no code), except those the
 * stencilx_OP_kN below inline. */
#undef OP_BODY
#undef kBIT
#define kBIT 0
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilk0, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef kBIT
#define kBIT 1
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilk1, name)
/* SELF_k1: the JIT takes it only for a short-string constant key
 * (jit_compile.c, jit_stencil_for), so the fast path does not test it. */
#undef SELF_KEY_SHORT
#define SELF_KEY_SHORT(rc) ((void)(rc), 1)
#include "vm/op_bodies.h"
#undef SELF_KEY_SHORT
#define SELF_KEY_SHORT(rc) ttisshrstring(rc)
#undef kBIT
#define kBIT     ((int)HOLE(K))
#define X(op)                                                              \
  STENCIL_ENTRY(stencilx_##op##_k0, stencilk0_body_##op)                   \
  STENCIL_ENTRY(stencilx_##op##_k1, stencilk1_body_##op)
STENCIL_KOPS(X)
#undef X

/* The arithmetic ops and the order comparisons once more with a typed
 * fast path (STENCIL_TOPS_INT, STENCIL_TOPS_FLT, STENCIL_TCMPS;
 * ARITH_FAST in vm/op_bodies.h): both operands integers (stencilx_OP_ti,
 * stencilx_OP_kN_ti) or floats (..._tf) inline, then SLOW_PATH(), the
 * op's general stencil. */
#undef OP_BODY
#undef ARITH_FAST
#define ARITH_FAST ARITH_FAST_INT
/* Their tag tests branch straight to the general stencil (jit_cont_slow,
 * a jcc): clang would lay the slow exit out last, so that the fast path
 * ended with a jump over it; now it falls through to its end, a jump to
 * the next stencil, dropped when that follows. The general stencil takes
 * L, ci, base and cl in their argument registers (preserve_none: r12,
 * r13, r14, rdx), pinned as the asm's inputs; these stencils have no
 * stack frame to leave (stencil_gen refuses one, or a call, in a typed
 * stencil with such a jcc). The memory clobber keeps the result's stores
 * after the tests. Builds with assertions (whose failure is a call) and
 * the sanitizer builds (the C convention) keep the plain tests. */
#if !defined(CR_NO_PRESERVE_NONE) &&                                      \
    !(defined(CRESCENT_ASSERT) && CRESCENT_ASSERT)
#undef TAG_GUARD
#define TAG_GUARD(v, tag) do {                                             \
    register lua_State *gl_ __asm__("r12") = L;                            \
    register CallInfo *gci_ __asm__("r13") = ci;                           \
    register StkId gb_ __asm__("r14") = base;                              \
    register LClosure *gcl_ __asm__("rdx") = cl;                           \
    __asm__ volatile("cmpb %[t], %[m]\n\tjne jit_cont_slow"                \
                     : : [m] "m"(rawtt(v)), [t] "i"(tag), "r"(gl_),        \
                         "r"(gci_), "r"(gb_), "r"(gcl_) : "cc", "memory"); \
  } while (0)
#endif
/* The typed integer ADDI adds sC as a sign-extended immediate, as CMP_SB
 * (above) compares with sB. */
#undef ADD_SC
#define ADD_SC(x) ({                                                       \
    int64_t s_ = (x);                                                      \
    __asm__("addq $jit_hole_SC, %0" : "+r"(s_) : : "cc");                  \
    s_; })
/* Values in registers (docs/jit.md): a typed stencil passes its result on
 * to the next stencil (PRODUCE: a float in fx, an integer in k), and the
 * _r1/_r2 variants take their first/second operand from there instead of
 * the frame, its tag untested (OPND_IN, op_bodies.h). The JIT routes only
 * a producer's continuation to a consumer's register entry; every other
 * way in goes through the consumer's load stub (stencilx_ld*, below). */
#undef VAL_OUT_I
#undef VAL_OUT_F
#define VAL_OUT_I k
#define VAL_OUT_F fx
#undef PRODUCE
#define PRODUCE(v) _Generic((v),                                           \
    double: (void)(fx = (double)(v)),                                      \
    default: (void)(k = (TValue *)(uintptr_t)(v)))
#undef OPND_IN_I
#undef OPND_IN_F
#define OPND_IN_I ((lua_Integer)(uintptr_t)k)
#define OPND_IN_F fx
/* Twelve inclusions: integers and floats, each with the k bit 0 and 1
 * (for the comparisons, STENCIL_TCMPS; the arithmetic ops use no k bit),
 * each with both operands from the frame, the first or the second from a
 * register. */
#undef OPND_IN
#define OPND_IN 0
#undef kBIT
#define kBIT 0
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilti, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef kBIT
#define kBIT 1
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilti1, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef OPND_IN
#define OPND_IN 1
#undef kBIT
#define kBIT 0
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilti_r1, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef kBIT
#define kBIT 1
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilti1_r1, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef OPND_IN
#define OPND_IN 2
#undef kBIT
#define kBIT 0
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilti_r2, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef kBIT
#define kBIT 1
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilti1_r2, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef ARITH_FAST
#define ARITH_FAST ARITH_FAST_FLT
#undef OPND_IN
#define OPND_IN 0
#undef kBIT
#define kBIT 0
#define OP_BODY(name) STENCIL_BODY_ONLY(stenciltf, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef kBIT
#define kBIT 1
#define OP_BODY(name) STENCIL_BODY_ONLY(stenciltf1, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef OPND_IN
#define OPND_IN 1
#undef kBIT
#define kBIT 0
#define OP_BODY(name) STENCIL_BODY_ONLY(stenciltf_r1, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef kBIT
#define kBIT 1
#define OP_BODY(name) STENCIL_BODY_ONLY(stenciltf1_r1, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef OPND_IN
#define OPND_IN 2
#undef kBIT
#define kBIT 0
#define OP_BODY(name) STENCIL_BODY_ONLY(stenciltf_r2, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef kBIT
#define kBIT 1
#define OP_BODY(name) STENCIL_BODY_ONLY(stenciltf1_r2, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef OP_BODY
#undef ARITH_FAST
#define ARITH_FAST ARITH_FAST_MIX
#undef kBIT
#define kBIT 0
#undef OPND_IN
#define OPND_IN 0
#define OP_BODY(name) STENCIL_BODY_ONLY(stenciltm, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef OPND_IN
#define OPND_IN 1
#define OP_BODY(name) STENCIL_BODY_ONLY(stenciltm_r1, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef OPND_IN
#define OPND_IN 2
#define OP_BODY(name) STENCIL_BODY_ONLY(stenciltm_r2, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#define X(op)                                                              \
  STENCIL_ENTRY(stencilx_##op##_tm, stenciltm_body_##op)                   \
  STENCIL_ENTRY(stencilx_##op##_tm_r1, stenciltm_r1_body_##op)
STENCIL_TOPS_MIX(X)
#undef X
#define X(op) STENCIL_ENTRY(stencilx_##op##_tm_r2, stenciltm_r2_body_##op)
STENCIL_TOPS_R2(X)
#undef X
#undef OPND_IN
#define OPND_IN 0
#undef kBIT
#define kBIT     ((int)HOLE(K))
#undef ARITH_FAST
#define ARITH_FAST 0
#define X(op)                                                              \
  STENCIL_ENTRY(stencilx_##op##_ti, stencilti_body_##op)                   \
  STENCIL_ENTRY(stencilx_##op##_ti_r1, stencilti_r1_body_##op)
STENCIL_TOPS_INT(X)
#undef X
#define X(op)                                                              \
  STENCIL_ENTRY(stencilx_##op##_tf, stenciltf_body_##op)                   \
  STENCIL_ENTRY(stencilx_##op##_tf_r1, stenciltf_r1_body_##op)
STENCIL_TOPS_FLT(X)
#undef X
#define X(op)                                                              \
  STENCIL_ENTRY(stencilx_##op##_ti_r2, stencilti_r2_body_##op)             \
  STENCIL_ENTRY(stencilx_##op##_tf_r2, stenciltf_r2_body_##op)
STENCIL_TOPS_R2(X)
#undef X
#define X(op) STENCIL_ENTRY(stencilx_##op##_ti_r2, stencilti_r2_body_##op)
STENCIL_TOPS_R2I(X)
#undef X
#define X(op)                                                              \
  STENCIL_ENTRY(stencilx_##op##_k0_ti, stencilti_body_##op)                \
  STENCIL_ENTRY(stencilx_##op##_k1_ti, stencilti1_body_##op)               \
  STENCIL_ENTRY(stencilx_##op##_k0_tf, stenciltf_body_##op)                \
  STENCIL_ENTRY(stencilx_##op##_k1_tf, stenciltf1_body_##op)               \
  STENCIL_ENTRY(stencilx_##op##_k0_ti_r1, stencilti_r1_body_##op)          \
  STENCIL_ENTRY(stencilx_##op##_k1_ti_r1, stencilti1_r1_body_##op)         \
  STENCIL_ENTRY(stencilx_##op##_k0_tf_r1, stenciltf_r1_body_##op)          \
  STENCIL_ENTRY(stencilx_##op##_k1_tf_r1, stenciltf1_r1_body_##op)
STENCIL_TCMPS(X)
#undef X
#define X(op)                                                              \
  STENCIL_ENTRY(stencilx_##op##_k0_ti_r2, stencilti_r2_body_##op)          \
  STENCIL_ENTRY(stencilx_##op##_k1_ti_r2, stencilti1_r2_body_##op)         \
  STENCIL_ENTRY(stencilx_##op##_k0_tf_r2, stenciltf_r2_body_##op)          \
  STENCIL_ENTRY(stencilx_##op##_k1_tf_r2, stenciltf1_r2_body_##op)
STENCIL_TCMPS_R2(X)
#undef X
/* Loops pass their control variable to the loop's first op (FORPREP on
 * entering, FORLOOP on the back-edge); GETTABLE and SETTABLE may take an
 * integer key from the register. (These bodies do not depend on ARITH_FAST or kBIT.) */
STENCIL_ENTRY(stencilx_LOADI_v, stencilti_body_LOADI)
STENCIL_ENTRY(stencilx_LOADF_v, stencilti_body_LOADF)
STENCIL_ENTRY(stencilx_FORPREP_v, stencilti_body_FORPREP)
STENCIL_ENTRY(stencilx_FORLOOP_v, stencilti_body_FORLOOP)
STENCIL_ENTRY(stencilx_GETTABLE_r2, stencilti_r2_body_GETTABLE)
STENCIL_ENTRY(stencilx_SETTABLE_k0_r1, stencilti_r1_body_SETTABLE)
STENCIL_ENTRY(stencilx_SETTABLE_k1_r1, stencilti1_r1_body_SETTABLE)
/* A consumer's load stub: its frame entry (offsets[pc]), where every way
 * into the instruction but a producer's continuation arrives. It loads
 * the operand from the frame into the register, tests its tag (the
 * consumer's general stencil otherwise) and continues at the consumer's
 * register entry (jit_cont_next, patched so). X(slot register, name). */
#define X(R, n)                                                            \
  CR_PRESERVE_NONE void stencilx_ldi_##n(HANDLER_PARAMS) {                 \
    TValue *v_ = R;                                                        \
    TAG_GUARD(v_, VT_INT);                                                 \
    CR_MUSTTAIL return jit_cont_next(L, ci, base,                          \
        UNDEF(const Instruction *), UNDEF(Instruction),                    \
        (TValue *)(uintptr_t)ivalue(v_), cl, UNDEF(const InterpTable *),   \
        UNDEF(FeedbackSlot *), UNDEF_F());                                 \
  }                                                                        \
  CR_PRESERVE_NONE void stencilx_ldf_##n(HANDLER_PARAMS) {                 \
    TValue *v_ = R;                                                        \
    TAG_GUARD(v_, VT_FLOAT);                                               \
    CR_MUSTTAIL return jit_cont_next(L, ci, base,                          \
        UNDEF(const Instruction *), UNDEF(Instruction), UNDEF(TValue *),   \
        cl, UNDEF(const InterpTable *), UNDEF(FeedbackSlot *),             \
        fltvalue(v_));                                                     \
  }
X(RA, A) X(RB, B) X(RC, C)
#undef X
#undef TAG_GUARD
#undef ADD_SC
#undef PRODUCE
#define PRODUCE(v) ((void)0)
/* Loads and moves (STENCIL_VLOADS): RA = *v, and when *v has the type
 * VLOAD_TAG, on to the next op with the value in the register
 * (jit_cont_nextv); the plain NEXT() otherwise. Four inclusions: an
 * integer or a float passed on, the key of GETTABLE from the frame or
 * from the register (OPND_IN 2). */
#undef SET_RA
#define SET_RA(v) do {                                                     \
    TValue pv_ = *(v);                                                     \
    setobj(L, RA, &pv_);                                                   \
    if (CR_LIKELY(rawtt(&pv_) == VLOAD_TAG)) {                             \
      if (VLOAD_TAG == VT_FLOAT) fx = fltvalue(&pv_);                      \
      else k = (TValue *)(uintptr_t)ivalue(&pv_);                          \
      CR_MUSTTAIL return jit_cont_nextv(HANDLER_ARGS);                     \
    }                                                                      \
  } while (0)
#define VLOAD_TAG VT_INT
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilvi, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef OPND_IN
#define OPND_IN 2
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilvi_r2, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef VLOAD_TAG
#define VLOAD_TAG VT_FLOAT
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilvf_r2, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef OPND_IN
#define OPND_IN 0
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilvf, name)
#include "vm/op_bodies.h"
#undef OP_BODY
#undef VLOAD_TAG
#undef SET_RA
#define SET_RA(v) setobj(L, RA, v)
#define X(op)                                                              \
  STENCIL_ENTRY(stencilx_##op##_vi, stencilvi_body_##op)                   \
  STENCIL_ENTRY(stencilx_##op##_vf, stencilvf_body_##op)
X(MOVE) X(GETUPVAL) X(GETTABLE) X(GETI)
#undef X
STENCIL_ENTRY(stencilx_GETTABLE_r2_vi, stencilvi_r2_body_GETTABLE)
STENCIL_ENTRY(stencilx_GETTABLE_r2_vf, stencilvf_r2_body_GETTABLE)
#undef VAL_OUT_I
#undef VAL_OUT_F
#define VAL_OUT_I UNDEF(TValue *)
#define VAL_OUT_F UNDEF_F()

/* CALL with its argument count in B (B != 0: not up to the top): the
 * test of B disappears and CALL_ENTER takes the top of the arguments
 * from the instruction (CALL_TOP), as one register offset (the RAB
 * hole), and the result count C - 1 from the C1 hole. */
#undef OP_BODY
#undef B
#undef C
#undef CALL_KNOWN_B
#define B ({ int b_ = (int)HOLE(B); __builtin_assume(b_ > 0); b_; })
#define C ((int)HOLE(C1) + 1)
#undef CALL_ARGS_END
#define CALL_ARGS_END(ra_, b_) BYTES(base, HOLE(RAB))
#define CALL_KNOWN_B 1
#define OP_BODY(name) STENCIL_BODY_ONLY(stencilb, name)
#include "vm/op_bodies.h"
STENCIL_ENTRY(stencilx_CALL_b, stencilb_body_CALL)
#undef B
#undef C
#undef CALL_ARGS_END
#undef CALL_KNOWN_B
#define B        ((int)HOLE(B))
#define C        ((int)HOLE(C))
#define CALL_ARGS_END(ra, b) ((ra) + (b))
#define CALL_KNOWN_B 0

/* The general set: every body whole (SLOW_PATH() does nothing). */
#undef SLOW_PATH
#define SLOW_PATH() ((void)0)
#undef CALL_OUT_OF_LINE
#define CALL_OUT_OF_LINE 0
#undef OP_BODY
#define OP_BODY(name) STENCIL_OP_BODY(stencilg, name)
#include "vm/op_bodies.h"

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
#define OP_BODY(name) STENCIL_OP_BODY(stencilp, name)

#include "vm/op_bodies.h"

/* A forward JMP: nothing but the jump (the JMP body's back-edge test is
 * known false). disp is NULL on entry to every stencil. */
CR_PRESERVE_NONE void stencilx_jmpfwd(HANDLER_PARAMS) {
  CR_MUSTTAIL return jit_cont_jump(HANDLER_ARGS);
}

/* An instruction's slow path before its first use: the JIT lays this
 * out in place of the instruction's general stencil, which jit_rt_slow
 * compiles when a fast path first leaves for it (docs/jit.md, "Lazy
 * slow paths"), then patches this jump to go there. The instruction's
 * byte offset travels in i. */
CR_PRESERVE_NONE void stencilx_lazyslow(HANDLER_PARAMS) {
  CR_MUSTTAIL return jit_rt_slow(L, ci, base, UNDEF(const Instruction *),
                                 (Instruction)HOLE(IPC), UNDEF(TValue *), cl,
                                 UNDEF(const InterpTable *),
                                 UNDEF(FeedbackSlot *), UNDEF_F());
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
