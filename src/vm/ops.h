/*
 * ops.h — the instruction set, defined once (DESIGN.md, decision 5).
 *
 * Every op is one row of OP_TABLE. From the rows come the opcode enum, the
 * names used by the disassembler (--print-bytecode), the operand formats the
 * verifier checks, the kind of feedback slot the op owns, and the flags the
 * code generator, the debug-info reader and the JIT consult. Each op's
 * semantics is given by one C body in vm/op_bodies.h; the interpreter (and,
 * later, the baseline JIT's stencils) are generated from those bodies.
 *
 * Encoding: instructions are 64 bits.
 *
 *   bit:  63      48 47     33  32  31    24 23    16 15     8 7      0
 *        +----------+---------+---+--------+--------+--------+--------+
 *  ABC   |    F     | (zero)  | k |   C    |   B    |   A    |   op   |
 *        +----------+---------+---+--------+--------+--------+--------+
 *  ABx   |          Bx (unsigned 32)      |   B    |   A    |   op   |
 *  AsBx  |          sBx (signed 32)       |   B=0  |   A    |   op   |
 *  sJ    |          sJ (signed 32)        |   0    |   0    |   op   |
 *        +--------------------------------+--------+--------+--------+
 *
 * A, B, C are one byte because a function has at most 255 registers and
 * lua5.4's limits (and their messages) must hold. F is the index of the
 * op's feedback slot in its prototype's feedback vector (NO_FEEDBACK when
 * the function has more than 65534 slots). Bx is 32 bits, which is why there
 * is no LOADKX/EXTRAARG: NEWTABLE and SETLIST carry their sizes in Bx.
 * sB/sC are signed immediates in excess-127 form (sC = C - OFFSET_sC).
 *
 * Semantics: each op does what Lua 5.4.4's instruction of the same name
 * does, with the operand encoding above; the comment column states it.
 * Comparison and test ops are followed by a JMP that they skip or take.
 * Arithmetic ops skip the following MMBIN* when their fast path succeeds.
 */
#ifndef CRESCENT_OPS_H
#define CRESCENT_OPS_H

#include <stdint.h>

typedef uint64_t Instruction;

/* Operand formats. */
#define OP_FORMATS(X) X(ABC) X(ABx) X(AsBx) X(sJ)
enum OpFormat {
#define X(f) FMT_##f,
  OP_FORMATS(X)
#undef X
};

/* Feedback slot kinds (see FeedbackSlot in obj/object.h). */
#define FEEDBACK_KINDS(X) X(NONE) X(FIELD) X(TYPES) X(CALL)
enum FeedbackKind {
#define X(k) FB_##k,
  FEEDBACK_KINDS(X)
#undef X
};

/* Flags, one bit each:
 *   SETA  sets register A
 *   TEST  is a test: the next instruction is a jump
 *   ITOP  uses L->top set by the previous instruction (B or C = 0 forms)
 *   OTOP  sets L->top for the next instruction (multiple results)
 *   MM    calls a metamethod for the previous arithmetic op
 *   THROW can raise an error
 *   CALLS can call Lua code (metamethods, calls)
 *   ALLOC can allocate (and so run the collector)
 *   JUMP  changes pc other than by falling through            */
#define OPF_SETA  (1u << 0)
#define OPF_TEST  (1u << 1)
#define OPF_ITOP  (1u << 2)
#define OPF_OTOP  (1u << 3)
#define OPF_MM    (1u << 4)
#define OPF_THROW (1u << 5)
#define OPF_CALLS (1u << 6)
#define OPF_ALLOC (1u << 7)
#define OPF_JUMP  (1u << 8)

/* Common flag sets. */
#define OPF_META  (OPF_THROW | OPF_CALLS | OPF_ALLOC) /* may run a metamethod */
#define OPF_ARITH (OPF_SETA)  /* fast path only; failure falls to MMBIN */

