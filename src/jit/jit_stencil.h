/*
 * jit_stencil.h — the contract between the stencils (src/host/stencil_ops.c),
 * the tool that extracts them (src/host/stencil_gen.c) and the baseline JIT
 * that copies and patches them (src/jit/jit_compile.c): the hole kinds and
 * the layout of the generated tables in build/gen/stencils.c.
 */
#ifndef CRESCENT_JIT_STENCIL_H
#define CRESCENT_JIT_STENCIL_H

#include <stdint.h>

/* Operand holes: X(NAME, what the JIT writes there). The stencils refer to
 * the undefined weak symbol jit_hole_NAME. */
#define STENCIL_HOLES(X)                                                   \
  X(A,   "field A")                                                        \
  X(B,   "field B")                                                        \
  X(C,   "field C")                                                        \
  X(K,   "the k bit")                                                      \
  X(BX,  "field Bx (sBx, sJ: the same 32 bits)")                           \
  X(RA,  "16 * A: byte offset of register A from the stack base")          \
  X(RB,  "16 * B")                                                         \
  X(RC,  "16 * C")                                                         \
  X(KB,  "16 * B: byte offset of constant B")                              \
  X(KC,  "16 * C")                                                         \
  X(KBX, "16 * Bx")                                                        \
  X(F,   "byte offset of the op's feedback slot in the vector")            \
  X(IPC, "8 * index of the instruction")                                   \
  X(PC,  "8 * (index + 1): the saved pc")                                  \
  X(PCJ, "8 * index of the jump target")                                   \
  X(SB,   "sB: B - OFFSET_sC, a signed immediate (32 bits)")               \
  X(SC,   "sC: C - OFFSET_sC")                                             \
  X(AKB,  "address of constant B (64 bits: k is fixed per Proto)")         \
  X(AKC,  "address of constant C")                                         \
  X(AKBX, "address of constant Bx")                                        \
  X(AF,   "address of the op's feedback slot (the vector is fixed too)") \
  X(AIPC, "address of the instruction (64 bits: the code array is fixed)") \
  X(APC,  "address of the next instruction: the saved pc")                 \
  X(APCJ, "address of the jump target")                                   \
  X(RAB,  "16 * (A + B): the register above a call's arguments")           \
  X(C1,   "C - 1: a call's result count")                                 \
  X(UA,   "8 * A: byte offset of upvalue A in the closure's array")        \
  X(UB,   "8 * B")                                                         \
  X(C1S,  "(C - 1) in 16 bits | JIT_CIST_RET << 16: nresults, callstatus")

/* Ops that also have stencils specialized on their k bit (stencilx_OP_k0,
 * stencilx_OP_k1): the test ops (CONDJUMP's sense), the stores (RKC: a
 * register or a constant), RETURN and TAILCALL (upvalues to close). The
 * bit is then a constant, not a patched immediate tested at run time. */
#define STENCIL_KOPS(X)                                                    \
  X(EQ) X(LT) X(LE) X(EQK) X(EQI) X(LTI) X(LEI) X(GTI) X(GEI) X(TEST)     \
  X(SETTABUP) X(SETTABLE) X(SETI) X(SETFIELD) X(SELF) X(RETURN) X(TAILCALL)

/* Arithmetic ops that also have stencils specialized on their operands'
 * types (ARITH_FAST in vm/op_bodies.h; the bitwise ops integers only):
 * stencilx_OP_ti, both integers
 * (DIV, DIVK: converted to floats; SHRI only for a shift count
 * 0 < |sC| < 64, MODK and IDIVK only for a constant neither 0 nor -1:
 * the JIT checks), stencilx_OP_tf, both floats. That case is inline,
 * everything else in the op's general stencil. The JIT picks one when
 * the op's type profile has seen that type alone (and a K operand has
 * that type). */
#define STENCIL_TOPS_INT(X)                                                \
  X(ADD) X(SUB) X(MUL) X(ADDK) X(SUBK) X(MULK) X(ADDI) X(DIV) X(DIVK)      \
  X(SHRI) X(MODK) X(IDIVK) X(BAND) X(BOR) X(BXOR) X(SHL) X(SHR) X(BANDK)  \
  X(BORK) X(BXORK) X(SHLI)
#define STENCIL_TOPS_FLT(X)                                                \
  X(ADD) X(SUB) X(MUL) X(ADDK) X(SUBK) X(MULK) X(ADDI) X(DIV) X(DIVK)
/* Order comparisons with both: typed and with their k bit built in
 * (stencilx_OP_k0_ti, _k1_ti, _k0_tf, _k1_tf). */
