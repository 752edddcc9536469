/*
 * gc.h — the garbage collector's interface: object creation, colours and
 * ages, write barriers, pacing, and the lua_gc options.
 *
 * The collector is an incremental tri-colour mark & sweep with a
 * generational mode (docs/gc.md tells the whole story). In incremental
 * mode a cycle is cut into small steps interleaved with the program, paced
 * by the allocation debt (GCdebt): every byte allocated makes the debt
 * grow, and when it turns positive the next safe point (gc_check) runs a
 * step whose size is proportional to it. In generational mode each
 * collection is atomic, but most of them (minor collections) only look at
 * objects created since the previous ones.
 *
 * Tri-colour invariant (what the barriers keep while marking interleaves
 * with the program): a black object never points to a white one.
 *   white: not reached (yet); at the end of marking, white means garbage.
 *   gray : reached, its references not yet traversed (on a gray list).
 *   black: reached and traversed.
 * Two whites alternate between cycles: objects created during a sweep get
 * the new white, so the sweep (which frees only the "other" white) spares
 * them. Fixed objects stay gray forever and are never swept. The cases
 * where a black object may point to a white one on purpose (weak
 * references, objects kept gray instead of using barriers) are listed in
 * gc/gc_verify.c, which checks the invariant after every step in test
 * builds (CRESCENT_ASSERT).
 *
 * Rules for the rest of the engine:
 *  - every store of a collectable reference into an existing object calls
 *    a barrier (gc_barrierback for tables and userdata, which are written
 *    often; gc_barrier / gc_objbarrier for objects with one or a few fixed
 *    references: upvalues, closures, prototypes, metatables); writes into
 *    an object created since the last safe point need none, and writes
 *    into thread stacks and prototype feedback vectors need none (both
 *    kinds are traversed again in the atomic phase);
 *  - closing an open upvalue calls gc_upvalclosed (an open upvalue is gray
 *    without being on a gray list; once closed it must become black);
 *  - gc_check runs only at safe points: L->top must bound the live values of
 *    the running frame (slots above top are cleared in the atomic phase),
 *    and a collector step may shrink thread stacks, so any StkId held
 *    across gc_check must be reloaded (treat it like a stack reallocation);
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

/* Bits 0..2 hold the object's age (generational mode, GC_AGES below). */
#define GC_MARK_BITS(X)                                               \
  X(WHITE0,  3, "white of even cycles")                               \
  X(WHITE1,  4, "white of odd cycles")                                \
  X(BLACK,   5, "traversed")                                          \
  X(FINOBJ,  6, "has a finalizer: lives on finobj/tobefnz, not allgc") \
  X(TESTBIT, 7, "black of a major collection's mark (GC_EPOCH below); "  \
                "scratch bit of the invariant checker (gc_verify.c)")

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
/* Bring a dead-but-unswept object back (interned strings and shapes found
 * again through their tables). */
#define gc_changewhite(o)  ((o)->marked ^= GC_WHITEBITS)
/* Make a non-white object black (no list changes). */
#define gc_nw2black(o)     ((o)->marked |= (lu_byte)gc_bitmask(GC_BIT_BLACK))

/*
 * The mark of a major collection (generational mode). Between
 * collections old objects are black, and a major collection used to
 * whiten every object of the heap before marking: a walk of every list
 * that costs a cache miss per object (7% of hashchurn, 3-5% of objchurn
 * and binarytrees). Instead, a major marks in an "epoch": the state's
 * currentwhite carries GC_EPOCH (the BLACK bit, never a white), and while
 * it does, BLACK counts as not marked (like a white) and marking makes
 * objects black with TESTBIT instead. Only the collector runs during a
 * major (it is atomic), so only its code sees that encoding, through
 * gc_unmarked and gc_blackbit; the sweep that ends the major turns every
 * survivor back to plain black (gc_sweep2old). Gray objects at rest (on
 * the gray lists, open upvalues) are whitened when the epoch begins, so
 * that the mark traverses them; the rest of the heap is not visited.
 */
#define GC_EPOCH           gc_bitmask(GC_BIT_BLACK)
#define gc_inepoch(g)      ((g)->currentwhite & GC_EPOCH)
/* Not marked (yet) in the current cycle: any white, and black in an
 * epoch. The collector tests this where it would test gc_iswhite. */
#define gc_unmarked(g, o) \
  (((o)->marked & (GC_WHITEBITS | gc_inepoch(g))) != 0)
