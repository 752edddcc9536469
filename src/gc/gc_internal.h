/*
 * gc_internal.h — what the collector's files share among themselves and
 * with nobody else: colour changes, gray lists, the tunable costs of the
 * pacing, and the functions one phase calls in another.
 *
 *   gc_mark.c    marking, traversal of each object kind, weak tables and
 *                ephemerons, the atomic phase
 *   gc_sweep.c   freeing, incremental and generational sweeping,
 *                finalizers
 *   gc.c         the driver: steps and pacing, generational collections,
 *                mode changes, barriers, object creation, lua_gc
 *   gc_verify.c  the invariant checker of test builds
 */
#ifndef CRESCENT_GC_INTERNAL_H
#define CRESCENT_GC_INTERNAL_H

#include "gc/gc.h"

/* ------------------------------------------------------------------ */
/* Costs and limits of the pacing                                      */
/* ------------------------------------------------------------------ */

/* X(NAME, value, why). Work is counted in "units": one value slot
 * traversed (a TValue of a table or a stack, an upvalue, a constant) is
 * one unit; WORK2MEM converts units to the bytes of allocation they pay
 * for. */
#define GC_COSTS(X)                                                          \
  X(WORK2MEM,   sizeof(TValue), "bytes of allocation one unit of work "      \
                                "pays for: a traversed slot is that big")    \
  X(PAUSEADJ,   100,  "divisor of the pause percentage")                     \
  X(SWEEPMAX,   100,  "objects swept per sweep step: short enough that "    \
                      "the list pointer can move between steps often")       \
  X(SWEEPCOST,  4,    "units charged per object swept (freeing costs more "  \
                      "than one slot traversal)")                            \
  X(FINMAX,     10,   "finalizers run per step at most")                    \
  X(STEPLIMIT,  2,    "most steps' worth of work done in one incremental "  \
                      "step, whatever the debt (bounds the pause)")          \
  X(ATOMICWORK, 100000, "REMARK rounds go on while traversing grayagain "   \
                      "would take more units than this in the atomic phase "\
                      "(~1-2 ms)")                                            \
  X(REMARKMAX,  4,    "most REMARK rounds per cycle: writes during a round "\
                      "re-gray tables, so rounds shrink geometrically but "  \
                      "need a bound")                                        \
  X(FINCOST,    50,   "units charged per finalizer run")                     \
  X(CODESCAN,   8,    "instructions scanned for feedback slots per unit")    \
  X(STOPPED_DEBT, 2000, "bytes before a stopped collector is asked again")

enum {
#define X(name, value, doc) GC_##name = (int)(value),
  GC_COSTS(X)
#undef X
};

#define GC_MAX_LMEM ((l_mem)(~(lu_mem)0 >> 1))

/* ------------------------------------------------------------------ */
/* Colours                                                             */
/* ------------------------------------------------------------------ */

/* (Gray also drops an epoch's black: gc.h, GC_EPOCH.) */
#define gc_set2gray(o) \
  ((o)->marked &= (lu_byte)~(GC_COLORBITS | gc_bitmask(GC_BIT_TESTBIT)))
/* Marked black in the current cycle (an epoch's black in a major). */
#define gc_set2black(g, o) \
  ((o)->marked = (lu_byte)(((o)->marked & ~(GC_WHITEBITS | gc_inepoch(g))) | \
                           gc_blackbit(g)))
/* gc_nw2black for a gray object of the current cycle. */
#define gc_gray2black(g, o) ((o)->marked |= (lu_byte)gc_blackbit(g))
/* Current white, age NEW: the state of a fresh object. */
#define gc_makewhite(g, o) \
  ((o)->marked = (lu_byte)(((o)->marked & ~(GC_COLORBITS | GC_AGEBITS)) | \
                           gc_currentwhite(g)))
#define gc_changeage(o, from, to) \
  (cr_assert(gc_getage(o) == (from), "age transition"), \
   (o)->marked ^= (lu_byte)((from) ^ (to)))

#define gc_valiswhite(g, v) (iscollectable(v) && gc_unmarked(g, gcvalue(v)))
#define gc_markvalue(g, v) \
  do { if (gc_valiswhite(g, v)) gc_reallymark(g, gcvalue(v)); } while (0)
#define gc_markobject(g, o) \
  do { if (gc_unmarked(g, obj2gco(o))) gc_reallymark(g, obj2gco(o)); } while (0)
#define gc_markobjectN(g, o) \
  do { if ((o) != NULL) gc_markobject(g, o); } while (0)

/* Collectable payload of a value, or NULL. */
#define gc_valueN(v)   (iscollectable(v) ? gcvalue(v) : NULL)

/* Objects never black, kept on grayagain (see gc_mark.c): threads and
 * prototypes are written without barriers. */
#define gc_keptgray(o) ((o)->tt == VT_THREAD || (o)->tt == VT_PROTO)

/* ------------------------------------------------------------------ */
/* Shared functions                                                    */
/* ------------------------------------------------------------------ */

/* gc_mark.c */
GCObject **gc_getgclist(GCObject *o);
void gc_linkgclist(GCObject *o, GCObject **list);
void gc_reallymark(global_State *g, GCObject *o);
void gc_cleargraylists(global_State *g);
/* Gray the roots (start of a cycle). */
void gc_markroots(global_State *g);
/* Traverse one gray object; returns its work units. */
lu_mem gc_propagatemark(global_State *g);
lu_mem gc_propagateall(global_State *g);
/* Work units of traversing a whole gray list (an estimate); *count gets
 * the list's length. */
lu_mem gc_listwork(GCObject *l, lu_mem *count);
/* The atomic phase: finish marking, clear weak tables, separate objects to
 * finalize, flip the white. Returns its work units. */
lu_mem gc_atomic(lua_State *L);
/* Generational: re-mark the OLD1 objects in [from, to) (they may point to
 * objects that were young when they were last traversed). */
void gc_markold(global_State *g, GCObject *from, GCObject *to);

/* gc_sweep.c */
/* Sweep at most `count` objects from *p; returns where to continue (NULL
 * at the end of the list) and the number swept in *nswept. */
GCObject **gc_sweeplist(lua_State *L, GCObject **p, int count, int *nswept);
/* Sweep until one object survives (so that the sweep pointer does not sit
 * at the head of a list, where new objects are inserted). */
GCObject **gc_sweeptolive(lua_State *L, GCObject **p);
void gc_deletelist(lua_State *L, GCObject *p, GCObject *limit);
/* Generational sweeps (see gc.c). */
GCObject **gc_sweepgen(lua_State *L, global_State *g, GCObject **p,
                       GCObject *limit, GCObject **pfirstold1);
void gc_sweep2old(lua_State *L, GCObject **p);
/* Finalizers. */
void gc_separatetobefnz(global_State *g, int all);
void gc_markbeingfnz(global_State *g);
void gc_callfinalizer(lua_State *L);
int gc_runafewfinalizers(lua_State *L, int n);
void gc_callallpendingfinalizers(lua_State *L);

#endif
