/*
 * gc_verify.c — the collector's invariant checker (test builds).
 *
 * gc_verify walks every object (allgc, finobj, tobefnz, fixedgc) and every
 * strong reference each one holds, and aborts with a message naming the
 * holder, the referenced object and the rule broken. The collector calls
 * it after every step and every full collection when CRESCENT_ASSERT is
 * on, so with CRESCENT_GC_STRESS=3 (a tiny step at every safe point) a
 * missing write barrier is caught at the first step after the store.
 *
 * Rules while marking is in progress (incremental PROPAGATE/ENTERATOMIC):
 *   R1  no black object points to a white one;
 *   R2  every gray object is on a gray list (gray, grayagain, weak,
 *       allweak, ephemeron), or a gray object is lost and never traversed;
 *   R3  no object refers to a dead one (dead objects exist only during a
 *       sweep, and only as garbage).
 * In generational mode (always "marking", between collections):
 *   G1  a black OLD object points only to old objects;
 *   G2  a black OLD1 or TOUCHED2 object points to no NEW object (they are
 *       traversed again by the next minor collection, which is why they
 *       may point to survivals);
 *   plus R2 and R3.
 * While sweeping there is no colour invariant (objects are being turned
 * white); only the list discipline is checked then: FINOBJ set exactly on
 * finobj/tobefnz objects.
 *
 * Allowed black -> white references (not references for the collector,
 * so not checked):
 *   - weak entries: values of weak-value tables, keys and values of
 *     ephemeron node entries (their array and slot values are strong),
 *     every entry of a weak-key-and-value table;
 *   - keys of node entries whose value is nil (dead keys, cleared lazily);
 *   - shape transitions (parent -> child), cleared in the atomic phase;
 *   - call-target caches of feedback vectors (weak identities);
 *   - the string cache of str_newz (cleared in the atomic phase);
 *   - stack slots above a thread's top (dead, cleared in the atomic phase).
 * Objects written without barriers are never black while marking
 * (rule K): threads and prototypes stay gray on grayagain, open upvalues
 * stay gray on no list (R2 exempts them), fixed objects stay gray forever
 * (exempt too).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc/gc_internal.h"
#include "obj/tab.h"
#include "obj/shape.h"
#include "obj/needs_vm.h"

#if defined(CRESCENT_ASSERT) && CRESCENT_ASSERT

#define gc_testbit(o)   ((o)->marked & gc_bitmask(GC_BIT_TESTBIT))
#define gc_settest(o)   ((o)->marked |= (lu_byte)gc_bitmask(GC_BIT_TESTBIT))
#define gc_cleartest(o) ((o)->marked &= (lu_byte)~gc_bitmask(GC_BIT_TESTBIT))

static const char *const verify_tags[] = {
  [VT_SHRSTR] = "short string", [VT_LNGSTR] = "long string",
  [VT_TABLE] = "table", [VT_LCL] = "Lua closure", [VT_CCL] = "C closure",
  [VT_UDATA] = "userdata", [VT_THREAD] = "thread", [VT_PROTO] = "prototype",
  [VT_UPVAL] = "upvalue", [VT_SHAPE] = "shape",
};

static const char *verify_kind(const GCObject *o)
{
  const char *s = o->tt < sizeof(verify_tags) / sizeof(verify_tags[0])
                    ? verify_tags[o->tt] : NULL;
  return s != NULL ? s : "object of unknown kind";
}

static const char *verify_colour(const GCObject *o)
{
  return gc_iswhite(o) ? "white" : gc_isblack(o) ? "black" : "gray";
}

CR_NORETURN static void verify_fail(global_State *g, const GCObject *o,
                                    const GCObject *t, const char *where,
                                    const char *rule)
{
  fprintf(stderr, "gc_verify: %s\n  holder: %s %p (%s, age %d)\n",
          rule, verify_kind(o), (const void *)o, verify_colour(o),
          gc_getage(o));
  if (t != NULL)
    fprintf(stderr, "  target: %s %p (%s, age %d) via %s\n", verify_kind(t),
            (const void *)t, verify_colour(t), gc_getage(t), where);
  fprintf(stderr, "  collector: %s mode, state %d, white %d\n",
          g->gckind == GC_KIND_GEN ? "generational" : "incremental",
          g->gcstate, gc_currentwhite(g));
  abort();
}

static lu_mem verify_work;   /* references looked at by this check */

