/*
 * bytecode_print.h — the --print-bytecode listing (the spirit and, where
 * the instruction sets agree, the exact format of `luac -l -l`).
 */
#ifndef CRESCENT_BYTECODE_PRINT_H
#define CRESCENT_BYTECODE_PRINT_H

#include <stdio.h>
#include "obj/object.h"

#define BCPRINT_FLAGS(X)                                                   \
  X(FULL,     1, "also list constants, locals and upvalues")              \
  X(FEEDBACK, 2, "show each instruction's feedback slot and the count")   \
  X(NESTED,   4, "also list the nested functions, depth first")

enum BytecodePrintFlag {
#define X(name, bit, doc) BCPRINT_##name = (bit),
  BCPRINT_FLAGS(X)
#undef X
};

void bytecode_print(FILE *out, const Proto *f, int flags);

#endif