#define STENCIL_TCMPS(X) X(LT) X(LE) X(LTI) X(LEI) X(GTI) X(GEI)
/* Values in registers (docs/jit.md): every typed stencil above passes its
 * result to the next one in a register, and has a variant taking its first
 * operand from there (_r1: stencilx_OP_ti_r1, _tf_r1, _kN_ti_r1, ...);
 * these also have one taking the second (_r2). The load stubs
 * stencilx_ld{i,f}_{A,B,C} are such a consumer's entry from anywhere else.
 * Also FORPREP_v and FORLOOP_v (passing the control variable, an integer)
 * and GETTABLE_r2, SETTABLE_k0_r1, SETTABLE_k1_r1 (an integer key from
 * the register). */
#define STENCIL_TOPS_R2(X) X(ADD) X(SUB) X(MUL) X(DIV)
#define STENCIL_TOPS_R2I(X) X(BAND) X(BOR) X(BXOR) X(SHL) X(SHR)
/* Mixed numbers (profile TP_MIXED: an integer and a float), converted to
 * floats: stencilx_OP_tm, _tm_r1 (a float from the register), and _tm_r2
 * for the ops of STENCIL_TOPS_R2. */
#define STENCIL_TOPS_MIX(X)                                                \
  X(ADD) X(SUB) X(MUL) X(DIV) X(ADDK) X(SUBK) X(MULK) X(DIVK)
#define STENCIL_TCMPS_R2(X) X(LT) X(LE)
#define STENCIL_LOADSTUBS(X) X(i, A) X(i, B) X(i, C) X(f, A) X(f, B) X(f, C)

/* The C functions the stencils call on their slow paths (the external
 * calls of stencil_ops.o, but for the continuations). The stencils call
 * each through jit_pm_NAME (jit_runtime.c), a thunk that saves and
 * restores the registers the C convention lets NAME clobber and aligns
 * the stack: the preserve_most convention, so a stencil keeps its state
 * in registers across the call. The call itself is an inline asm `call`
 * (stencil_ops.c, JIT_SLOW): the compiler does not see a call, so a
 * stencil needs no stack frame (not even a push for the alignment) on
 * its fast path. X(NAME, R): R = A when NAME returns its result in rax
 * (an integer or a pointer), P when it returns nothing (rax preserved),
 * M when NAME is preserve_most itself (only the alignment), D when it
 * takes or returns doubles: called by the compiler, through the thunk. */
#define STENCIL_SLOWCALLS(X)                                               \
  X(gc_barrier_, P) X(vm_finishget, P) X(tab_get, A) X(tm_get, A)          \
  X(tab_getint, A) X(interp_finishgeti, P) X(gc_barrierback_, P)           \
  X(vm_finishset, P) X(interp_finishseti, P) X(tab_newsized, A)            \
  X(tab_resize, P) X(gc_step, P) X(tab_getstr, A) X(arith_modf, D)         \
  X(arith_mod, A) X(arith_pow, D) X(floor, D) X(arith_idiv, A)             \
  X(arith_tointegerns, A) X(tm_trybin, P) X(tm_trybini, P)                 \
  X(tm_trybinassoc, P) X(vm_objlen, P) X(vm_concat, P) X(func_close, A)    \
  X(func_newtbcupval, P) X(vm_equalobj, A) X(vm_lessthan, A)               \
  X(vm_ltnum, A) X(vm_lessequal, A) X(vm_lenum, A) X(tm_callorderi, A)     \
  X(func_closeupval, P) X(interp_floatforloop, A) X(interp_forprep, A)     \
  X(do_call, P) X(tab_resizearray, P) X(debug_typeerror, P)                \
  X(interp_pushclosure, P) X(tm_getvarargs, P) X(tm_adjustvarargs, P)      \
  X(interp_varargshook, P) X(fb_call_miss, P) X(fb_field_probe, M)         \
  X(fb_field_getmiss, M) X(fb_field_setmiss, M)

/* What a relocation of a stencil refers to. */
enum StencilHoleKind {
#define X(name, doc) SH_##name,
  STENCIL_HOLES(X)
#undef X
  SH_NOPERANDS,
  SH_CONT_NEXT = SH_NOPERANDS,  /* the next instruction's stencil */
  SH_CONT_JUMP,                 /* the jump target's stencil */
  SH_CONT_JMPNEXT,              /* the next instruction is a JMP: its target's
                                   stencil if it jumps forward (no back-edge
                                   to count), else the JMP's own */
  SH_CONT_SLOW,                 /* this instruction's general case: its
                                   stencil from stencils_general, laid out
                                   with the function's cold code */
  SH_CONT_NEXTV,                /* the next instruction, a value of the
                                   stencil's type in the register: its
                                   register entry when it takes it from
                                   there, else its stencil */
  SH_EXTERN,                    /* a runtime function or datum: sym */
  SH_RODATA                     /* stencil_rodata + sym */
};

/* Relocation types used (ELF x86-64 numbering). */
#define STENCIL_R_64    1
#define STENCIL_R_PC32  2
#define STENCIL_R_PLT32 4
#define STENCIL_R_32    10
#define STENCIL_R_32S   11

