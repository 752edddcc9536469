/*
 * api_table.c — reading and writing tables and userdata from C: indexing
 * with and without metamethods, table and userdata creation, metatables,
 * user values, traversal (lua_next).
 *
 * Indexing with metamethods uses the interpreter's own split: a fast path
 * that succeeds when the value is a table and the key is present, then
 * vm_finishget / vm_finishset for everything else (__index/__newindex
 * chains, inserting new keys), so C and Lua code index identically. Every
 * store of a reference into a heap object goes through a GC barrier.
 */
#include "api/api_index.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/udata.h"
#include "gc/gc.h"
#include "vm/tm.h"
#include "vm/vm.h"

/* ------------------------------------------------------------------ */
/* Fast paths                                                          */
/* ------------------------------------------------------------------ */

/* The entry for key in t when t is a table (NULL otherwise); a hit is an
 * entry that is not nil. */
/* t[n] with the interpreter's array fast path: keys below alimit are in
 * the array (tab_getint handles the rest and moves the border hint). */
static inline const TValue *table_getint(Table *t, lua_Integer n) {
  lua_Unsigned k1 = l_castS2U(n) - 1u;
  if (CR_LIKELY(k1 < t->alimit))
    return &t->array[k1];
  return tab_getint(t, n);
}

/* A nil slot of t's array part takes a plain store when t has no
 * __newindex: vm_finishset would find the slot there (no new key) and an
 * integer key changes no metamethod (table.pack, table.move fill these). */
static inline int array_hole_storable(lua_State *L, Table *t,
                                      const TValue *slot) {
  return (uintptr_t)slot - (uintptr_t)t->array <
             (uintptr_t)t->asize * sizeof(TValue) &&
         tm_fast(L, t->metatable, TM_NEWINDEX) == NULL;
}

#define table_slot_str(t, k)  (ttistable(t) ? tab_getstr(hvalue(t), (k)) : NULL)
#define table_slot_int(t, n)  (ttistable(t) ? table_getint(hvalue(t), (n)) : NULL)
#define table_slot(t, k)      (ttistable(t) ? tab_get(hvalue(t), (k)) : NULL)
#define slot_hit(s)           ((s) != NULL && !ttisnil(s))

/* Overwrite a present, non-nil entry of table t: nothing about the table's
 * keys changes, so only the barrier is needed. */
static void slot_store(lua_State *L, const TValue *t, const TValue *slot,
                       const TValue *v) {
  setobj2t(L, (TValue *)slot, v);
  gc_barrierback(L, gcvalue(t), v);
}

/* The globals table, copied out of the registry so that it stays valid
 * whatever a metamethod does to the registry. */
static void globals_get(lua_State *L, TValue *gt) {
  Table *reg = hvalue(&G(L)->l_registry);
  setobj(L, gt, tab_getint(reg, LUA_RIDX_GLOBALS));
}

static Table *table_at(lua_State *L, int idx) {
  const TValue *t = api_index2value(L, idx);
  api_check(L, ttistable(t), "table expected");
  return hvalue(t);
}

/* ------------------------------------------------------------------ */
/* Get functions                                                       */
/* ------------------------------------------------------------------ */

static int get_str(lua_State *L, const TValue *t, const char *k) {
  TString *key = str_newz(L, k);
  const TValue *slot = table_slot_str(t, key);
  if (slot_hit(slot)) {
    setobj2s(L, L->top, slot);
    api_incr_top(L);
  } else {
    setsvalue(L, L->top, key);   /* the key as a value, kept alive */
    api_incr_top(L);
    vm_finishget(L, t, L->top - 1, L->top - 1, slot);
  }
  return ttype(L->top - 1);
}

LUA_API int lua_getglobal(lua_State *L, const char *name) {
  TValue gt;
  globals_get(L, &gt);
  return get_str(L, &gt, name);
}

LUA_API int lua_getfield(lua_State *L, int idx, const char *k) {
  return get_str(L, api_index2value(L, idx), k);
}

/* The key at the top is replaced by the value. */
LUA_API int lua_gettable(lua_State *L, int idx) {
  api_checknelems(L, 1);
  const TValue *t = api_index2value(L, idx);
  const TValue *slot = table_slot(t, L->top - 1);
  if (slot_hit(slot)) {
    setobj2s(L, L->top - 1, slot);
  } else {
    vm_finishget(L, t, L->top - 1, L->top - 1, slot);
  }
  return ttype(L->top - 1);
}

/* lua_geti past its fast path: out of line, so that the fast path needs
 * no stack frame (library loops such as table.sort call it per element). */
static CR_NOINLINE int geti_slow(lua_State *L, const TValue *t, lua_Integer n) {
  const TValue *slot = table_slot_int(t, n);
  if (slot_hit(slot)) {
    setobj2s(L, L->top, slot);
  } else {
    TValue key;
    setivalue(&key, n);
    vm_finishget(L, t, &key, L->top, slot);
  }
  api_incr_top(L);
  return ttype(L->top - 1);
}