/*       name        fmt   feedback flags                          semantics */
#define OP_TABLE(X) \
  X(MOVE,       ABC,  NONE,  OPF_SETA)                             /* R[A] := R[B] */ \
  X(LOADI,      AsBx, NONE,  OPF_SETA)                             /* R[A] := sBx (integer) */ \
  X(LOADF,      AsBx, NONE,  OPF_SETA)                             /* R[A] := (float)sBx */ \
  X(LOADK,      ABx,  NONE,  OPF_SETA)                             /* R[A] := K[Bx] */ \
  X(LOADFALSE,  ABC,  NONE,  OPF_SETA)                             /* R[A] := false */ \
  X(LFALSESKIP, ABC,  NONE,  OPF_SETA | OPF_JUMP)                  /* R[A] := false; pc++ */ \
  X(LOADTRUE,   ABC,  NONE,  OPF_SETA)                             /* R[A] := true */ \
  X(LOADNIL,    ABC,  NONE,  OPF_SETA)                             /* R[A], ..., R[A+B] := nil */ \
  X(GETUPVAL,   ABC,  NONE,  OPF_SETA)                             /* R[A] := UpValue[B] */ \
  X(SETUPVAL,   ABC,  NONE,  0)                                    /* UpValue[B] := R[A] */ \
  X(GETTABUP,   ABC,  FIELD, OPF_SETA | OPF_META)                  /* R[A] := UpValue[B][K[C]:shortstring] */ \
  X(GETTABLE,   ABC,  TYPES, OPF_SETA | OPF_META)                  /* R[A] := R[B][R[C]] */ \
  X(GETI,       ABC,  TYPES, OPF_SETA | OPF_META)                  /* R[A] := R[B][C] */ \
  X(GETFIELD,   ABC,  FIELD, OPF_SETA | OPF_META)                  /* R[A] := R[B][K[C]:shortstring] */ \
  X(SETTABUP,   ABC,  FIELD, OPF_META)                             /* UpValue[A][K[B]:shortstring] := RK(C) */ \
  X(SETTABLE,   ABC,  TYPES, OPF_META)                             /* R[A][R[B]] := RK(C) */ \
  X(SETI,       ABC,  TYPES, OPF_META)                             /* R[A][B] := RK(C) */ \
  X(SETFIELD,   ABC,  FIELD, OPF_META)                             /* R[A][K[B]:shortstring] := RK(C) */ \
  X(NEWTABLE,   ABx,  NONE,  OPF_SETA | OPF_ALLOC)                 /* R[A] := {} (B: log2(hash size)+1 or 0; Bx: array size) */ \
  X(SELF,       ABC,  FIELD, OPF_SETA | OPF_META)                  /* R[A+1] := R[B]; R[A] := R[B][RK(C):string] */ \
  X(ADDI,       ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] + sC */ \
  X(ADDK,       ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] + K[C]:number */ \
  X(SUBK,       ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] - K[C]:number */ \
  X(MULK,       ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] * K[C]:number */ \
  X(MODK,       ABC,  TYPES, OPF_ARITH | OPF_THROW)                /* R[A] := R[B] % K[C]:number */ \
  X(POWK,       ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] ^ K[C]:number */ \
  X(DIVK,       ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] / K[C]:number */ \
  X(IDIVK,      ABC,  TYPES, OPF_ARITH | OPF_THROW)                /* R[A] := R[B] // K[C]:number */ \
  X(BANDK,      ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] & K[C]:integer */ \
  X(BORK,       ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] | K[C]:integer */ \
  X(BXORK,      ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] ~ K[C]:integer */ \
  X(SHRI,       ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] >> sC */ \
  X(SHLI,       ABC,  TYPES, OPF_ARITH)                            /* R[A] := sC << R[B] */ \
  X(ADD,        ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] + R[C] */ \
  X(SUB,        ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] - R[C] */ \
  X(MUL,        ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] * R[C] */ \
  X(MOD,        ABC,  TYPES, OPF_ARITH | OPF_THROW)                /* R[A] := R[B] % R[C] */ \
  X(POW,        ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] ^ R[C] */ \
  X(DIV,        ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] / R[C] */ \
  X(IDIV,       ABC,  TYPES, OPF_ARITH | OPF_THROW)                /* R[A] := R[B] // R[C] */ \
  X(BAND,       ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] & R[C] */ \
  X(BOR,        ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] | R[C] */ \
  X(BXOR,       ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] ~ R[C] */ \
  X(SHL,        ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] << R[C] */ \
  X(SHR,        ABC,  TYPES, OPF_ARITH)                            /* R[A] := R[B] >> R[C] */ \
  X(MMBIN,      ABC,  NONE,  OPF_MM | OPF_META)                    /* call C metamethod over R[A] and R[B]; result to the previous op's A */ \
  X(MMBINI,     ABC,  NONE,  OPF_MM | OPF_META)                    /* call C metamethod over R[A] and sB (k: operands swapped) */ \
  X(MMBINK,     ABC,  NONE,  OPF_MM | OPF_META)                    /* call C metamethod over R[A] and K[B] (k: operands swapped) */ \
  X(UNM,        ABC,  TYPES, OPF_SETA | OPF_META)                  /* R[A] := -R[B] */ \
  X(BNOT,       ABC,  TYPES, OPF_SETA | OPF_META)                  /* R[A] := ~R[B] */ \
  X(NOT,        ABC,  NONE,  OPF_SETA)                             /* R[A] := not R[B] */ \
  X(LEN,        ABC,  TYPES, OPF_SETA | OPF_META)                  /* R[A] := #R[B] (length operator) */ \
  X(CONCAT,     ABC,  NONE,  OPF_SETA | OPF_META)                  /* R[A] := R[A].. ... ..R[A + B - 1] */ \
  X(CLOSE,      ABC,  NONE,  OPF_META)                             /* close all upvalues and tbc variables >= R[A] */ \
  X(TBC,        ABC,  NONE,  OPF_THROW)                            /* mark variable A "to be closed" */ \
  X(JMP,        sJ,   NONE,  OPF_JUMP)                             /* pc += sJ */ \
  X(EQ,         ABC,  TYPES, OPF_TEST | OPF_META)                  /* if ((R[A] == R[B]) ~= k) then pc++ */ \
  X(LT,         ABC,  TYPES, OPF_TEST | OPF_META)                  /* if ((R[A] <  R[B]) ~= k) then pc++ */ \
  X(LE,         ABC,  TYPES, OPF_TEST | OPF_META)                  /* if ((R[A] <= R[B]) ~= k) then pc++ */ \
  X(EQK,        ABC,  NONE,  OPF_TEST)                             /* if ((R[A] == K[B]) ~= k) then pc++ */ \
  X(EQI,        ABC,  NONE,  OPF_TEST)                             /* if ((R[A] == sB) ~= k) then pc++ (C: sB is float) */ \
  X(LTI,        ABC,  TYPES, OPF_TEST | OPF_META)                  /* if ((R[A] < sB) ~= k) then pc++ (C: sB is float) */ \
  X(LEI,        ABC,  TYPES, OPF_TEST | OPF_META)                  /* if ((R[A] <= sB) ~= k) then pc++ */ \
  X(GTI,        ABC,  TYPES, OPF_TEST | OPF_META)                  /* if ((R[A] > sB) ~= k) then pc++ */ \
  X(GEI,        ABC,  TYPES, OPF_TEST | OPF_META)                  /* if ((R[A] >= sB) ~= k) then pc++ */ \
  X(TEST,       ABC,  NONE,  OPF_TEST)                             /* if (not R[A] == k) then pc++ */ \
  X(TESTSET,    ABC,  NONE,  OPF_TEST | OPF_SETA)                  /* if (not R[B] == k) then pc++ else R[A] := R[B] */ \
  X(CALL,       ABC,  CALL,  OPF_ITOP | OPF_OTOP | OPF_META)       /* R[A], ..., R[A+C-2] := R[A](R[A+1], ..., R[A+B-1]) */ \
  X(TAILCALL,   ABC,  CALL,  OPF_ITOP | OPF_OTOP | OPF_META)       /* return R[A](R[A+1], ..., R[A+B-1]) (k: close; C: nparams+1 if vararg) */ \
  X(RETURN,     ABC,  NONE,  OPF_ITOP | OPF_META)                  /* return R[A], ..., R[A+B-2] (k: close; C: nparams+1 if vararg) */ \
  X(RETURN0,    ABC,  NONE,  0)                                    /* return */ \
  X(RETURN1,    ABC,  NONE,  0)                                    /* return R[A] */ \
  X(FORLOOP,    ABx,  NONE,  OPF_JUMP)                             /* update counters; if loop continues then pc -= Bx */ \
  X(FORPREP,    ABx,  NONE,  OPF_THROW | OPF_JUMP)                 /* check and prepare counters; if not to run then pc += Bx + 1 */ \
  X(TFORPREP,   ABx,  NONE,  OPF_THROW | OPF_JUMP)                 /* create tbc for R[A+3]; pc += Bx */ \
  X(TFORCALL,   ABC,  CALL,  OPF_META)                             /* R[A+4], ..., R[A+3+C] := R[A](R[A+1], R[A+2]) */ \
  X(TFORLOOP,   ABx,  NONE,  OPF_JUMP)                             /* if R[A+4] ~= nil then { R[A+2] := R[A+4]; pc -= Bx } */ \
  X(SETLIST,    ABx,  NONE,  OPF_ITOP | OPF_ALLOC)                 /* R[A][Bx+i] := R[A+i], 1 <= i <= B (B = 0: up to top) */ \
  X(CLOSURE,    ABx,  NONE,  OPF_SETA | OPF_ALLOC)                 /* R[A] := closure(KPROTO[Bx]) */ \
  X(VARARG,     ABC,  NONE,  OPF_SETA | OPF_OTOP | OPF_ALLOC)      /* R[A], ..., R[A+C-2] = vararg (C = 0: all, sets top) */ \
  X(VARARGPREP, ABC,  NONE,  OPF_THROW | OPF_ALLOC)                /* adjust vararg parameters (A: number of fixed params) */

