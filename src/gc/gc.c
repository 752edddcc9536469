/*
 * gc.c — the collector: marking, weak tables and ephemerons, finalizers,
 * sweeping, pacing, and lua_gc's options.
 *
 * One cycle (gc_cycle), today run to completion whenever it starts:
 *
 *   PROPAGATE  roots are grayed (main thread, registry, basic-type
 *              metatables, metamethod names, objects being finalized), then
 *              gray objects are traversed until none is left. Threads and
 *              weak tables go to `grayagain`: they are traversed again in
 *              the atomic phase, as an incremental collector must do.
 *   ATOMIC     re-traverse grayagain, mark values of open upvalues of dead
 *              threads, converge ephemerons; clear weak values; move
 *              unreached objects with finalizers to `tobefnz` and mark them
 *              (resurrection); converge again; clear weak keys and values;
 *              drop transitions to dead shapes; flip the current white.
 *   SWEEP      free every object still of the old white (allgc, finobj,
 *              tobefnz), turn survivors to the new white.
 *   CALLFIN    (not in emergency collections) call pending finalizers, in
 *              reverse order of gc_checkfinalizer.
 *
 * Because a cycle never yields to the program, no object is black while
 * Lua code runs; the barriers exist (and are called by every writer) so
 * that an incremental collector can be switched on without touching the
 * rest of the engine.
 */
#include <string.h>

#include "gc/gc.h"
#include "gc/mem.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/shape.h"
#include "obj/udata.h"
#include "obj/state.h"
#include "obj/needs_vm.h"

/* ------------------------------------------------------------------ */
/* Colours                                                             */
/* ------------------------------------------------------------------ */

#define GC_AGEBITS 7u   /* bits 0..2 */

#define gc_set2gray(o)  ((o)->marked &= (lu_byte)~GC_COLORBITS)
#define gc_set2black(o) \
  ((o)->marked = (lu_byte)(((o)->marked & ~GC_WHITEBITS) | \
                           gc_bitmask(GC_BIT_BLACK)))
#define gc_makewhite(g, o) \
  ((o)->marked = (lu_byte)(((o)->marked & ~(GC_COLORBITS | GC_AGEBITS)) | \
                           gc_currentwhite(g)))

#define gc_valiswhite(v)   (iscollectable(v) && gc_iswhite(gcvalue(v)))
#define gc_markvalue(g, v) \
  { if (gc_valiswhite(v)) gc_reallymark(g, gcvalue(v)); }
#define gc_markobject(g, o) \
  { if (gc_iswhite(obj2gco(o))) gc_reallymark(g, obj2gco(o)); }
#define gc_markobjectN(g, o) \
  { if ((o) != NULL) gc_markobject(g, o); }

/* Collectable payload of a value, or NULL. */
#define gc_valueN(v)   (iscollectable(v) ? gcvalue(v) : NULL)
#define gc_nodekeyN(n) (node_keyiscollectable(n) ? node_keygc(n) : NULL)

#define gc_savestack(L, p) ((ptrdiff_t)((char *)(p) - (char *)(L)->stack))

#define gc_insweep(g) ((g)->gcstate >= GCS_SWPALLGC && \
                       (g)->gcstate <= GCS_SWPEND)
/* Does the tri-colour invariant hold (marking in progress)? */
#define gc_keepinvariant(g) ((g)->gcstate <= GCS_ATOMIC)

/* Closure sizes: vm/func.h allocates with these formulas. */
#ifndef func_sizeLclosure
#define func_sizeLclosure(n) \
  (offsetof(LClosure, upvals) + sizeof(UpVal *) * (size_t)(n))
#define func_sizeCclosure(n) \
  (offsetof(CClosure, upvalue) + sizeof(TValue) * (size_t)(n))
#endif

/* Divisor of the pause percentage. */
#define GC_PAUSE_ADJ 100

static void gc_reallymark(global_State *g, GCObject *o);

/* ------------------------------------------------------------------ */
/* Gray lists                                                          */
/* ------------------------------------------------------------------ */

/* The gclist field of the objects that can be gray. */
static GCObject **gc_getgclist(GCObject *o)
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

static void gc_linkgclist(GCObject *o, GCObject **list)
{
  GCObject **pnext = gc_getgclist(o);
  *pnext = *list;
  *list = o;
  gc_set2gray(o);
}

