/*
 * gc_mark.c — marking: the roots, the traversal of each kind of object,
 * weak tables and ephemerons, and the atomic phase that ends marking.
 *
 * Marking turns reachable objects from white to gray (reached, on a gray
 * list) to black (traversed). Objects with no references (strings) and
 * userdata without user values go straight to black. In incremental mode
 * marking is spread over many steps, each traversing gray objects until
 * its budget of work is spent; the program runs in between and the write
 * barriers (gc.c) keep "no black object points to a white one".
 *
 * Objects the program changes without barriers are never black: each
 * traversal puts them straight back on `grayagain`, so they are traversed
 * once more in the atomic phase, when the program is not running, and (in
 * generational mode) in every minor collection while they live:
 *   - threads (stacks are written by every instruction);
 *   - prototypes (inline caches store shapes into their feedback vectors,
 *     and the cache code has no pointer to the prototype to apply a
 *     barrier; a prototype being compiled gets its vector late, so every
 *     prototype is treated so, not only those that have one).
 * Weak tables also go to grayagain while marking (their entries are
 * cleared, not marked, and which ones depends on the final marking), and
 * so do objects written through gc_barrierback.
 *
 * The atomic phase (gc_atomic): re-mark the roots that can change (running
 * thread, registry, basic-type metatables), traverse grayagain, mark the
 * values of open upvalues of unmarked threads, converge the ephemerons;
 * now every strongly reachable object is black. Then, in the order the
 * manual (2.5.4) makes observable: clear weak values; move unreached
 * objects with finalizers to `tobefnz` and mark them (resurrection, for
 * their finalizer); converge again; clear weak keys, and weak values
 * again for what resurrection revived. Finally drop dead shape
 * transitions and string-cache entries and flip the current white.
 */
#include <string.h>

#include "gc/gc_internal.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/shape.h"
#include "obj/needs_vm.h"

/* ------------------------------------------------------------------ */
/* Gray lists                                                          */
/* ------------------------------------------------------------------ */

/* The gclist field of the objects that can be on a gray list. */
GCObject **gc_getgclist(GCObject *o)
{
  switch (o->tt) {
    case VT_TABLE:  return &((Table *)o)->gclist;
    case VT_LCL:    return &((LClosure *)o)->gclist;
    case VT_CCL:    return &((CClosure *)o)->gclist;
    case VT_THREAD: return &((lua_State *)o)->gclist;
    case VT_PROTO:  return &((Proto *)o)->gclist;
    case VT_UDATA:  return &((Udata *)o)->gclist;
    case VT_SHAPE:  return &((Shape *)o)->gclist;
    default:
      cr_assert(0, "object kind without a gclist");
      return NULL;
  }
}

/* Put o, whose gclist field is *pnext, on a gray list and make it gray. */
CR_INLINE void gc_linkgclistat(GCObject *o, GCObject **pnext,
                               GCObject **list)
{
  *pnext = *list;
  *list = o;
  gc_set2gray(o);
}

/* Put o on a gray list and make it gray. */
void gc_linkgclist(GCObject *o, GCObject **list)
{
  gc_linkgclistat(o, gc_getgclist(o), list);
}

void gc_cleargraylists(global_State *g)
{
  g->gray = g->grayagain = NULL;
  g->weak = g->allweak = g->ephemeron = NULL;
}

/* ------------------------------------------------------------------ */
/* Marking                                                             */
/* ------------------------------------------------------------------ */

void gc_reallymark(global_State *g, GCObject *o)
{
  switch (o->tt) {
    case VT_SHRSTR:
    case VT_LNGSTR:
      gc_set2black(g, o);                 /* no references */
      break;
    case VT_UPVAL: {
      UpVal *uv = (UpVal *)o;
      if (upisopen(uv))
        gc_set2gray(o);  /* open: gray on no list; its thread keeps the
                            value marked (gc_upvalclosed when it closes) */
      else
        gc_set2black(g, o);
      gc_markvalue(g, uv->v);
      break;
    }
    case VT_UDATA: {
      Udata *u = (Udata *)o;
      if (u->nuvalue == 0) {           /* nothing but the metatable */
        gc_markobjectN(g, u->metatable);
        gc_set2black(g, o);
        break;
      }
      gc_linkgclist(o, &g->gray);
      break;
    }
    case VT_TABLE:                     /* most of them: no dispatch */
      gc_linkgclistat(o, &((Table *)o)->gclist, &g->gray);
      break;
    case VT_LCL: case VT_CCL: case VT_THREAD: case VT_PROTO: case VT_SHAPE:
      gc_linkgclist(o, &g->gray);
      break;
    default:
      cr_assert(0, "not a collectable object");
  }
}

