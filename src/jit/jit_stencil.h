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
  X(PCJ, "8 * index of the jump target")

/* What a relocation of a stencil refers to. */
enum StencilHoleKind {
#define X(name, doc) SH_##name,
  STENCIL_HOLES(X)
#undef X
  SH_NOPERANDS,
  SH_CONT_NEXT = SH_NOPERANDS,  /* the next instruction's stencil */
  SH_CONT_JUMP,                 /* the jump target's stencil */
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

typedef struct Stencil {
  const uint8_t *code;
  uint32_t size;       /* bytes */
  uint32_t tail_next;  /* size - 5 when it ends in "jmp next", else size */
  const StencilHole *holes;
  uint32_t nholes;
} Stencil;

/* Generated (build/gen/stencils.c), indexed by opcode. */
extern const Stencil stencils[];
extern void *const stencil_symbols[];
extern const char *const stencil_symbol_names[];
extern const unsigned stencil_nsymbols;
extern const uint8_t stencil_rodata[];
extern const uint32_t stencil_rodata_size;

#endif
