/*
 * gc.c — the collector's driver: incremental steps and their pacing,
 * generational (minor and major) collections, mode changes, full and
 * emergency collections, barriers, object creation, and lua_gc.
 *
 * Incremental mode. One cycle is the sequence of GC_STATES (gc.h); the
 * function gc_singlestep advances it by one small piece: one gray object
 * traversed, the whole atomic phase, GC_SWEEPMAX objects swept, or a few
 * finalizers run, and says how much work that was. Pacing: allocation
 * raises GCdebt; when it turns positive, gc_incstep converts the debt to
 * work (times stepmul/100) and runs single steps until it has done that
 * much plus one step's worth (2^stepsize bytes, times stepmul/100), then
 * sets the debt to minus the step size so that the next step comes after
 * that many bytes more. At the end of a cycle the next one is scheduled
 * when memory reaches pause% of the live estimate.
 *
 * Generational mode. Objects have ages (gc.h). Between collections the
 * state rests in PROPAGATE with old objects black. A minor (young)
 * collection re-marks the OLD1 objects and the gray lists, runs the
 * atomic phase (which marks everything young that is reachable) and
 * sweeps only the young part of each list (gc_sweepgen); the lists are
 * kept in age order, newest first, with g->survival, g->old1 and
 * g->reallyold pointing at the boundaries. It happens each time memory
 * grows by genminormul% since the last one. When memory has grown by
 * genmajormul% since the last major collection, a major one (a full
 * incremental-style mark of everything, then everything old) is done; if
 * it frees less than half of that growth it was a bad one: the collector
 * then runs full incremental-style cycles (g->lastatomic != 0) until one
 * marks little enough to go back to minor collections.
 *
 * Barriers keep the invariants between steps (see gc.h). A forward
 * barrier marks the stored object, or during a sweep whitens the holder
 * instead (it will not be looked at again in this cycle). In generational
 * mode a forward barrier from an old object makes the stored one OLD0,
 * and a back barrier makes an old object TOUCHED1 and puts it on
 * grayagain, so the next minor collection traverses it.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <stdio.h>

#include "gc/gc_internal.h"
#include "gc/mem.h"
#include "gc/pool.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/shape.h"
#include "obj/state.h"
#include "obj/needs_vm.h"

/* ------------------------------------------------------------------ */
/* Step timing (instrumented builds: -DCRESCENT_GC_TIMING=1)           */
/* ------------------------------------------------------------------ */

/* Every gc_step is timed twice: wall clock (the pause the program sees,
 * including any preemption) and the thread's CPU time (the collector's
 * own cost, which is what a busy machine does not distort). At lua_close
 * stderr gets the number of steps, minor and major collections, totals,
 * the longest step, and a histogram by powers of two of microseconds.
 * This is how the pause figures of docs/gc.md are measured. */
#ifndef CRESCENT_GC_TIMING
#define CRESCENT_GC_TIMING 0
#endif

#if CRESCENT_GC_TIMING
#define GC_TIMING_BUCKETS 24
static struct {
  unsigned long long steps, minors, majors;
  unsigned long long total_ns, max_ns, cpu_ns, maxcpu_ns;
  unsigned long long hist[GC_TIMING_BUCKETS];  /* [i]: < 2^i microseconds */
  unsigned long long histcpu[GC_TIMING_BUCKETS];  /* the same, cpu time */
  unsigned long long maxbystate[GCS_PAUSE + 1];  /* cpu, by starting state */
  int maxstate;
} gc_timing;
#define gc_count(what) (gc_timing.what++)

/* With CRESCENT_GC_TRACE set in the environment, one line per collection
 * of generational mode (minor, major, or full after a bad major): what it
 * was and the heap before and after, to see the pacing at work. */
static int gc_tracing = -1;

/* Bytes of the block the default allocator gives for a request of n
 * bytes: a 16-byte class of gc/pool.c up to 512 bytes, above that what
 * a 64-bit glibc's malloc gives (8 bytes of header, 16-byte granules):
 * the census shows both, because RSS pays the second. */
static size_t gc_chunk(size_t n)
{
  if (n <= POOL_MAX)
    return (n + POOL_GRAIN - 1) & ~(size_t)(POOL_GRAIN - 1);
  return (n + 8 + 15) & ~(size_t)15;
}

/* CRESCENT_GC_TRACE=2: after each major or full collection, the live
 * heap by object kind: count, bytes as accounted, bytes in allocator
 * blocks. Tables count their separate parts; prototypes and threads
 * only their headers (their vectors are a small share of these heaps). */
