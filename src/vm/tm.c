/*
 * tm.c — metamethod lookup and the calls the interpreter makes through
 * metamethods, with lua5.4's error messages when none exists; plus the
 * vararg frame helpers (they live here as in lua5.4 because VARARGPREP and
 * VARARG are the only users and share nothing with calls proper).
 */
#include <string.h>

#include "vm/tm.h"
#include "vm/arith.h"
#include "vm/debuginfo.h"
#include "gc/gc.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "vm/do.h"

_Static_assert(CIST_BIT_ALLOWHOOK < 10, "TM_CIST_LEQ is above the status bits");
#ifdef DO_CIST_RECST
_Static_assert(DO_CIST_RECST + 3 <= 13, "TM_CIST_LEQ is above do.h's bits");
#endif

static const char *const tm_names[TM_N] = {
#define X(name, key) key,
  TM_EVENTS(X)
#undef X
};

void tm_init(lua_State *L) {
  for (int e = 0; e < TM_N; e++) {
    G(L)->tmname[e] = str_newz(L, tm_names[e]);
    gc_fix(L, obj2gco(G(L)->tmname[e]));   /* names live as long as the state */
  }
}

const TValue *tm_get(Table *events, int event, TString *ename) {
  const TValue *tm = tab_getshortstr(events, ename);
  cr_assert(event <= TM_LAST_CACHED, "only the first events are cached");
  if (ttisnil(tm)) {
    events->tmcache |= (lu_byte)(1u << event);   /* remember the absence */
    return NULL;
  }
  return tm;
}

/* Metatable of any value: tables and full userdata have their own, other
 * types share one per type. */
static Table *tm_metatable(lua_State *L, const TValue *o) {
  switch (rawtt(o)) {
    case VT_TABLE: return hvalue(o)->metatable;
    case VT_UDATA: return uvalue(o)->metatable;
    default:       return G(L)->mt[ttype(o)];
  }
}

const TValue *tm_getbyobj(lua_State *L, const TValue *o, int event) {
  Table *mt = tm_metatable(L, o);
  return mt ? tab_getshortstr(mt, G(L)->tmname[event]) : &G(L)->nilvalue;
}

const char *tm_objtypename(lua_State *L, const TValue *o) {
  Table *mt = NULL;
  if (ttistable(o))
    mt = hvalue(o)->metatable;
  else if (ttisfulluserdata(o))
    mt = uvalue(o)->metatable;
  if (mt != NULL) {
    const TValue *name = tab_getshortstr(mt, str_newlit(L, "__name"));
    if (ttisstring(name))
      return svalue(name);
  }
  return tm_typename(ttype(o));
}

/* ------------------------------------------------------------------ */
/* Calling metamethods                                                 */
/* ------------------------------------------------------------------ */

/* A metamethod may yield only when called from Lua code (not from a C
 * function or a hook, which have no continuation to resume into). */
static void tm_docall(lua_State *L, StkId func, int nresults) {
  if (!(L->ci->callstatus & (CIST_C | CIST_HOOKED)))
    do_call(L, func, nresults);
  else
    do_callnoyield(L, func, nresults);
}

/* The pushes below use the CR_EXTRA_STACK slots every frame keeps above
 * its top, so no stack check is needed. */
void tm_call(lua_State *L, const TValue *f, const TValue *p1,
             const TValue *p2, const TValue *p3) {
  StkId func = L->top;
  setobj2s(L, func, f);
  setobj2s(L, func + 1, p1);
  setobj2s(L, func + 2, p2);
  setobj2s(L, func + 3, p3);
  L->top = func + 4;
  tm_docall(L, func, 0);
}

void tm_callres(lua_State *L, const TValue *f, const TValue *p1,
                const TValue *p2, StkId res) {
  ptrdiff_t result = savestack(L, res);
  StkId func = L->top;
  setobj2s(L, func, f);
  setobj2s(L, func + 1, p1);
  setobj2s(L, func + 2, p2);
  L->top = func + 3;
  tm_docall(L, func, 1);
  res = restorestack(L, result);
  L->top--;
  setobjs2s(L, res, L->top);
}

/* Try the metamethod of p1, then of p2; 0 if neither has one. */
static int tm_callbin(lua_State *L, const TValue *p1, const TValue *p2,
                      StkId res, int event) {
  const TValue *tm = tm_getbyobj(L, p1, event);
  if (ttisnil(tm))
    tm = tm_getbyobj(L, p2, event);
  if (ttisnil(tm))
    return 0;
  tm_callres(L, tm, p1, p2, res);
  return 1;
}

