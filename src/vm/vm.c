/*
 * vm.c — the slow paths of generic operations (see vm.h): what happens
 * after an op body's inline fast path gives up.
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/arith.h"
#include "vm/debuginfo.h"
#include "vm/func.h"
#include "gc/gc.h"
#include "obj/numconv.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "vm/tm.h"

/* ------------------------------------------------------------------ */
/* Indexing                                                            */
/* ------------------------------------------------------------------ */

/* Raw get when t is a table: the slot (nil or absent if missing), else
 * NULL. */
static const TValue *vm_tableslot(const TValue *t, const TValue *key) {
  return ttistable(t) ? tab_get(hvalue(t), key) : NULL;
}

void vm_finishget(lua_State *L, const TValue *t, TValue *key, StkId val,
                  const TValue *slot) {
  for (int loop = 0; loop < VM_MAXTAGLOOP; loop++) {
    const TValue *tm;
    if (slot == NULL) {               /* t is not a table */
      cr_assert(!ttistable(t), "tables come with their slot");
      tm = tm_getbyobj(L, t, TM_INDEX);
      if (CR_UNLIKELY(ttisnil(tm)))
        debug_typeerror(L, t, "index");
    } else {                          /* t is a table without key */
      cr_assert(ttisnil(slot), "the fast path missed");
      tm = tm_fast(L, hvalue(t)->metatable, TM_INDEX);
      if (tm == NULL) {
        setnilvalue(val);
        return;
      }
    }
    if (ttisfunction(tm)) {
      tm_callres(L, tm, t, key, val);
      return;
    }
    t = tm;                           /* index the metavalue itself */
    slot = vm_tableslot(t, key);
    if (slot != NULL && !ttisnil(slot)) {
      setobj2s(L, val, slot);
      return;
    }
  }
  debug_runerror(L, "'__index' chain too long; possible loop");
}

void vm_finishset(lua_State *L, const TValue *t, TValue *key, TValue *val,
                  const TValue *slot) {
  for (int loop = 0; loop < VM_MAXTAGLOOP; loop++) {
    const TValue *tm;
    if (slot != NULL) {               /* t is a table without key */
      Table *h = hvalue(t);
      cr_assert(ttisnil(slot), "the fast path missed");
      tm = tm_fast(L, h->metatable, TM_NEWINDEX);
      if (tm == NULL) {
        tab_finishset(L, h, key, slot, val);
        tm_invalidatecache(h);
        gc_barrierback(L, obj2gco(h), val);
        return;
      }
    } else {                          /* t is not a table */
      tm = tm_getbyobj(L, t, TM_NEWINDEX);
      if (CR_UNLIKELY(ttisnil(tm)))
        debug_typeerror(L, t, "index");
    }
    if (ttisfunction(tm)) {
      tm_call(L, tm, t, key, val);
      return;
    }
    t = tm;                           /* assign into the metavalue */
    slot = vm_tableslot(t, key);
    if (slot != NULL && !ttisnil(slot)) {
      /* an existing non-nil field: overwrite in place (the tm cache only
       * records absent keys, so it stays valid) */
      setobj2t(L, (TValue *)slot, val);
      gc_barrierback(L, gcvalue(t), val);
      return;
    }
  }
  debug_runerror(L, "'__newindex' chain too long; possible loop");
}

/* ------------------------------------------------------------------ */
/* Equality                                                            */
/* ------------------------------------------------------------------ */