static void gc_census(global_State *g)
{
  enum { C_TABLE, C_STR, C_LCL, C_CCL, C_UPVAL, C_SHAPE, C_UDATA, C_OTHER, C_N };
  static const char *const kind[C_N] = {
    "tables", "strings", "Lua closures", "C closures", "upvalues", "shapes",
    "userdata", "protos/threads"
  };
  unsigned long long n[C_N] = {0}, bytes[C_N] = {0}, chunks[C_N] = {0};
  GCObject *lists[3] = { g->allgc, g->finobj, g->tobefnz };
  for (int li = 0; li < 3; li++) {
    for (GCObject *o = lists[li]; o != NULL; o = o->next) {
      int c;
      size_t sz, ch;
      switch (o->tt) {
        case VT_TABLE: {
          /* the Table's block (with its inline parts), then each part
           * that lives in a block of its own */
          Table *t = (Table *)o;
          char *lo = (char *)t;
          char *hi = lo + sizeof(Table) + (size_t)t->ninline * sizeof(TValue);
          c = C_TABLE;
          sz = tab_memsize(t);
          ch = gc_chunk((size_t)(hi - lo));
          if (t->asize != 0 && !((char *)t->array >= lo && (char *)t->array < hi))
            ch += gc_chunk((size_t)t->asize * sizeof(TValue));
          if (t->slotcap != 0 && !((char *)t->slots >= lo && (char *)t->slots < hi))
            ch += gc_chunk((size_t)t->slotcap * sizeof(TValue));
          if (!tab_isdummy(t))
            ch += gc_chunk(sizeof(Node *) + tab_sizenode(t) * sizeof(Node));
          break;
        }
        case VT_SHRSTR: case VT_LNGSTR:
          c = C_STR; sz = str_size(((TString *)o)->len); ch = gc_chunk(sz);
          break;
        case VT_LCL:
          c = C_LCL;
          sz = offsetof(LClosure, upvals) + sizeof(UpVal *) * ((LClosure *)o)->nupvalues;
          ch = gc_chunk(sz);
          break;
        case VT_CCL:
          c = C_CCL;
          sz = offsetof(CClosure, upvalue) + sizeof(TValue) * ((CClosure *)o)->nupvalues;
          ch = gc_chunk(sz);
          break;
        case VT_UPVAL:
          c = C_UPVAL; sz = sizeof(UpVal); ch = gc_chunk(sz);
          break;
        case VT_SHAPE:
          c = C_SHAPE;
          sz = shape_size(((Shape *)o)->nslots, ((Shape *)o)->idxbits);
          ch = gc_chunk(sz);
          break;
        case VT_UDATA:
          c = C_UDATA;
          sz = udata_size(((Udata *)o)->nuvalue, ((Udata *)o)->len);
          ch = gc_chunk(sz);
          break;
        default:
          c = C_OTHER;
          sz = o->tt == VT_PROTO ? sizeof(Proto) : sizeof(lua_State);
          ch = gc_chunk(sz);
      }
      n[c]++;
      bytes[c] += sz;
      chunks[c] += ch;
    }
  }
  for (int c = 0; c < C_N; c++)
    if (n[c] != 0)
      fprintf(stderr, "gc census: %-15s %9llu objects %11llu bytes "
              "(%5.1f each) %11llu in allocator blocks\n", kind[c], n[c],
              bytes[c], (double)bytes[c] / (double)n[c], chunks[c]);
}

static void gc_trace(const char *what, global_State *g, lu_mem before)
{
  if (gc_tracing < 0) {
    const char *e = getenv("CRESCENT_GC_TRACE");
    gc_tracing = e == NULL ? 0 : e[0] == '2' ? 2 : 1;
  }
  if (gc_tracing)
    fprintf(stderr, "gc trace: %-6s %10.1f KB -> %10.1f KB (estimate %.1f KB)\n",
            what, before / 1024.0, gc_totalbytes(g) / 1024.0,
            g->GCestimate / 1024.0);
  if (gc_tracing == 2 && strcmp(what, "minor") != 0)
    gc_census(g);
}

static unsigned long long gc_clock_ns(clockid_t clock)
{
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (unsigned long long)ts.tv_sec * 1000000000ull +
         (unsigned long long)ts.tv_nsec;
}

static int gc_timing_bucket(unsigned long long ns)
{
  unsigned long long us = ns / 1000;
  int b = 0;
  while (b < GC_TIMING_BUCKETS - 1 && us >= (1ull << b))
    b++;
  return b;
}

static void gc_timing_record(unsigned long long ns, unsigned long long cpu,
                             int state)
{
  gc_timing.steps++;
  gc_timing.total_ns += ns;
  gc_timing.cpu_ns += cpu;
  if (cpu > gc_timing.maxcpu_ns)
    gc_timing.maxcpu_ns = cpu;
  if (cpu > gc_timing.maxbystate[state])
    gc_timing.maxbystate[state] = cpu;
  if (ns > gc_timing.max_ns) {
    gc_timing.max_ns = ns;
    gc_timing.maxstate = state;
  }
  gc_timing.hist[gc_timing_bucket(ns)]++;
  gc_timing.histcpu[gc_timing_bucket(cpu)]++;
}