/* The bit that makes a marked object black in the current cycle. */
#define gc_blackbit(g) \
  (gc_inepoch(g) ? gc_bitmask(GC_BIT_TESTBIT) : gc_bitmask(GC_BIT_BLACK))

/* ------------------------------------------------------------------ */
/* Ages (generational mode)                                            */
/* ------------------------------------------------------------------ */

/* X(NAME, value, meaning). A minor collection traverses only young
 * objects and the old ones that may point to young ones (OLD1, TOUCHED*,
 * threads); the rest is assumed alive. Ages move NEW -> SURVIVAL -> OLD1
 * -> OLD at the end of each minor collection. */
#define GC_AGES(X)                                                           \
  X(NEW,      0, "created since the last collection")                        \
  X(SURVIVAL, 1, "survived one collection")                                  \
  X(OLD0,     2, "marked by a forward barrier from an old object")           \
  X(OLD1,     3, "first cycle as old: may still point to survivals")         \
  X(OLD,      4, "really old: not traversed by minor collections")           \
  X(TOUCHED1, 5, "old, written to (back barrier) in this cycle")             \
  X(TOUCHED2, 6, "old, written to in the previous cycle")

enum GCAge {
#define X(name, value, doc) GC_AGE_##name = value,
  GC_AGES(X)
#undef X
};

#define GC_AGEBITS        7u
#define gc_getage(o)      ((o)->marked & GC_AGEBITS)
#define gc_setage(o, a)   ((o)->marked = (lu_byte)(((o)->marked & ~GC_AGEBITS) | (a)))
#define gc_isold(o)       (gc_getage(o) > GC_AGE_SURVIVAL)

/* ------------------------------------------------------------------ */
/* Collector state                                                     */
/* ------------------------------------------------------------------ */

/* X(NAME, meaning) — the phases of one incremental cycle, in order. */
#define GC_STATES(X)                                           \
  X(PROPAGATE,   "marking: traversing gray objects")           \
  X(REMARK,      "marking: traversing objects written since "  \
                 "(grayagain), to leave little for atomic")    \
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

/* Is marking in progress, so that the tri-colour invariant must hold?
 * (Generational mode rests in PROPAGATE between collections.) */
#define gc_keepinvariant(g) ((g)->gcstate <= GCS_ATOMIC)
/* Incremental marking, with the program running between steps. */
#define gc_inmarking(g) ((g)->gcstate <= GCS_REMARK)
#define gc_insweep(g) ((g)->gcstate >= GCS_SWPALLGC && \
                       (g)->gcstate <= GCS_SWPEND)

/* g->gckind */
#define GC_KIND_INC 0
#define GC_KIND_GEN 1
/* Generational in effect: the mode itself, or incremental full cycles run
 * on its behalf after a bad major collection (g->lastatomic != 0). */
#define gc_isgenmode(g) ((g)->gckind == GC_KIND_GEN || (g)->lastatomic != 0)

/* g->gcstp: why the collector is stopped (0 = running). */
#define GCSTP_USER  1   /* collectgarbage("stop") */
#define GCSTP_GC    2   /* inside a finalizer or a collection */
#define GCSTP_CLOSE 4   /* lua_close: no new finalizers */
#define gc_running(g) ((g)->gcstp == 0)

/* Parameters kept in a byte, stored divided by 4 (lua5.4 does the same, so
 * values up to 1023 survive a set/get round trip). */
#define gc_getparam(p)     ((int)(p) * 4)
#define gc_setparam(p, v)  ((p) = (lu_byte)((v) / 4))

/* X(NAME, default, meaning) — the user-visible parameters and their
 * defaults. Pause and step multiplier are lua5.4's (collectgarbage
 * "setpause"/"setstepmul" return them). The generational ones cannot be
 * read back by any API, so they are ours. A major collection after 75%
 * growth instead of lua5.4's 100% bounds the garbage that programs whose
 * large structures die after being promoted (binary trees, per-tick
 * object graphs) keep until the next major; 50% cost a major for nearly
 * every minor in such programs. A minor after 25% growth instead of 20%:
 * objects that live a little longer than a nursery's worth of allocation
 * survive two minors (and get promoted, to die old) less often.
 * (docs/gc.md, "Pacing and tuning", has the measurements.) */