enum OpCode {
#define X(name, fmt, fb, flags) OP_##name,
  OP_TABLE(X)
#undef X
  NUM_OPCODES
};

_Static_assert(NUM_OPCODES <= 256, "opcode is one byte");

/* Per-op metadata, defined in vm/ops.c from OP_TABLE. */
extern const char *const op_names[NUM_OPCODES];
extern const unsigned char op_format[NUM_OPCODES];    /* enum OpFormat */
extern const unsigned char op_feedback[NUM_OPCODES];  /* enum FeedbackKind */
extern const unsigned short op_flags[NUM_OPCODES];    /* OPF_* */

#define op_has(op, f)    ((op_flags[op] & (f)) != 0)

/* ---- Field access ---- */

#define SIZE_OP 8
#define MAXARG_A   255
#define MAXARG_B   255
#define MAXARG_C   255
#define MAXARG_Bx  UINT32_MAX
#define MAXARG_sBx INT32_MAX
#define MAXARG_sJ  INT32_MAX
#define OFFSET_sC  127
#define NO_FEEDBACK 0xFFFFu
#define MAX_FEEDBACK_SLOTS 0xFFFEu

#define GET_OPCODE(i)  ((enum OpCode)((i) & 0xFF))
#define GETARG_A(i)    ((int)(((i) >> 8) & 0xFF))
#define GETARG_B(i)    ((int)(((i) >> 16) & 0xFF))
#define GETARG_C(i)    ((int)(((i) >> 24) & 0xFF))
#define GETARG_k(i)    ((int)(((i) >> 32) & 1))
#define GETARG_F(i)    ((unsigned)(((i) >> 48) & 0xFFFF))
#define GETARG_Bx(i)   ((uint32_t)((i) >> 32))
#define GETARG_sBx(i)  ((int32_t)(uint32_t)((i) >> 32))
#define GETARG_sJ(i)   ((int32_t)(uint32_t)((i) >> 32))
#define GETARG_sB(i)   (GETARG_B(i) - OFFSET_sC)
#define GETARG_sC(i)   (GETARG_C(i) - OFFSET_sC)
#define TESTARG_k(i)   (((i) >> 32) & 1)