int vm_equalobj(lua_State *L, const TValue *t1, const TValue *t2) {
  const TValue *tm;
  if (rawtt(t1) != rawtt(t2)) {
    /* different tags can be equal only as an integer and a float, or as
     * the two booleans (never: false ~= true) */
    if (ttype(t1) != LUA_TNUMBER || ttype(t2) != LUA_TNUMBER)
      return 0;
    lua_Integer i1, i2;
    return arith_tointegerns(t1, &i1, F2I_EQ) &&
           arith_tointegerns(t2, &i2, F2I_EQ) && i1 == i2;
  }
  switch (rawtt(t1)) {
    case VT_NIL: case VT_FALSE: case VT_TRUE:
      return 1;
    case VT_INT:     return ivalue(t1) == ivalue(t2);
    case VT_FLOAT:   return fltvalue(t1) == fltvalue(t2);
    case VT_LIGHTUD: return pvalue(t1) == pvalue(t2);
    case VT_LCF:     return fvalue(t1) == fvalue(t2);
    case VT_SHRSTR:  return tsvalue(t1) == tsvalue(t2);
    case VT_LNGSTR:  return str_eqlng(tsvalue(t1), tsvalue(t2));
    case VT_UDATA:
      if (uvalue(t1) == uvalue(t2))
        return 1;
      if (L == NULL)
        return 0;
      tm = tm_fast(L, uvalue(t1)->metatable, TM_EQ);
      if (tm == NULL)
        tm = tm_fast(L, uvalue(t2)->metatable, TM_EQ);
      break;
    case VT_TABLE:
      if (hvalue(t1) == hvalue(t2))
        return 1;
      if (L == NULL)
        return 0;
      tm = tm_fast(L, hvalue(t1)->metatable, TM_EQ);
      if (tm == NULL)
        tm = tm_fast(L, hvalue(t2)->metatable, TM_EQ);
      break;
    default:
      return gcvalue(t1) == gcvalue(t2);
  }
  if (tm == NULL)
    return 0;
  tm_callres(L, tm, t1, t2, L->top);
  return !l_isfalse(L->top);
}

/* ------------------------------------------------------------------ */
/* Order                                                               */
/* ------------------------------------------------------------------ */

/*
 * Integer vs float, exactly. When the integer fits a double's mantissa
 * the comparison is done in floats; otherwise the float is rounded to an
 * integer in the direction that keeps the answer (i < f <=> i < ceil(f),
 * i <= f <=> i <= floor(f), ...); a float beyond the integer range is
 * greater or less than every integer, and NaN compares false.
 */
static int vm_ltintfloat(lua_Integer i, lua_Number f) {
  if (arith_intfitsf(i))
    return cast_num(i) < f;
  lua_Integer fi;
  if (arith_flttointns(f, &fi, F2I_CEIL))
    return i < fi;
  return f > 0;
}

static int vm_leintfloat(lua_Integer i, lua_Number f) {
  if (arith_intfitsf(i))
    return cast_num(i) <= f;
  lua_Integer fi;
  if (arith_flttointns(f, &fi, F2I_FLOOR))
    return i <= fi;
  return f > 0;
}

static int vm_ltfloatint(lua_Number f, lua_Integer i) {
  if (arith_intfitsf(i))
    return f < cast_num(i);
  lua_Integer fi;
  if (arith_flttointns(f, &fi, F2I_FLOOR))
    return fi < i;
  return f < 0;
}

static int vm_lefloatint(lua_Number f, lua_Integer i) {
  if (arith_intfitsf(i))
    return f <= cast_num(i);
  lua_Integer fi;
  if (arith_flttointns(f, &fi, F2I_CEIL))
    return fi <= i;
  return f < 0;
}

int vm_ltnum(const TValue *l, const TValue *r) {
  if (ttisinteger(l)) {
    lua_Integer li = ivalue(l);
    if (ttisinteger(r))
      return li < ivalue(r);
    return vm_ltintfloat(li, fltvalue(r));
  }
  lua_Number lf = fltvalue(l);
  if (ttisfloat(r))
    return lf < fltvalue(r);
  return vm_ltfloatint(lf, ivalue(r));
}

int vm_lenum(const TValue *l, const TValue *r) {
  if (ttisinteger(l)) {
    lua_Integer li = ivalue(l);
    if (ttisinteger(r))
      return li <= ivalue(r);
    return vm_leintfloat(li, fltvalue(r));
  }
  lua_Number lf = fltvalue(l);
  if (ttisfloat(r))
    return lf <= fltvalue(r);
  return vm_lefloatint(lf, ivalue(r));
}

/* strcoll stops at the first '\0', so compare zero-terminated segments one
 * after the other; a string that ends first is the smaller. */
int vm_strcmp(const TString *ls, const TString *rs) {
  const char *l = getstr(ls);
  size_t ll = tsslen(ls);
  const char *r = getstr(rs);
  size_t lr = tsslen(rs);
  for (;;) {
    int c = strcoll(l, r);
    if (c != 0)
      return c;
    size_t seg = strlen(l);      /* both segments are equal, so same length */
    if (seg == lr)
      return (seg == ll) ? 0 : 1;
    if (seg == ll)
      return -1;
    seg++;                       /* skip the '\0' and go on */
    l += seg; ll -= seg;
    r += seg; lr -= seg;
  }
}