static void gc_timing_report(void)
{
  static const char *const names[] = {
#define X(name, doc) #name,
    GC_STATES(X)
#undef X
  };
  if (gc_timing.steps == 0)
    return;
  fprintf(stderr, "gc timing: %llu steps (%llu minor, %llu major "
          "collections), wall %.3f ms, cpu %.3f ms, mean %.1f us\n",
          gc_timing.steps, gc_timing.minors, gc_timing.majors,
          gc_timing.total_ns / 1e6, gc_timing.cpu_ns / 1e6,
          gc_timing.total_ns / 1e3 / (double)gc_timing.steps);
  fprintf(stderr, "gc timing: longest step %.3f ms wall (began in %s), "
          "longest %.3f ms cpu\n", gc_timing.max_ns / 1e6,
          names[gc_timing.maxstate], gc_timing.maxcpu_ns / 1e6);
  fprintf(stderr, "gc timing: longest cpu by starting state:");
  for (int st = 0; st <= GCS_PAUSE; st++)
    if (gc_timing.maxbystate[st] != 0)
      fprintf(stderr, " %s %.2f ms", names[st], gc_timing.maxbystate[st] / 1e6);
  fprintf(stderr, "\n");
  fprintf(stderr, "gc timing:   steps shorter than   wall      cpu\n");
  for (int b = 0; b < GC_TIMING_BUCKETS; b++) {
    if (gc_timing.hist[b] == 0 && gc_timing.histcpu[b] == 0)
      continue;
    fprintf(stderr, "gc timing:   %10llu us %8llu %8llu\n", 1ull << b,
            gc_timing.hist[b], gc_timing.histcpu[b]);
  }
}
#else
#define gc_count(what) ((void)0)
#define gc_trace(what, g, before) ((void)0)
#endif

/* ------------------------------------------------------------------ */
/* Pacing                                                              */
/* ------------------------------------------------------------------ */

/* The next cycle starts when memory reaches pause% of the estimate. */
static void gc_setpausepct(global_State *g, int pause)
{
  l_mem estimate = (l_mem)(g->GCestimate / GC_PAUSEADJ);
  if (estimate <= 0)
    estimate = 1;
  l_mem threshold = pause < GC_MAX_LMEM / estimate ? estimate * pause
                                                   : GC_MAX_LMEM;
  l_mem debt = (l_mem)gc_totalbytes(g) - threshold;
  if (debt > 0)
    debt = 0;
  state_setdebt(g, debt);
}

static void gc_setpause(global_State *g)
{
  gc_setpausepct(g, gc_getparam(g->gcpause));
}

/* Generational mode after a bad major collection (most of the heap
 * survived): the next, full, collection comes after genmajormul% growth,
 * as majors do. (lua5.4 waits for the incremental pause, 200%: with a
 * program that builds and drops big structures in turn, that lets the
 * heap reach twice the live data.) */
static void gc_setgenpause(global_State *g)
{
  gc_setpausepct(g, 100 + gc_getparam(g->genmajormul));
}

/* Generational: the next minor collection after genminormul% growth. */
static void gc_setminordebt(global_State *g)
{
  state_setdebt(g, -(l_mem)(gc_totalbytes(g) / 100) * g->genminormul);
}

/* Stress builds collect at every safe point (debt 1 keeps gc_check
 * firing) while the heap is small. Collections of a big heap cost in
 * proportion to it (a deep recursion's stack is traversed whole by each
 * one), so above GC_STRESS_HEAP bytes the collector paces itself as in a
 * normal build: the overhead stays a constant factor instead of
 * quadratic, and every test script still gets collections at nearly
 * every safe point. */
static int gc_stressactive(global_State *g, int stress)
{
  return stress != GC_STRESS_OFF && gc_totalbytes(g) <= GC_STRESS_HEAP;
}

/* ------------------------------------------------------------------ */
/* Incremental cycle                                                   */
/* ------------------------------------------------------------------ */

/* Shrink the string table if it is mostly empty (never in emergencies:
 * it allocates). The bytes it gives back lower the live estimate. */
static void gc_checksizes(lua_State *L, global_State *g)
{
  if (g->gcemergency)
    return;
  l_mem olddebt = g->GCdebt;
  str_checksize(L);
  g->GCestimate += (lu_mem)(g->GCdebt - olddebt);
}

static void gc_restartcollection(global_State *g)
{
  gc_cleargraylists(g);
  gc_markroots(g);
}

static void gc_entersweep(lua_State *L)
{
  global_State *g = G(L);
  g->gcstate = GCS_SWPALLGC;
  cr_assert(g->sweepgc == NULL, "no sweep in progress");
  g->sweepgc = gc_sweeptolive(L, &g->allgc);
}

/* One sweep step of the current list; at its end, go to `nextstate` and
 * the list `nextlist`. Freed bytes lower the live estimate. */
static lu_mem gc_sweepstep(lua_State *L, global_State *g, int nextstate,
                           GCObject **nextlist)
{
  if (g->sweepgc != NULL) {
    l_mem olddebt = g->GCdebt;
    int count;
    g->sweepgc = gc_sweeplist(L, g->sweepgc, GC_SWEEPMAX, &count);
    g->GCestimate += (lu_mem)(g->GCdebt - olddebt);
    return (lu_mem)count * GC_SWEEPCOST;
  }
  g->gcstate = (lu_byte)nextstate;
  g->sweepgc = nextlist;
  return 0;
}

