/*
 * gc_sweep.c — the other half of a cycle: freeing dead objects (sweeping,
 * incremental or generational) and calling finalizers.
 *
 * Lists: every object is on exactly one of allgc (ordinary objects,
 * newest first), finobj (objects whose metatable had __gc when it was
 * set), tobefnz (unreached objects with finalizers, resurrected until
 * their finalizer has run; oldest marking first) or fixedgc (permanent).
 *
 * Incremental sweep: after the atomic phase flipped the current white,
 * the objects still carrying the other white are dead. A sweep step walks
 * at most GC_SWEEPMAX objects of the current list from g->sweepgc, frees
 * the dead and turns the survivors to the current white (ready for the
 * next cycle). The program runs between steps and creates objects with
 * the current white, so they are never freed by this sweep.
 *
 * Generational sweep (gc_sweepgen): frees the white objects of the young
 * part of a list and advances every survivor's age (NEW -> SURVIVAL ->
 * OLD1 -> OLD); young survivors become white again, old ones keep their
 * colour (black), which is what makes minor collections skip them.
 *
 * Finalizers run in the order lua5.4 runs them: objects found unreached
 * in one cycle are finalized in reverse order of their registration
 * (gc_checkfinalizer); each finalizer runs once, with the collector
 * stopped, hooks off, and errors turned into the warning
 * "error in __gc (...)".
 */
#include "gc/gc_internal.h"
#include "gc/mem.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/shape.h"
#include "obj/udata.h"
#include "obj/state.h"
#include "obj/needs_vm.h"

/* Closure sizes: vm/func.h allocates with these formulas. */
#ifndef func_sizeLclosure
#define func_sizeLclosure(n) \
  (offsetof(LClosure, upvals) + sizeof(UpVal *) * (size_t)(n))
#define func_sizeCclosure(n) \
  (offsetof(CClosure, upvalue) + sizeof(TValue) * (size_t)(n))
#endif

#define gc_savestack(L, p) ((ptrdiff_t)((char *)(p) - (char *)(L)->stack))

/* ------------------------------------------------------------------ */
/* Freeing                                                             */
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

/* A dead short string first leaves the string table (str_remove), whose
 * bucket is a cache miss of its own: the sweeps keep the last few dead
 * short strings waiting, with their buckets asked for in advance, and
 * free each one GC_STRAHEAD strings later. Nothing interns strings while a
 * sweep function runs, so the waiting ones are never found; each sweep
 * frees them all before returning. */
#define GC_STRAHEAD 8

typedef struct gc_DeadStrings {
  TString *s[GC_STRAHEAD];
  size_t n;       /* strings pushed so far */
} gc_DeadStrings;

static void gc_freestring(lua_State *L, gc_DeadStrings *d, GCObject *o)
{
  TString *ts = (TString *)o;
  str_prefetchremove(G(L), ts);
  size_t i = d->n++ % GC_STRAHEAD;
  TString *old = d->s[i];
  d->s[i] = ts;
  if (d->n > GC_STRAHEAD)
    gc_freeobj(L, obj2gco(old));
}

static void gc_flushstrings(lua_State *L, gc_DeadStrings *d)
{
  size_t k = d->n < GC_STRAHEAD ? d->n : GC_STRAHEAD;
  for (size_t j = 0; j < k; j++)
    gc_freeobj(L, obj2gco(d->s[(d->n - k + j) % GC_STRAHEAD]));
  d->n = 0;
}

static inline void gc_freedead(lua_State *L, gc_DeadStrings *d, GCObject *o)
{
  if (o->tt == VT_SHRSTR)
    gc_freestring(L, d, o);
  else
    gc_freeobj(L, o);
}

void gc_deletelist(lua_State *L, GCObject *p, GCObject *limit)
{
  while (p != limit) {
    GCObject *next = p->next;
    gc_freeobj(L, p);
    p = next;
  }
}

/* ------------------------------------------------------------------ */
/* Incremental sweep                                                   */
/* ------------------------------------------------------------------ */

GCObject **gc_sweeplist(lua_State *L, GCObject **p, int count, int *nswept)
{
  global_State *g = G(L);
  int ow = gc_otherwhite(g);
  lu_byte white = (lu_byte)gc_currentwhite(g);
  int i;
  gc_DeadStrings dead;
  dead.n = 0;
  for (i = 0; *p != NULL && i < count; i++) {
    GCObject *curr = *p;
    if (curr->marked & ow & GC_WHITEBITS) {       /* dead */
      *p = curr->next;
      gc_freedead(L, &dead, curr);
    } else {                                      /* ready for next cycle */
      curr->marked = (lu_byte)((curr->marked & ~(GC_COLORBITS | GC_AGEBITS)) |
                               white);
      p = &curr->next;
    }
  }
  gc_flushstrings(L, &dead);
  if (nswept != NULL)
    *nswept = i;
  return *p == NULL ? NULL : p;
}

GCObject **gc_sweeptolive(lua_State *L, GCObject **p)
{
  GCObject **old = p;
  do {
    p = gc_sweeplist(L, p, 1, NULL);
  } while (p == old);
  return p;
}