#define GC_PARAMS(X)                                                        \
  X(PAUSE,    200, "percent: next cycle starts when memory reaches this "   \
                   "much of the live estimate")                             \
  X(STEPMUL,  100, "percent: collector speed relative to allocation")       \
  X(STEPSIZE,  13, "log2 of the bytes allocated between two steps")         \
  X(GENMINOR,  25, "percent of memory growth that triggers a minor "        \
                   "collection")                                            \
  X(GENMAJOR,  75, "percent of growth since the last major collection "     \
                   "that triggers a major one")

enum {
#define X(name, def, doc) GC_DEFAULT_##name = def,
  GC_PARAMS(X)
#undef X
};

/* Stress builds (docs/gc.md). -DCRESCENT_GC_STRESS=N builds the engine
 * with stress support and mode N as the default; the environment variable
 * CRESCENT_GC_STRESS (a digit) picks another mode at lua_newstate, so one
 * build runs the test suite in every mode. X(NAME, value, meaning): */
#define GC_STRESS_MODES(X)                                                  \
  X(OFF,   0, "no stress")                                                  \
  X(FULL,  1, "a full collection at every safe point (gc_check): finds "    \
              "missing roots")                                              \
  X(ALLOC, 2, "FULL, and an emergency full collection before every "        \
              "allocation: finds objects not anchored before the next "     \
              "allocation")                                                 \
  X(STEP,  3, "the smallest step of the current mode at every safe point: " \
              "one gray object, a few objects swept, one finalizer, or a "  \
              "minor collection; with CRESCENT_ASSERT the invariant check " \
              "after each step catches a missing barrier at once")          \
  X(INC,   4, "STEP, and requests for generational mode keep the "          \
              "collector incremental (lua_gc still reports generational): " \
              "the standalone program asks for generational mode, so this " \
              "runs the whole suite through incremental cycles")

enum {
#define X(name, value, doc) GC_STRESS_##name = value,
  GC_STRESS_MODES(X)
#undef X
};

#ifndef CRESCENT_GC_STRESS
#define CRESCENT_GC_STRESS 0
#endif
/* The stress mode of a state (a constant 0 in normal builds). */
#define gc_stressmode(g) (CRESCENT_GC_STRESS ? ((g)->gcstress & 0x7f) : 0)
/* Mode INC: generational mode was requested (bit 7 of gcstress). */
#define GC_STRESS_GENWANTED 0x80
/* Above this heap size stress collections back off to one per heap/16
 * bytes allocated (a collection costs in proportion to the heap; the
 * deep-recursion tests would become quadratic). */
#define GC_STRESS_HEAP ((lu_mem)4 << 20)

/* Bytes in use (what collectgarbage("count") reports, times 1024). */
#define gc_totalbytes(g)   ((lu_mem)((g)->totalbytes + (g)->GCdebt))

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

/* Allocate a collectable object of `size` bytes, tag tt, linked on allgc
 * with the current white and age NEW. */
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

/* Barriers. p is the object written into; v/o the reference written.
 * Forward (gc_barrier, gc_objbarrier): mark the referenced object.
 * Back (gc_barrierback): turn p gray again, to be traversed in the atomic
 * phase (for objects written many times per cycle). */
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

/* An open upvalue was just closed (its value copied into it): a marked
 * open upvalue is gray but on no list, so it becomes black and its value
 * goes through the forward barrier. */
#define gc_upvalclosed(L, uv) \
  (gc_iswhite(obj2gco(uv)) ? (void)0 \
     : (gc_nw2black(obj2gco(uv)), gc_barrier(L, uv, (uv)->v)))

/* o got metatable mt: if mt has __gc, o moves to the finobj list so the
 * collector calls its finalizer (lua5.4: only the __gc present when the
 * metatable is set counts). */
void gc_checkfinalizer(lua_State *L, GCObject *o, Table *mt);

/* lua_close: run every pending finalizer, then free everything. */
void gc_freeallobjects(lua_State *L);

/* Switch to GC_KIND_INC or GC_KIND_GEN (entering generational mode runs
 * a full collection, as lua5.4 does). */
void gc_changemode(lua_State *L, int newmode);

/* The body of lua_gc (LUA_GC* options, lua5.4's return values; -1 for an
 * unknown option or when called from inside a finalizer). */
int gc_control(lua_State *L, int what, va_list argp);

/* Free one object (the sweep's dispatcher, also used by lua_close). */
void gc_freeobj(lua_State *L, GCObject *o);

/* Check the colour/age invariants over the whole heap (gc_verify.c);
 * aborts with a message naming the offending reference. Available in
 * CRESCENT_ASSERT builds, where the collector runs it after every step. */
void gc_verify(lua_State *L);

#endif
