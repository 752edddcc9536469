/*
 * interp_helpers.c — the out-of-line parts of op bodies (see the header).
 */
#include <math.h>

#include "vm/interp_helpers.h"
#include "vm/do.h"
#include "gc/gc.h"
#include "vm/arith.h"
#include "vm/debuginfo.h"
#include "vm/func.h"
#include "vm/vm.h"

void interp_finishgeti(lua_State *L, const TValue *t, int c, StkId ra,
                       const TValue *slot) {
  TValue key;
  setivalue(&key, c);
  vm_finishget(L, t, &key, ra, slot);
}

void interp_finishseti(lua_State *L, const TValue *t, int c, TValue *val,
                       const TValue *slot) {
  TValue key;
  setivalue(&key, c);
  vm_finishset(L, t, &key, val, slot);
}

/* ------------------------------------------------------------------ */
/* Numeric for                                                         */
/* ------------------------------------------------------------------ */

/*
 * Integer loop limit: the limit as an integer in *p (floats rounded toward
 * the loop's direction, numeric strings converted, out-of-range floats
 * clipped); 1 if the loop must not run at all.
 */
static int interp_forlimit(lua_State *L, lua_Integer init, const TValue *lim,
                           lua_Integer *p, lua_Integer step) {
  if (!arith_tointeger(lim, p, step < 0 ? F2I_CEIL : F2I_FLOOR)) {
    lua_Number flim;
    if (!arith_tonumber(lim, &flim))
      debug_forerror(L, lim, "limit");
    /* a float beyond the integer range (or NaN) */
    if (0 < flim) {  /* too large */
      if (step < 0) return 1;
      *p = LUA_MAXINTEGER;
    } else {  /* too small, or NaN */
      if (step > 0) return 1;
      *p = LUA_MININTEGER;
    }
  }
  return step > 0 ? init > *p : init < *p;
}

/*
 * An integer loop (initial value and step integers) runs a number of times
 * known in advance: that count replaces the limit in R[A+1], so FORLOOP only
 * counts down and can never overflow. Otherwise all three become floats.
 */
int interp_forprep(lua_State *L, StkId ra) {
  TValue *pinit = ra, *plimit = ra + 1, *pstep = ra + 2;
  if (ttisinteger(pinit) && ttisinteger(pstep)) {
    lua_Integer init = ivalue(pinit);
    lua_Integer step = ivalue(pstep);
    lua_Integer limit;
    if (step == 0)
      debug_runerror(L, "'for' step is zero");
    setivalue(ra + 3, init);  /* control variable */
    if (interp_forlimit(L, init, plimit, &limit, step))
      return 1;
    lua_Unsigned count;
    if (step > 0) {
      count = l_castS2U(limit) - l_castS2U(init);
      if (step != 1)
        count /= l_castS2U(step);
    } else {
      count = l_castS2U(init) - l_castS2U(limit);
      /* step + 1 avoids negating the minimum integer */
      count /= l_castS2U(-(step + 1)) + 1u;
    }
    setivalue(plimit, l_castU2S(count));
    return 0;
  }
  lua_Number init, flimit, step;
  if (CR_UNLIKELY(!arith_tonumber(plimit, &flimit)))
    debug_forerror(L, plimit, "limit");
  if (CR_UNLIKELY(!arith_tonumber(pstep, &step)))
    debug_forerror(L, pstep, "step");
  if (CR_UNLIKELY(!arith_tonumber(pinit, &init)))
    debug_forerror(L, pinit, "initial value");
  if (step == 0)
    debug_runerror(L, "'for' step is zero");
  if (0 < step ? flimit < init : init < flimit)
    return 1;
  setfltvalue(plimit, flimit);
  setfltvalue(pstep, step);
  setfltvalue(ra, init);
  setfltvalue(ra + 3, init);
  return 0;
}

int interp_floatforloop(StkId ra) {
  /* raw reads, tagged write: see FORLOOP in op_bodies.h */
  lua_Number step = val_(ra + 2).n;
  lua_Number limit = val_(ra + 1).n;
  lua_Number idx = val_(ra).n + step;
  if (0 < step ? idx <= limit : limit <= idx) {
    setfltvalue(ra, idx);
    setfltvalue(ra + 3, idx);
    return 1;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Closures and hooks                                                  */
/* ------------------------------------------------------------------ */

void interp_pushclosure(lua_State *L, Proto *p, UpVal **encup, StkId base,
                        StkId ra) {
  int nup = p->sizeupvalues;
  Upvaldesc *uv = p->upvalues;
  LClosure *ncl = func_newLclosure(L, nup);
  ncl->p = p;
  setclLvalue(L, ra, ncl);  /* anchored before the upvalues allocate */
  for (int i = 0; i < nup; i++) {
    if (uv[i].instack)
      ncl->upvals[i] = func_findupval(L, base + uv[i].idx);
    else
      ncl->upvals[i] = encup[uv[i].idx];
    gc_objbarrier(L, ncl, ncl->upvals[i]);
  }
}

void interp_varargshook(lua_State *L, CallInfo *ci) {
  do_hookcall(L, ci);
  L->oldpc = 1;  /* the next instruction counts as a new line */
}

int interp_hookentry(lua_State *L, CallInfo *ci, const Instruction *pc) {
  Proto *p = clLvalue(ci->func)->p;
  int trace = 1;
  if (pc == p->code) {  /* starting (not resuming) */
    if (p->is_vararg)
      trace = 0;  /* hooks start after VARARGPREP */
    else
      do_hookcall(L, ci);
  }
  ci->u.l.trap = 1;
  return trace;
}