void tm_trybin(lua_State *L, const TValue *p1, const TValue *p2, StkId res,
               int event) {
  if (CR_LIKELY(tm_callbin(L, p1, p2, res, event)))
    return;
  switch (event) {
    case TM_BAND: case TM_BOR: case TM_BXOR:
    case TM_SHL: case TM_SHR: case TM_BNOT:
      /* two numbers reach here only when one is a non-integral float */
      if (ttisnumber(p1) && ttisnumber(p2))
        debug_tointerror(L, p1, p2);
      debug_opinterror(L, p1, p2, "perform bitwise operation on");
    default:
      debug_opinterror(L, p1, p2, "perform arithmetic on");
  }
}

void tm_trybinassoc(lua_State *L, const TValue *p1, const TValue *p2,
                    int flip, StkId res, int event) {
  if (flip)
    tm_trybin(L, p2, p1, res, event);
  else
    tm_trybin(L, p1, p2, res, event);
}

void tm_trybini(lua_State *L, const TValue *p1, lua_Integer i2, int flip,
                StkId res, int event) {
  TValue aux;
  setivalue(&aux, i2);
  tm_trybinassoc(L, p1, &aux, flip, res, event);
}

void tm_tryconcat(lua_State *L) {
  StkId top = L->top;
  if (CR_UNLIKELY(!tm_callbin(L, top - 2, top - 1, top - 2, TM_CONCAT)))
    debug_concaterror(L, top - 2, top - 1);
}

int tm_callorder(lua_State *L, const TValue *p1, const TValue *p2,
                 int event) {
  if (tm_callbin(L, p1, p2, L->top, event))
    return !l_isfalse(L->top);
  if (event == TM_LE) {
    /* 5.3 compatibility: a <= b as not (b < a). The mark lets
     * vm_finishOp negate the result if __lt yields. */
    L->ci->callstatus |= TM_CIST_LEQ;
    if (tm_callbin(L, p2, p1, L->top, TM_LT)) {
      L->ci->callstatus ^= TM_CIST_LEQ;
      return l_isfalse(L->top);
    }
    /* the error below discards this frame, mark and all */
  }
  debug_ordererror(L, p1, p2);
}

int tm_callorderi(lua_State *L, const TValue *p1, int v2, int flip,
                  int isfloat, int event) {
  TValue aux;
  if (isfloat) {
    setfltvalue(&aux, cast_num(v2));
  } else {
    setivalue(&aux, v2);
  }
  if (flip)
    return tm_callorder(L, &aux, p1, event);
  return tm_callorder(L, p1, &aux, event);
}

/* ------------------------------------------------------------------ */
/* Varargs                                                             */
/* ------------------------------------------------------------------ */

/* tm_adjustvarargs when the stack must grow first: out of line and
 * reached by a tail call, so that the common case saves no registers. */
static CR_COLD void tm_growvarframe(lua_State *L, int nfixparams,
                                    CallInfo *ci, const Proto *p) {
  do_growstack(L, p->maxstacksize + 1, 1);
  tm_movevarframe(L, nfixparams, ci);
}

void tm_adjustvarargs(lua_State *L, int nfixparams, CallInfo *ci,
                      const Proto *p) {
  if (CR_UNLIKELY(L->stack_last - L->top <= p->maxstacksize + 1)) {
    tm_growvarframe(L, nfixparams, ci, p);
    return;
  }
  tm_movevarframe(L, nfixparams, ci);
}

/* All of ... when the stack must grow first: out of line and reached by
 * a tail call, so that the common case saves no registers. */
static CR_COLD void tm_growvarargs(lua_State *L, CallInfo *ci, StkId where) {
  int nextra = ci->u.l.nextraargs;
  ptrdiff_t w = savestack(L, where);
  gc_check(L);
  do_growstack(L, nextra, 1);
  where = restorestack(L, w);
  L->top = where + nextra;
  tm_copyvarargs(ci, where, nextra, nextra);
}

void tm_getvarargs(lua_State *L, CallInfo *ci, StkId where, int wanted) {
  int nextra = ci->u.l.nextraargs;
  if (wanted < 0) {
    if (CR_UNLIKELY(L->stack_last - L->top <= nextra)) {
      tm_growvarargs(L, ci, where);
      return;
    }
    wanted = nextra;
    L->top = where + nextra;   /* the next op consumes up to top */
  }
  tm_copyvarargs(ci, where, nextra, wanted);
}