typedef struct StencilHole {
  uint32_t offset;   /* in the stencil's code */
  uint8_t kind;      /* enum StencilHoleKind */
  uint8_t reloc;     /* STENCIL_R_* */
  uint16_t sym;      /* SH_EXTERN: index in stencil_symbols */
  int32_t addend;    /* ELF addend (SH_RODATA: plus the datum's offset) */
} StencilHole;

#define STENCIL_TAIL_NONE 255

typedef struct Stencil {
  const uint8_t *code;
  uint32_t size;       /* bytes */
  uint32_t tail_next;  /* size - 5 when it ends in a "jmp continuation",
                          else size */
  uint8_t tail_cont;   /* that continuation (SH_CONT_NEXT, _JUMP or
                          _JMPNEXT), or
                          STENCIL_TAIL_NONE: the jmp is dropped when its
                          target's stencil follows in the layout */
  const StencilHole *holes;
  uint32_t nholes;
} Stencil;

/* Generated (build/gen/stencils.c), indexed by opcode: the plain set (an
 * op's fast path, which continues with SH_CONT_SLOW for anything else),
 * the general set (the whole op: the plain stencil's slow continuation),
 * the profiling set (stencil_ops.c), and the profiling code's prologue. */
extern const Stencil stencils[];
extern const Stencil stencils_general[];
extern const Stencil stencils_prof[];
extern const Stencil stencil_extra_warmup;
extern const Stencil stencil_extra_jmpfwd;
extern const Stencil stencil_extra_lazyslow; /* a slow path not yet compiled */
extern const Stencil stencil_extra_CALL_b;   /* CALL with B != 0 */
#define X(op) extern const Stencil stencil_extra_##op##_k0, stencil_extra_##op##_k1;
STENCIL_KOPS(X)
#undef X
#define X(op) extern const Stencil stencil_extra_##op##_ti,              \
    stencil_extra_##op##_ti_r1;
STENCIL_TOPS_INT(X)
#undef X
#define X(op) extern const Stencil stencil_extra_##op##_tf,              \
    stencil_extra_##op##_tf_r1;
STENCIL_TOPS_FLT(X)
#undef X
#define X(op) extern const Stencil stencil_extra_##op##_ti_r2,           \
    stencil_extra_##op##_tf_r2;
STENCIL_TOPS_R2(X)
#undef X
#define X(op) extern const Stencil stencil_extra_##op##_k0_ti,            \
    stencil_extra_##op##_k1_ti, stencil_extra_##op##_k0_tf,                \
    stencil_extra_##op##_k1_tf, stencil_extra_##op##_k0_ti_r1,             \
    stencil_extra_##op##_k1_ti_r1, stencil_extra_##op##_k0_tf_r1,          \
    stencil_extra_##op##_k1_tf_r1;
STENCIL_TCMPS(X)
#undef X
#define X(op) extern const Stencil stencil_extra_##op##_k0_ti_r2,         \
    stencil_extra_##op##_k1_ti_r2, stencil_extra_##op##_k0_tf_r2,          \
    stencil_extra_##op##_k1_tf_r2;
STENCIL_TCMPS_R2(X)
#undef X
extern const Stencil stencil_extra_FORPREP_v, stencil_extra_FORLOOP_v,
    stencil_extra_GETTABLE_r2, stencil_extra_LOADI_v, stencil_extra_LOADF_v,
    stencil_extra_SETTABLE_k0_r1, stencil_extra_SETTABLE_k1_r1;
/* Loads and moves passing their result on when it has the type (_vi: an
 * integer, _vf: a float; SH_CONT_NEXTV). */
#define STENCIL_VLOADS(X) X(MOVE) X(GETUPVAL) X(GETTABLE) X(GETI) X(GETTABLE_r2)
#define X(op) extern const Stencil stencil_extra_##op##_vi, stencil_extra_##op##_vf;
STENCIL_VLOADS(X)
#undef X
#define X(op) extern const Stencil stencil_extra_##op##_ti_r2;
STENCIL_TOPS_R2I(X)
#undef X
#define X(op) extern const Stencil stencil_extra_##op##_tm,              \
    stencil_extra_##op##_tm_r1;
STENCIL_TOPS_MIX(X)
#undef X
#define X(op) extern const Stencil stencil_extra_##op##_tm_r2;
STENCIL_TOPS_R2(X)
#undef X
#define X(t, r) extern const Stencil stencil_extra_ld##t##_##r;
STENCIL_LOADSTUBS(X)
#undef X
extern void *const stencil_symbols[];
extern const char *const stencil_symbol_names[];
extern const unsigned stencil_nsymbols;
extern const uint8_t stencil_rodata[];
extern const uint32_t stencil_rodata_size;

#endif
