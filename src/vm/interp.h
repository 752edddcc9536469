/*
 * interp.h — the T0 interpreter's entry point (see the essay in interp.c).
 */
#ifndef CRESCENT_INTERP_H
#define CRESCENT_INTERP_H

#include "obj/object.h"

/* Run the Lua frame ci (already L->ci) from ci->u.l.savedpc until a frame
 * marked CIST_FRESH returns. Lua-to-Lua calls made on the way run inside the
 * same invocation. */
void vm_execute(lua_State *L, CallInfo *ci);

/* Handlers the baseline JIT continues with when a frame goes back to the
 * interpreter (src/jit/jit_runtime.c); the signature of interp.c's
 * handlers. interp_enter starts frame ci just pushed (entry counting, call
 * hook); interp_continue resumes ci at its saved pc. */
typedef struct InterpTable InterpTable;
#define INTERP_HANDLER_PARAMS                                              \
  lua_State *L, CallInfo *ci, StkId base, const Instruction *pc,           \
  Instruction i, TValue *k, LClosure *cl, const InterpTable *disp,         \
  FeedbackSlot *fb
CR_PRESERVE_NONE void interp_enter(INTERP_HANDLER_PARAMS);
CR_PRESERVE_NONE void interp_continue(INTERP_HANDLER_PARAMS);

#endif
