/*
 * feedback.h — what the interpreter learns about running code (DESIGN.md,
 * decision 6): type profiles, inline caches for field access, call-target
 * caches and hotness counters. The T1/T2 tiers read it; the interpreter
 * itself profits only from the field caches.
 *
 * Every op whose row in vm/ops.h names a feedback kind owns one slot of its
 * prototype's feedback vector, numbered by the code generator into the
 * instruction's F field (NO_FEEDBACK when the function has too many). The
 * interpreter turns F into a slot pointer; a site without a slot uses
 * fb_noslot, one shared slot that is megamorphic for every kind, so the
 * fast paths below never test for "no slot". That one slot serves all
 * kinds because type profiles only OR bits into the byte that holds the
 * state of field and call caches (all TP_* bits are in the low byte, and
 * state >= IC_MEGA counts as megamorphic everywhere): profiling can only
 * push its state further into "mega", so nothing is ever cached in it.
 *
 * Field inline caches (FieldIC in obj/object.h) key on table shapes: a
 * shape fixes which short-string keys a table has and at which slot index,
 * so "t->shape == cached shape" proves where the key lives (or that it is
 * absent) without hashing. Two kinds of entry, told apart by FieldIC.aux:
 *
 *   FB_ENTRY_OWN    up to IC_MAX_POLY pairs (shape[j], index[j]): the key
 *                   is field index[j] of any table with shape[j].
 *   FB_ENTRY_CLASS  one entry (monomorphic only) for the common OOP case
 *                   "key absent from the object, found through the
 *                   metatable's __index table":
 *                     shape[0] object shape (key absent), index[0] = FB_VIA_CLASS
 *                     shape[1] metatable shape, index[1] = slot of "__index"
 *                     shape[2] class shape,     index[2] = slot of the key
 *                   A hit re-checks every link (object shape, metatable
 *                   present with shape[1], its __index a table with
 *                   shape[2], the method not nil), so it is exact: it
 *                   yields what the __index walk of lua5.4 would yield.
 *
 * States go uninit -> mono -> poly (2..4 own entries) -> mega; a mega
 * site stops caching. Tables in dictionary mode (shape == NULL) are looked
 * up directly and never change a cache. The collector keeps the shapes of
 * the first `count` entries alive (gc/ scans FB_FIELD slots), which is what
 * makes pointer comparison with a cached shape sound.
 *
 * Call-target caches record the callee's identity: the Proto of a Lua
 * closure (so closures made afresh from one function expression count as
 * one target), the CClosure of a C closure; light C functions are not
 * tracked. The collector marks the target like the cached shapes, so an
 * identity can never be reused by another object while it is cached.
 *
 * Profiling phase and hotness: a function records type profiles and call
 * targets only while it warms up. Proto.hotness counts down once per entry
 * and per loop back-edge (FORLOOP, TFORLOOP, backward jumps):
 *     0                  fresh: the first event arms the counter with
 *                        options->jit_threshold
 *     1 .. FB_HOT_DONE-1 warming up: the interpreter runs the function with
 *                        its profiling handlers
 *     FB_HOT_DONE        hot, profiling over (no compiler to hand it to
 *                        yet): the function runs with handlers that record
 *                        nothing and count nothing
 * So steady-state code pays nothing for feedback; a later tier that
 * deoptimizes a function puts it back into the profiling phase. Field
 * caches are kept up in both phases (they are the fast path itself).
 *
 * Define CRESCENT_NO_FEEDBACK to build an interpreter without the
 * profiling phase (functions never record or count); used to measure the
 * cost of feedback (docs/arch_vmA.md).
 */
#ifndef CRESCENT_FEEDBACK_H
#define CRESCENT_FEEDBACK_H

#include "obj/object.h"
#include "obj/shape.h"
#include "obj/tab.h"

/* X(NAME, meaning) — type profile bits, in TypeProfile.seen. */
#define TYPE_PROFILE_BITS(X)                                          \
  X(INT,    "integer operands (all of them)")                         \
  X(FLOAT,  "float operands (all of them)")                           \
  X(MIXED,  "integer and float operands together")                    \
  X(STRING, "a string operand (coercion, comparison, key, length)")   \
  X(OTHER,  "an operand of another type (metamethod candidates)")     \
  X(TABLE,  "a table operand (indexing, length)")                     \
  X(ARRAY,  "an integer key found in the array part")                 \
  X(SLOW,   "the generic path ran (metamethod, absent key)")

enum TypeProfileBit {
#define X(name, doc) TP_BIT_##name,
  TYPE_PROFILE_BITS(X)
#undef X
  TP_NBITS
};
#define X(name, doc) static const uint16_t TP_##name = 1u << TP_BIT_##name;
TYPE_PROFILE_BITS(X)
#undef X
_Static_assert(TP_NBITS <= 16, "profile bits fit TypeProfile.seen");

enum FieldEntryKind { FB_ENTRY_OWN, FB_ENTRY_CLASS };
/* index[0] of a class entry: not a slot number. */
#define FB_VIA_CLASS UINT32_MAX

/* The slot of sites that have none (F == NO_FEEDBACK); see above. */
extern FeedbackSlot fb_noslot;
_Static_assert(TP_NBITS <= 8, "profile bits stay in the low byte");
_Static_assert(offsetof(FieldIC, state) == 0 && offsetof(CallIC, state) == 0,
               "cache states share the low byte of TypeProfile.seen");
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
               "the low byte of seen is the first byte");
#define fb_ismega(state) ((state) >= IC_MEGA)