/* One strong reference o -> t. */
static void verify_ref(global_State *g, GCObject *o, GCObject *t,
                       const char *where)
{
  verify_work++;
  if (t == NULL)
    return;
  if (gc_isdead(g, t))
    verify_fail(g, o, t, where, "R3: reference to a dead object");
  if (g->gckind == GC_KIND_GEN) {
    if (!gc_isblack(o))
      return;
    int age = gc_getage(o);
    if (age == GC_AGE_OLD && !gc_isold(t))
      verify_fail(g, o, t, where, "G1: old black object points to a young one");
    if ((age == GC_AGE_OLD1 || age == GC_AGE_TOUCHED2) &&
        gc_getage(t) == GC_AGE_NEW)
      verify_fail(g, o, t, where, "G2: OLD1/TOUCHED2 object points to a new one");
  } else if (gc_isblack(o) && gc_iswhite(t)) {
    verify_fail(g, o, t, where, "R1: black object points to a white one");
  }
}

static void verify_value(global_State *g, GCObject *o, const TValue *v,
                         const char *where)
{
  verify_work++;
  if (iscollectable(v)) {
    verify_ref(g, o, gcvalue(v), where);
  }
}

static void verify_table(global_State *g, Table *h)
{
  GCObject *o = obj2gco(h);
  verify_ref(g, o, obj2gco(h->metatable), "metatable");
  verify_ref(g, o, obj2gco(h->shape), "shape");
  const char *mode = NULL;
  if (h->metatable != NULL && g->tmname[TM_MODE] != NULL) {
    const TValue *m = tab_getshortstr(h->metatable, g->tmname[TM_MODE]);
    if (ttisstring(m))
      mode = svalue(m);
  }
  int wk = mode != NULL && strchr(mode, 'k') != NULL;
  int wv = mode != NULL && strchr(mode, 'v') != NULL;
  if (!wv) {    /* array and slot values are strong unless values are weak */
    for (uint32_t i = 0; i < h->asize; i++)
      verify_value(g, o, &h->array[i], "array value");
    uint32_t ns = tab_nslots(h);
    for (uint32_t i = 0; i < ns; i++)
      verify_value(g, o, &h->slots[i], "shaped slot value");
  }
  if (wk || tab_isdummy(h))
    return;     /* ephemeron or all-weak node entries are weak */
  uint32_t size = tab_sizenode(h);
  for (uint32_t i = 0; i < size; i++) {
    Node *n = &h->node[i];
    if (ttisnil(node_val(n)))
      continue;
    if (node_keyiscollectable(n))
      verify_ref(g, o, node_keygc(n), "node key");
    if (!wv)
      verify_value(g, o, node_val(n), "node value");
  }
}

static void verify_proto(global_State *g, Proto *f)
{
  GCObject *o = obj2gco(f);
  verify_ref(g, o, obj2gco(f->source), "source");
  for (int i = 0; i < f->sizek; i++)
    verify_value(g, o, &f->k[i], "constant");
  for (int i = 0; i < f->sizeupvalues; i++)
    verify_ref(g, o, obj2gco(f->upvalues[i].name), "upvalue name");
  for (int i = 0; i < f->sizep; i++)
    verify_ref(g, o, obj2gco(f->p[i]), "nested prototype");
  for (int i = 0; i < f->sizelocvars; i++)
    verify_ref(g, o, obj2gco(f->locvars[i].varname), "local name");
  if (f->feedback == NULL || f->code == NULL)
    return;
  for (int pc = 0; pc < f->sizecode; pc++) {
    unsigned op = (unsigned)GET_OPCODE(f->code[pc]);
    if (op >= NUM_OPCODES || op_feedback[op] != FB_FIELD)
      continue;
    unsigned slot = GETARG_F(f->code[pc]);
    if (slot == NO_FEEDBACK || slot >= (unsigned)f->nfeedback)
      continue;
    FieldIC *ic = &f->feedback[slot].field;
    int n = ic->count <= IC_MAX_POLY ? ic->count : IC_MAX_POLY;
    for (int j = 0; j < n; j++)
      verify_ref(g, o, obj2gco(ic->shape[j]), "field cache shape");
  }
}

