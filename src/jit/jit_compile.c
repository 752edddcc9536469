/*
 * jit_compile.c — the baseline JIT's compiler: copy each instruction's
 * stencil and patch its holes (docs/jit.md).
 *
 * Code memory (jit_mem.c) lies within +-2 GiB of the engine image, since
 * stencils are compiled for the small code model: calls and references to
 * the engine's functions and to stencil_rodata are rel32. Symbols out of
 * that reach (the C library's) are called through shared trampolines.
 * Code is written through a second, non-executable view of the same
 * memory, so a compile makes no system call.
 *
 * Compile failures are abort codes (JIT_ABORTS), reported by --trace-opt;
 * the function stays in the interpreter.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jit/jit.h"
#include "jit/jit_mem.h"
#include "jit/jit_stencil.h"
#include "obj/numconv.h"
#include "obj/str.h"
#include "vm/debuginfo.h"
#include "vm/feedback.h"
#include "vm/ops.h"
#include "vm/options.h"

/* Code rewritten in place (a lazy slow-path entry's jump) through the
 * write view: valgrind, which docs/performance.md uses for instruction
 * counts, must drop its translation of the old code. A no-op sequence
 * outside valgrind. */
#if defined(__has_include) && __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define JIT_VALGRIND_DISCARD(a, n) VALGRIND_DISCARD_TRANSLATIONS((a), (n))
#else
#define JIT_VALGRIND_DISCARD(a, n) ((void)(a), (void)(n))
#endif

/* X(NAME, message) — why a function was not compiled. */
#define JIT_ABORTS(X)                                                      \
  X(OK,        "compiled")                                                 \
  X(NOMEM,     "out of code memory")                                       \
  X(NOFB,      "a feedback site without a slot (too many slots)")          \
  X(RANGE,     "an operand does not fit its hole")                         \
  X(FAR,       "code memory too far from the engine")                      \
  X(SKIPPED,   "listed in CRESCENT_JIT_SKIP")

enum JitAbort {
#define X(name, msg) JIT_ABORT_##name,
  JIT_ABORTS(X)
#undef X
};
static const char *const jit_abort_msg[] = {
#define X(name, msg) msg,
  JIT_ABORTS(X)
#undef X
};

/* ------------------------------------------------------------------ */
/* Patching                                                            */
/* ------------------------------------------------------------------ */

/* The one jump target of the op at index pc (see stencil_ops.c: JUMP(n)
 * of every body means "continue at this instruction"). The offsets are
 * those the bodies pass to JUMP. */
static int64_t jit_jump_target(Instruction ins, int64_t pc) {
  switch (GET_OPCODE(ins)) {
    case OP_JMP: return pc + 1 + GETARG_sJ(ins);
    case OP_FORLOOP: case OP_TFORLOOP: return pc + 1 - (int64_t)GETARG_Bx(ins);
    case OP_FORPREP: return pc + 1 + (int64_t)GETARG_Bx(ins) + 1;
    case OP_TFORPREP: return pc + 1 + (int64_t)GETARG_Bx(ins);
    default: return pc + 2;  /* skip the next instruction */
  }
}

/* Holes, prepared once for patching without a switch per hole: every hole
 * becomes "value = src[index] + addend", made relative to the field's own
 * address or not, stored in 4 or 8 bytes. src holds, per instruction, the
 * operand values (indices = the operand hole kinds) and the addresses of
 * the next and of the target stencil; then, the same for every
 * instruction, the constants' addresses and every external symbol's
 * address (its trampoline's when out of rel32 reach of code memory). */
enum {
  SRC_NEXT = SH_NOPERANDS, SRC_JUMP, SRC_JMPNEXT, SRC_SLOW, SRC_NEXTV,
  SRC_RODATA, SRC_LOWRODATA, SRC_EXTERN
};
enum { PATCH_ABS32, PATCH_REL32, PATCH_ABS64 };

typedef struct PreparedHole {
  uint32_t offset;
  uint16_t src;
  uint8_t mode;      /* PATCH_* */
  int32_t addend;
} PreparedHole;

/* A stencil ready for patching. */
typedef struct Prepared {
  const Stencil *st;
  PreparedHole *ph;
  int slow;  /* continues with SH_CONT_SLOW: its instruction's general
                stencil goes with the cold code */
  int jumps;  /* has an SH_CONT_JUMP (bit 0) or SH_CONT_JMPNEXT (bit 1) */
} Prepared;

/* The sets of stencils_*: plain (fast paths), profiling, general. */
enum { SET_PLAIN, SET_PROF, SET_GENERAL, NSETS };
static Prepared prep_set[NSETS][NUM_OPCODES];
enum {
  EXTRA_WARMUP, EXTRA_JMPFWD, EXTRA_LAZYSLOW, EXTRA_CALL_B,
#define X(op) EXTRA_##op##_K0, EXTRA_##op##_K1,
  STENCIL_KOPS(X)
#undef X
#define X(op) EXTRA_##op##_TI, EXTRA_##op##_TI_R1,
  STENCIL_TOPS_INT(X)
#undef X
#define X(op) EXTRA_##op##_TF, EXTRA_##op##_TF_R1,
  STENCIL_TOPS_FLT(X)
#undef X
#define X(op) EXTRA_##op##_TI_R2, EXTRA_##op##_TF_R2,
  STENCIL_TOPS_R2(X)
#undef X
#define X(op) EXTRA_##op##_K0_TI, EXTRA_##op##_K1_TI, EXTRA_##op##_K0_TF,   \
              EXTRA_##op##_K1_TF, EXTRA_##op##_K0_TI_R1,                    \
              EXTRA_##op##_K1_TI_R1, EXTRA_##op##_K0_TF_R1,                 \
              EXTRA_##op##_K1_TF_R1,
  STENCIL_TCMPS(X)
#undef X
#define X(op) EXTRA_##op##_K0_TI_R2, EXTRA_##op##_K1_TI_R2,                 \
              EXTRA_##op##_K0_TF_R2, EXTRA_##op##_K1_TF_R2,
  STENCIL_TCMPS_R2(X)
#undef X
#define X(op) EXTRA_##op##_TI_R2,
  STENCIL_TOPS_R2I(X)
#undef X
#define X(op) EXTRA_##op##_TM, EXTRA_##op##_TM_R1,
  STENCIL_TOPS_MIX(X)
#undef X
#define X(op) EXTRA_##op##_TM_R2,
  STENCIL_TOPS_R2(X)
#undef X
#define X(t, r) EXTRA_LD##t##_##r,
  STENCIL_LOADSTUBS(X)
#undef X
  EXTRA_FORPREP_V, EXTRA_FORLOOP_V, EXTRA_GETTABLE_R2, EXTRA_LOADI_V,
  EXTRA_LOADF_V, EXTRA_SETTABLE_K0_R1, EXTRA_SETTABLE_K1_R1,
#define X(op) EXTRA_##op##_VI, EXTRA_##op##_VF,
  STENCIL_VLOADS(X)
#undef X
  NEXTRAS
};
static const Stencil *const extra_stencils[NEXTRAS] = {
  &stencil_extra_warmup, &stencil_extra_jmpfwd, &stencil_extra_lazyslow,
  &stencil_extra_CALL_b,
#define X(op) &stencil_extra_##op##_k0, &stencil_extra_##op##_k1,
  STENCIL_KOPS(X)
#undef X
#define X(op) &stencil_extra_##op##_ti, &stencil_extra_##op##_ti_r1,
  STENCIL_TOPS_INT(X)
#undef X
#define X(op) &stencil_extra_##op##_tf, &stencil_extra_##op##_tf_r1,
  STENCIL_TOPS_FLT(X)
#undef X
#define X(op) &stencil_extra_##op##_ti_r2, &stencil_extra_##op##_tf_r2,
  STENCIL_TOPS_R2(X)
#undef X
#define X(op) &stencil_extra_##op##_k0_ti, &stencil_extra_##op##_k1_ti,     \
              &stencil_extra_##op##_k0_tf, &stencil_extra_##op##_k1_tf,     \
              &stencil_extra_##op##_k0_ti_r1, &stencil_extra_##op##_k1_ti_r1, \
              &stencil_extra_##op##_k0_tf_r1, &stencil_extra_##op##_k1_tf_r1,
  STENCIL_TCMPS(X)
#undef X
#define X(op) &stencil_extra_##op##_k0_ti_r2, &stencil_extra_##op##_k1_ti_r2, \
              &stencil_extra_##op##_k0_tf_r2, &stencil_extra_##op##_k1_tf_r2,
  STENCIL_TCMPS_R2(X)
#undef X
#define X(op) &stencil_extra_##op##_ti_r2,
  STENCIL_TOPS_R2I(X)
#undef X
#define X(op) &stencil_extra_##op##_tm, &stencil_extra_##op##_tm_r1,
  STENCIL_TOPS_MIX(X)
#undef X
#define X(op) &stencil_extra_##op##_tm_r2,
  STENCIL_TOPS_R2(X)
#undef X
#define X(t, r) &stencil_extra_ld##t##_##r,
  STENCIL_LOADSTUBS(X)
#undef X
  &stencil_extra_FORPREP_v, &stencil_extra_FORLOOP_v,
  &stencil_extra_GETTABLE_r2, &stencil_extra_LOADI_v, &stencil_extra_LOADF_v,
  &stencil_extra_SETTABLE_k0_r1, &stencil_extra_SETTABLE_k1_r1,
#define X(op) &stencil_extra_##op##_vi, &stencil_extra_##op##_vf,
  STENCIL_VLOADS(X)
#undef X
};
static Prepared prep_extra[NEXTRAS];