/* ------------------------------------------------------------------ */
/* Generational sweeps                                                 */
/* ------------------------------------------------------------------ */

/* Age after one more collection survived, by current age. */
static const lu_byte gc_nextage[] = {
  GC_AGE_SURVIVAL,   /* from NEW */
  GC_AGE_OLD1,       /* from SURVIVAL */
  GC_AGE_OLD1,       /* from OLD0 */
  GC_AGE_OLD,        /* from OLD1 */
  GC_AGE_OLD,        /* from OLD */
  GC_AGE_TOUCHED1,   /* TOUCHED1: unchanged (gc.c's gray-list pass) */
  GC_AGE_TOUCHED2,   /* TOUCHED2: unchanged (likewise) */
};

GCObject **gc_sweepgen(lua_State *L, global_State *g, GCObject **p,
                       GCObject *limit, GCObject **pfirstold1)
{
  lu_byte white = (lu_byte)gc_currentwhite(g);
  GCObject *curr;
  gc_DeadStrings dead;
  dead.n = 0;
  while ((curr = *p) != limit) {
    if (gc_iswhite(curr)) {
      cr_assert(!gc_isold(curr) && gc_isdead(g, curr),
                "only young objects die in a minor collection");
      *p = curr->next;
      gc_freedead(L, &dead, curr);
    } else {
      if (gc_getage(curr) == GC_AGE_NEW) {
        /* young survivors become white again, to be marked next time */
        curr->marked = (lu_byte)((curr->marked &
                                  ~(GC_COLORBITS | GC_AGEBITS)) |
                                 white | GC_AGE_SURVIVAL);
      } else {
        gc_setage(curr, gc_nextage[gc_getage(curr)]);
        if (gc_getage(curr) == GC_AGE_OLD1 && *pfirstold1 == NULL)
          *pfirstold1 = curr;
      }
      p = &curr->next;
    }
  }
  gc_flushstrings(L, &dead);
  return p;
}

/* Entering generational mode right after an atomic phase: the dead are
 * freed and everything else becomes old. Threads and prototypes stay
 * gray on grayagain (gc_mark.c), open upvalues stay gray,
 * the rest turns black. */
void gc_sweep2old(lua_State *L, GCObject **p)
{
  global_State *g = G(L);
  GCObject *curr;
  gc_DeadStrings dead;
  dead.n = 0;
  while ((curr = *p) != NULL) {
    if (gc_unmarked(g, curr)) {
      cr_assert(gc_inepoch(g) || gc_isdead(g, curr),
                "white after atomic means dead");
      *p = curr->next;
      gc_freedead(L, &dead, curr);
      continue;
    }
    gc_setage(curr, GC_AGE_OLD);
    if (gc_keptgray(curr))
      gc_linkgclist(curr, &g->grayagain);
    else if (curr->tt == VT_UPVAL && upisopen((UpVal *)curr))
      gc_set2gray(curr);
    else                            /* plain black, also after an epoch */
      curr->marked = (lu_byte)((curr->marked & ~gc_bitmask(GC_BIT_TESTBIT)) |
                               gc_bitmask(GC_BIT_BLACK));
    p = &curr->next;
  }
  gc_flushstrings(L, &dead);
}

/* ------------------------------------------------------------------ */
/* Finalizers                                                          */
/* ------------------------------------------------------------------ */

/* Move unreached objects (or all, at lua_close) from finobj to the end of
 * tobefnz, keeping their order: finobj is newest first, so tobefnz runs
 * the most recently registered finalizer first. In generational mode
 * only the young part of finobj (up to finobjold1) can hold unreached
 * objects in a minor collection. */
void gc_separatetobefnz(global_State *g, int all)
{
  GCObject **lastnext = &g->tobefnz;
  while (*lastnext != NULL)
    lastnext = &(*lastnext)->next;
  GCObject **p = &g->finobj;
  GCObject *curr;
  while ((curr = *p) != g->finobjold1) {
    cr_assert(gc_hasfinalizer(curr), "finobj holds objects to finalize");
    if (!(gc_unmarked(g, curr) || all)) {
      p = &curr->next;
    } else {
      if (curr == g->finobjsur)
        g->finobjsur = curr->next;
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
  else if (gc_getage(o) == GC_AGE_OLD1)
    g->firstold1 = o;              /* it now heads the young part */
  return o;
}

static void gc_dothecall(lua_State *L, void *ud)
{
  (void)ud;
  do_callnoyield(L, L->top - 2, 0);
}

/* Run one finalizer: errors become warnings, hooks are off, and the
 * collector does not run inside it (except emergency collections). */
void gc_callfinalizer(lua_State *L)
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

int gc_runafewfinalizers(lua_State *L, int n)
{
  global_State *g = G(L);
  int i;
  for (i = 0; i < n && g->tobefnz != NULL; i++)
    gc_callfinalizer(L);
  return i;
}

void gc_callallpendingfinalizers(lua_State *L)
{
  global_State *g = G(L);
  while (g->tobefnz != NULL)
    gc_callfinalizer(L);
}
