/*
 * func.h — prototypes, closures, upvalues and to-be-closed variables.
 *
 * Upvalues are shared between closures: while the captured variable is
 * live in a stack frame the upvalue is "open" (v points into the stack and
 * the upvalue sits in the thread's openupval list, sorted by level, highest
 * first); when the frame ends it is "closed" (the value moves into the
 * upvalue itself). To-be-closed variables (local x <close>) are tracked in a
 * second list threaded through the stack (see below).
 */
#ifndef CRESCENT_FUNC_H
#define CRESCENT_FUNC_H

#include <string.h>

#include "obj/object.h"

/* Allocation sizes (the collector frees with the same formulas). */
#define func_sizeCclosure(n) \
  (offsetof(CClosure, upvalue) + sizeof(TValue) * (size_t)(n))
#define func_sizeLclosure(n) \
  (offsetof(LClosure, upvals) + sizeof(UpVal *) * (size_t)(n))

/* `status` of func_close when the block or function ends normally (no
 * error object is passed to __close). Any other value is a thread status
 * (LUA_OK for lua_closethread, an error code while unwinding an error). */
#define FUNC_CLOSEKTOP (-1)

/*
 * To-be-closed list. L->tbclist is the highest stack slot holding a tbc
 * variable (L->stack, a sentinel, when there is none). Each tbc slot keeps
 * the distance down to the previous list element in bytes 12..15 of its
 * TValue, which the value itself never uses (obj/value.h: the unused bytes
 * are never read or written by setobj). Consequences for other code:
 *  - stack reallocation must copy whole 16-byte slots (memcpy/realloc, not
 *    setobj) and must relocate L->tbclist like the other stack pointers;
 *  - a new thread starts with L->tbclist = L->stack.
 * The distance is 32 bits, more than the largest stack (LUAI_MAXSTACK), so
 * no filler entries are ever needed.
 */
#define FUNC_TBC_DELTA_OFFSET 12
_Static_assert(offsetof(TValue, tt_) < FUNC_TBC_DELTA_OFFSET &&
               sizeof(TValue) >= FUNC_TBC_DELTA_OFFSET + 4,
               "the tbc distance lives in the unused bytes of a slot");

static inline uint32_t func_tbcdelta(const TValue *slot) {
  uint32_t d;
  memcpy(&d, (const char *)slot + FUNC_TBC_DELTA_OFFSET, sizeof d);
  return d;
}
static inline void func_settbcdelta(TValue *slot, uint32_t d) {
  memcpy((char *)slot + FUNC_TBC_DELTA_OFFSET, &d, sizeof d);
}

Proto *func_newproto(lua_State *L);
void func_freeproto(lua_State *L, Proto *f);
LClosure *func_newLclosure(lua_State *L, int nupvals);
CClosure *func_newCclosure(lua_State *L, int nupvals);
/* Fill every upvalue of a fresh closure with a new closed nil upvalue
 * (main chunks from lua_load; their _ENV is then set by the caller). */
void func_initupvals(lua_State *L, LClosure *cl);

/* The open upvalue for stack slot `level`, created if needed. */
UpVal *func_findupval(lua_State *L, StkId level);
/* Close every open upvalue at or above `level`. */
void func_closeupval(lua_State *L, StkId level);
/* Insert the variable at `level` in the tbc list (TBC op, lua_toclose).
 * false/nil are accepted and ignored; a value without __close raises
 * "variable 'x' got a non-closable value". */
void func_newtbcupval(lua_State *L, StkId level);
/* Close upvalues and call __close of tbc variables at or above `level`,
 * highest first. status: FUNC_CLOSEKTOP for a normal exit, else the error
 * status whose error object (below L->top) is passed to __close. yy: the
 * __close calls may yield. Returns `level`, relocated if the stack moved. */
StkId func_close(lua_State *L, StkId level, int status, int yy);
/* Remove an open upvalue from its thread's list (collector, func_close). */
void func_unlinkupval(UpVal *uv);
void func_freeupval(lua_State *L, UpVal *uv);

/* Name of the local_number-th (1-based) local variable active at pc, or
 * NULL. */
const char *func_getlocalname(const Proto *f, int local_number, int pc);

#endif