/* Metatables of the basic types. */
static void gc_markmt(global_State *g)
{
  for (int i = 0; i < LUA_NUMTYPES; i++)
    gc_markobjectN(g, g->mt[i]);
}

/* Objects waiting for their finalizer are alive until it has run. */
void gc_markbeingfnz(global_State *g)
{
  for (GCObject *o = g->tobefnz; o != NULL; o = o->next)
    gc_markobject(g, o);
}

void gc_markroots(global_State *g)
{
  gc_markobject(g, g->mainthread);
  gc_markvalue(g, &g->l_registry);
  gc_markmt(g);
  /* (metamethod names, the memory error message and the root shape are
   * fixed: gray forever, never collected.) */
  gc_markbeingfnz(g);
}

/* Threads not marked lose their place in twups; their open upvalues that
 * are still referenced (marked) keep the values they point to alive. */
static lu_mem gc_remarkupvals(global_State *g)
{
  lu_mem work = 0;
  lua_State **p = &g->twups;
  lua_State *th;
  while ((th = *p) != NULL) {
    work++;
    if (!gc_unmarked(g, obj2gco(th)) && th->openupval != NULL) {
      p = &th->twups;
      continue;
    }
    *p = th->twups;
    th->twups = th;
    for (UpVal *uv = th->openupval; uv != NULL; uv = uv->u.open.next) {
      work++;
      if (!gc_unmarked(g, obj2gco(uv)))
        gc_markvalue(g, uv->v);
    }
  }
  return work;
}

void gc_markold(global_State *g, GCObject *from, GCObject *to)
{
  for (GCObject *p = from; p != to; p = p->next) {
    if (gc_getage(p) == GC_AGE_OLD1) {
      cr_assert(!gc_iswhite(p), "old objects are never white");
      gc_changeage(p, GC_AGE_OLD1, GC_AGE_OLD);
      if (gc_isblack(p))
        gc_reallymark(g, p);         /* traverse it once more */
    }
  }
}

/* ------------------------------------------------------------------ */
/* Generational bookkeeping of traversed objects                       */
/* ------------------------------------------------------------------ */

/* A black table or userdata written in this cycle (TOUCHED1) must be seen
 * again in the next minor collection too (what it points to has just
 * become a survival); one written in the previous cycle is plain old now. */