LUA_API int lua_geti(lua_State *L, int idx, lua_Integer n) {
  const TValue *t = api_index2value(L, idx);
  if (ttistable(t)) {  /* a present entry of the array part */
    Table *h = hvalue(t);
    lua_Unsigned k1 = l_castS2U(n) - 1u;
    if (k1 < h->alimit && !ttisnil(&h->array[k1])) {
      setobj2s(L, L->top, &h->array[k1]);
      api_incr_top(L);
      return ttype(L->top - 1);
    }
  }
  return geti_slow(L, t, n);
}

static int push_rawresult(lua_State *L, const TValue *val) {
  if (ttisnil(val)) {
    setnilvalue(L->top);
  } else {
    setobj2s(L, L->top, val);
  }
  api_incr_top(L);
  return ttype(L->top - 1);
}

LUA_API int lua_rawget(lua_State *L, int idx) {
  api_checknelems(L, 1);
  Table *t = table_at(L, idx);
  const TValue *val = tab_get(t, L->top - 1);
  L->top--;
  return push_rawresult(L, val);
}

LUA_API int lua_rawgeti(lua_State *L, int idx, lua_Integer n) {
  Table *t = table_at(L, idx);
  return push_rawresult(L, tab_getint(t, n));
}

LUA_API int lua_rawgetp(lua_State *L, int idx, const void *p) {
  Table *t = table_at(L, idx);
  TValue key;
  setpvalue(&key, (void *)p);
  return push_rawresult(L, tab_get(t, &key));
}

LUA_API void lua_createtable(lua_State *L, int narray, int nrec) {
  Table *t = tab_newsized(L, narray > 0 ? (unsigned)narray : 0,
                          nrec > 0 ? (unsigned)nrec : 0);
  sethvalue(L, L->top, t);
  api_incr_top(L);
  if (narray > 0 || nrec > 0)
    tab_resize(L, t, narray > 0 ? (unsigned)narray : 0,
               nrec > 0 ? (unsigned)nrec : 0);
  gc_check(L);
}

LUA_API void *lua_newuserdatauv(lua_State *L, size_t size, int nuvalue) {
  api_check(L, 0 <= nuvalue && nuvalue < USHRT_MAX, "invalid value");
  Udata *u = udata_new(L, size, nuvalue);
  setuvalue(L, L->top, u);
  api_incr_top(L);
  gc_check(L);
  return getudatamem(u);
}

LUA_API int lua_getmetatable(lua_State *L, int objindex) {
  const TValue *obj = api_index2value(L, objindex);
  Table *mt;
  switch (rawtt(obj)) {
    case VT_TABLE: mt = hvalue(obj)->metatable; break;
    case VT_UDATA: mt = uvalue(obj)->metatable; break;
    default:       mt = G(L)->mt[ttype(obj)]; break;
  }
  if (mt == NULL)
    return 0;
  sethvalue(L, L->top, mt);
  api_incr_top(L);
  return 1;
}

/* Pushes user value n (nil and LUA_TNONE when there is no such value). */
LUA_API int lua_getiuservalue(lua_State *L, int idx, int n) {
  const TValue *o = api_index2value(L, idx);
  int t;
  api_check(L, ttisfulluserdata(o), "full userdata expected");
  if (n <= 0 || n > uvalue(o)->nuvalue) {
    setnilvalue(L->top);
    t = LUA_TNONE;
  } else {
    setobj2s(L, L->top, &uvalue(o)->uv[n - 1]);
    t = ttype(L->top);
  }
  api_incr_top(L);
  return t;
}

/* ------------------------------------------------------------------ */
/* Set functions                                                       */
/* ------------------------------------------------------------------ */

/* t[k] = value at the top; pops the value. */
static void set_str(lua_State *L, const TValue *t, const char *k) {
  TString *key = str_newz(L, k);
  api_checknelems(L, 1);
  const TValue *slot = table_slot_str(t, key);
  if (slot_hit(slot)) {
    slot_store(L, t, slot, L->top - 1);
    L->top--;
  } else {
    setsvalue(L, L->top, key);   /* the key as a value, kept alive */
    api_incr_top(L);
    vm_finishset(L, t, L->top - 1, L->top - 2, slot);
    L->top -= 2;
  }
}

LUA_API void lua_setglobal(lua_State *L, const char *name) {
  TValue gt;
  globals_get(L, &gt);
  set_str(L, &gt, name);
}

LUA_API void lua_setfield(lua_State *L, int idx, const char *k) {
  set_str(L, api_index2value(L, idx), k);
}

/* t[key] = value with key and value at the top; pops both. */
LUA_API void lua_settable(lua_State *L, int idx) {
  api_checknelems(L, 2);
  const TValue *t = api_index2value(L, idx);
  const TValue *slot = table_slot(t, L->top - 2);
  if (slot_hit(slot))
    slot_store(L, t, slot, L->top - 1);
  else
    vm_finishset(L, t, L->top - 2, L->top - 1, slot);
  L->top -= 2;
}