#define fb_slot(vec, f) ((f) != NO_FEEDBACK ? (vec) + (f) : &fb_noslot)

/* ------------------------------------------------------------------ */
/* Type profiles                                                       */
/* ------------------------------------------------------------------ */

#define fb_profile(s, bits) ((s)->types.seen |= (uint16_t)(bits))

/* Kind of one operand, by tag (a table lookup rather than a switch, so
 * that compilers do not merge it into the fast paths' tag tests). */
extern const uint8_t fb_kind_of_tag[VT_COUNT];
#define fb_kind1(v) ((uint16_t)fb_kind_of_tag[rawtt(v)])

/* Kind of a pair of operands (both numbers of one kind, mixed, ...). */
CR_INLINE uint16_t fb_kind2(const TValue *a, const TValue *b) {
  uint16_t ka = fb_kind1(a), kb = fb_kind1(b);
  if (ka == kb) return ka;
  if ((ka | kb) == (TP_INT | TP_FLOAT)) return TP_MIXED;
  return ka | kb;
}

/* ------------------------------------------------------------------ */
/* Field inline caches                                                 */
/* ------------------------------------------------------------------ */

const TValue *fb_field_getmiss(lua_State *L, FeedbackSlot *s, Table *t,
                               TString *key, const Instruction *ipc);
const TValue *fb_field_setmiss(lua_State *L, FeedbackSlot *s, Table *t,
                               TString *key, const Instruction *ipc);

/* Re-validate a class entry for object t; the method slot or NULL. */
CR_INLINE const TValue *fb_class_probe(const FieldIC *ic, const Table *t) {
  const Table *mt = t->metatable;
  if (mt == NULL || mt->shape != ic->shape[1]) return NULL;
  const TValue *ix = &mt->slots[ic->index[1]];
  if (!ttistable(ix)) return NULL;
  const Table *cls = hvalue(ix);
  if (cls->shape != ic->shape[2]) return NULL;
  const TValue *m = &cls->slots[ic->index[2]];
  return ttisnil(m) ? NULL : m;
}

/*
 * Raw t[key] for a short-string key, or what the __index table of t's
 * metatable holds for it when a class entry proves that is the result of
 * the full lookup. The slot returned may hold nil (absent key): the caller
 * then runs vm_finishget with it. ipc: the instruction (for --trace-ic).
 */
CR_INLINE const TValue *fb_field_get(lua_State *L, FeedbackSlot *s, Table *t,
                                     TString *key, const Instruction *ipc) {
  Shape *sh = t->shape;
  FieldIC *ic = &s->field;
  if (CR_LIKELY(sh == ic->shape[0] && sh != NULL)) {
    uint32_t idx = ic->index[0];
    if (CR_LIKELY(idx != FB_VIA_CLASS)) return &t->slots[idx];
    const TValue *m = fb_class_probe(ic, t);
    if (CR_LIKELY(m != NULL)) return m;
  }
  if (sh == NULL) return tab_getshortstr(t, key);
  return fb_field_getmiss(L, s, t, key, ipc);
}

/* The slot of t that holds key (own fields only), for a store; may hold
 * nil or be tab_absentkey (then the caller runs vm_finishset). */
CR_INLINE const TValue *fb_field_slot(lua_State *L, FeedbackSlot *s, Table *t,
                                      TString *key, const Instruction *ipc) {
  Shape *sh = t->shape;
  FieldIC *ic = &s->field;
  if (CR_LIKELY(sh == ic->shape[0] && sh != NULL))
    return &t->slots[ic->index[0]];  /* store sites hold own entries only */
  if (sh == NULL) return tab_getshortstr(t, key);
  return fb_field_setmiss(L, s, t, key, ipc);
}

/* ------------------------------------------------------------------ */
/* Call-target caches                                                  */
/* ------------------------------------------------------------------ */

void fb_call_miss(lua_State *L, FeedbackSlot *s, GCObject *target,
                  const Instruction *ipc);

CR_INLINE GCObject *fb_call_identity(const TValue *f) {
  switch (rawtt(f)) {
    case VT_LCL: return obj2gco(clLvalue(f)->p);
    case VT_CCL: return gcvalue(f);
    default: return NULL;  /* light C functions and __call: not tracked */
  }
}

/* Light C functions have no identity here: a site that only ever calls
 * them stays uninit. */
#define fb_call(L, s, f, ipc) do {                                      \
    GCObject *id_ = fb_call_identity(f);                              \
    if (CR_UNLIKELY((s)->call.target != id_) &&                       \
        !fb_ismega((s)->call.state))                                  \
      fb_call_miss(L, s, id_, ipc);                                   \
  } while (0)

/* ------------------------------------------------------------------ */
/* Hotness                                                             */
/* ------------------------------------------------------------------ */

#define FB_HOT_DONE (1 << 30)
#define fb_profiling(p) ((p)->hotness < FB_HOT_DONE)

/* The counter of p reached 0 (hot) or -1 (fresh: arm it). Afterwards
 * fb_profiling(p) tells whether p still profiles. */
void fb_hot(lua_State *L, Proto *p);

/* One entry or back-edge of a profiling function. */
#define fb_tick(L, p) \
  (CR_UNLIKELY(--(p)->hotness <= 0) ? fb_hot(L, p) : (void)0)

/* ------------------------------------------------------------------ */
/* Reporting                                                           */
/* ------------------------------------------------------------------ */

extern const char *const fb_state_names[IC_NSTATES];

#endif
