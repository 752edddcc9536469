/*
 * jit.h — T1, the baseline JIT: copy-and-patch compilation of a Proto from
 * the interpreter's own op bodies (docs/jit.md).
 *
 * A compiled function is the concatenation of one stencil per instruction
 * (src/host/stencil_ops.c), holes patched with that instruction's operands.
 * Compiled code keeps no state of its own: values live in the Lua stack,
 * the pc is saved in the CallInfo as the interpreter does, and every
 * instruction's stencil is an entry point (JitCode.offsets), so a frame can
 * move between the tiers at any instruction boundary.
 */
#ifndef CRESCENT_JIT_H
#define CRESCENT_JIT_H

#include "obj/object.h"

typedef struct InterpTable InterpTable;

/* The handler signature shared by interpreter handlers, stencils and the
 * runtime entries below (interp.c's HANDLER_PARAMS). */
#define JIT_HANDLER_PARAMS                                                 \
  lua_State *L, CallInfo *ci, StkId base, const Instruction *pc,           \
  Instruction i, TValue *k, LClosure *cl, const InterpTable *disp,         \
  FeedbackSlot *fb

/* Entries + back-edges a function runs in the profiling stencils before
 * it is recompiled with the plain ones, when the interpreter had not
 * profiled it that long (--jit-threshold below this; docs/jit.md,
 * "Profiling"). CRESCENT_JIT_WARMUP=N overrides it (tests). */
#define JIT_WARMUP 1000

/* callstatus bit of a frame pushed by compiled code: its caller is compiled
 * and stored in caller->u.l.jitret the code address the call returns to
 * (the next instruction's stencil), so a RETURN stencil jumps there
 * without looking the caller's pc up. Bits 10-12 are do.h's recover
 * status, 13 tm.h's TM_CIST_LEQ. */
#define JIT_CIST_RET_BIT 14
#define JIT_CIST_RET ((unsigned short)(1u << JIT_CIST_RET_BIT))
_Static_assert(CIST_BIT_ALLOWHOOK < 10, "callstatus bit 14 is free");

/* Proto.jitcode of a compiled function. */
typedef struct JitCode {
  uint8_t *code;       /* executable, read-only; calls enter here */
  size_t mapsize;      /* bytes reserved for it (pages) */
  size_t codesize;     /* bytes of stencils (trampolines follow) */
  int ninsns;
  int profiling;       /* the profiling stencils (and their prologue) */
  struct JitCode *older;  /* code replaced by this one, kept while p lives:
                             frames (and C calls) may still be inside it */
  struct JitSlow *slow;   /* blocks of the general stencils compiled so far
                             (jit_compile_slow), newest first */
  size_t slowneed;        /* bytes of general stencils not yet compiled */
  size_t slowbytes;       /* bytes of general stencils compiled so far */
  uint32_t offsets[];  /* [0, ninsns): instruction index -> offset of its
                          stencil (not in order: MMBIN* stencils come
                          last); [ninsns]: the end of those; [ninsns + 1 +
                          index]: offset of the instruction's slow-path
                          entry (a jump to its general stencil, with the
                          cold code), or UINT32_MAX */
} JitCode;

/* Compiled code as C sees it: a stencil or a runtime entry, with the
 * handler signature. */
typedef CR_PRESERVE_NONE void (*JitHandler)(JIT_HANDLER_PARAMS);

/* The code of instruction ix of jc: every instruction's stencil is an
 * entry point. */
static inline JitHandler jit_code_at(const JitCode *jc, size_t ix) {
  return (JitHandler)(void *)(jc->code + jc->offsets[ix]);
}

/* Every C function that calls into compiled code. UBSan's
 * -fsanitize=function (part of "undefined") checks an indirect call by
 * reading a signature word in the 8 bytes before the target; a stencil has
 * none, and the first one of a block follows an inaccessible page: the
 * check would fault (this was the sanitizer builds' crash on entry). */
#define JIT_CALLER __attribute__((no_sanitize("function")))

/* Compile p (its counters said it is hot). On failure p stays interpreted
 * (the reason goes to --trace-opt). Never raises, never allocates from the
 * Lua heap. Returns 1 when p->jitcode is set. */
int jit_compile(lua_State *L, Proto *p);

/* The general stencil (slow path) of instruction idx of p's code, compiled
 * when a fast path first leaves for it (jit_rt_slow): copied into a block
 * of its own, patched, and the instruction's slow-path entry sent there.
 * Returns its address, or NULL when code memory is exhausted (the
 * instruction then runs in the interpreter). */
const uint8_t *jit_compile_slow(lua_State *L, Proto *p, int idx);

/* Release p's code (the collector frees p). */
void jit_free(Proto *p);

/* Continue frame ci (L->ci) in compiled code at ci->u.l.savedpc. The
 * caller checks that the function is compiled and no hook is set. */
CR_PRESERVE_NONE void jit_enter(JIT_HANDLER_PARAMS);

/* The interpreter is about to run the instruction before pc of a compiled
 * function at a loop header: move the frame to compiled code (OSR). */
CR_PRESERVE_NONE void jit_osr(JIT_HANDLER_PARAMS);

#endif