/* Advance the cycle by one piece; returns the work done (units). */
static lu_mem gc_singlestep(lua_State *L)
{
  global_State *g = G(L);
  lu_mem work;
  cr_assert(!g->gcstopem, "the collector is not reentrant");
  g->gcstopem = 1;                  /* no emergency collection inside */
  switch (g->gcstate) {
    case GCS_PAUSE:
      gc_restartcollection(g);
      g->gcstate = GCS_PROPAGATE;
      work = 1;
      break;
    case GCS_PROPAGATE:
      if (g->gray == NULL) {
        g->gcstate = GCS_REMARK;
        g->gcremark = 0;
        work = 0;
      } else {
        work = gc_propagatemark(g);
      }
      break;
    case GCS_REMARK:
      /* Objects written since their traversal wait on grayagain for the
       * atomic phase, which runs in one piece. While that would be long,
       * traverse them now, incrementally, one more round: whatever is
       * written meanwhile is far less. */
      if (g->gray != NULL) {
        work = gc_propagatemark(g);
      } else {
        lu_mem pending = gc_listwork(g->grayagain, &work);
        if (pending > GC_ATOMICWORK && g->gcremark < GC_REMARKMAX) {
          g->gcremark++;
          g->gray = g->grayagain;
          g->grayagain = NULL;
        } else {
          g->gcstate = GCS_ENTERATOMIC;
        }
      }
      break;
    case GCS_ENTERATOMIC:
      work = gc_atomic(L);
      gc_entersweep(L);
      g->GCestimate = gc_totalbytes(g);   /* first estimate */
      break;
    case GCS_SWPALLGC:
      work = gc_sweepstep(L, g, GCS_SWPFINOBJ, &g->finobj);
      break;
    case GCS_SWPFINOBJ:
      work = gc_sweepstep(L, g, GCS_SWPTOBEFNZ, &g->tobefnz);
      break;
    case GCS_SWPTOBEFNZ:
      work = gc_sweepstep(L, g, GCS_SWPEND, NULL);
      break;
    case GCS_SWPEND:
      gc_checksizes(L, g);
      g->gcstate = GCS_CALLFIN;
      work = 0;
      break;
    case GCS_CALLFIN:
      if (g->tobefnz != NULL && !g->gcemergency) {
        g->gcstopem = 0;            /* finalizers may need emergencies */
        work = (lu_mem)gc_runafewfinalizers(
                 L, gc_stressmode(g) >= GC_STRESS_STEP ? 1 : GC_FINMAX) *
               GC_FINCOST;
      } else {
        g->gcstate = GCS_PAUSE;     /* cycle finished */
        work = 0;
      }
      break;
    default:
      cr_assert(0, "invalid collector state");
      work = 0;
  }
  g->gcstopem = 0;
  return work;
}

/* Run single steps until the state is one of `statesmask`. */
#define GC_STATEBIT(s) (1u << (s))
static void gc_runtilstate(lua_State *L, unsigned statesmask)
{
  global_State *g = G(L);
  while (!(statesmask & (1u << g->gcstate)))
    gc_singlestep(L);
}

static void gc_incstep(lua_State *L, global_State *g, int stress)
{
  if (stress >= GC_STRESS_STEP) {
    gc_singlestep(L);
    if (g->gcstate == GCS_PAUSE)
      gc_setpause(g);
    state_setdebt(g, 1);            /* step again at the next check */
    return;
  }
  int stepmul = gc_getparam(g->gcstepmul) | 1;      /* never zero */
  l_mem debt = (g->GCdebt / GC_WORK2MEM) * stepmul;  /* work owed */
  l_mem stepsize = g->gcstepsize < (int)(sizeof(l_mem) * 8 - 2)
                     ? (((l_mem)1 << g->gcstepsize) / GC_WORK2MEM) * stepmul
                     : GC_MAX_LMEM;
  /* Pay the debt and one step in advance, but never more than
   * GC_STEPLIMIT steps' worth at once: one big allocation (a string table
   * or a big array doubling) would otherwise buy a whole marking phase in
   * one pause. What is left stays as debt, so the next safe points go on
   * paying it. */
  l_mem budget = debt + stepsize;
  if (stepsize < GC_MAX_LMEM / GC_STEPLIMIT && budget > stepsize * GC_STEPLIMIT)
    budget = stepsize * GC_STEPLIMIT;
  l_mem done = 0;
  do {
    int atomic = g->gcstate == GCS_ENTERATOMIC;
    done += (l_mem)gc_singlestep(L);
    /* The atomic phase runs in one piece: after a good part of a step,
     * leave it for the next one, and after it, stop. (A small heap still
     * goes through a whole cycle in one step, as lua5.4's does.) */
    if ((atomic || g->gcstate == GCS_ENTERATOMIC) && done >= stepsize / 2)
      break;
  } while (done < budget && g->gcstate != GCS_PAUSE);
  if (g->gcstate == GCS_PAUSE) {
    gc_setpause(g);
  } else {
    debt -= done;
    state_setdebt(g, (debt / stepmul) * GC_WORK2MEM);   /* back to bytes */
  }
}