/* lua_seti past its fast path (see geti_slow). */
static CR_NOINLINE void seti_slow(lua_State *L, const TValue *t, lua_Integer n) {
  const TValue *slot = table_slot_int(t, n);
  if (slot_hit(slot) || (slot != NULL && array_hole_storable(L, hvalue(t), slot))) {
    slot_store(L, t, slot, L->top - 1);
  } else {
    TValue key;
    setivalue(&key, n);
    vm_finishset(L, t, &key, L->top - 1, slot);
  }
  L->top--;
}

LUA_API void lua_seti(lua_State *L, int idx, lua_Integer n) {
  api_checknelems(L, 1);
  const TValue *t = api_index2value(L, idx);
  if (ttistable(t)) {  /* overwriting a present entry of the array part */
    Table *h = hvalue(t);
    lua_Unsigned k1 = l_castS2U(n) - 1u;
    const TValue *v = L->top - 1;
    if (k1 < h->alimit && !ttisnil(&h->array[k1]) &&
        !(iscollectable(v) && gc_isblack(obj2gco(h)))) {
      setobj2t(L, &h->array[k1], v);
      L->top--;
      return;
    }
  }
  seti_slow(L, t, n);
}

/* Raw t[key] = value at the top, then pop npop values. */
static void rawset_pop(lua_State *L, int idx, const TValue *key, int npop) {
  api_checknelems(L, npop);
  Table *t = table_at(L, idx);
  tab_set(L, t, key, L->top - 1);
  tm_invalidatecache(t);
  gc_barrierback(L, obj2gco(t), L->top - 1);
  L->top -= npop;
}

LUA_API void lua_rawset(lua_State *L, int idx) {
  rawset_pop(L, idx, L->top - 2, 2);
}

LUA_API void lua_rawsetp(lua_State *L, int idx, const void *p) {
  TValue key;
  setpvalue(&key, (void *)p);
  rawset_pop(L, idx, &key, 1);
}

LUA_API void lua_rawseti(lua_State *L, int idx, lua_Integer n) {
  api_checknelems(L, 1);
  Table *t = table_at(L, idx);
  tab_setint(L, t, n, L->top - 1);
  gc_barrierback(L, obj2gco(t), L->top - 1);
  L->top--;
}

/*
 * Pops a table or nil and makes it the metatable of the value at objindex
 * (for types other than tables and full userdata: of every value of that
 * type). A __gc present now registers the object for finalization.
 */
LUA_API int lua_setmetatable(lua_State *L, int objindex) {
  api_checknelems(L, 1);
  TValue *obj = api_index2value(L, objindex);
  Table *mt;
  if (ttisnil(L->top - 1)) {
    mt = NULL;
  } else {
    api_check(L, ttistable(L->top - 1), "table expected");
    mt = hvalue(L->top - 1);
  }
  switch (rawtt(obj)) {
    case VT_TABLE:
      hvalue(obj)->metatable = mt;
      if (mt != NULL) {
        gc_objbarrier(L, gcvalue(obj), mt);
        gc_checkfinalizer(L, gcvalue(obj), mt);
      }
      break;
    case VT_UDATA:
      uvalue(obj)->metatable = mt;
      if (mt != NULL) {
        gc_objbarrier(L, uvalue(obj), mt);
        gc_checkfinalizer(L, gcvalue(obj), mt);
      }
      break;
    default:
      G(L)->mt[ttype(obj)] = mt;
      break;
  }
  L->top--;
  return 1;
}

/* Pops a value into user value n; 0 (value still popped) when the
 * userdata has no such user value. */
LUA_API int lua_setiuservalue(lua_State *L, int idx, int n) {
  api_checknelems(L, 1);
  TValue *o = api_index2value(L, idx);
  int res;
  api_check(L, ttisfulluserdata(o), "full userdata expected");
  if ((unsigned)n - 1u >= (unsigned)uvalue(o)->nuvalue) {
    res = 0;
  } else {
    setobj(L, &uvalue(o)->uv[n - 1], L->top - 1);
    gc_barrierback(L, gcvalue(o), L->top - 1);
    res = 1;
  }
  L->top--;
  return res;
}

/* ------------------------------------------------------------------ */
/* Traversal                                                           */
/* ------------------------------------------------------------------ */

/* Replaces the key at the top by the next key and its value; pops the key
 * and returns 0 at the end ("invalid key to 'next'" for a key not in t). */
LUA_API int lua_next(lua_State *L, int idx) {
  api_checknelems(L, 1);
  Table *t = table_at(L, idx);
  int more = tab_next(L, t, L->top - 1);
  if (more)
    api_incr_top(L);
  else
    L->top--;
  return more;
}