static void verify_refs(global_State *g, GCObject *o)
{
  switch (o->tt) {
    case VT_SHRSTR: case VT_LNGSTR:
      break;
    case VT_TABLE:
      verify_table(g, (Table *)o);
      break;
    case VT_UDATA: {
      Udata *u = (Udata *)o;
      verify_ref(g, o, obj2gco(u->metatable), "metatable");
      for (int i = 0; i < u->nuvalue; i++)
        verify_value(g, o, &u->uv[i], "user value");
      break;
    }
    case VT_LCL: {
      LClosure *cl = (LClosure *)o;
      verify_ref(g, o, obj2gco(cl->p), "prototype");
      for (int i = 0; i < cl->nupvalues; i++)
        verify_ref(g, o, obj2gco(cl->upvals[i]), "upvalue");
      break;
    }
    case VT_CCL: {
      CClosure *cl = (CClosure *)o;
      for (int i = 0; i < cl->nupvalues; i++)
        verify_value(g, o, &cl->upvalue[i], "C upvalue");
      break;
    }
    case VT_PROTO:
      verify_proto(g, (Proto *)o);
      break;
    case VT_THREAD: {
      lua_State *th = (lua_State *)o;
      if (th->stack == NULL)
        break;
      for (StkId s = th->stack; s < th->top; s++)
        verify_value(g, o, s, "stack slot");
      for (UpVal *uv = th->openupval; uv != NULL; uv = uv->u.open.next)
        verify_ref(g, o, obj2gco(uv), "open upvalue");
      break;
    }
    case VT_UPVAL:
      verify_value(g, o, ((UpVal *)o)->v, "upvalue value");
      break;
    case VT_SHAPE: {
      Shape *s = (Shape *)o;
      verify_ref(g, o, obj2gco(s->parent), "parent shape");
      verify_ref(g, o, obj2gco(s->key), "shape key");
      break;
    }
    default:
      verify_fail(g, o, NULL, NULL, "object with an invalid tag");
  }
}

/* Set (or clear) TESTBIT on every object of a gray list. */
static void verify_marklist(GCObject *l, int set)
{
  for (; l != NULL; l = *gc_getgclist(l)) {
    if (set)
      gc_settest(l);
    else
      gc_cleartest(l);
  }
}

static void verify_graylists(global_State *g, int set)
{
  verify_marklist(g->gray, set);
  verify_marklist(g->grayagain, set);
  verify_marklist(g->weak, set);
  verify_marklist(g->allweak, set);
  verify_marklist(g->ephemeron, set);
}

static void verify_list(global_State *g, GCObject *l, int finobj, int fixed,
                        int marking)
{
  for (GCObject *o = l; o != NULL; o = o->next) {
    if (!gc_hasfinalizer(o) != !finobj)
      verify_fail(g, o, NULL, NULL, finobj
                  ? "object without a finalizer on finobj/tobefnz"
                  : "object with a finalizer on allgc/fixedgc");
    if (!marking) {
      if (gc_insweep(g))
        continue;       /* garbage not swept yet may point to freed objects */
      if (gc_isdead(g, o))
        verify_fail(g, o, NULL, NULL, "R3: dead object outside a sweep");
      verify_refs(g, o);
      continue;
    }
    if (gc_isdead(g, o))
      verify_fail(g, o, NULL, NULL, "R3: dead object while marking");
    if (gc_keptgray(o) && gc_isblack(o))
      verify_fail(g, o, NULL, NULL, "K: black thread or prototype");
    if (gc_isgray(o) && !gc_testbit(o) && !fixed &&
        !(o->tt == VT_UPVAL && upisopen((UpVal *)o)))
      verify_fail(g, o, NULL, NULL, "R2: gray object on no gray list");
    verify_refs(g, o);
  }
}

/* Cost control: a check costs one unit per object and reference, and the collector may
 * call it after every step; with a large heap and tiny steps (stress
 * builds) that is quadratic. Each call earns VERIFY_ALLOWANCE units and a
 * check runs when the earned units cover the size of the heap at the
 * previous check, so checking costs at most a constant factor more than
 * stepping. Small heaps (every test script) are checked after every step.
 * (File-static: one budget per process is enough for a test build.) */
#define VERIFY_ALLOWANCE 500
static lu_mem verify_budget, verify_lastcost;

static lu_mem verify_count(GCObject *l)
{
  lu_mem n = 0;
  for (; l != NULL; l = l->next)
    n++;
  return n;
}

void gc_verify(lua_State *L)
{
  global_State *g = G(L);
  verify_budget += VERIFY_ALLOWANCE;
  if (verify_budget < verify_lastcost)
    return;
  verify_budget = 0;
  verify_work = 0;
  int marking = gc_keepinvariant(g);
  if (marking)
    verify_graylists(g, 1);
  verify_list(g, g->allgc, 0, 0, marking);
  verify_list(g, g->finobj, 1, 0, marking);
  verify_list(g, g->tobefnz, 1, 0, marking);
  verify_list(g, g->fixedgc, 0, 1, marking);
  if (marking)
    verify_graylists(g, 0);
  verify_lastcost = verify_work + verify_count(g->allgc) +
                    verify_count(g->finobj) + verify_count(g->tobefnz);
}

#else

void gc_verify(lua_State *L)
{
  (void)L;
}

#endif
