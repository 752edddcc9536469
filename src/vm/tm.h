/*
 * tm.h — metamethods ("tag methods"): event names, lookup, and the calls
 * the interpreter makes when an operand has no primitive meaning.
 *
 * The event order is lua5.4's and it matters twice: the first events (up to
 * EQ) are the ones whose absence is cached in Table.tmcache, and the code
 * generator stores the event number of an arithmetic op in the C operand of
 * the MMBIN/MMBINI/MMBINK that follows it (so TM_ADD..TM_SHR must stay in
 * the same order as LUA_OPADD..LUA_OPSHR, see the static asserts in tm.c).
 */
#ifndef CRESCENT_TM_H
#define CRESCENT_TM_H

#include "obj/object.h"

/* X(NAME, metamethod key) — defined once; enum and names derive from it. */
#define TM_EVENTS(X)          \
  X(INDEX,    "__index")      \
  X(NEWINDEX, "__newindex")   \
  X(GC,       "__gc")         \
  X(MODE,     "__mode")       \
  X(LEN,      "__len")        \
  X(EQ,       "__eq")         \
  X(ADD,      "__add")        \
  X(SUB,      "__sub")        \
  X(MUL,      "__mul")        \
  X(MOD,      "__mod")        \
  X(POW,      "__pow")        \
  X(DIV,      "__div")        \
  X(IDIV,     "__idiv")       \
  X(BAND,     "__band")       \
  X(BOR,      "__bor")        \
  X(BXOR,     "__bxor")       \
  X(SHL,      "__shl")        \
  X(SHR,      "__shr")        \
  X(UNM,      "__unm")        \
  X(BNOT,     "__bnot")       \
  X(LT,       "__lt")         \
  X(LE,       "__le")         \
  X(CONCAT,   "__concat")     \
  X(CALL,     "__call")       \
  X(CLOSE,    "__close")

typedef enum TMS {
#define X(name, key) TM_##name,
  TM_EVENTS(X)
#undef X
  TM_N
} TMS;

_Static_assert(TM_N <= TM_COUNT_MAX, "global_State.tmname is large enough");

/* Events whose absence a table caches in its tmcache bits (one bit each;
 * tmcache is a byte, so this must stay below 8). */
#define TM_LAST_CACHED TM_EQ
_Static_assert(TM_LAST_CACHED < 8, "cached events fit in Table.tmcache");

/*
 * Cache invariant: a set bit (1 << e) in t->tmcache means "t has no field
 * named after event e". Whoever turns an absent or nil field of a table into
 * a non-nil one must clear the bits (tm_invalidatecache): tab_set,
 * tab_finishset, tab_setint and every interpreter fast path that writes into
 * a slot that held nil. (Writing over a non-nil value needs nothing: the
 * cache only records absence.)
 */
#define tm_invalidatecache(t) ((t)->tmcache = 0)

/* Create the "__index"... strings in G(L)->tmname and make them permanent. */
void tm_init(lua_State *L);

/* Slow part of tm_fast: looks the event up and caches its absence. Only for
 * events <= TM_LAST_CACHED. Returns NULL when absent. */
const TValue *tm_get(Table *events, int event, TString *ename);

/* Metamethod of a metatable for a cached event, or NULL (fast when known
 * absent). mt may be NULL. */
#define tm_fast(L, mt, e)                                        \
  ((mt) == NULL ? NULL                                           \
   : ((mt)->tmcache & (1u << (e))) ? NULL                        \
   : tm_get((mt), (e), G(L)->tmname[e]))

/* Metamethod of any value for any event; a nil value (never NULL) when
 * absent. */
const TValue *tm_getbyobj(lua_State *L, const TValue *o, int event);

/* Name of the basic type of tag-index t (LUA_T*). */
#define tm_typename(t) (value_type_names[(t) + 1])
/* Type name for messages: the metatable's string __name if any. */
const char *tm_objtypename(lua_State *L, const TValue *o);

/* Call metamethod f(p1, p2, p3) with no results (used by __newindex). */
void tm_call(lua_State *L, const TValue *f, const TValue *p1,
             const TValue *p2, const TValue *p3);
/* Call f(p1, p2) and store its first result in *res (res is a stack slot;
 * it survives a stack reallocation during the call). */
void tm_callres(lua_State *L, const TValue *f, const TValue *p1,
                const TValue *p2, StkId res);