static void gc_genlink(global_State *g, GCObject *o)
{
  if (gc_getage(o) == GC_AGE_TOUCHED1)
    gc_linkgclist(o, &g->grayagain);
  else if (gc_getage(o) == GC_AGE_TOUCHED2)
    gc_changeage(o, GC_AGE_TOUCHED2, GC_AGE_OLD);
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

/* Is o a weak reference that must be cleared? Strings are values, not
 * objects, for weak tables: they are never cleared (and get marked). */
static int gc_iscleared(global_State *g, GCObject *o)
{
  if (o == NULL)
    return 0;
  if (o->tt == VT_SHRSTR || o->tt == VT_LNGSTR) {
    gc_markobject(g, o);
    return 0;
  }
  return gc_unmarked(g, o);
}

#define gc_nodekeyN(n) (node_keyiscollectable(n) ? node_keygc(n) : NULL)

/* An entry with a nil value: its key may be collected; keep the pointer
 * (tagged dead) so `next` can still find its position. */
static inline void gc_clearkey(Node *n)
{
  if (node_keyiscollectable(n))
    node_setdeadkey(n);
}

/* The table's __mode, as a C string, or NULL. Objects of a class share
 * one metatable, so its "no __mode" bit (Table.tmcache, cleared by every
 * write to the metatable) answers almost every lookup; the collector sets
 * the bit itself when it finds the field absent, as tm_fast does. */
_Static_assert(TM_MODE <= TM_LAST_CACHED, "absence of __mode is cached");
static const char *gc_weakmode(global_State *g, Table *h)
{
  Table *mt = h->metatable;
  TString *name = g->tmname[TM_MODE];
  if (mt == NULL || name == NULL ||
      (mt->tmcache & (1u << TM_MODE)))
    return NULL;
  const TValue *mode = tab_getshortstr(mt, name);
  if (ttisnil(mode)) {
    mt->tmcache |= (lu_byte)(1u << TM_MODE);
    return NULL;
  }
  return ttisstring(mode) ? svalue(mode) : NULL;
}

static lu_mem gc_tablework(Table *h)
{
  return 1 + h->asize + tab_nslots(h) +
         (tab_isdummy(h) ? 0 : 2 * (lu_mem)tab_sizenode(h));
}

static void gc_traversestrongtable(global_State *g, Table *h)
{
  for (uint32_t i = 0; i < h->asize; i++)
    gc_markvalue(g, &h->array[i]);
  uint32_t ns = tab_nslots(h);
  for (uint32_t i = 0; i < ns; i++)
    gc_markvalue(g, &h->slots[i]);
  if (!tab_isdummy(h)) {
    uint32_t size = tab_sizenode(h);
    for (uint32_t i = 0; i < size; i++) {
      Node *n = &h->node[i];
      if (ttisnil(node_val(n))) {
        gc_clearkey(n);
      } else {
        cr_assert(!node_keyisnil(n), "entry has a key");
        if (node_keyiscollectable(n))
          gc_markobject(g, node_keygc(n));
        gc_markvalue(g, node_val(n));
      }
    }
  }
  gc_genlink(g, obj2gco(h));
}

/* Weak values: mark keys only; remember the table for clearing. */
static void gc_traverseweakvalue(global_State *g, Table *h)
{
  /* Array and slot values are not checked now: assume they need it. */
  int hasclears = h->asize > 0 || tab_nslots(h) > 0;
  if (!tab_isdummy(h)) {
    uint32_t size = tab_sizenode(h);
    for (uint32_t i = 0; i < size; i++) {
      Node *n = &h->node[i];
      if (ttisnil(node_val(n))) {
        gc_clearkey(n);
      } else {
        if (node_keyiscollectable(n))
          gc_markobject(g, node_keygc(n));
        if (!hasclears && gc_iscleared(g, gc_valueN(node_val(n))))
          hasclears = 1;
      }
    }
  }
  if (g->gcstate == GCS_ATOMIC && hasclears)
    gc_linkgclist(obj2gco(h), &g->weak);
  else
    gc_linkgclist(obj2gco(h), &g->grayagain);
}

/*
 * Ephemeron (weak keys): a value is reachable only through a reachable
 * key. Array and slot entries have non-collectable or string keys, so
 * their values are strong. Returns whether anything was marked (the caller
 * iterates to a fixed point). `inv` traverses the node backwards, which
 * speeds up convergence of chains built in either order.
 */
static int gc_traverseephemeron(global_State *g, Table *h, int inv)
{
  int marked = 0;
  int hasclears = 0;
  int haswhitewhite = 0;
  for (uint32_t i = 0; i < h->asize; i++) {
    if (gc_valiswhite(g, &h->array[i])) {
      marked = 1;
      gc_reallymark(g, gcvalue(&h->array[i]));
    }
  }
  uint32_t ns = tab_nslots(h);
  for (uint32_t i = 0; i < ns; i++) {
    if (gc_valiswhite(g, &h->slots[i])) {
      marked = 1;
      gc_reallymark(g, gcvalue(&h->slots[i]));
    }
  }
  if (!tab_isdummy(h)) {
    uint32_t size = tab_sizenode(h);
    for (uint32_t k = 0; k < size; k++) {
      Node *n = &h->node[inv ? size - 1 - k : k];
      if (ttisnil(node_val(n))) {
        gc_clearkey(n);
      } else if (gc_iscleared(g, gc_nodekeyN(n))) {
        hasclears = 1;
        if (gc_valiswhite(g, node_val(n)))
          haswhitewhite = 1;
      } else if (gc_valiswhite(g, node_val(n))) {
        marked = 1;
        gc_reallymark(g, gcvalue(node_val(n)));
      }
    }
  }
  if (gc_inmarking(g))
    gc_linkgclist(obj2gco(h), &g->grayagain);  /* again in the atomic phase */
  else if (haswhitewhite)
    gc_linkgclist(obj2gco(h), &g->ephemeron);  /* propagate again */
  else if (hasclears)
    gc_linkgclist(obj2gco(h), &g->allweak);    /* white keys to clear */
  else
    gc_genlink(g, obj2gco(h));
  return marked;
}

static lu_mem gc_traversetable(global_State *g, Table *h)
{
  gc_markobjectN(g, h->metatable);
  gc_markobjectN(g, h->shape);
  const char *mode = gc_weakmode(g, h);
  int wk = mode != NULL && strchr(mode, 'k') != NULL;
  int wv = mode != NULL && strchr(mode, 'v') != NULL;
  if (!wk && !wv)
    gc_traversestrongtable(g, h);
  else if (!wk)
    gc_traverseweakvalue(g, h);
  else if (!wv)
    gc_traverseephemeron(g, h, 0);
  else
    gc_linkgclist(obj2gco(h), &g->allweak);  /* nothing to mark */
  return gc_tablework(h);
}

/* ------------------------------------------------------------------ */
/* Other objects                                                       */
/* ------------------------------------------------------------------ */

static lu_mem gc_traverseudata(global_State *g, Udata *u)
{
  gc_markobjectN(g, u->metatable);
  for (int i = 0; i < u->nuvalue; i++)
    gc_markvalue(g, &u->uv[i]);
  gc_genlink(g, obj2gco(u));
  return 1 + (lu_mem)u->nuvalue;
}

/* Can this collection find a shape unmarked (white)? A minor collection
 * (gckind is GEN only there: majors and full cycles run with INC) can
 * only find young shapes unmarked: NEW ones, created since the last
 * atomic phase, and SURVIVAL ones, created since the one before it; an
 * older shape is OLD1 or older, marked. So when no shape was created
 * since the atomic phase before last, every shape is marked already:
 * the feedback vectors need no scan and the transition tree no cleaning
 * (both visit every shape or every instruction, and minor collections
 * are frequent). The answer holds for the whole collection:
 * shape_birthsat moves at the end of its atomic phase. */
static int gc_shapesmaydie(global_State *g)
{
  return g->gckind != GC_KIND_GEN || g->shape_births != g->shape_birthsat[1];
}

/* Feedback vectors hold shapes (field caches): the prototype keeps them
 * alive, which is what makes comparing a table's shape with a cached one
 * sound. The slot kind of each instruction comes from its opcode, so the
 * code is scanned for the ops that own a field cache. Call-target caches
 * are weak identities, never dereferenced (vm/feedback.h): not marked. */
static lu_mem gc_traversefeedback(global_State *g, Proto *f)
{
  if (f->feedback == NULL || f->code == NULL || !gc_shapesmaydie(g))
    return 0;
  for (int pc = 0; pc < f->sizecode; pc++) {
    Instruction i = f->code[pc];
    unsigned op = (unsigned)GET_OPCODE(i);
    if (op >= NUM_OPCODES || op_feedback[op] != FB_FIELD)
      continue;
    unsigned slot = GETARG_F(i);
    if (slot == NO_FEEDBACK || slot >= (unsigned)f->nfeedback)
      continue;
    FieldIC *ic = &f->feedback[slot].field;
    int n = ic->count <= IC_MAX_POLY ? ic->count : IC_MAX_POLY;
    for (int j = 0; j < n; j++)
      gc_markobjectN(g, ic->shape[j]);
  }
  return (lu_mem)f->sizecode / GC_CODESCAN;
}

static lu_mem gc_traverseproto(global_State *g, Proto *f)
{
  /* Never black (see the file comment): back on grayagain at once. */
  gc_linkgclist(obj2gco(f), &g->grayagain);
  gc_markobjectN(g, f->source);
  for (int i = 0; i < f->sizek; i++)
    gc_markvalue(g, &f->k[i]);
  for (int i = 0; i < f->sizeupvalues; i++)
    gc_markobjectN(g, f->upvalues[i].name);
  for (int i = 0; i < f->sizep; i++)
    gc_markobjectN(g, f->p[i]);
  for (int i = 0; i < f->sizelocvars; i++)
    gc_markobjectN(g, f->locvars[i].varname);
  lu_mem work = gc_traversefeedback(g, f);
  return work + 1 + (lu_mem)f->sizek + (lu_mem)f->sizeupvalues +
         (lu_mem)f->sizep + (lu_mem)f->sizelocvars;
}

static lu_mem gc_traverseLclosure(global_State *g, LClosure *cl)
{
  gc_markobjectN(g, cl->p);
  for (int i = 0; i < cl->nupvalues; i++)
    gc_markobjectN(g, cl->upvals[i]);   /* NULL while being built */
  return 1 + (lu_mem)cl->nupvalues;
}

static lu_mem gc_traverseCclosure(global_State *g, CClosure *cl)
{
  for (int i = 0; i < cl->nupvalues; i++)
    gc_markvalue(g, &cl->upvalue[i]);
  return 1 + (lu_mem)cl->nupvalues;
}

static lu_mem gc_traversethread(global_State *g, lua_State *th)
{
  /* Never black (see the file comment): back on grayagain at once. */
  gc_linkgclist(obj2gco(th), &g->grayagain);
  StkId o = th->stack;
  if (o == NULL)
    return 1;                       /* stack not built yet */
  cr_assert(g->gcstate == GCS_ATOMIC || th->openupval == NULL ||
            th->twups != th, "a thread with open upvalues is in twups");
  for (; o < th->top; o++)
    gc_markvalue(g, o);
  for (UpVal *uv = th->openupval; uv != NULL; uv = uv->u.open.next)
    gc_markobject(g, uv);
  if (g->gcstate == GCS_ATOMIC) {
    /* Slots above top are dead: clear them so stale references there
     * cannot resurrect anything later. */
    for (; o < th->stack_last + CR_EXTRA_STACK; o++)
      setnilvalue(o);
    if (th->twups == th && th->openupval != NULL) {
      th->twups = g->twups;         /* back on the list remarkupvals cut */
      g->twups = th;
    }
  } else if (!g->gcemergency) {
    do_shrinkstack(th);             /* not in emergencies: it allocates */
  }
  return 1 + (lu_mem)(th->stack_last - th->stack);
}

static lu_mem gc_traverseshape(global_State *g, Shape *s)
{
  gc_markobjectN(g, s->parent);
  gc_markobjectN(g, s->key);
  return 1;
}

lu_mem gc_propagatemark(global_State *g)
{
  GCObject *o = g->gray;
  gc_gray2black(g, o);
  if (o->tt == VT_TABLE) {            /* most of them */
    g->gray = ((Table *)o)->gclist;
    return gc_traversetable(g, (Table *)o);
  }
  g->gray = *gc_getgclist(o);
  switch (o->tt) {
    case VT_UDATA:  return gc_traverseudata(g, (Udata *)o);
    case VT_LCL:    return gc_traverseLclosure(g, (LClosure *)o);
    case VT_CCL:    return gc_traverseCclosure(g, (CClosure *)o);
    case VT_PROTO:  return gc_traverseproto(g, (Proto *)o);
    case VT_SHAPE:  return gc_traverseshape(g, (Shape *)o);
    case VT_THREAD: return gc_traversethread(g, (lua_State *)o);
    default:
      cr_assert(0, "gray object of a kind without references");
      return 0;
  }
}

/* The work units traversing every object of a gray list would take;
 * *count gets the length of the list (the cost of this walk). */
lu_mem gc_listwork(GCObject *l, lu_mem *count)
{
  lu_mem work = 0;
  *count = 0;
  for (; l != NULL; l = *gc_getgclist(l)) {
    (*count)++;
    switch (l->tt) {
      case VT_TABLE:  work += gc_tablework((Table *)l); break;
      case VT_THREAD: {
        lua_State *th = (lua_State *)l;
        work += 1 + (lu_mem)(th->top - th->stack);
        break;
      }
      case VT_UDATA:  work += 1 + ((Udata *)l)->nuvalue; break;
      case VT_PROTO:  work += 1 + (lu_mem)((Proto *)l)->sizek +
                              (lu_mem)((Proto *)l)->sizecode / GC_CODESCAN;
                      break;
      default:        work += 1;
    }
  }
  return work;
}

lu_mem gc_propagateall(global_State *g)
{
  lu_mem work = 0;
  while (g->gray != NULL)
    work += gc_propagatemark(g);
  return work;
}

/* Traverse ephemeron tables until nothing new is marked. */
static void gc_convergeephemerons(global_State *g)
{
  int changed;
  int dir = 0;
  do {
    GCObject *next = g->ephemeron;
    g->ephemeron = NULL;
    changed = 0;
    GCObject *w;
    while ((w = next) != NULL) {
      Table *h = (Table *)w;
      next = h->gclist;
      gc_gray2black(g, w);
      if (gc_traverseephemeron(g, h, dir)) {
        gc_propagateall(g);
        changed = 1;
      }
    }
    dir = !dir;
  } while (changed);
}

/* ------------------------------------------------------------------ */
/* Clearing weak tables                                                */
/* ------------------------------------------------------------------ */

/* Entries whose keys are about to be collected. */
static void gc_clearbykeys(global_State *g, GCObject *l)
{
  for (; l != NULL; l = ((Table *)l)->gclist) {
    Table *h = (Table *)l;
    if (tab_isdummy(h))
      continue;
    uint32_t size = tab_sizenode(h);
    for (uint32_t i = 0; i < size; i++) {
      Node *n = &h->node[i];
      if (gc_iscleared(g, gc_nodekeyN(n)))
        setnilvalue(node_val(n));
      if (ttisnil(node_val(n)))
        gc_clearkey(n);
    }
  }
}

/* Entries whose values are about to be collected, in the tables of list
 * l up to (not including) f. */
static void gc_clearbyvalues(global_State *g, GCObject *l, GCObject *f)
{
  for (; l != f; l = ((Table *)l)->gclist) {
    Table *h = (Table *)l;
    for (uint32_t i = 0; i < h->asize; i++)
      if (gc_iscleared(g, gc_valueN(&h->array[i])))
        setnilvalue(&h->array[i]);
    uint32_t ns = tab_nslots(h);
    for (uint32_t i = 0; i < ns; i++)
      if (gc_iscleared(g, gc_valueN(&h->slots[i])))
        setnilvalue(&h->slots[i]);
    if (tab_isdummy(h))
      continue;
    uint32_t size = tab_sizenode(h);
    for (uint32_t i = 0; i < size; i++) {
      Node *n = &h->node[i];
      if (gc_iscleared(g, gc_valueN(node_val(n))))
        setnilvalue(node_val(n));
      if (ttisnil(node_val(n)))
        gc_clearkey(n);
    }
  }
}

/* ------------------------------------------------------------------ */
/* The atomic phase                                                    */
/* ------------------------------------------------------------------ */

lu_mem gc_atomic(lua_State *L)
{
  global_State *g = G(L);
  lu_mem work = 0;
  GCObject *grayagain = g->grayagain;
  g->grayagain = NULL;
  cr_assert(g->ephemeron == NULL && g->weak == NULL,
            "weak lists are built by this phase");
  cr_assert(!gc_iswhite(obj2gco(g->mainthread)), "main thread marked");
  g->gcstate = GCS_ATOMIC;
  gc_markobject(g, L);              /* the running thread */
  gc_markvalue(g, &g->l_registry);
  gc_markmt(g);
  work += gc_propagateall(g);
  work += gc_remarkupvals(g);
  work += gc_propagateall(g);
  g->gray = grayagain;
  work += gc_propagateall(g);
  gc_convergeephemerons(g);
  /* Every strongly reachable object is marked now. */
  gc_clearbyvalues(g, g->weak, NULL);
  gc_clearbyvalues(g, g->allweak, NULL);
  GCObject *origweak = g->weak;
  GCObject *origall = g->allweak;
  gc_separatetobefnz(g, 0);
  gc_markbeingfnz(g);               /* resurrect them for their finalizer */
  work += gc_propagateall(g);
  gc_convergeephemerons(g);
  /* Everything reachable, resurrected ones included, is marked now. */
  gc_clearbykeys(g, g->ephemeron);
  gc_clearbykeys(g, g->allweak);
  gc_clearbyvalues(g, g->weak, origweak);
  gc_clearbyvalues(g, g->allweak, origall);
  if (g->root_shape != NULL && gc_shapesmaydie(g))
    shape_cleartransitions(g, g->root_shape);
  g->shape_birthsat[1] = g->shape_birthsat[0];
  g->shape_birthsat[0] = g->shape_births;
  str_clearcache(g);
  g->currentwhite = (lu_byte)gc_otherwhite(g);   /* flip */
  cr_assert(g->gray == NULL, "marking finished");
  return work;
}