/* Values in registers (docs/jit.md): per extra stencil, the type of the
 * value it passes on to the next stencil (its result: VAL_I in k, VAL_F
 * in fx; VAL_NONE), the type of its operands, and its variants taking the
 * first / second operand from the register (-1: none). */
enum { VAL_NONE, VAL_I, VAL_F };
static signed char xval_out[NEXTRAS], xval_in[NEXTRAS];
static short xval_r[NEXTRAS][2];

static void jit_prepare_vals(void) {
  for (int x = 0; x < NEXTRAS; x++) {
    xval_out[x] = xval_in[x] = VAL_NONE;
    xval_r[x][0] = xval_r[x][1] = -1;
  }
#define X(o)                                                               \
  xval_in[EXTRA_##o##_TI] = VAL_I;                                         \
  xval_out[EXTRA_##o##_TI] = xval_out[EXTRA_##o##_TI_R1] =                 \
      OP_##o == OP_DIV || OP_##o == OP_DIVK ? VAL_F : VAL_I;               \
  xval_r[EXTRA_##o##_TI][0] = EXTRA_##o##_TI_R1;
  STENCIL_TOPS_INT(X)
#undef X
#define X(o)                                                               \
  xval_in[EXTRA_##o##_TF] = VAL_F;                                         \
  xval_out[EXTRA_##o##_TF] = xval_out[EXTRA_##o##_TF_R1] = VAL_F;          \
  xval_r[EXTRA_##o##_TF][0] = EXTRA_##o##_TF_R1;
  STENCIL_TOPS_FLT(X)
#undef X
#define X(o)                                                               \
  xval_out[EXTRA_##o##_TI_R2] = xval_out[EXTRA_##o##_TI];                  \
  xval_out[EXTRA_##o##_TF_R2] = VAL_F;                                     \
  xval_r[EXTRA_##o##_TI][1] = EXTRA_##o##_TI_R2;                           \
  xval_r[EXTRA_##o##_TF][1] = EXTRA_##o##_TF_R2;
  STENCIL_TOPS_R2(X)
#undef X
#define X(o)                                                               \
  xval_out[EXTRA_##o##_TI_R2] = VAL_I;                                     \
  xval_r[EXTRA_##o##_TI][1] = EXTRA_##o##_TI_R2;
  STENCIL_TOPS_R2I(X)
#undef X
#define X(o)                                                               \
  xval_in[EXTRA_##o##_TM] = VAL_F;                                         \
  xval_out[EXTRA_##o##_TM] = xval_out[EXTRA_##o##_TM_R1] = VAL_F;          \
  xval_r[EXTRA_##o##_TM][0] = EXTRA_##o##_TM_R1;
  STENCIL_TOPS_MIX(X)
#undef X
#define X(o)                                                               \
  xval_out[EXTRA_##o##_TM_R2] = VAL_F;                                     \
  xval_r[EXTRA_##o##_TM][1] = EXTRA_##o##_TM_R2;
  STENCIL_TOPS_R2(X)
#undef X
#define X(o)                                                               \
  xval_in[EXTRA_##o##_K0_TI] = xval_in[EXTRA_##o##_K1_TI] = VAL_I;         \
  xval_in[EXTRA_##o##_K0_TF] = xval_in[EXTRA_##o##_K1_TF] = VAL_F;         \
  xval_r[EXTRA_##o##_K0_TI][0] = EXTRA_##o##_K0_TI_R1;                     \
  xval_r[EXTRA_##o##_K1_TI][0] = EXTRA_##o##_K1_TI_R1;                     \
  xval_r[EXTRA_##o##_K0_TF][0] = EXTRA_##o##_K0_TF_R1;                     \
  xval_r[EXTRA_##o##_K1_TF][0] = EXTRA_##o##_K1_TF_R1;
  STENCIL_TCMPS(X)
#undef X
#define X(o)                                                               \
  xval_r[EXTRA_##o##_K0_TI][1] = EXTRA_##o##_K0_TI_R2;                     \
  xval_r[EXTRA_##o##_K1_TI][1] = EXTRA_##o##_K1_TI_R2;                     \
  xval_r[EXTRA_##o##_K0_TF][1] = EXTRA_##o##_K0_TF_R2;                     \
  xval_r[EXTRA_##o##_K1_TF][1] = EXTRA_##o##_K1_TF_R2;
  STENCIL_TCMPS_R2(X)
#undef X
}

/* The index of pr in prep_extra, or -1. */
static int jit_extra_index(const Prepared *pr) {
  uintptr_t a = (uintptr_t)pr, b = (uintptr_t)prep_extra;
  return a >= b && a < (uintptr_t)(prep_extra + NEXTRAS)
             ? (int)((a - b) / sizeof *pr) : -1;
}

/* The register of operand n (1, 2) of a typed instruction ins: 0 A, 1 B,
 * 2 C (the order comparisons compare A with B or sB, the arithmetic ops
 * compute from B and C). */
static int jit_opnd_field(Instruction ins, int n) {
  switch (GET_OPCODE(ins)) {
    case OP_LT: case OP_LE: case OP_LTI: case OP_LEI: case OP_GTI:
    case OP_GEI: return n - 1;
    default: return n;
  }
}
static int jit_field(Instruction ins, int f) {
  return f == 0 ? GETARG_A(ins) : f == 1 ? GETARG_B(ins) : GETARG_C(ins);
}

/* The variant of instruction ins with stencil pr that passes its result
 * (the register it writes, *slot) on in a register as a value of type vt,
 * by continuation *cont (SH_CONT_NEXT, _JUMP or _NEXTV): an extra, pr
 * itself when it is one; -1 when it has none. */
static int jit_producer(Instruction ins, const Prepared *pr, int vt,
                        int *slot, int *cont) {
  int xi = jit_extra_index(pr), op = GET_OPCODE(ins);
  *slot = GETARG_A(ins);
  *cont = SH_CONT_JUMP;  /* the typed arithmetic ops: JUMP(1) */
  if (xi >= 0 && xval_out[xi] != VAL_NONE)
    return xval_out[xi] == vt ? xi : -1;
  *cont = SH_CONT_NEXTV;  /* the loads: when the value has the type */
  if (xi == EXTRA_GETTABLE_R2)
    return vt == VAL_I ? EXTRA_GETTABLE_r2_VI : EXTRA_GETTABLE_r2_VF;
  if (pr != &prep_set[SET_PLAIN][op]) return -1;
  switch (op) {
#define X(o) case OP_##o: return vt == VAL_I ? EXTRA_##o##_VI : EXTRA_##o##_VF;
    X(MOVE) X(GETUPVAL) X(GETTABLE) X(GETI)
#undef X
    case OP_LOADI:  /* constants */
      *cont = SH_CONT_NEXT;
      return vt == VAL_I ? EXTRA_LOADI_V : -1;
    case OP_LOADF:
      *cont = SH_CONT_NEXT;
      return vt == VAL_F ? EXTRA_LOADF_V : -1;
    case OP_FORPREP:  /* the control variable, entering the loop */
      *slot += 3;
      *cont = SH_CONT_NEXT;
      return vt == VAL_I ? EXTRA_FORPREP_V : -1;
    case OP_FORLOOP:  /* the same on the back-edge */
      *slot += 3;
      *cont = SH_CONT_JUMP;
      return vt == VAL_I ? EXTRA_FORLOOP_V : -1;
    default: return -1;
  }
}

/* The variant of instruction ins with stencil pr taking register slot's
 * value of type vt from the register (an extra), its load stub in *stub;
 * -1 when there is none. */
static int jit_consumer(Instruction ins, const Prepared *pr, int vt,
                        int slot, int *stub) {
  int xi = jit_extra_index(pr);
  if ((xi == EXTRA_SETTABLE_K0 || xi == EXTRA_SETTABLE_K1) && vt == VAL_I &&
      GETARG_B(ins) == slot) {  /* the key */
    *stub = EXTRA_LDi_B;
    return xi == EXTRA_SETTABLE_K0 ? EXTRA_SETTABLE_K0_R1 : EXTRA_SETTABLE_K1_R1;
  }
  if (xi >= 0) {
    if (xval_in[xi] != vt) return -1;
    for (int n = 1; n <= 2; n++) {
      int f = jit_opnd_field(ins, n);
      if (xval_r[xi][n - 1] < 0 || jit_field(ins, f) != slot) continue;
      *stub = (vt == VAL_F ? EXTRA_LDf_A : EXTRA_LDi_A) + f;
      return xval_r[xi][n - 1];
    }
    return -1;
  }
  if (pr == &prep_set[SET_PLAIN][OP_GETTABLE] && GET_OPCODE(ins) == OP_GETTABLE &&
      vt == VAL_I && GETARG_C(ins) == slot) {
    *stub = EXTRA_LDi_C;
    return EXTRA_GETTABLE_R2;
  }
  return -1;
}

/* Whether jit_consumer can answer anything but -1 for stencil pr: most
 * instructions cannot take a value, and the pairing pass (jit_build)
 * rules them out here before looking at their neighbours. */
static int jit_may_consume(const Prepared *pr) {
  int xi = jit_extra_index(pr);
  if (xi >= 0)
    return xval_in[xi] != VAL_NONE || xi == EXTRA_SETTABLE_K0 ||
           xi == EXTRA_SETTABLE_K1;
  return pr == &prep_set[SET_PLAIN][OP_GETTABLE];
}
static uint64_t *prep_fixed;  /* src[SRC_RODATA ..] */
static int prep_ok;
static pthread_once_t prep_once = PTHREAD_ONCE_INIT;

/* Runs once, after the code memory exists (trampolines, reach). */
static void jit_prepare(void) {
  unsigned nfixed = SRC_EXTERN - SRC_RODATA + stencil_nsymbols;
  prep_fixed = malloc(nfixed * sizeof *prep_fixed);
  if (prep_fixed == NULL || !jit_mem_near((uintptr_t)stencil_rodata)) return;
  prep_fixed[0] = (uintptr_t)stencil_rodata;
  prep_fixed[1] = (uintptr_t)jit_mem_lowrodata();
  for (unsigned sym = 0; sym < stencil_nsymbols; sym++) {
    uintptr_t t = (uintptr_t)stencil_symbols[sym];
    prep_fixed[SRC_EXTERN - SRC_RODATA + sym] =
        jit_mem_near(t) ? t : (uintptr_t)jit_mem_trampoline(sym);
  }
  static const Stencil *const sets[NSETS] = {stencils, stencils_prof,
                                             stencils_general};
  for (int op = 0; op < NSETS * NUM_OPCODES + NEXTRAS; op++) {
    Prepared *pr = op >= NSETS * NUM_OPCODES
                       ? &prep_extra[op - NSETS * NUM_OPCODES]
                       : &prep_set[op / NUM_OPCODES][op % NUM_OPCODES];
    const Stencil *st = op >= NSETS * NUM_OPCODES
                            ? extra_stencils[op - NSETS * NUM_OPCODES]
                            : &sets[op / NUM_OPCODES][op % NUM_OPCODES];
    PreparedHole *ph = malloc((st->nholes ? st->nholes : 1) * sizeof *ph);
    if (ph == NULL) return;
    pr->st = st;
    pr->ph = ph;
    pr->slow = 0;
    pr->jumps = 0;
    for (uint32_t j = 0; j < st->nholes; j++) {
      const StencilHole *h = &st->holes[j];
      int rel = h->reloc == STENCIL_R_PC32 || h->reloc == STENCIL_R_PLT32;
      ph[j].offset = h->offset;
      ph[j].addend = h->addend;
      ph[j].mode = rel ? PATCH_REL32 : h->reloc == STENCIL_R_64 ? PATCH_ABS64
                                                               : PATCH_ABS32;
      switch (h->kind) {
        case SH_CONT_NEXT: ph[j].src = SRC_NEXT; break;
        case SH_CONT_JUMP: ph[j].src = SRC_JUMP; pr->jumps |= 1; break;
        case SH_CONT_JMPNEXT: ph[j].src = SRC_JMPNEXT; pr->jumps |= 2; break;
        case SH_CONT_SLOW: ph[j].src = SRC_SLOW; pr->slow = 1; break;
        case SH_CONT_NEXTV: ph[j].src = SRC_NEXTV; break;
        case SH_EXTERN:  /* never absolute 32-bit: stencil_gen refuses it */
          ph[j].src = (uint16_t)(SRC_EXTERN + h->sym);
          break;
        case SH_RODATA:  /* absolute 32-bit: the copy below 4 GiB */
          if (ph[j].mode == PATCH_ABS32 && jit_mem_lowrodata() == NULL) return;
          ph[j].src = ph[j].mode == PATCH_ABS32 ? SRC_LOWRODATA : SRC_RODATA;
          break;
        default: ph[j].src = h->kind; break;
      }
    }
  }
  jit_prepare_vals();
  prep_ok = 1;
}

/* The operand values of instruction ins at index pc, into src[]. */
static void jit_operands(uint64_t *src, const Proto *p, Instruction ins,
                         int64_t pc) {
  uint64_t tv = sizeof(TValue);
  src[SH_A] = (uint64_t)GETARG_A(ins);
  src[SH_B] = (uint64_t)GETARG_B(ins);
  src[SH_C] = (uint64_t)GETARG_C(ins);
  src[SH_K] = (uint64_t)GETARG_k(ins);
  src[SH_BX] = (uint64_t)GETARG_Bx(ins);
  src[SH_RA] = (uint64_t)GETARG_A(ins) * tv;
  src[SH_RB] = src[SH_KB] = (uint64_t)GETARG_B(ins) * tv;
  src[SH_RC] = src[SH_KC] = (uint64_t)GETARG_C(ins) * tv;
  src[SH_KBX] = (uint64_t)GETARG_Bx(ins) * tv;
  src[SH_F] = (uint64_t)GETARG_F(ins) * sizeof(FeedbackSlot);
  src[SH_IPC] = (uint64_t)pc * sizeof(Instruction);
  src[SH_PC] = (uint64_t)(pc + 1) * sizeof(Instruction);
  src[SH_PCJ] = (uint64_t)jit_jump_target(ins, pc) * sizeof(Instruction);
  src[SH_AKB] = (uintptr_t)p->k + src[SH_KB];
  src[SH_AKC] = (uintptr_t)p->k + src[SH_KC];
  src[SH_AKBX] = (uintptr_t)p->k + src[SH_KBX];
  src[SH_AF] = (uintptr_t)p->feedback + src[SH_F];
  src[SH_SB] = (uint64_t)(int64_t)GETARG_sB(ins);
  src[SH_SC] = (uint64_t)(int64_t)GETARG_sC(ins);
  src[SH_AIPC] = (uintptr_t)p->code + src[SH_IPC];
  src[SH_APC] = (uintptr_t)p->code + src[SH_PC];
  src[SH_APCJ] = (uintptr_t)p->code + src[SH_PCJ];
  src[SH_RAB] = (uint64_t)(GETARG_A(ins) + GETARG_B(ins)) * tv;
  src[SH_C1] = (uint64_t)((int64_t)GETARG_C(ins) - 1);
  src[SH_UA] = (uint64_t)GETARG_A(ins) * sizeof(UpVal *);
  src[SH_UB] = (uint64_t)GETARG_B(ins) * sizeof(UpVal *);
  src[SH_C1S] = (uint64_t)(uint16_t)(GETARG_C(ins) - 1) |
                ((uint64_t)JIT_CIST_RET << 16);
}

/* A 32-bit field: the low 32 bits of v (stencil_ops.c: operands fit 31
 * bits or are used truncated). */
static void jit_write32(uint8_t *at, int64_t v) {
  int32_t w = (int32_t)(uint32_t)(uint64_t)v;
  memcpy(at, &w, 4);
}

/* ------------------------------------------------------------------ */
/* Reports                                                             */
/* ------------------------------------------------------------------ */

/* Microseconds since t0 (--trace-opt). */
static double jit_us_since(const struct timespec *t0) {
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (double)(t1.tv_sec - t0->tv_sec) * 1e6 +
         (double)(t1.tv_nsec - t0->tv_nsec) / 1e3;
}

static void jit_funcname(const Proto *p, char *buf, size_t n) {
  char id[LUA_IDSIZE];
  if (p->source != NULL)
    obj_chunkid(id, getstr(p->source), tsslen(p->source));
  else
    strcpy(id, "?");
  if (p->linedefined == 0)
    snprintf(buf, n, "%s: main chunk", id);
  else
    snprintf(buf, n, "%s:%d", id, p->linedefined);
}

/* CRESCENT_JIT_SKIP, read once. */
static const char *jit_skiplist(void) {
  static int read;
  static const char *list;
  if (!read) {
    list = getenv("CRESCENT_JIT_SKIP");
    read = 1;
  }
  return list;
}

/* CRESCENT_JIT_SKIP="name,name": functions (as --trace-opt names them,
 * "chunk:line" or "chunk: main chunk") left to the interpreter. */
static int jit_skipped(const char *name) {
  const char *list = jit_skiplist();
  size_t n = strlen(name);
  if (list == NULL) return 0;
  for (const char *s = list; *s; ) {
    const char *e = strchr(s, ',');
    size_t len = e ? (size_t)(e - s) : strlen(s);
    if (len == n && memcmp(s, name, n) == 0) return 1;
    if (e == NULL) break;
    s = e + 1;
  }
  return 0;
}

static void jit_perfmap(const uint8_t *code, size_t size, const char *name) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
  FILE *f = fopen(path, "a");
  if (f == NULL) return;
  fprintf(f, "%lx %zx crescent:%s\n", (unsigned long)(uintptr_t)code, size,
          name);
  fclose(f);
}

/* The end of the block starting at start: the next block's start. */
static uint32_t jit_blockend(const JitCode *jc, uint32_t start) {
  uint32_t end = (uint32_t)jc->codesize;  /* the layout is not in order */
  for (int q = 0; q < 2 * jc->ninsns + 1; q++)
    if (q != jc->ninsns && jc->offsets[q] > start && jc->offsets[q] < end)
      end = jc->offsets[q];
  return end;
}

/* One block of --print-code: objdump's listing, or a hex dump. */
static void jit_printblock(const uint8_t *code, uint32_t start,
                           uint32_t end) {
  char path[] = "/tmp/crescent-code-XXXXXX";
  int fd = mkstemp(path);
  int listed = 0;
  if (fd >= 0) {
    if (write(fd, code + start, end - start) == (ssize_t)(end - start)) {
      char cmd[256];
      snprintf(cmd, sizeof cmd,
               "objdump -D -b binary -mi386:x86-64 --adjust-vma=0x%lx %s "
               "2>/dev/null | sed -n '/^ *[0-9a-f]*:/p' >&2",
               (unsigned long)((uintptr_t)code + start), path);
      fflush(stderr);
      listed = end == start || system(cmd) == 0;
    }
    close(fd);
    unlink(path);
  }
  if (!listed)
    for (uint32_t j = start; j < end; j++)
      fprintf(stderr, "%s%02x", (j - start) % 16 == 0 ? "\n   " : " ",
              code[j]);
}

/* --print-code: each instruction's stencil, then the general stencils
 * (slow paths) laid out with the cold code. */
static void jit_printcode(const Proto *p, const JitCode *jc, const char *name) {
  fprintf(stderr, "[print-code] %s: %d bytecodes, %zu bytes at %p\n", name,
          jc->ninsns, jc->codesize, (void *)jc->code);
  for (int slow = 0; slow < 2; slow++)
    for (int pc = 0; pc < jc->ninsns; pc++) {
      uint32_t start = jc->offsets[slow ? jc->ninsns + 1 + pc : pc];
      if (start == UINT32_MAX) continue;
      uint32_t end = jit_blockend(jc, start);
      fprintf(stderr, "-- [%d] %s%s (line %d) +%u, %u bytes\n", pc + 1,
              op_names[GET_OPCODE(p->code[pc])],
              slow ? " slow-path entry (compiled on first use)" : "",
              debug_getfuncline(p, pc), start, end - start);
      jit_printblock(jc->code, start, end);
    }
}

/* ------------------------------------------------------------------ */
/* Compiling                                                           */
/* ------------------------------------------------------------------ */

/* Copy and patch one stencil at offset at of the code (len bytes of it:
 * a final "jmp next" may be dropped). */
static void jit_patch(uint8_t *mem, uint8_t *w, uint32_t at, uint32_t len,
                      const Stencil *st, const PreparedHole *ph,
                      const uint64_t *src) {
  memcpy(w + at, st->code, len);
  for (uint32_t j = 0; j < st->nholes; j++) {
    uint32_t off = ph[j].offset;
    if (off + 4 > len) continue;  /* in the dropped "jmp next" */
    uint64_t v = src[ph[j].src] + (uint64_t)(int64_t)ph[j].addend;
    if (ph[j].mode == PATCH_REL32)
      v -= (uintptr_t)(mem + at + off);
    if (CR_UNLIKELY(ph[j].mode == PATCH_ABS64))
      memcpy(w + at + off, &v, 8);
    else
      jit_write32(w + at + off, (int64_t)v);
  }
}

/* The typed variant (STENCIL_TOPS_INT/FLT, STENCIL_TCMPS with its k bit)
 * of arithmetic or comparison instruction ins of p that its type profile
 * asks for, or -1: its operands were all integers (or all floats)
 * whenever it ran, and its constant operand, if any, is one too (the
 * variants do not test it). A profile is never empty once the op has
 * run; it is frozen in plain code, so it cannot change between the
 * layout and the patching of one compile. */
static int jit_typed_variant(const Proto *p, Instruction ins) {
  int op = GET_OPCODE(ins);
  unsigned f = GETARG_F(ins);
  if (op_feedback[op] == FB_NONE || f == NO_FEEDBACK) return -1;
  uint16_t seen = p->feedback[f].types.seen;
  const TValue *kc = NULL;  /* the constant operand */
  if (op == OP_ADDK || op == OP_SUBK || op == OP_MULK || op == OP_DIVK ||
      op == OP_MODK || op == OP_IDIVK || op == OP_BANDK || op == OP_BORK ||
      op == OP_BXORK)
    kc = &p->k[GETARG_C(ins)];
  if ((op == OP_MODK || op == OP_IDIVK) &&  /* no 0 or -1 (an error, wrap) */
      (!ttisinteger(kc) || l_castS2U(ivalue(kc)) + 1u <= 1u))
    return -1;
  int kb = GETARG_k(ins);
  if (op == OP_SHRI &&  /* its variant shifts without the range tests */
      (GETARG_sC(ins) == 0 || GETARG_sC(ins) <= -64 || GETARG_sC(ins) >= 64))
    return -1;
  if (seen == TP_INT && (kc == NULL || ttisinteger(kc))) {
    switch (op) {
#define X(o) case OP_##o: return EXTRA_##o##_TI;
      STENCIL_TOPS_INT(X)
#undef X
#define X(o) case OP_##o: return EXTRA_##o##_K0_TI + kb;
      STENCIL_TCMPS(X)
#undef X
      default: break;
    }
  }
  if ((seen & TP_MIXED) && (seen & ~(TP_MIXED | TP_FLOAT)) == 0) {
    switch (op) {  /* an integer and a float, or floats: as floats */
#define X(o) case OP_##o: return EXTRA_##o##_TM;
      STENCIL_TOPS_MIX(X)
#undef X
      default: break;
    }
  }
  if (seen == TP_FLOAT && (kc == NULL || ttisfloat(kc))) {
    switch (op) {
#define X(o) case OP_##o: return EXTRA_##o##_TF;
      STENCIL_TOPS_FLT(X)
#undef X
#define X(o) case OP_##o: return EXTRA_##o##_K0_TF + kb;
      STENCIL_TCMPS(X)
#undef X
      default: break;
    }
  }
  return -1;
}

/* The stencil of instruction ins of p: the op's own from the set, or a
 * specialized one (stencil_extra). */
static const Prepared *jit_stencil_for(const Proto *p, Instruction ins,
                                       int prof) {
  int op = GET_OPCODE(ins);
  if (op == OP_JMP && GETARG_sJ(ins) >= 0)
    return &prep_extra[EXTRA_JMPFWD];
  if (!prof) {
    int x = jit_typed_variant(p, ins);  /* arithmetic by type profile */
    if (x >= 0)
      return &prep_extra[x];
    if (op == OP_CALL && GETARG_B(ins) != 0)  /* a known argument count */
      return &prep_extra[EXTRA_CALL_B];
    switch (op) {  /* the test ops with their k bit built in */
#define X(o) case OP_##o: x = EXTRA_##o##_K0; break;
      STENCIL_KOPS(X)
#undef X
      default: break;
    }
    /* SELF_k1 assumes a short-string key (stencil_ops.c): a long one
     * takes the plain stencil, which tests it. */
    if (op == OP_SELF && GETARG_k(ins) &&
        !ttisshrstring(&p->k[GETARG_C(ins)]))
      x = -1;
    if (x >= 0) return &prep_extra[x + GETARG_k(ins)];
  }
  return &prep_set[prof ? SET_PROF : SET_PLAIN][op];
}

/* The instructions each continuation of instruction pc leads to
 * (SH_CONT_NEXT, SH_CONT_JUMP, SH_CONT_JMPNEXT order). */
static void jit_conts(const Proto *p, int pc, int64_t c[3]) {
  int n = p->sizecode;
  int64_t t = jit_jump_target(p->code[pc], pc);
  c[0] = pc + 1 < n ? pc + 1 : pc;
  c[1] = t < 0 || t >= n ? pc : t;  /* out of range: not in verified code */
  c[2] = c[0];
  if (pc + 1 < n && GET_OPCODE(p->code[pc + 1]) == OP_JMP &&
      GETARG_sJ(p->code[pc + 1]) >= 0) {  /* a forward JMP: its target */
    int64_t jt = pc + 2 + GETARG_sJ(p->code[pc + 1]);
    if (jt < n) c[2] = jt;
  }
}

/* src[] for the stencils of instruction pc of p, whose code is at code
 * with the layout offsets: its operands and the addresses its
 * continuations lead to (the fixed part, src[SRC_RODATA ..], is set
 * once per compile). */
static void jit_sources_c(uint64_t *src, const Proto *p, const uint8_t *code,
                          const uint32_t *offsets, int pc, const int64_t c[3]) {
  jit_operands(src, p, p->code[pc], pc);
  src[SRC_NEXT] = (uintptr_t)(code + offsets[c[0]]);
  src[SRC_JUMP] = (uintptr_t)(code + offsets[c[1]]);
  src[SRC_JMPNEXT] = (uintptr_t)(code + offsets[c[2]]);
  src[SRC_NEXTV] = src[SRC_NEXT];  /* unless the next one takes the value */
}
static void jit_sources(uint64_t *src, const Proto *p, const uint8_t *code,
                        const uint32_t *offsets, int pc) {
  int64_t c[3];
  jit_conts(p, pc, c);
  jit_sources_c(src, p, code, offsets, pc, c);
}

/* The metamethod fallbacks of arithmetic (MMBIN*) run only when an
 * arithmetic op fails: their stencils go after all others, so the op's
 * success path (the instruction after the MMBIN*) follows it directly. */
static int jit_cold(Instruction ins) {
  int op = GET_OPCODE(ins);
  return op == OP_MMBIN || op == OP_MMBINI || op == OP_MMBINK;
}

/* prof: the profiling stencils, behind the warm-up prologue. */
static enum JitAbort jit_build(Proto *p, int prof, JitCode **out) {
  int n = p->sizecode;
  const int64_t *c;
  if (!jit_mem_ready()) return JIT_ABORT_NOMEM;
  pthread_once(&prep_once, jit_prepare);  /* needs the region (reach) */
  if (!prep_ok) return JIT_ABORT_FAR;
  JitCode *jc = malloc(sizeof(JitCode) + (size_t)(2 * n + 1) * sizeof(uint32_t));
  /* per instruction: its stencil, its place in the layout, its length,
   * its load stub (a consumer: below), where its stencil is, its
   * continuations (jit_conts, computed once: every pass below needs
   * them), whether its value goes to a consumer */
  const Prepared **prs = malloc((size_t)n * (sizeof(Prepared *) + 4 * sizeof(int) +
                                             3 * sizeof(int64_t) + 1) + 1);
  if (jc == NULL || prs == NULL) {
    free(jc);
    free(prs);
    return JIT_ABORT_NOMEM;
  }
  int *order = (int *)(prs + n);
  uint32_t *lens = (uint32_t *)(order + n);
  int *cons = (int *)(lens + n);
  uint32_t *hotat = (uint32_t *)(cons + n);
  /* 8n bytes of pointers and 16n of 32-bit arrays before it: aligned */
  int64_t (*conts)[3] = (int64_t (*)[3])(hotat + n);
  unsigned char *valcont = (unsigned char *)(conts + n);
  uint32_t *slowat = jc->offsets + n + 1;  /* JitCode.offsets */
  /* Layout: [prologue,] the stencils in bytecode order, cold ones
   * (jit_cold) after them, then the consumers' load stubs, then the
   * slow-path entries of the instructions whose fast path may leave for
   * their general stencil (Prepared.slow): a jump to jit_rt_slow, which
   * compiles that stencil on first use (jit_compile_slow); a stencil
   * ending in a jump to the stencil that follows it in the layout loses
   * that jump (it falls through). */
  int nhot = 0, ncold = 0;
  for (int pc = 0; pc < n; pc++)
    if (!jit_cold(p->code[pc])) order[nhot++] = pc;
  for (int pc = 0; pc < n; pc++)
    if (jit_cold(p->code[pc])) order[nhot + ncold++] = pc;
  for (int j = 0; j < n; j++) {
    int pc = order[j];
    Instruction ins = p->code[pc];
    int op = GET_OPCODE(ins);
    if ((op_feedback[op] != FB_NONE && GETARG_F(ins) == NO_FEEDBACK) ||
        (op == OP_LOADK && (uint64_t)GETARG_Bx(ins) * sizeof(TValue) > INT32_MAX)) {
      free(jc);
      free(prs);
      return op == OP_LOADK ? JIT_ABORT_RANGE : JIT_ABORT_NOFB;
    }
    prs[pc] = jit_stencil_for(p, ins, prof);
    jit_conts(p, pc, conts[pc]);
    cons[pc] = -1;
    valcont[pc] = 0;
  }
  /* Values in registers (docs/jit.md): a typed instruction whose
   * predecessor in the layout is a typed producer continuing to it with a
   * value of its operands' type in the register of one of its operands
   * takes that operand from the register (its _r1/_r2 variant). Only that
   * continuation enters it there; every other way in (jumps, the
   * producer's metamethod fallback, slow paths, returns, OSR) enters at
   * offsets[pc], its load stub, laid out with the cold code. */
  /* A consumer entered by a jump (a loop's header, the end of an if)
   * would go through its load stub each time: only the producer's jump,
   * and a loop's FORLOOP, may enter it. Count the hot jumps into each
   * instruction (cons[] is free until then). */
  for (int j = 0; j < nhot && !prof; j++) {
    int r = order[j];
    if (!(prs[r]->jumps & 3)) continue;
    c = conts[r];
    if ((prs[r]->jumps & 1) && c[1] != r) cons[c[1]]--;
    if ((prs[r]->jumps & 2) && c[2] != c[0]) cons[c[2]]--;
  }
  for (int j = 1; j < nhot && !prof; j++) {
    int pc = order[j], q = order[j - 1], slot, cont, xq = -1, stub, xc = -1;
    int jumpins = -1 - cons[pc];  /* hot jumps into pc */
    cons[pc] = -1;
    if (!jit_may_consume(prs[pc])) continue;
    if (jumpins > 0) {
      c = conts[q];
      if ((prs[q]->jumps & 1) && c[1] == pc) jumpins--;
      int fl = pc - 2;  /* FORPREP at pc - 1: its FORLOOP may produce */
      if (GET_OPCODE(p->code[pc - 1]) == OP_FORPREP && pc - 1 == q)
        fl = (int)jit_jump_target(p->code[q], q) - 1;
      if (fl > q && fl < n && GET_OPCODE(p->code[fl]) == OP_FORLOOP &&
          jit_jump_target(p->code[fl], fl) == pc)
        jumpins--;
      if (jumpins > 0) continue;
    }
    int vt;
    for (vt = VAL_I; vt <= VAL_F; vt++) {
      xq = jit_producer(p->code[q], prs[q], vt, &slot, &cont);
      if (xq < 0) continue;
      c = conts[q];
      if (c[cont == SH_CONT_JUMP] != pc) continue;  /* NEXT, NEXTV: c[0] */
      xc = jit_consumer(p->code[pc], prs[pc], vt, slot, &stub);
      if (xc >= 0) break;
    }
    if (xc < 0) continue;
    prs[pc] = &prep_extra[xc];
    cons[pc] = stub;
    prs[q] = &prep_extra[xq];
    valcont[q] = (unsigned char)cont;
    if (GET_OPCODE(p->code[q]) == OP_FORPREP) {  /* and its FORLOOP */
      int fl = (int)jit_jump_target(p->code[q], q) - 1, fs, fc, fx;
      if (fl > q && fl < n && GET_OPCODE(p->code[fl]) == OP_FORLOOP &&
          (fx = jit_producer(p->code[fl], prs[fl], vt, &fs, &fc)) >= 0 &&
          fs == slot && jit_jump_target(p->code[fl], fl) == pc) {
        prs[fl] = &prep_extra[fx];
        valcont[fl] = (unsigned char)fc;
      }
      /* (else the back-edge enters through the stub: a loop whose first
       * op consumes the control variable always has it from FORLOOP) */
    }
  }
  uint32_t size = prof ? stencil_extra_warmup.tail_next : 0;
  for (int j = 0; j < n; j++) {
    int pc = order[j];
    const Stencil *st = prs[pc]->st;
    uint32_t len = st->size;
    if (j + 1 < n && st->tail_cont != STENCIL_TAIL_NONE) {
      int nx = order[j + 1];
      c = conts[pc];
      if (c[st->tail_cont == SH_CONT_NEXTV ? 0 : st->tail_cont - SH_CONT_NEXT] == nx &&
          (cons[nx] < 0 || valcont[pc] == st->tail_cont))
        len = st->tail_next;
    }
    jc->offsets[pc] = hotat[pc] = size;
    lens[pc] = len;
    size += len;
  }
  jc->offsets[n] = size;
  for (int pc = 0; pc < n; pc++)
    if (cons[pc] >= 0) {
      jc->offsets[pc] = size;
      size += prep_extra[cons[pc]].st->size;
    }
  jc->slow = NULL;
  jc->slowneed = 0;
  jc->slowbytes = 0;
  const Prepared *lazy = &prep_extra[EXTRA_LAZYSLOW];
  for (int pc = 0; pc < n; pc++) {
    Instruction ins = p->code[pc];
    slowat[pc] = UINT32_MAX;
    if (prs[pc]->slow || cons[pc] >= 0) {  /* a stub's tag test leaves too */
      slowat[pc] = size;
      size += lazy->st->size;
      jc->slowneed += prep_set[SET_GENERAL][GET_OPCODE(ins)].st->size;
    }
  }
  size_t mapsize = size;
  uint8_t *w;
  uint8_t *mem = jit_mem_alloc(&mapsize, &w);
  if (mem == NULL) {
    free(jc);
    free(prs);
    return JIT_ABORT_NOMEM;
  }
  uint64_t src[SRC_EXTERN + stencil_nsymbols];
  memcpy(src + SRC_RODATA, prep_fixed,
         (SRC_EXTERN - SRC_RODATA + stencil_nsymbols) * sizeof *src);
  if (prof) {  /* its operands: those of instruction 0 (IPC: the entry) */
    const Prepared *pw = &prep_extra[EXTRA_WARMUP];
    jit_operands(src, p, p->code[0], 0);
    src[SRC_NEXT] = (uintptr_t)mem + jc->offsets[0];
    jit_patch(mem, w, 0, jc->offsets[0], pw->st, pw->ph, src);
  }
  for (int pc = 0; pc < n; pc++) {
    const Prepared *pr = prs[pc];
    jit_sources_c(src, p, mem, jc->offsets, pc, conts[pc]);
    src[SRC_SLOW] = (uintptr_t)(mem + slowat[pc]);
    if (valcont[pc]) {  /* the value's continuation: the register entry */
      int sc = valcont[pc] == SH_CONT_JUMP;
      c = conts[pc];
      src[valcont[pc] == SH_CONT_NEXTV ? SRC_NEXTV : SRC_NEXT + sc] =
          (uintptr_t)(mem + hotat[c[sc]]);
    }
    jit_patch(mem, w, hotat[pc], lens[pc], pr->st, pr->ph, src);
    if (slowat[pc] != UINT32_MAX)
      jit_patch(mem, w, slowat[pc], lazy->st->size, lazy->st, lazy->ph, src);
    if (cons[pc] >= 0) {  /* its load stub, continuing at its stencil */
      const Prepared *ld = &prep_extra[cons[pc]];
      src[SRC_NEXT] = (uintptr_t)(mem + hotat[pc]);
      jit_patch(mem, w, jc->offsets[pc], ld->st->size, ld->st, ld->ph, src);
    }
  }
  free(prs);
  jc->code = mem;
  jc->profiling = prof;
  jc->older = NULL;
  jc->mapsize = mapsize;
  jc->codesize = size;
  jc->ninsns = n;
  *out = jc;
  return JIT_ABORT_OK;
}

/* The warm-up length of the profiling code: --jit-warmup (tests make the
 * recompile happen early), CRESCENT_JIT_WARMUP when set, at most
 * JIT_WARMUP (jit_rt_exit tells an older copy's counter by that bound). */
static int jit_warmup(const EngineOptions *o) {
  static int env = -1;
  if (env < 0) {
    const char *e = getenv("CRESCENT_JIT_WARMUP");
    env = e != NULL ? atoi(e) : 0;
  }
  int v = env > 0 ? env : o->jit_warmup;
  return v < 1 ? 1 : v > JIT_WARMUP ? JIT_WARMUP : v;
}

int jit_compile(lua_State *L, Proto *p) {
  EngineOptions *o = options_get(L);
  char name[LUA_IDSIZE + 32];
  struct timespec t0;
  JitCode *jc = NULL, *old = p->jitcode;
  enum JitAbort why;
  int report = o->trace_opt || o->perf_map || o->print_code;
  /* Profiling code for a function the interpreter has not profiled long
   * enough; a second call (its warm-up is over: fb_hot) replaces that
   * with plain code. */
  int prof = old == NULL && o->jit_threshold < jit_warmup(o);
  if (old != NULL && !old->profiling) return 1;
  if (report || jit_skiplist() != NULL) jit_funcname(p, name, sizeof name);
  if (o->trace_opt) clock_gettime(CLOCK_MONOTONIC, &t0);
  why = jit_skiplist() != NULL && jit_skipped(name) ? JIT_ABORT_SKIPPED
                                                    : jit_build(p, prof, &jc);
  if (why != JIT_ABORT_OK) {
    if (o->trace_opt)
      fprintf(stderr, "[trace-opt] %s: not compiled: %s\n", name,
              jit_abort_msg[why]);
    if (old != NULL) old->profiling = 0;  /* keep it; no second try */
    return old != NULL;
  }
  jc->older = old;
  p->jitcode = jc;
  p->tier = 1;
  if (prof) p->hotness = jit_warmup(o) - o->jit_threshold;
  if (o->trace_opt)
    fprintf(stderr, "[trace-opt] %s: baseline%s: %d bytecodes, %zu bytes "
            "(%u hot), %.1f us\n",
            name, prof ? " (profiling)" : old != NULL ? " (warmed up)" : "",
            jc->ninsns, jc->codesize, jc->offsets[jc->ninsns],
            jit_us_since(&t0));
  if (o->perf_map) jit_perfmap(jc->code, jc->codesize, name);
  if (o->print_code) jit_printcode(p, jc, name);
  return 1;
}

/* Lazy slow paths. A block of code memory holding general stencils
 * compiled on first use; blocks are had a few KiB at a time (at most what
 * the function's remaining slow paths need), so most functions take one. */
#define JIT_SLOW_BLOCK 4096
typedef struct JitSlow {
  uint8_t *mem, *w;     /* executed at mem, written at w */
  size_t size, used;
  struct JitSlow *next;
} JitSlow;

/* len bytes of code in jc's slow-path blocks (a new block when the newest
 * is full), written through *w; NULL without code memory. */
static uint8_t *jit_slow_alloc(JitCode *jc, uint32_t len, uint8_t **w) {
  JitSlow *b = jc->slow;
  if (b == NULL || b->size - b->used < len) {
    size_t want = jc->slowneed < JIT_SLOW_BLOCK ? jc->slowneed : JIT_SLOW_BLOCK;
    if (want < len) want = len;
    b = malloc(sizeof *b);
    if (b == NULL) return NULL;
    b->mem = jit_mem_alloc(&want, &b->w);
    if (b->mem == NULL) {
      free(b);
      return NULL;
    }
    b->size = want;
    b->used = 0;
    b->next = jc->slow;
    jc->slow = b;
  }
  size_t at = b->used;
  b->used += len;
  jc->slowneed = jc->slowneed > len ? jc->slowneed - len : 0;
  jc->slowbytes += len;
  *w = b->w + at;
  return b->mem + at;
}

/* The slow-path entry's jump: the one rel32 field of stencilx_lazyslow. */
static const PreparedHole *jit_entry_jump(void) {
  const Prepared *lazy = &prep_extra[EXTRA_LAZYSLOW];
  for (uint32_t j = 0; j < lazy->st->nholes; j++)
    if (lazy->ph[j].mode == PATCH_REL32) return &lazy->ph[j];
  return NULL;  /* stencil_gen: it tail-calls jit_rt_slow, so never */
}

/* Where the slow-path entry at entry jumps now. */
static uintptr_t jit_entry_target(const uint8_t *entry, const PreparedHole *h) {
  int32_t rel;
  memcpy(&rel, entry + h->offset, 4);
  return (uintptr_t)(entry + h->offset) + (uintptr_t)(int64_t)rel -
         (uintptr_t)(int64_t)h->addend;
}

const uint8_t *jit_compile_slow(lua_State *L, Proto *p, int idx) {
  JitCode *jc = p->jitcode;
  const EngineOptions *o = options_get(L);
  const PreparedHole *jump = jit_entry_jump();
  struct timespec t0;
  if (jc == NULL || jc->profiling || idx < 0 || idx >= jc->ninsns ||
      jc->offsets[jc->ninsns + 1 + idx] == UINT32_MAX || jump == NULL)
    return NULL;  /* not a slow-path entry of this code: cannot happen */
  uint8_t *entry = jc->code + jc->offsets[jc->ninsns + 1 + idx];
  /* Compiled already, yet entered through jit_rt_slow: a stale copy of
   * the entry's old jump (valgrind translates code once and does not see
   * the store through the write view). */
  uintptr_t to = jit_entry_target(entry, jump);
  if (to != prep_fixed[jump->src - SRC_RODATA])
    return (const uint8_t *)to;
  if (o->trace_opt) clock_gettime(CLOCK_MONOTONIC, &t0);
  Instruction ins = p->code[idx];
  const Prepared *g = &prep_set[SET_GENERAL][GET_OPCODE(ins)];
  uint32_t len = g->st->size;
  uint8_t *w, *mem = jit_slow_alloc(jc, len, &w);
  if (mem == NULL) return NULL;
  uint64_t src[SRC_EXTERN + stencil_nsymbols];
  memcpy(src + SRC_RODATA, prep_fixed,
         (SRC_EXTERN - SRC_RODATA + stencil_nsymbols) * sizeof *src);
  jit_sources(src, p, jc->code, jc->offsets, idx);
  src[SRC_SLOW] = (uintptr_t)entry;  /* unused: a general stencil is whole */
  jit_patch(mem, w, 0, len, g->st, g->ph, src);
  /* The entry's jump to jit_rt_slow now goes to the stencil. */
  jit_write32(jit_mem_writable(entry + jump->offset),
              (int64_t)((uintptr_t)mem + jump->addend -
                        (uintptr_t)(entry + jump->offset)));
  JIT_VALGRIND_DISCARD(entry, prep_extra[EXTRA_LAZYSLOW].st->size);
  if (o->trace_opt || o->perf_map) {
    char name[LUA_IDSIZE + 64];
    jit_funcname(p, name, LUA_IDSIZE + 32);
    if (o->trace_opt)
      fprintf(stderr, "[trace-opt] %s: slow path of bytecode %d (%s): %u "
              "bytes, %.1f us\n", name, idx + 1, op_names[GET_OPCODE(ins)],
              len, jit_us_since(&t0));
    if (o->perf_map) {
      size_t nl = strlen(name);
      snprintf(name + nl, sizeof name - nl, " slow path [%d]", idx + 1);
      jit_perfmap(mem, len, name);
    }
  }
  if (o->print_code) {
    fprintf(stderr, "[print-code] slow path of bytecode %d (%s) at %p\n",
            idx + 1, op_names[GET_OPCODE(ins)], (void *)mem);
    jit_printblock(mem, 0, len);
  }
  return mem;
}

void jit_free(Proto *p) {
  JitCode *jc = p->jitcode;
  while (jc != NULL) {
    JitCode *older = jc->older;
    for (JitSlow *b = jc->slow, *nb; b != NULL; b = nb) {
      nb = b->next;
      jit_mem_free(b->mem, b->size);
      free(b);
    }
    jit_mem_free(jc->code, jc->mapsize);
    free(jc);
    jc = older;
  }
  p->jitcode = NULL;
  p->tier = 0;
}

/* --trace-opt's line for an OSR entry (jit_runtime.c). */
void jit_trace_osr(lua_State *L, Proto *p, int pc) {
  char name[LUA_IDSIZE + 32];
  jit_funcname(p, name, sizeof name);
  fprintf(stderr, "[trace-opt] %s: OSR entry at bytecode %d (line %d)\n", name,
          pc + 1, debug_getfuncline(p, pc));
  (void)L;
}