int vm_lessthan(lua_State *L, const TValue *l, const TValue *r) {
  if (ttisnumber(l) && ttisnumber(r))
    return vm_ltnum(l, r);
  if (ttisstring(l) && ttisstring(r))
    return vm_strcmp(tsvalue(l), tsvalue(r)) < 0;
  return tm_callorder(L, l, r, TM_LT);
}

int vm_lessequal(lua_State *L, const TValue *l, const TValue *r) {
  if (ttisnumber(l) && ttisnumber(r))
    return vm_lenum(l, r);
  if (ttisstring(l) && ttisstring(r))
    return vm_strcmp(tsvalue(l), tsvalue(r)) <= 0;
  return tm_callorder(L, l, r, TM_LE);
}

/* ------------------------------------------------------------------ */
/* Concatenation                                                       */
/* ------------------------------------------------------------------ */

/* Largest string length: sizes must fit both size_t and lua_Integer. */
#define VM_MAX_STRLEN \
  (sizeof(size_t) < sizeof(lua_Integer) ? (size_t)SIZE_MAX \
   : (size_t)LUA_MAXINTEGER)

/* Make o a string if it is one or a number (converted in place). */
static int vm_tostring(lua_State *L, TValue *o) {
  if (ttisstring(o))
    return 1;
  if (ttisnumber(o)) {
    num_tostring(L, o);
    return 1;
  }
  return 0;
}

#define vm_isemptystr(o) (ttisshrstring(o) && tsvalue(o)->len == 0)

/* Copy the n strings ending at top into buff, in order. */
static void vm_copystrings(StkId top, int n, char *buff) {
  size_t done = 0;
  do {
    TString *s = tsvalue(top - n);
    memcpy(buff + done, getstr(s), tsslen(s));
    done += tsslen(s);
  } while (--n > 0);
}

/* The strings and numbers at the top (at least two, at most total), when
 * their text fits a short string: joined right to left in a buffer, with
 * numbers formatted straight into it (no string made for them). Returns 0
 * (nothing changed) when the result would be long. */
static int vm_concatshort(lua_State *L, StkId top, int total, int *consumed) {
  char buff[CR_MAX_SHORT_LEN];  /* lengths are checked before copying */
  char *end = buff + sizeof buff;
  size_t tl = 0;
  int n = 0;
  while (n < total) {
    const TValue *o = top - n - 1;
    char num[NUM_MAXSTR];
    const char *text;
    size_t len;
    if (ttisstring(o)) {
      text = getstr(tsvalue(o));
      len = tsslen(tsvalue(o));
    } else if (ttisnumber(o)) {
      len = (size_t)num_tostringbuff(o, num);
      text = num;
    } else {
      break;
    }
    if (len > CR_MAX_SHORT_LEN - tl)
      return 0;
    tl += len;
    memcpy(end - tl, text, len);
    n++;
  }
  cr_assert(n >= 2, "two operands at least");
  TString *ts = str_new(L, end - tl, tl);
  setsvalue(L, top - n, ts);
  *consumed = n;
  return 1;
}

/*
 * Work from the right: each pass joins as many strings/numbers as it can
 * at the top (at least two), or calls __concat on the top two. A pass that
 * calls a metamethod may yield; vm_finishOp then resumes the loop with the
 * remaining count.
 */
void vm_concat(lua_State *L, int total) {
  if (total == 1)
    return;
  do {
    StkId top = L->top;
    int n = 2;                   /* values consumed by this pass */
    if (!(ttisstring(top - 2) || ttisnumber(top - 2)) ||
        !(ttisstring(top - 1) || ttisnumber(top - 1))) {
      tm_tryconcat(L);
    } else if (vm_isemptystr(top - 1)) {
      (void)vm_tostring(L, top - 2);     /* x .. "" is x, as a string */
    } else if (vm_isemptystr(top - 2)) {
      (void)vm_tostring(L, top - 1);
      setobjs2s(L, top - 2, top - 1);     /* "" .. x is x */
    } else if (vm_concatshort(L, top, total, &n)) {
      /* joined without converting numbers to strings first */
    } else {
      (void)vm_tostring(L, top - 1);
      size_t tl = vslen(top - 1);
      TString *ts;
      for (n = 1; n < total && vm_tostring(L, top - n - 1); n++) {
        size_t l = vslen(top - n - 1);
        if (CR_UNLIKELY(l >= VM_MAX_STRLEN - tl))
          debug_runerror(L, "string length overflow");
        tl += l;
      }
      if (tl <= CR_MAX_SHORT_LEN) {
        char buff[CR_MAX_SHORT_LEN];
        vm_copystrings(top, n, buff);
        ts = str_new(L, buff, tl);
      } else {
        ts = str_newlong(L, tl);
        vm_copystrings(top, n, getstr(ts));
      }
      setsvalue(L, top - n, ts);
    }
    total -= n - 1;
    L->top -= n - 1;
  } while (total > 1);
}