/* ------------------------------------------------------------------ */
/* Marking                                                             */
/* ------------------------------------------------------------------ */

static void gc_reallymark(global_State *g, GCObject *o)
{
  switch (o->tt) {
    case VT_SHRSTR:
    case VT_LNGSTR:
      gc_set2black(o);                 /* no references */
      break;
    case VT_UPVAL: {
      UpVal *uv = (UpVal *)o;
      if (upisopen(uv))
        gc_set2gray(o);    /* open: its thread keeps the value current */
      else
        gc_set2black(o);
      gc_markvalue(g, uv->v);
      break;
    }
    case VT_UDATA: {
      Udata *u = (Udata *)o;
      if (u->nuvalue == 0) {           /* nothing but the metatable */
        gc_markobjectN(g, u->metatable);
        gc_set2black(o);
        break;
      }
      gc_linkgclist(o, &g->gray);
      break;
    }
    case VT_TABLE: case VT_LCL: case VT_CCL: case VT_THREAD:
    case VT_PROTO: case VT_SHAPE:
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
static void gc_markbeingfnz(global_State *g)
{
  for (GCObject *o = g->tobefnz; o != NULL; o = o->next)
    gc_markobject(g, o);
}

static void gc_markroots(global_State *g)
{
  gc_markobject(g, g->mainthread);
  gc_markvalue(g, &g->l_registry);
  gc_markmt(g);
  for (int i = 0; i < TM_COUNT_MAX; i++)
    gc_markobjectN(g, g->tmname[i]);
  gc_markobjectN(g, g->memerrmsg);
  gc_markobjectN(g, g->root_shape);
  gc_markbeingfnz(g);
}

/* Threads not marked lose their place in twups; their open upvalues that
 * are still referenced (marked) keep the values they point to alive. */
static void gc_remarkupvals(global_State *g)
{
  lua_State **p = &g->twups;
  lua_State *th;
  while ((th = *p) != NULL) {
    if (!gc_iswhite(obj2gco(th)) && th->openupval != NULL) {
      p = &th->twups;
      continue;
    }
    *p = th->twups;
    th->twups = th;
    for (UpVal *uv = th->openupval; uv != NULL; uv = uv->u.open.next) {
      if (!gc_iswhite(obj2gco(uv)))
        gc_markvalue(g, uv->v);
    }
  }
}

/* ------------------------------------------------------------------ */
/* Traversal                                                           */
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
  return gc_iswhite(o);
}

/* An entry with a nil value: its key may be collected; keep the pointer
 * (tagged dead) so `next` can still find its position. */
static inline void gc_clearkey(Node *n)
{
  if (node_keyiscollectable(n))
    node_setdeadkey(n);
}

/* The table's __mode, as a C string, or NULL. Looked up directly (no
 * metamethod cache) since the collector must not depend on vm/ state. */
static const char *gc_weakmode(global_State *g, Table *h)
{
  Table *mt = h->metatable;
  TString *name = g->tmname[TM_MODE];
  if (mt == NULL || name == NULL)
    return NULL;
  const TValue *mode = tab_getshortstr(mt, name);
  return ttisstring(mode) ? svalue(mode) : NULL;
}

static void gc_traversestrongtable(global_State *g, Table *h)
{
  for (uint32_t i = 0; i < h->asize; i++)
    gc_markvalue(g, &h->array[i]);
  for (uint32_t i = 0; i < tab_nslots(h); i++)
    gc_markvalue(g, &h->slots[i]);
  if (tab_isdummy(h))
    return;
  for (uint32_t i = 0; i < tab_sizenode(h); i++) {
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

/* Weak values: mark keys only; remember the table for clearing. */
static void gc_traverseweakvalue(global_State *g, Table *h)
{
  /* Array and slot values are not checked now: assume they need it. */
  int hasclears = h->asize > 0 || tab_nslots(h) > 0;
  if (!tab_isdummy(h)) {
    for (uint32_t i = 0; i < tab_sizenode(h); i++) {
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
    if (gc_valiswhite(&h->array[i])) {
      marked = 1;
      gc_reallymark(g, gcvalue(&h->array[i]));
    }
  }
  for (uint32_t i = 0; i < tab_nslots(h); i++) {
    if (gc_valiswhite(&h->slots[i])) {
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
        if (gc_valiswhite(node_val(n)))
          haswhitewhite = 1;
      } else if (gc_valiswhite(node_val(n))) {
        marked = 1;
        gc_reallymark(g, gcvalue(node_val(n)));
      }
    }
  }
  if (g->gcstate == GCS_PROPAGATE)
    gc_linkgclist(obj2gco(h), &g->grayagain);
  else if (haswhitewhite)
    gc_linkgclist(obj2gco(h), &g->ephemeron);
  else if (hasclears)
    gc_linkgclist(obj2gco(h), &g->allweak);
  return marked;
}

static void gc_traversetable(global_State *g, Table *h)
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
}

static void gc_traverseudata(global_State *g, Udata *u)
{
  gc_markobjectN(g, u->metatable);
  for (int i = 0; i < u->nuvalue; i++)
    gc_markvalue(g, &u->uv[i]);
}

/* Feedback vectors hold shapes (field caches) and closures (call caches):
 * both are kept alive by the prototype. The slot kind of each instruction
 * comes from its opcode, so the code is scanned for the ops that own one. */
static void gc_traversefeedback(global_State *g, Proto *f)
{
  if (f->feedback == NULL || f->code == NULL)
    return;
  for (int pc = 0; pc < f->sizecode; pc++) {
    Instruction i = f->code[pc];
    unsigned op = (unsigned)GET_OPCODE(i);
    if (op >= NUM_OPCODES)
      continue;
    int kind = op_feedback[op];
    if (kind != FB_FIELD && kind != FB_CALL)
      continue;
    unsigned slot = GETARG_F(i);
    if (slot == NO_FEEDBACK || slot >= (unsigned)f->nfeedback)
      continue;
    FeedbackSlot *fs = &f->feedback[slot];
    if (kind == FB_FIELD) {
      int n = fs->field.count <= IC_MAX_POLY ? fs->field.count : IC_MAX_POLY;
      for (int j = 0; j < n; j++)
        gc_markobjectN(g, fs->field.shape[j]);
    } else {
      gc_markobjectN(g, fs->call.target);
    }
  }
}

static void gc_traverseproto(global_State *g, Proto *f)
{
  gc_markobjectN(g, f->source);
  for (int i = 0; i < f->sizek; i++)
    gc_markvalue(g, &f->k[i]);
  for (int i = 0; i < f->sizeupvalues; i++)
    gc_markobjectN(g, f->upvalues[i].name);
  for (int i = 0; i < f->sizep; i++)
    gc_markobjectN(g, f->p[i]);
  for (int i = 0; i < f->sizelocvars; i++)
    gc_markobjectN(g, f->locvars[i].varname);
  gc_traversefeedback(g, f);
}

static void gc_traverseLclosure(global_State *g, LClosure *cl)
{
  gc_markobjectN(g, cl->p);
  for (int i = 0; i < cl->nupvalues; i++)
    gc_markobjectN(g, cl->upvals[i]);   /* NULL while being built */
}

static void gc_traverseCclosure(global_State *g, CClosure *cl)
{
  for (int i = 0; i < cl->nupvalues; i++)
    gc_markvalue(g, &cl->upvalue[i]);
}

static void gc_traversethread(global_State *g, lua_State *th)
{
  StkId o = th->stack;
  if (o == NULL)
    return;                         /* stack not built yet */
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
}

static void gc_traverseshape(global_State *g, Shape *s)
{
  gc_markobjectN(g, s->parent);
  gc_markobjectN(g, s->key);
}

/* Traverse one gray object, turning it black. */
static void gc_propagatemark(global_State *g)
{
  GCObject *o = g->gray;
  gc_set2black(o);
  g->gray = *gc_getgclist(o);
  switch (o->tt) {
    case VT_TABLE:  gc_traversetable(g, (Table *)o); break;
    case VT_UDATA:  gc_traverseudata(g, (Udata *)o); break;
    case VT_LCL:    gc_traverseLclosure(g, (LClosure *)o); break;
    case VT_CCL:    gc_traverseCclosure(g, (CClosure *)o); break;
    case VT_PROTO:  gc_traverseproto(g, (Proto *)o); break;
    case VT_SHAPE:  gc_traverseshape(g, (Shape *)o); break;
    case VT_THREAD: {
      lua_State *th = (lua_State *)o;
      gc_linkgclist(o, &g->grayagain);  /* stacks change: see it again */
      gc_traversethread(g, th);
      break;
    }
    default:
      cr_assert(0, "gray object of a kind without references");
  }
}

static void gc_propagateall(global_State *g)
{
  while (g->gray != NULL)
    gc_propagatemark(g);
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
      gc_set2black(w);
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
    for (uint32_t i = 0; i < tab_sizenode(h); i++) {
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
    for (uint32_t i = 0; i < tab_nslots(h); i++)
      if (gc_iscleared(g, gc_valueN(&h->slots[i])))
        setnilvalue(&h->slots[i]);
    if (tab_isdummy(h))
      continue;
    for (uint32_t i = 0; i < tab_sizenode(h); i++) {
      Node *n = &h->node[i];
      if (gc_iscleared(g, gc_valueN(node_val(n))))
        setnilvalue(node_val(n));
      if (ttisnil(node_val(n)))
        gc_clearkey(n);
    }
  }
}

/* ------------------------------------------------------------------ */
/* Finalizers                                                          */
/* ------------------------------------------------------------------ */

/* Move unreached objects (or all, at lua_close) from finobj to the end of
 * tobefnz, keeping their order: finobj is newest first, so tobefnz runs
 * the most recently marked finalizer first. */
static void gc_separatetobefnz(global_State *g, int all)
{
  GCObject **lastnext = &g->tobefnz;
  while (*lastnext != NULL)
    lastnext = &(*lastnext)->next;
  GCObject **p = &g->finobj;
  GCObject *curr;
  while ((curr = *p) != NULL) {
    if (!(gc_iswhite(curr) || all)) {
      p = &curr->next;
    } else {
      *p = curr->next;
      curr->next = *lastnext;
      *lastnext = curr;
      lastnext = &curr->next;
    }
  }
}

/* Take the first object of tobefnz back to allgc (its finalizer runs
 * once; setting a metatable with __gc again re-registers it). */
static GCObject *gc_nexttofinalize(global_State *g)
{
  GCObject *o = g->tobefnz;
  g->tobefnz = o->next;
  o->next = g->allgc;
  g->allgc = o;
  o->marked &= (lu_byte)~gc_bitmask(GC_BIT_FINOBJ);
  if (gc_insweep(g))
    gc_makewhite(g, o);
  return o;
}

static void gc_dothecall(lua_State *L, void *ud)
{
  (void)ud;
  do_callnoyield(L, L->top - 2, 0);
}

/* Run one finalizer: errors become warnings, hooks are off, and the
 * collector does not run inside it. */
static void gc_callfinalizer(lua_State *L)
{
  global_State *g = G(L);
  TValue v;
  setgcovalue(&v, gc_nexttofinalize(g));
  const TValue *tm = tm_getbyobj(L, &v, TM_GC);
  if (ttisnil(tm))
    return;
  lu_byte oldallowhook = L->allowhook;
  lu_byte oldgcstp = g->gcstp;
  g->gcstp |= GCSTP_GC;
  L->allowhook = 0;
  setobj2s(L, L->top, tm);
  L->top++;
  setobj2s(L, L->top, &v);
  L->top++;
  L->ci->callstatus |= CIST_FIN;
  int status = do_pcall(L, gc_dothecall, NULL,
                        gc_savestack(L, L->top - 2), 0);
  L->ci->callstatus &= (unsigned short)~CIST_FIN;
  L->allowhook = oldallowhook;
  g->gcstp = oldgcstp;
  if (status != LUA_OK) {
    state_warnerror(L, "__gc");
    L->top--;                       /* the error object */
  }
}

/* The state between cycles. lua5.4's generational mode rests in
 * PROPAGATE (so collectgarbage("step") never reports the end of a cycle
 * there); incremental mode rests in PAUSE. */
static void gc_rest(global_State *g)
{
  g->gcstate = g->gckind == GC_KIND_GEN ? GCS_PROPAGATE : GCS_PAUSE;
}

static void gc_callallpendingfinalizers(lua_State *L)
{
  global_State *g = G(L);
  g->gcstate = GCS_CALLFIN;
  while (g->tobefnz != NULL)
    gc_callfinalizer(L);
  gc_rest(g);
}

void gc_checkfinalizer(lua_State *L, GCObject *o, Table *mt)
{
  global_State *g = G(L);
  if (gc_hasfinalizer(o) || mt == NULL || (g->gcstp & GCSTP_CLOSE))
    return;
  if (g->tmname[TM_GC] == NULL || tm_fast(L, mt, TM_GC) == NULL)
    return;
  if (gc_insweep(g))
    gc_makewhite(g, o);   /* (incremental sweep: keep it from being freed) */
  GCObject **p = &g->allgc;
  while (*p != o) {
    cr_assert(*p != NULL, "object is on allgc");
    p = &(*p)->next;
  }
  *p = o->next;
  o->next = g->finobj;
  g->finobj = o;
  o->marked |= (lu_byte)gc_bitmask(GC_BIT_FINOBJ);
}

/* ------------------------------------------------------------------ */
/* Freeing and sweeping                                                */
/* ------------------------------------------------------------------ */

void gc_freeobj(lua_State *L, GCObject *o)
{
  switch (o->tt) {
    case VT_PROTO:
      func_freeproto(L, (Proto *)o);
      break;
    case VT_UPVAL:
      func_freeupval(L, (UpVal *)o);
      break;
    case VT_LCL: {
      LClosure *cl = (LClosure *)o;
      mem_free(L, cl, func_sizeLclosure(cl->nupvalues));
      break;
    }
    case VT_CCL: {
      CClosure *cl = (CClosure *)o;
      mem_free(L, cl, func_sizeCclosure(cl->nupvalues));
      break;
    }
    case VT_TABLE:
      tab_free(L, (Table *)o);
      break;
    case VT_THREAD:
      state_freethread(L, (lua_State *)o);
      break;
    case VT_UDATA: {
      Udata *u = (Udata *)o;
      mem_free(L, u, udata_size(u->nuvalue, u->len));
      break;
    }
    case VT_SHRSTR: {
      TString *ts = (TString *)o;
      str_remove(L, ts);
      mem_free(L, ts, str_size(ts->len));
      break;
    }
    case VT_LNGSTR: {
      TString *ts = (TString *)o;
      mem_free(L, ts, str_size(ts->len));
      break;
    }
    case VT_SHAPE:
      shape_free(L, (Shape *)o);
      break;
    default:
      cr_assert(0, "not a collectable object");
  }
}

/* Free the dead objects of a list and whiten the live ones. */
static void gc_sweeplist(lua_State *L, GCObject **p)
{
  global_State *g = G(L);
  int ow = gc_otherwhite(g);
  lu_byte white = (lu_byte)gc_currentwhite(g);
  GCObject *curr;
  while ((curr = *p) != NULL) {
    if (curr->marked & ow & GC_WHITEBITS) {
      *p = curr->next;
      gc_freeobj(L, curr);
    } else {
      curr->marked = (lu_byte)((curr->marked & ~(GC_COLORBITS | GC_AGEBITS)) |
                               white);
      p = &curr->next;
    }
  }
}

static void gc_deletelist(lua_State *L, GCObject *p, GCObject *limit)
{
  while (p != limit) {
    GCObject *next = p->next;
    gc_freeobj(L, p);
    p = next;
  }
}

/* ------------------------------------------------------------------ */
/* A cycle                                                             */
/* ------------------------------------------------------------------ */

static void gc_atomic(lua_State *L)
{
  global_State *g = G(L);
  GCObject *grayagain = g->grayagain;
  g->grayagain = NULL;
  g->gcstate = GCS_ATOMIC;
  gc_markobject(g, L);              /* the running thread */
  gc_markvalue(g, &g->l_registry);
  gc_markmt(g);
  gc_propagateall(g);
  gc_remarkupvals(g);
  gc_propagateall(g);
  g->gray = grayagain;
  gc_propagateall(g);
  gc_convergeephemerons(g);
  /* Every strongly reachable object is marked now. */
  gc_clearbyvalues(g, g->weak, NULL);
  gc_clearbyvalues(g, g->allweak, NULL);
  GCObject *origweak = g->weak;
  GCObject *origall = g->allweak;
  gc_separatetobefnz(g, 0);
  gc_markbeingfnz(g);               /* resurrect them for their finalizer */
  gc_propagateall(g);
  gc_convergeephemerons(g);
  /* Everything reachable, resurrected ones included, is marked now. */
  gc_clearbykeys(g, g->ephemeron);
  gc_clearbykeys(g, g->allweak);
  gc_clearbyvalues(g, g->weak, origweak);
  gc_clearbyvalues(g, g->allweak, origall);
  if (g->root_shape != NULL)
    shape_cleartransitions(g->root_shape);
  str_clearcache(g);
  g->currentwhite = (lu_byte)gc_otherwhite(g);   /* flip */
}

static void gc_setpause(global_State *g)
{
  if (CRESCENT_GC_STRESS) {
    state_setdebt(g, 1);            /* collect again at the next check */
    return;
  }
  int pause = gc_getparam(g->gcpause);
  l_mem estimate = (l_mem)(g->GCestimate / GC_PAUSE_ADJ);
  if (estimate <= 0)
    estimate = 1;
  l_mem maxmem = (l_mem)(~(lu_mem)0 >> 1);
  l_mem threshold = pause < maxmem / estimate ? estimate * pause : maxmem;
  l_mem debt = (l_mem)gc_totalbytes(g) - threshold;
  if (debt > 0)
    debt = 0;
  state_setdebt(g, debt);
}

/* Mark, clear and sweep: everything of a cycle but the finalizers. */
static void gc_cycle(lua_State *L)
{
  global_State *g = G(L);
  lu_byte oldstopem = g->gcstopem;
  g->gcstopem = 1;                  /* no emergency collection inside */
  g->gray = g->grayagain = NULL;
  g->weak = g->allweak = g->ephemeron = NULL;
  g->gcstate = GCS_PROPAGATE;
  gc_markroots(g);
  gc_propagateall(g);
  g->gcstate = GCS_ENTERATOMIC;
  gc_atomic(L);
  g->gcstate = GCS_SWPALLGC;
  gc_sweeplist(L, &g->allgc);
  g->gcstate = GCS_SWPFINOBJ;
  gc_sweeplist(L, &g->finobj);
  g->gcstate = GCS_SWPTOBEFNZ;
  gc_sweeplist(L, &g->tobefnz);
  g->gcstate = GCS_SWPEND;
  if (!g->gcemergency)
    str_checksize(L);
  g->gcstate = GCS_CALLFIN;
  g->GCestimate = gc_totalbytes(g);
  g->gcstopem = oldstopem;
}

void gc_fullgc(lua_State *L, int isemergency)
{
  global_State *g = G(L);
  lu_byte oldemergency = g->gcemergency;
  g->gcemergency = (lu_byte)isemergency;
  gc_cycle(L);
  gc_setpause(g);
  g->gcemergency = oldemergency;
  if (!isemergency)
    gc_callallpendingfinalizers(L);
  else
    gc_rest(g);                     /* finalizers wait for the next cycle */
}

void gc_step(lua_State *L)
{
  global_State *g = G(L);
  if (!gc_running(g)) {
    state_setdebt(g, -2000);        /* stopped: check again a bit later */
    return;
  }
  gc_fullgc(L, 0);
}

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

GCObject *gc_newobjdt(lua_State *L, int tt, size_t size, size_t offset)
{
  global_State *g = G(L);
  char *block = mem_newobject(L, tt, size);
  GCObject *o = (GCObject *)(block + offset);
  o->marked = (lu_byte)gc_currentwhite(g);
  o->tt = (lu_byte)tt;
  o->next = g->allgc;
  g->allgc = o;
  return o;
}

GCObject *gc_newobj(lua_State *L, int tt, size_t size)
{
  return gc_newobjdt(L, tt, size, 0);
}

void gc_fix(lua_State *L, GCObject *o)
{
  global_State *g = G(L);
  GCObject **p = &g->allgc;
  while (*p != o) {                 /* normally o is the newest object */
    cr_assert(*p != NULL, "object is on allgc");
    p = &(*p)->next;
  }
  *p = o->next;
  gc_set2gray(o);                   /* gray forever: never white, never swept */
  o->next = g->fixedgc;
  g->fixedgc = o;
}

void gc_barrier_(lua_State *L, GCObject *p, GCObject *o)
{
  global_State *g = G(L);
  if (gc_keepinvariant(g))
    gc_reallymark(g, o);            /* keep "black never points to white" */
  else
    gc_makewhite(g, p);             /* sweeping: p needs no more barriers */
}

void gc_barrierback_(lua_State *L, GCObject *p)
{
  global_State *g = G(L);
  gc_linkgclist(p, &g->grayagain);  /* traverse it again in the atomic phase */
}

void gc_freeallobjects(lua_State *L)
{
  global_State *g = G(L);
  g->gcstp = GCSTP_CLOSE;           /* no new finalizers from here on */
  g->gckind = GC_KIND_INC;
  gc_separatetobefnz(g, 1);
  cr_assert(g->finobj == NULL, "every finalizer pending");
  gc_callallpendingfinalizers(L);
  gc_deletelist(L, g->allgc, obj2gco(g->mainthread));
  cr_assert(g->finobj == NULL, "no new finalizers");
  gc_deletelist(L, g->fixedgc, NULL);
  g->allgc = obj2gco(g->mainthread);
  g->fixedgc = NULL;
  cr_assert(g->strt.nuse == 0, "every string freed");
}

/* ------------------------------------------------------------------ */
/* lua_gc                                                              */
/* ------------------------------------------------------------------ */

int gc_control(lua_State *L, int what, va_list argp)
{
  global_State *g = G(L);
  int res = 0;
  if (g->gcstp & GCSTP_GC)
    return -1;                      /* inside a finalizer */
  switch (what) {
    case LUA_GCSTOP:
      g->gcstp = GCSTP_USER;
      break;
    case LUA_GCRESTART:
      state_setdebt(g, 0);
      g->gcstp = 0;
      break;
    case LUA_GCCOLLECT:
      gc_fullgc(L, 0);
      break;
    case LUA_GCCOUNT:
      res = (int)(gc_totalbytes(g) >> 10);
      break;
    case LUA_GCCOUNTB:
      res = (int)(gc_totalbytes(g) & 0x3ff);
      break;
    case LUA_GCSTEP: {
      int data = va_arg(argp, int);
      l_mem debt = 1;               /* > 0: a step was done */
      lu_byte oldstp = g->gcstp;
      g->gcstp = 0;                 /* a step runs even when stopped */
      if (data == 0) {
        state_setdebt(g, 0);
        gc_step(L);
      } else {
        debt = (l_mem)data * 1024 + g->GCdebt;
        state_setdebt(g, debt);
        gc_check(L);
      }
      g->gcstp = oldstp;
      if (debt > 0 && g->gcstate == GCS_PAUSE)
        res = 1;                    /* a cycle ended */
      break;
    }
    case LUA_GCSETPAUSE: {
      int data = va_arg(argp, int);
      res = gc_getparam(g->gcpause);
      gc_setparam(g->gcpause, data);
      break;
    }
    case LUA_GCSETSTEPMUL: {
      int data = va_arg(argp, int);
      res = gc_getparam(g->gcstepmul);
      gc_setparam(g->gcstepmul, data);
      break;
    }
    case LUA_GCISRUNNING:
      res = gc_running(g);
      break;
    case LUA_GCGEN: {
      int minormul = va_arg(argp, int);
      int majormul = va_arg(argp, int);
      res = g->gckind == GC_KIND_GEN ? LUA_GCGEN : LUA_GCINC;
      if (minormul != 0)
        g->genminormul = (lu_byte)minormul;
      if (majormul != 0)
        gc_setparam(g->genmajormul, majormul);
      g->gckind = GC_KIND_GEN;
      gc_rest(g);
      break;
    }
    case LUA_GCINC: {
      int pause = va_arg(argp, int);
      int stepmul = va_arg(argp, int);
      int stepsize = va_arg(argp, int);
      res = g->gckind == GC_KIND_GEN ? LUA_GCGEN : LUA_GCINC;
      if (pause != 0)
        gc_setparam(g->gcpause, pause);
      if (stepmul != 0)
        gc_setparam(g->gcstepmul, stepmul);
      if (stepsize != 0)
        g->gcstepsize = (lu_byte)stepsize;
      g->gckind = GC_KIND_INC;
      gc_rest(g);
      break;
    }
    default:
      res = -1;
  }
  return res;
}
