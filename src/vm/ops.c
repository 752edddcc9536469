/*
 * ops.c — per-op metadata tables, all derived from OP_TABLE in ops.h.
 */
#include "vm/ops.h"

const char *const op_names[NUM_OPCODES] = {
#define X(name, fmt, fb, flags) #name,
  OP_TABLE(X)
#undef X
};

const unsigned char op_format[NUM_OPCODES] = {
#define X(name, fmt, fb, flags) FMT_##fmt,
  OP_TABLE(X)
#undef X
};

const unsigned char op_feedback[NUM_OPCODES] = {
#define X(name, fmt, fb, flags) FB_##fb,
  OP_TABLE(X)
#undef X
};

const unsigned short op_flags[NUM_OPCODES] = {
#define X(name, fmt, fb, flags) (flags),
  OP_TABLE(X)
#undef X
};