/* ------------------------------------------------------------------ */
/* Length                                                              */
/* ------------------------------------------------------------------ */

void vm_objlen(lua_State *L, StkId ra, const TValue *rb) {
  const TValue *tm;
  switch (rawtt(rb)) {
    case VT_TABLE: {
      Table *h = hvalue(rb);
      tm = tm_fast(L, h->metatable, TM_LEN);
      if (tm != NULL)
        break;
      setivalue(ra, l_castU2S(tab_getn(h)));
      return;
    }
    case VT_SHRSTR: case VT_LNGSTR:
      setivalue(ra, (lua_Integer)vslen(rb));
      return;
    default:
      tm = tm_getbyobj(L, rb, TM_LEN);
      if (CR_UNLIKELY(ttisnil(tm)))
        debug_typeerror(L, rb, "get length of");
      break;
  }
  tm_callres(L, tm, rb, rb, ra);
}

/* ------------------------------------------------------------------ */
/* Finishing an interrupted op                                         */
/* ------------------------------------------------------------------ */

void vm_finishOp(lua_State *L) {
  CallInfo *ci = L->ci;
  StkId base = ci->func + 1;
  Instruction inst = *(ci->u.l.savedpc - 1);
  switch (GET_OPCODE(inst)) {
    case OP_MMBIN: case OP_MMBINI: case OP_MMBINK:
      /* the result goes to the arithmetic op before the MMBIN */
      L->top--;
      setobjs2s(L, base + GETARG_A(*(ci->u.l.savedpc - 2)), L->top);
      break;
    case OP_UNM: case OP_BNOT: case OP_LEN:
    case OP_GETTABUP: case OP_GETTABLE: case OP_GETI:
    case OP_GETFIELD: case OP_SELF:
      L->top--;
      setobjs2s(L, base + GETARG_A(inst), L->top);
      break;
    case OP_LT: case OP_LE:
    case OP_LTI: case OP_LEI:
    case OP_GTI: case OP_GEI:
    case OP_EQ: {
      /* EQK and EQI never call metamethods, so they cannot be here */
      int res = !l_isfalse(L->top - 1);
      L->top--;
      if (ci->callstatus & TM_CIST_LEQ) {   /* was "not (b < a)" for a <= b */
        ci->callstatus ^= TM_CIST_LEQ;
        res = !res;
      }
      cr_assert(GET_OPCODE(*ci->u.l.savedpc) == OP_JMP, "test then jump");
      if (res != GETARG_k(inst))
        ci->u.l.savedpc++;               /* condition failed: skip the jump */
      break;
    }
    case OP_CONCAT: {
      StkId top = L->top - 1;            /* the top when __concat was called */
      int a = GETARG_A(inst);
      int total = (int)(top - 1 - (base + a));   /* values still to join */
      setobjs2s(L, top - 2, top);        /* the metamethod's result */
      L->top = top - 1;
      vm_concat(L, total);               /* may yield again */
      break;
    }
    case OP_CLOSE:
      ci->u.l.savedpc--;                 /* run it again for the other vars */
      break;
    case OP_RETURN: {
      StkId ra = base + GETARG_A(inst);
      /* restore the number of results in case they were "up to top" */
      L->top = ra + ci->u2.nres;
      ci->u.l.savedpc--;                 /* close the rest, then return */
      break;
    }
    default:
      /* CALL, TAILCALL, TFORCALL, SETTABUP, SETTABLE, SETI, SETFIELD: their
       * results (if any) are already where they belong */
      cr_assert(GET_OPCODE(inst) == OP_TFORCALL ||
                GET_OPCODE(inst) == OP_CALL ||
                GET_OPCODE(inst) == OP_TAILCALL ||
                GET_OPCODE(inst) == OP_SETTABUP ||
                GET_OPCODE(inst) == OP_SETTABLE ||
                GET_OPCODE(inst) == OP_SETI ||
                GET_OPCODE(inst) == OP_SETFIELD, "op that can yield");
      break;
  }
}
