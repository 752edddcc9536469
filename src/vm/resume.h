/*
 * resume.h — what a caller of C functions must know to let a yield return
 * instead of unwinding (resume.c).
 *
 * A yield normally longjmps to the lua_resume running the thread. That
 * jump is the dearest part of a coroutine switch: besides the jump itself,
 * every return after it (out of lua_resume, coroutine.resume, the call
 * that made it) is mispredicted, because the processor's return stack
 * still holds the frames the jump discarded. The manual requires a C
 * function to yield with `return lua_yieldk(...)`, so a yield can instead
 * come back as a return value, when every C frame between the yielding
 * function and lua_resume can pass it on:
 *
 *  - the caller marks the C function's CallInfo CIST_RETYIELD and, when
 *    the function returns RESUME_YIELDED (negative), leaves its handler
 *    chain at once (the interpreter returns out of vm_execute), with
 *    L->ci still the yielding C frame, as the longjmp would leave it;
 *  - lua_yieldk returns RESUME_YIELDED only for such a frame, and only
 *    while no C call is nested between lua_resume and the vm_execute
 *    that runs the caller (the C-call count is the one lua_resume set).
 *
 * Everything else (yields from hooks, from continuations, from C
 * functions called by other paths, across a lua_callk) still longjmps.
 */
#ifndef CRESCENT_VM_RESUME_H
#define CRESCENT_VM_RESUME_H

#include "obj/object.h"

/* Bit 15 of callstatus: 0-9 are CALL_STATUS_BITS, 10-12 the recovered
 * status (vm/do.h), 13 TM_CIST_LEQ (vm/tm.h), 14 JIT_CIST_RET (jit/jit.h). */
#define CIST_RETYIELD ((unsigned short)(1u << 15))

/* What lua_yieldk returns when the yield returns. */
#define RESUME_YIELDED (-1)

#endif
