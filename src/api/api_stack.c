/*
 * api_stack.c — the C API's basic stack manipulation: indices, top, moving
 * and copying values, growing the stack, moving values between threads,
 * and to-be-closed slots of C functions (lua_toclose / lua_closeslot).
 */
#include "api/api_index.h"
#include "gc/gc.h"
#include "vm/do.h"
#include "vm/func.h"

LUA_API int lua_absindex(lua_State *L, int idx) {
  return (idx > 0 || api_ispseudo(idx))
           ? idx : cast_int(L->top - L->ci->func) + idx;
}

LUA_API int lua_gettop(lua_State *L) {
  return cast_int(L->top - (L->ci->func + 1));
}

/*
 * Lowering the top past a to-be-closed slot closes it (its __close runs
 * now, as lua5.4 does); such a slot must have been marked with lua_toclose
 * by this same C function. This is lua_settop in general; lua_settop
 * itself handles the common pop without a stack frame.
 */
static CR_NOINLINE void settop_slow(lua_State *L, int idx) {
  CallInfo *ci = L->ci;
  StkId base = ci->func + 1;
  ptrdiff_t diff;
  if (idx >= 0) {
    api_check(L, idx <= ci->top - base, "new top too large");
    diff = (base + idx) - L->top;
    for (; diff > 0; diff--)
      setnilvalue(L->top++);
  } else {
    api_check(L, -(idx + 1) <= L->top - base, "invalid new top");
    diff = idx + 1;
  }
  api_check(L, L->tbclist < L->top, "previous pop of an unclosed slot");
  StkId newtop = L->top + diff;
  if (diff < 0 && L->tbclist >= newtop) {
    api_check(L, do_hastocloseCfunc(ci->nresults), "unmarked to-be-closed slot");
    newtop = func_close(L, newtop, FUNC_CLOSEKTOP, 0);
  }
  L->top = newtop;
}

LUA_API void lua_settop(lua_State *L, int idx) {
  if (idx < 0) {  /* lua_pop: no slot to close below the new top */
    api_check(L, -(idx + 1) <= L->top - (L->ci->func + 1), "invalid new top");
    StkId newtop = L->top + (idx + 1);
    if (CR_LIKELY(L->tbclist < newtop)) {
      L->top = newtop;
      return;
    }
  }
  settop_slow(L, idx);
}

LUA_API void lua_pushvalue(lua_State *L, int idx) {
  setobj2s(L, L->top, api_index2value(L, idx));
  api_incr_top(L);
}

/* Reverse the slots from..to (inclusive). */
static void stack_reverse(lua_State *L, StkId from, StkId to) {
  (void)L;   /* setobj takes the state for symmetry only */
  for (; from < to; from++, to--) {
    TValue tmp;
    setobj(L, &tmp, from);
    setobj(L, from, to);
    setobj(L, to, &tmp);
  }
}

/*
 * Rotating the segment [p, top) by n is three reversals: reverse the part
 * that wraps around, reverse the rest, then reverse the whole segment.
 */
LUA_API void lua_rotate(lua_State *L, int idx, int n) {
  StkId last = L->top - 1;
  StkId first = api_index2stack(L, idx);
  api_check(L, (n >= 0 ? n : -n) <= (last - first + 1), "invalid 'n'");
  StkId mid = (n >= 0) ? last - n : first - n - 1;
  stack_reverse(L, first, mid);
  stack_reverse(L, mid + 1, last);
  stack_reverse(L, first, last);
}

LUA_API void lua_copy(lua_State *L, int fromidx, int toidx) {
  TValue *from = api_index2value(L, fromidx);
  TValue *to = api_index2value(L, toidx);
  api_check(L, api_isvalid(L, to), "invalid index");
  setobj(L, to, from);
  /* An upvalue of the running C closure is a field of a heap object. */
  if (api_isupvalue(toidx))
    gc_barrier(L, clCvalue(L->ci->func), from);
}

/* lua_checkstack when the stack must grow (out of line: the common case
 * below needs no stack frame). */
static CR_NOINLINE int checkstack_grow(lua_State *L, int n) {
  CallInfo *ci = L->ci;
  int ok;
  int inuse = cast_int(L->top - L->stack) + CR_EXTRA_STACK;
  if (inuse > CR_MAX_STACK - n)
    ok = 0;                           /* would pass the stack limit */
  else
    ok = do_growstack(L, n, 0);
  if (ok && ci->top < L->top + n)
    ci->top = L->top + n;             /* the frame may now use them */
  return ok;
}

LUA_API int lua_checkstack(lua_State *L, int n) {
  CallInfo *ci = L->ci;
  api_check(L, n >= 0, "negative 'n'");
  if (CR_UNLIKELY(L->stack_last - L->top <= n))
    return checkstack_grow(L, n);
  if (ci->top < L->top + n)
    ci->top = L->top + n;             /* the frame may now use them */
  return 1;
}

LUA_API void lua_xmove(lua_State *from, lua_State *to, int n) {
  if (from == to)
    return;
  api_checknelems(from, n);
  api_check(from, G(from) == G(to), "moving among independent states");
  api_check(from, to->ci->top - to->top >= n, "stack overflow");
  /* local pointers: the stores through them could alias the tops */
  StkId src = from->top - n;
  StkId dst = to->top;
  /* n is mostly 0 to 2 (coroutine transfers): a plain loop is cheapest */
#pragma clang loop unroll(disable)
  for (int i = 0; i < n; i++)
    setobjs2s(to, dst + i, src + i);
  from->top = src;
  to->top = dst + n;
}

/*
 * A C function's tbc slots are closed when it returns; do_poscall learns
 * that it must look for them from ci->nresults, which is re-encoded below
 * LUA_MULTRET the first time (see vm/do.h).
 */
LUA_API void lua_toclose(lua_State *L, int idx) {
  StkId o = api_index2stack(L, idx);
  int nresults = L->ci->nresults;
  api_check(L, L->tbclist < o, "given index below or equal a marked one");
  func_newtbcupval(L, o);
  if (!do_hastocloseCfunc(nresults))
    L->ci->nresults = (short)do_codeNresults(nresults);
}

LUA_API void lua_closeslot(lua_State *L, int idx) {
  StkId level = api_index2stack(L, idx);
  api_check(L, do_hastocloseCfunc(L->ci->nresults) && L->tbclist == level,
            "no variable to close at given level");
  level = func_close(L, level, FUNC_CLOSEKTOP, 0);
  setnilvalue(level);
}