#define SET_FIELD_(i, shift, mask, v) \
  ((i) = ((i) & ~((Instruction)(mask) << (shift))) | \
         (((Instruction)(v) & (mask)) << (shift)))
#define SET_OPCODE(i, o)  SET_FIELD_(i, 0, 0xFF, o)
#define SETARG_A(i, v)    SET_FIELD_(i, 8, 0xFF, v)
#define SETARG_B(i, v)    SET_FIELD_(i, 16, 0xFF, v)
#define SETARG_C(i, v)    SET_FIELD_(i, 24, 0xFF, v)
#define SETARG_k(i, v)    SET_FIELD_(i, 32, 1, v)
#define SETARG_F(i, v)    SET_FIELD_(i, 48, 0xFFFF, v)
#define SETARG_Bx(i, v)   SET_FIELD_(i, 32, 0xFFFFFFFFu, (uint32_t)(v))
#define SETARG_sBx(i, v)  SETARG_Bx(i, (uint32_t)(int32_t)(v))
#define SETARG_sJ(i, v)   SETARG_Bx(i, (uint32_t)(int32_t)(v))

#define CREATE_ABCk(o, a, b, c, k) \
  ((Instruction)(o) | ((Instruction)(a) << 8) | ((Instruction)(b) << 16) | \
   ((Instruction)(c) << 24) | ((Instruction)(k) << 32) | \
   ((Instruction)NO_FEEDBACK << 48))
#define CREATE_ABx(o, a, bx) \
  ((Instruction)(o) | ((Instruction)(a) << 8) | ((Instruction)(uint32_t)(bx) << 32))
#define CREATE_ABBx(o, a, b, bx) \
  (CREATE_ABx(o, a, bx) | ((Instruction)(b) << 16))
#define CREATE_sJ(o, j) \
  ((Instruction)(o) | ((Instruction)(uint32_t)(int32_t)(j) << 32))

#define int2sC(i)  ((i) + OFFSET_sC)
#define fitsC(i)   ((uint64_t)(i) + OFFSET_sC <= MAXARG_C)  /* unsigned: no overflow */

#endif