/* A whole cycle in incremental mode: finish the current one (sweeping
 * turns black objects white again), then mark and sweep everything. */
static void gc_fullinc(lua_State *L, global_State *g)
{
  if (gc_keepinvariant(g))
    gc_entersweep(L);               /* whiten what this cycle marked */
  gc_runtilstate(L, GC_STATEBIT(GCS_PAUSE));
  gc_runtilstate(L, GC_STATEBIT(GCS_CALLFIN));
  cr_assert(g->GCestimate == gc_totalbytes(g), "estimate after a full cycle");
  gc_runtilstate(L, GC_STATEBIT(GCS_PAUSE));
  gc_setpause(g);
}

/* ------------------------------------------------------------------ */
/* Generational mode                                                   */
/* ------------------------------------------------------------------ */

/* Fix one gray list after a generational collection: white objects
 * leave it (they are young and were not reached... or were freed), old
 * objects touched in this cycle stay for the next one (as TOUCHED2,
 * black), threads and kept-gray prototypes stay gray, everything else
 * leaves it black. Returns the end of the kept part. */
static GCObject **gc_correctgraylist(GCObject **p)
{
  GCObject *curr;
  while ((curr = *p) != NULL) {
    GCObject **next = gc_getgclist(curr);
    if (gc_iswhite(curr)) {
      *p = *next;                                   /* drop */
    } else if (gc_getage(curr) == GC_AGE_TOUCHED1) {
      cr_assert(gc_isgray(curr), "touched objects are gray");
      gc_nw2black(curr);
      gc_changeage(curr, GC_AGE_TOUCHED1, GC_AGE_TOUCHED2);
      p = next;                                     /* keep */
    } else if (gc_keptgray(curr)) {
      cr_assert(gc_isgray(curr), "kept-gray objects are gray");
      p = next;                                     /* keep */
    } else {
      cr_assert(gc_isold(curr), "young objects are white here");
      if (gc_getage(curr) == GC_AGE_TOUCHED2)
        gc_changeage(curr, GC_AGE_TOUCHED2, GC_AGE_OLD);
      gc_nw2black(curr);
      *p = *next;                                   /* drop */
    }
  }
  return p;
}

/* All gray lists become one grayagain list for the next minor
 * collection. */
static void gc_correctgraylists(global_State *g)
{
  GCObject **list = gc_correctgraylist(&g->grayagain);
  *list = g->weak;
  g->weak = NULL;
  list = gc_correctgraylist(list);
  *list = g->allweak;
  g->allweak = NULL;
  list = gc_correctgraylist(list);
  *list = g->ephemeron;
  g->ephemeron = NULL;
  gc_correctgraylist(list);
}

static void gc_finishgencycle(lua_State *L, global_State *g)
{
  lu_byte oldstopem = g->gcstopem;
  g->gcstopem = 1;                  /* the state is between two lists */
  gc_correctgraylists(g);
  gc_checksizes(L, g);
  g->gcstate = GCS_PROPAGATE;       /* generational mode rests here */
  g->gcstopem = oldstopem;
  if (!g->gcemergency)
    gc_callallpendingfinalizers(L);
}

/* A minor collection: only young objects (and old ones that may point to
 * them) are looked at; only young ones can die. */
static void gc_youngcollection(lua_State *L, global_State *g)
{
  gc_count(minors);
  cr_assert(g->gcstate == GCS_PROPAGATE, "generational mode rests here");
  GCObject *dummy = NULL;
  lu_byte oldstopem = g->gcstopem;
  g->gcstopem = 1;
  if (g->firstold1 != NULL) {
    gc_markold(g, g->firstold1, g->reallyold);
    g->firstold1 = NULL;
  }
  gc_markold(g, g->finobj, g->finobjrold);
  gc_markold(g, g->tobefnz, NULL);
  gc_atomic(L);
  /* The nursery, then the survivals; remember the first live survival. */
  g->gcstate = GCS_SWPALLGC;
  GCObject **psurvival = gc_sweepgen(L, g, &g->allgc, g->survival,
                                     &g->firstold1);
  gc_sweepgen(L, g, psurvival, g->old1, &g->firstold1);
  g->reallyold = g->old1;
  g->old1 = *psurvival;             /* survivals are OLD1 now */
  g->survival = g->allgc;           /* the new ones are survivals */
  /* The same for the finobj lists (no firstold1 shortcut there). */
  psurvival = gc_sweepgen(L, g, &g->finobj, g->finobjsur, &dummy);
  gc_sweepgen(L, g, psurvival, g->finobjold1, &dummy);
  g->finobjrold = g->finobjold1;
  g->finobjold1 = *psurvival;
  g->finobjsur = g->finobj;
  gc_sweepgen(L, g, &g->tobefnz, NULL, &dummy);
  g->gcstopem = oldstopem;
  gc_finishgencycle(L, g);
}

/* Right after an atomic phase: sweep everything making it old, and set
 * the list boundaries for generational mode. */