/*
 * Binary operators after the fast path failed: try the metamethod of
 * `event` on p1 then p2; raise lua5.4's error when neither has one.
 * tm_trybinassoc / tm_trybini: for ops with a constant operand (MMBINK,
 * MMBINI): `flip` says the constant was the left operand in the source.
 * p1/p2 should point to the register or upvalue itself when they come from
 * one, so that error messages can name the variable.
 */
void tm_trybin(lua_State *L, const TValue *p1, const TValue *p2, StkId res,
               int event);
void tm_trybinassoc(lua_State *L, const TValue *p1, const TValue *p2,
                    int flip, StkId res, int event);
void tm_trybini(lua_State *L, const TValue *p1, lua_Integer i2, int flip,
                StkId res, int event);
/* CONCAT of the two values below L->top (result to L->top - 2). */
void tm_tryconcat(lua_State *L);

/* callstatus bit set while tm_callorder runs __lt for a __le (so that
 * vm_finishOp negates the result if __lt yields). Bit 13: bits 0..9 are
 * CALL_STATUS_BITS (obj/object.h), 10..12 vm/do.h's recover status. */
#define TM_CIST_LEQ ((unsigned short)(1u << 13))

/* Order metamethods (__lt, __le). __le falls back to `not (p2 < p1)` as
 * lua5.4 does when built with LUA_COMPAT_5_3 (Debian's lua5.4 is). */
int tm_callorder(lua_State *L, const TValue *p1, const TValue *p2, int event);
/* Comparison with an immediate: v2 is the immediate (a float if isfloat);
 * flip = the immediate was the left operand (GTI/GEI). */
int tm_callorderi(lua_State *L, const TValue *p1, int v2, int flip,
                  int isfloat, int event);

/*
 * Varargs. On entry to a vararg function (VARARGPREP), the function and its
 * fixed parameters are copied above the actual arguments, and ci->func moves
 * up to the copy:
 *
 *   before:  func fix1..fixN extra1..extraM | top
 *   after :  (old func) nil..nil extra1..extraM func' fix1..fixN | ...
 *                                                ^ ci->func
 * ci->u.l.nextraargs = M. The extra arguments are the M slots just below
 * ci->func; RETURN (k or C != 0 with C = nparams+1) moves ci->func back down
 * by nextraargs + C before returning, as lua5.4 does.
 */
void tm_adjustvarargs(lua_State *L, int nfixparams, CallInfo *ci,
                      const Proto *p);
/* VARARG: copy `wanted` extra arguments to `where` (wanted < 0: all of them,
 * and L->top is set after the last). May reallocate the stack: the caller
 * must reload its base pointer afterwards. */
void tm_getvarargs(lua_State *L, CallInfo *ci, StkId where, int wanted);

/* The two functions' work once the stack has room, shared with the
 * VARARGPREP and VARARG op bodies (vm/op_bodies.h), which do it inline
 * when no hook is set and the stack is big enough. */

/* tm_adjustvarargs's move. The positions live in locals: every slot store
 * may alias L->top and ci->func as far as the compiler knows, and
 * reloading them cost more than the copies. */
CR_INLINE void tm_movevarframe(lua_State *L, int nfixparams, CallInfo *ci) {
  StkId func = ci->func, top = L->top;
  int actual = (int)(top - func) - 1;   /* arguments passed */
  cr_assert(actual >= nfixparams, "the call completed the fixed parameters");
  ci->u.l.nextraargs = actual - nfixparams;
  /* the copy of the function and of the fixed parameters becomes the frame */
  setobjs2s(L, top, func);
#pragma clang loop unroll(disable)   /* a few parameters at most */
  for (int i = 1; i <= nfixparams; i++) {
    setobjs2s(L, top + i, func + i);
    setnilvalue(func + i);   /* the collector need not see it twice */
  }
  L->top = top + nfixparams + 1;
  ci->func = top;   /* func + actual + 1 */
  ci->top += actual + 1;
  cr_assert(L->top <= ci->top && ci->top <= L->stack_last, "frame fits");
}

/* Copy `wanted` values from ci's extra arguments to where (nil past the
 * last one). The extra arguments sit below the frame: no overlap. */
CR_INLINE void tm_copyvarargs(CallInfo *ci, StkId where, int nextra,
                              int wanted) {
  int ncopy = wanted < nextra ? wanted : nextra;
  const TValue *from = ci->func - nextra;  /* read once: stores may alias */
  int i;
#pragma clang loop unroll(disable)   /* a few values */
  for (i = 0; i < ncopy; i++)
    setobjs2s(L, where + i, from + i);
#pragma clang loop unroll(disable)
  for (; i < wanted; i++)
    setnilvalue(where + i);
}

#endif
