/*
 * interp_helpers.h — out-of-line parts of op bodies (vm/op_bodies.h).
 *
 * Kept out of line either because they are long and rare (loop
 * preparation, closure creation) or because they need a temporary TValue
 * whose address is taken, which a tail-calling handler must not have.
 * They are plain functions so that every execution engine built from the
 * op bodies (the interpreter now, the baseline JIT's stencils later) can
 * call them.
 */
#ifndef CRESCENT_INTERP_HELPERS_H
#define CRESCENT_INTERP_HELPERS_H

#include "obj/object.h"
#include "vm/arith.h"

/* Integer % and // for divisors other than 0 and -1 (floored, as Lua's). */
CR_INLINE lua_Integer interp_imod_plain(lua_Integer m, lua_Integer n) {
  lua_Integer r = m % n;
  if (r != 0 && (r ^ n) < 0)
    r += n;
  return r;
}

CR_INLINE lua_Integer interp_idiv_plain(lua_Integer m, lua_Integer n) {
  lua_Integer q = m / n;
  if ((m ^ n) < 0 && m % n != 0)
    q -= 1;
  return q;
}

/* Any divisor; arith_mod/arith_idiv (vm-B) own the semantics and handle 0
 * (error) and -1 (overflow). */
CR_INLINE lua_Integer interp_imod(lua_State *L, lua_Integer m, lua_Integer n) {
  if (CR_UNLIKELY(l_castS2U(n) + 1u <= 1u))
    return arith_mod(L, m, n);
  return interp_imod_plain(m, n);
}

CR_INLINE lua_Integer interp_idiv(lua_State *L, lua_Integer m, lua_Integer n) {
  if (CR_UNLIKELY(l_castS2U(n) + 1u <= 1u))
    return arith_idiv(L, m, n);
  return interp_idiv_plain(m, n);
}

/* t[c] / t[c] = val for an integer immediate, after the fast path missed. */
void interp_finishgeti(lua_State *L, const TValue *t, int c, StkId ra,
                       const TValue *slot);
void interp_finishseti(lua_State *L, const TValue *t, int c, TValue *val,
                       const TValue *slot);

/* FORPREP: check and convert the control values at ra; for an integer
 * loop, replace the limit by the iteration count. 1: skip the loop. */
int interp_forprep(lua_State *L, StkId ra);
/* FORLOOP of a float loop: 1 to run the body again. */
int interp_floatforloop(StkId ra);

/* CLOSURE: a new closure of p in ra, capturing registers from base and
 * upvalues from encup. */
void interp_pushclosure(lua_State *L, Proto *p, UpVal **encup, StkId base,
                        StkId ra);

/* VARARGPREP with hooks on: the call hook, delayed until the frame moved. */
void interp_varargshook(lua_State *L, CallInfo *ci);

/* Entering Lua frame ci (at pc) while L->hookmask is set: runs the call
 * hook if the function is starting and marks the frame for tracing.
 * Returns whether line/count tracing should start at once (0 for a vararg
 * function at its start: tracing starts after VARARGPREP). */
int interp_hookentry(lua_State *L, CallInfo *ci, const Instruction *pc);

#endif