static void gc_atomic2gen(lua_State *L, global_State *g)
{
  gc_cleargraylists(g);
  g->gcstate = GCS_SWPALLGC;
  gc_sweep2old(L, &g->allgc);
  g->reallyold = g->old1 = g->survival = g->allgc;
  g->firstold1 = NULL;
  gc_sweep2old(L, &g->finobj);
  g->finobjrold = g->finobjold1 = g->finobjsur = g->finobj;
  gc_sweep2old(L, &g->tobefnz);
  g->currentwhite &= (lu_byte)~GC_EPOCH;   /* every survivor plain black */
  g->gckind = GC_KIND_GEN;
  g->lastatomic = 0;
  g->GCestimate = gc_totalbytes(g);   /* base of the major threshold */
  gc_finishgencycle(L, g);
}

/* Whiten every object of a list (age NEW): leaving generational mode. */
static void gc_whitelist(global_State *g, GCObject *p)
{
  for (; p != NULL; p = p->next)
    gc_makewhite(g, p);
}

/* Incremental mode, at the start of a cycle: the generations' list
 * boundaries no longer mean anything. The caller has whitened what must
 * be marked again. */
static void gc_setinc(global_State *g)
{
  g->reallyold = g->old1 = g->survival = NULL;
  g->finobjrold = g->finobjold1 = g->finobjsur = NULL;
  g->gcstate = GCS_PAUSE;
  g->gckind = GC_KIND_INC;
  g->lastatomic = 0;
}

static void gc_enterinc(global_State *g)
{
  gc_whitelist(g, g->allgc);
  gc_whitelist(g, g->finobj);
  gc_whitelist(g, g->tobefnz);
  gc_setinc(g);
}

/* Enter generational mode with a full mark (the current cycle is
 * finished first). Returns the work of the marking. */
static lu_mem gc_entergen(lua_State *L, global_State *g)
{
  gc_count(majors);
  gc_runtilstate(L, GC_STATEBIT(GCS_PAUSE));
  gc_runtilstate(L, GC_STATEBIT(GCS_PROPAGATE));   /* roots grayed */
  lu_byte oldstopem = g->gcstopem;
  g->gcstopem = 1;
  lu_mem work = gc_atomic(L);
  g->gcstopem = oldstopem;
  gc_atomic2gen(L, g);
  gc_setminordebt(g);
  return work;
}

/* Whiten the objects of a gray list (they must be traversed again). */
static void gc_whitegraylist(global_State *g, GCObject *o)
{
  while (o != NULL) {
    GCObject *next = *gc_getgclist(o);
    gc_makewhite(g, o);
    o = next;
  }
}

/* Leave generational mode for a major collection marked in an epoch
 * (gc.h, GC_EPOCH): gc_enterinc without whitening the heap. Objects at
 * rest are black (old), white (young) or gray; only the gray ones must
 * become white, and they are all on the gray lists (gc_correctgraylists
 * merged those into grayagain; forward barriers add to gray) or open
 * upvalues (gray on no list; their threads are on twups). */
static void gc_enterepoch(global_State *g)
{
  gc_whitegraylist(g, g->gray);
  gc_whitegraylist(g, g->grayagain);
  gc_whitegraylist(g, g->weak);
  gc_whitegraylist(g, g->allweak);
  gc_whitegraylist(g, g->ephemeron);
  for (lua_State *th = g->twups; th != NULL; th = th->twups)
    for (UpVal *uv = th->openupval; uv != NULL; uv = uv->u.open.next)
      gc_makewhite(g, obj2gco(uv));
  gc_setinc(g);
  g->currentwhite |= (lu_byte)GC_EPOCH;
}

/* A major collection in generational mode. */
static lu_mem gc_fullgen(lua_State *L, global_State *g)
{
  gc_enterepoch(g);
  return gc_entergen(L, g);
}

/* After a bad major collection: full cycles in incremental style until
 * one marks clearly less than the bad one did. */
static void gc_stepgenfull(lua_State *L, global_State *g)
{
  gc_count(majors);
  lu_mem lastatomic = g->lastatomic;
  if (g->gckind == GC_KIND_GEN)
    gc_enterinc(g);
  gc_runtilstate(L, GC_STATEBIT(GCS_PROPAGATE));   /* start a cycle */
  lu_byte oldstopem = g->gcstopem;
  g->gcstopem = 1;
  lu_mem before = gc_totalbytes(g);
  (void)before;                     /* for gc_trace */
  lu_mem newatomic = gc_atomic(L);
  g->gcstopem = oldstopem;
  if (newatomic < lastatomic + (lastatomic >> 3)) {
    gc_atomic2gen(L, g);            /* good again: back to generational */
    gc_setminordebt(g);
  } else {
    g->GCestimate = gc_totalbytes(g);
    gc_entersweep(L);
    gc_runtilstate(L, GC_STATEBIT(GCS_PAUSE));     /* finish the cycle */
    gc_setgenpause(g);
    g->lastatomic = newatomic;
  }
  gc_trace(g->lastatomic != 0 ? "full" : "full>gen", g, before);
}

