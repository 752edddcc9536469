/*
 * gc.h — the garbage collector's interface: object creation, colours,
 * write barriers, pacing and the lua_gc options.
 *
 * The collector is a tri-colour mark & sweep. Today one collection runs to
 * completion inside a single step (stop-the-world), started when the
 * allocation debt (GCdebt) becomes positive. The colours, the gray lists, the
 * state machine (gcstate) and the barriers are those an incremental
 * collector needs, so the next step (incremental, then generational) grows
 * from here without changing any caller.
 *
 * Tri-colour invariant (what the barriers keep once marking interleaves
 * with the program): a black object never points to a white one.
 *   white: not reached (yet); at the end of marking, white means garbage.
 *   gray : reached, its references not yet traversed (on a gray list).
 *   black: reached and traversed.
 * Two whites alternate between cycles: objects created during a sweep get
 * the new white, so the sweep (which frees only the "other" white) spares
 * them. Fixed objects stay gray forever and are never swept.
 *
 * Rules for the rest of the engine:
 *  - every write of a collectable reference into an object calls a barrier
 *    (gc_barrierback for tables and stacks-like containers that are written
 *    often, gc_barrier / gc_objbarrier for one-reference objects such as
 *    upvalues and closures);
 *  - gc_check runs only at safe points: L->top must bound the live values of
 *    the running frame (slots above top are cleared in the atomic phase),
 *    and a non-emergency collection may shrink thread stacks, so any StkId
 *    held across gc_check must be reloaded (treat it like a stack
 *    reallocation);
 *  - a new object must be reachable (usually: pushed on the stack) before
 *    the next allocation, because any allocation may run an emergency
 *    collection when memory runs out.
 */
#ifndef CRESCENT_GC_H
#define CRESCENT_GC_H

#include "obj/object.h"

/* ------------------------------------------------------------------ */
/* Mark bits (GCObject.marked)                                         */
/* ------------------------------------------------------------------ */

/* Bits 0..2 are reserved for object ages (generational mode). */
#define GC_MARK_BITS(X)                                               \
  X(WHITE0, 3, "white of even cycles")                                \
  X(WHITE1, 4, "white of odd cycles")                                 \
  X(BLACK,  5, "traversed")                                           \
  X(FINOBJ, 6, "has a finalizer: lives on finobj/tobefnz, not allgc")

enum GCMarkBit {
#define X(name, bit, doc) GC_BIT_##name = bit,
  GC_MARK_BITS(X)
#undef X
};

#define gc_bitmask(b)     (1u << (b))
#define GC_WHITEBITS      (gc_bitmask(GC_BIT_WHITE0) | gc_bitmask(GC_BIT_WHITE1))
#define GC_COLORBITS      (GC_WHITEBITS | gc_bitmask(GC_BIT_BLACK))

#define gc_iswhite(o)     (((o)->marked & GC_WHITEBITS) != 0)
#define gc_isblack(o)     (((o)->marked & gc_bitmask(GC_BIT_BLACK)) != 0)
#define gc_isgray(o)      (((o)->marked & GC_COLORBITS) == 0)
#define gc_hasfinalizer(o) (((o)->marked & gc_bitmask(GC_BIT_FINOBJ)) != 0)

#define gc_currentwhite(g) ((g)->currentwhite & GC_WHITEBITS)
#define gc_otherwhite(g)   ((g)->currentwhite ^ GC_WHITEBITS)
/* Dead: white of the previous cycle, found by a sweep that has not freed it
 * yet. Only possible while a collection is sweeping. */
#define gc_isdead(g, o)    (((o)->marked & gc_otherwhite(g) & GC_WHITEBITS) != 0)
/* Bring a dead-but-unswept object back (interned strings found again). */
#define gc_changewhite(o)  ((o)->marked ^= GC_WHITEBITS)

/* ------------------------------------------------------------------ */
/* Collector state                                                     */
/* ------------------------------------------------------------------ */

/* X(NAME, meaning) — the phases of one cycle, in order. */
#define GC_STATES(X)                                           \
  X(PROPAGATE,   "marking: traversing gray objects")           \
  X(ENTERATOMIC, "marking done; atomic phase next")            \
  X(ATOMIC,      "atomic phase: weak tables, finalizers")      \
  X(SWPALLGC,    "sweeping allgc")                             \
  X(SWPFINOBJ,   "sweeping finobj")                            \
  X(SWPTOBEFNZ,  "sweeping tobefnz")                           \
  X(SWPEND,      "sweep finished")                             \
  X(CALLFIN,     "calling pending finalizers")                 \
  X(PAUSE,       "between cycles")