static void gc_genstep(lua_State *L, global_State *g)
{
  if (g->lastatomic != 0) {
    gc_stepgenfull(L, g);
    return;
  }
  lu_mem majorbase = g->GCestimate;
  lu_mem majorinc = (majorbase / 100) * (lu_mem)gc_getparam(g->genmajormul);
  lu_mem before = gc_totalbytes(g);
  (void)before;                     /* for gc_trace */
  if (g->GCdebt > 0 && gc_totalbytes(g) > majorbase + majorinc) {
    lu_mem numobjs = gc_fullgen(L, g);
    gc_trace("major", g, before);
    if (gc_totalbytes(g) >= majorbase + majorinc / 2) {
      /* freed less than half of the growth: a bad collection; wait long
       * for the next one, which will be a full one */
      g->lastatomic = numobjs;
      gc_setgenpause(g);
    }
  } else {
    gc_youngcollection(L, g);
    gc_setminordebt(g);
    g->GCestimate = majorbase;      /* the base of majors stays */
    gc_trace("minor", g, before);
  }
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

void gc_changemode(lua_State *L, int newmode)
{
  global_State *g = G(L);
  if (gc_stressmode(g) == GC_STRESS_INC) {
    /* remember the request, stay incremental */
    g->gcstress = (lu_byte)(GC_STRESS_INC |
                            (newmode == GC_KIND_GEN ? GC_STRESS_GENWANTED : 0));
    newmode = GC_KIND_INC;
  }
  if (newmode != g->gckind) {
    if (newmode == GC_KIND_GEN)
      gc_entergen(L, g);
    else
      gc_enterinc(g);
  }
  g->lastatomic = 0;
}

/* One step of the current mode. `stress` is the state's stress mode for
 * the steps safe points ask for, 0 for the steps collectgarbage("step")
 * asks for (so that its results stay lua5.4's in stress builds). */
static void gc_dostep(lua_State *L, global_State *g, int stress)
{
  if (!gc_stressactive(g, stress))
    stress = GC_STRESS_OFF;
  if (stress == GC_STRESS_FULL || stress == GC_STRESS_ALLOC) {
    gc_fullgc(L, 0);
    state_setdebt(g, 1);            /* collect again at the next check */
    return;
  }
  if (gc_isgenmode(g)) {
    gc_genstep(L, g);
    if (stress >= GC_STRESS_STEP)
      state_setdebt(g, 1);
  } else {
    gc_incstep(L, g, stress);
  }
}

static void gc_step_(lua_State *L, int stress)
{
  global_State *g = G(L);
  cr_assert(!g->gcemergency, "no step inside an emergency collection");
  if (!gc_running(g)) {
    state_setdebt(g, -GC_STOPPED_DEBT);  /* stopped: ask again later */
    return;
  }
#if CRESCENT_GC_TIMING
  int state = g->gcstate;
  unsigned long long t0 = gc_clock_ns(CLOCK_MONOTONIC);
  unsigned long long c0 = gc_clock_ns(CLOCK_THREAD_CPUTIME_ID);
  gc_dostep(L, g, stress);
  gc_timing_record(gc_clock_ns(CLOCK_MONOTONIC) - t0,
                   gc_clock_ns(CLOCK_THREAD_CPUTIME_ID) - c0, state);
#else
  gc_dostep(L, g, stress);
#endif
#if defined(CRESCENT_ASSERT) && CRESCENT_ASSERT
  gc_verify(L);
#endif
}

void gc_step(lua_State *L)
{
  gc_step_(L, gc_stressmode(G(L)));
}

void gc_fullgc(lua_State *L, int isemergency)
{
  global_State *g = G(L);
  lu_byte oldemergency = g->gcemergency;
  g->gcemergency = (lu_byte)isemergency;
  if (g->gckind == GC_KIND_INC)
    gc_fullinc(L, g);
  else
    gc_fullgen(L, g);
  g->gcemergency = oldemergency;
#if defined(CRESCENT_ASSERT) && CRESCENT_ASSERT
  if (!isemergency)
    gc_verify(L);
#endif
}

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

GCObject *gc_newobjdt(lua_State *L, int tt, size_t size, size_t offset)
{
  global_State *g = G(L);
  char *block = mem_newobject(L, tt, size);
  GCObject *o = (GCObject *)(block + offset);
  o->marked = (lu_byte)gc_currentwhite(g);   /* age NEW */
  o->tt = (lu_byte)tt;
  o->next = g->allgc;
  g->allgc = o;
  return o;
}

GCObject *gc_newobj(lua_State *L, int tt, size_t size)
{
  return gc_newobjdt(L, tt, size, 0);
}

/* o leaves allgc: generational boundary pointers must not point at it. */
static void gc_correctpointers(global_State *g, GCObject *o)
{
  if (g->survival == o) g->survival = o->next;
  if (g->old1 == o) g->old1 = o->next;
  if (g->reallyold == o) g->reallyold = o->next;
  if (g->firstold1 == o) g->firstold1 = o->next;
}

void gc_fix(lua_State *L, GCObject *o)
{
  global_State *g = G(L);
  GCObject **p = &g->allgc;
  while (*p != o) {                 /* normally o is the newest object */
    cr_assert(*p != NULL, "object is on allgc");
    p = &(*p)->next;
  }
  gc_correctpointers(g, o);
  *p = o->next;
  gc_set2gray(o);                   /* gray forever: never white, never swept */
  gc_setage(o, GC_AGE_OLD);
  o->next = g->fixedgc;
  g->fixedgc = o;
}

void gc_checkfinalizer(lua_State *L, GCObject *o, Table *mt)
{
  global_State *g = G(L);
  if (gc_hasfinalizer(o) || mt == NULL || (g->gcstp & GCSTP_CLOSE))
    return;
  if (g->tmname[TM_GC] == NULL || tm_fast(L, mt, TM_GC) == NULL)
    return;
  if (gc_insweep(g)) {
    gc_makewhite(g, o);             /* as if swept already */
    if (g->sweepgc == &o->next)     /* the sweep must not follow o */
      g->sweepgc = gc_sweeptolive(L, g->sweepgc);
  } else {
    gc_correctpointers(g, o);
  }
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
/* Barriers                                                            */
/* ------------------------------------------------------------------ */

void gc_barrier_(lua_State *L, GCObject *p, GCObject *o)
{
  global_State *g = G(L);
  cr_assert(gc_isblack(p) && gc_iswhite(o), "barrier condition");
  cr_assert(!gc_isdead(g, p) && !gc_isdead(g, o), "live objects only");
  if (gc_keepinvariant(g)) {
    gc_reallymark(g, o);            /* keep "black never points to white" */
    if (gc_isold(p)) {
      cr_assert(!gc_isold(o), "a white object is young");
      gc_setage(o, GC_AGE_OLD0);    /* old objects point only to old ones */
    }
  } else {
    cr_assert(gc_insweep(g), "black objects exist only while sweeping");
    if (g->gckind == GC_KIND_INC)
      gc_makewhite(g, p);           /* swept early: needs no more barriers */
  }
}

void gc_barrierback_(lua_State *L, GCObject *p)
{
  global_State *g = G(L);
  cr_assert(gc_isblack(p) && !gc_isdead(g, p), "barrier condition");
  if (gc_getage(p) == GC_AGE_TOUCHED2)
    gc_set2gray(p);                 /* still on grayagain */
  else
    gc_linkgclist(p, &g->grayagain);
  if (gc_isold(p))
    gc_setage(p, GC_AGE_TOUCHED1);
}

/* ------------------------------------------------------------------ */
/* lua_close                                                           */
/* ------------------------------------------------------------------ */

void gc_freeallobjects(lua_State *L)
{
  global_State *g = G(L);
  g->gcstp = GCSTP_CLOSE;           /* no new finalizers from here on */
  gc_changemode(L, GC_KIND_INC);
  gc_separatetobefnz(g, 1);
  cr_assert(g->finobj == NULL, "every finalizer pending");
  gc_callallpendingfinalizers(L);
  gc_deletelist(L, g->allgc, obj2gco(g->mainthread));
  cr_assert(g->finobj == NULL, "no new finalizers");
  gc_deletelist(L, g->fixedgc, NULL);
  g->allgc = obj2gco(g->mainthread);
  g->fixedgc = NULL;
  cr_assert(g->strt.nuse == 0, "every string freed");
#if CRESCENT_GC_TIMING
  gc_timing_report();
#endif
}

/* ------------------------------------------------------------------ */
/* lua_gc                                                              */
/* ------------------------------------------------------------------ */

/* The mode lua_gc reports (stress mode INC runs generational requests
 * incrementally but reports them as asked). */
#define gc_reportsgen(g) \
  (gc_isgenmode(g) || (CRESCENT_GC_STRESS && \
                       ((g)->gcstress & GC_STRESS_GENWANTED)))

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
        gc_step_(L, 0);
      } else {
        debt = (l_mem)data * 1024 + g->GCdebt;
        state_setdebt(g, debt);
        if (g->GCdebt > 0)
          gc_step_(L, 0);
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
      res = gc_reportsgen(g) ? LUA_GCGEN : LUA_GCINC;
      if (minormul != 0)
        g->genminormul = (lu_byte)minormul;
      if (majormul != 0)
        gc_setparam(g->genmajormul, majormul);
      gc_changemode(L, GC_KIND_GEN);
      break;
    }
    case LUA_GCINC: {
      int pause = va_arg(argp, int);
      int stepmul = va_arg(argp, int);
      int stepsize = va_arg(argp, int);
      res = gc_reportsgen(g) ? LUA_GCGEN : LUA_GCINC;
      if (pause != 0)
        gc_setparam(g->gcpause, pause);
      if (stepmul != 0)
        gc_setparam(g->gcstepmul, stepmul);
      if (stepsize != 0)
        g->gcstepsize = (lu_byte)stepsize;
      gc_changemode(L, GC_KIND_INC);
      break;
    }
    default:
      res = -1;
  }
  return res;
}