enum GCState {
#define X(name, doc) GCS_##name,
  GC_STATES(X)
#undef X
};

/* g->gckind */
#define GC_KIND_INC 0
#define GC_KIND_GEN 1

/* g->gcstp: why the collector is stopped (0 = running). */
#define GCSTP_USER  1   /* collectgarbage("stop") */
#define GCSTP_GC    2   /* inside a finalizer or a collection */
#define GCSTP_CLOSE 4   /* lua_close: no new finalizers */
#define gc_running(g) ((g)->gcstp == 0)

/* Parameters kept in a byte, stored divided by 4 (lua5.4 does the same, so
 * values up to 1023 survive a set/get round trip). */
#define gc_getparam(p)     ((int)(p) * 4)
#define gc_setparam(p, v)  ((p) = (lu_byte)((v) / 4))

#define GC_DEFAULT_PAUSE     200  /* collect when memory doubles */
#define GC_DEFAULT_STEPMUL   100
#define GC_DEFAULT_STEPSIZE  13   /* log2 of 8 KB */
#define GC_DEFAULT_GENMINOR  20
#define GC_DEFAULT_GENMAJOR  100

/* Stress switch (a -D of the debug/test builds):
 *   CRESCENT_GC_STRESS=1  a full collection at every gc_check (every safe
 *                         point that allocated): finds missing roots;
 *   CRESCENT_GC_STRESS=2  also an emergency collection before every
 *                         allocation: finds objects not anchored before
 *                         the next allocation. Very slow; small tests only. */
#ifndef CRESCENT_GC_STRESS
#define CRESCENT_GC_STRESS 0
#endif

/* Bytes in use (what collectgarbage("count") reports, times 1024). */
#define gc_totalbytes(g)   ((lu_mem)((g)->totalbytes + (g)->GCdebt))

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

/* Allocate a collectable object of `size` bytes, tag tt, linked on allgc
 * with the current white. */
GCObject *gc_newobj(lua_State *L, int tt, size_t size);
/* Same, for objects whose header is `offset` bytes into the block (threads:
 * LUA_EXTRASPACE bytes precede the lua_State). */
GCObject *gc_newobjdt(lua_State *L, int tt, size_t size, size_t offset);
/* Make o (the object created last) permanent: it moves to fixedgc. */
void gc_fix(lua_State *L, GCObject *o);

/* Run the collector if allocation has outrun it (safe points only). */
#define gc_check(L) (G(L)->GCdebt > 0 ? gc_step(L) : (void)0)
void gc_step(lua_State *L);
/* A full collection; isemergency: called by the allocator after a failure
 * (no finalizers are run and no stack is shrunk). */
void gc_fullgc(lua_State *L, int isemergency);

/* Barriers. p is the object written into; v/o the reference written. */
#define gc_barrier(L, p, v) \
  ((iscollectable(v) && gc_isblack(obj2gco(p)) && gc_iswhite(gcvalue(v))) \
     ? gc_barrier_(L, obj2gco(p), gcvalue(v)) : (void)0)
#define gc_barrierback(L, p, v) \
  ((iscollectable(v) && gc_isblack(obj2gco(p)) && gc_iswhite(gcvalue(v))) \
     ? gc_barrierback_(L, obj2gco(p)) : (void)0)
#define gc_objbarrier(L, p, o) \
  ((gc_isblack(obj2gco(p)) && gc_iswhite(obj2gco(o))) \
     ? gc_barrier_(L, obj2gco(p), obj2gco(o)) : (void)0)
/* Slow parts: mark o (forward), or re-gray p (backward). */
void gc_barrier_(lua_State *L, GCObject *p, GCObject *o);
void gc_barrierback_(lua_State *L, GCObject *p);

/* o got metatable mt: if mt has __gc, o moves to the finobj list so the
 * collector calls its finalizer (lua5.4: only the __gc present when the
 * metatable is set counts). */
void gc_checkfinalizer(lua_State *L, GCObject *o, Table *mt);

/* lua_close: run every pending finalizer, then free everything. */
void gc_freeallobjects(lua_State *L);

/* The body of lua_gc (LUA_GC* options, lua5.4's return values; -1 for an
 * unknown option or when called from inside a finalizer). */
int gc_control(lua_State *L, int what, va_list argp);

/* Free one object (the sweep's dispatcher, also used by lua_close). */
void gc_freeobj(lua_State *L, GCObject *o);

#endif
