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
 * absent) without hashing. The IC's IC_MAX_POLY pairs (shape[j], index[j])
 * hold a sequence of entries; an entry starts with the shape of the
 * object it answers for, and is one of:
 *
 *   own entry     one pair (shape, slot): the key is field `slot` of any
 *                 table with that shape.
 *   class entry   a head pair (object shape, FB_IX_CLASS | n) followed by
 *                 n hop pairs: the key is absent from the object and found
 *                 through __index tables of metatables, as in
 *                     obj -> mt1.__index -> (mt2.__index -> ...)
 *                 A hop pair is the shape of a metatable and, in its index,
 *                 the slot of "__index" there (FB_HOP_SLOT); FB_HOP_SELF
 *                 says that __index is the metatable itself (the class
 *                 idiom `C.__index = C`), otherwise the next pair is the
 *                 shape of the __index table. FB_HOP_FOUND on the pair that
 *                 proves the shape of the last table gives the slot of the
 *                 key there (FB_HOP_KEY); on the other tables the shape
 *                 proves the key absent. A hit re-checks every link
 *                 (metatable present with its shape, __index a table with
 *                 its shape or the metatable itself, the value not nil), so
 *                 it is exact: it yields what lua5.4's __index walk yields.
 *
 * Store sites (SETFIELD, SETTABUP) hold own entries only. States go
 * uninit -> mono (one entry) -> poly (more entries, up to IC_MAX_POLY
 * pairs in all) -> mega; a mega site stops caching. Tables in dictionary
 * mode (shape == NULL) are looked up directly and never change a cache.
 * The collector keeps the shapes of the first `count` pairs alive (gc/
 * scans FB_FIELD slots), which is what makes pointer comparison with a
 * cached shape sound.
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
 * With the baseline JIT on, a compiled function's hotness is instead the
 * warm-up counter of its profiling stencils (src/host/stencil_ops.c,
 * WARM_EXPIRED): 1..JIT_WARMUP while they record, then the function is
 * recompiled with stencils that record nothing.
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
#include "vm/tm.h"

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

/* index[j] of a class entry's head: FB_IX_CLASS | number of hop pairs. */
#define FB_IX_CLASS  0x80000000u
#define FB_IX_NHOPS(x) ((x) & 0xFFu)
/* index[j] of a hop pair (slots are below SHAPE_MAX_KEYS: a byte each). */
#define FB_HOP_SLOT(x)  ((x) & 0xFFu)          /* "__index" in the metatable */
#define FB_HOP_KEY(x)   (((x) >> 8) & 0xFFu)   /* the key, with FB_HOP_FOUND */
#define FB_HOP_SELF     0x10000u
#define FB_HOP_FOUND    0x20000u
_Static_assert(SHAPE_MAX_KEYS <= 256, "a slot number fits a byte of index[j]");

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

/* The out-of-line parts are reached from the interpreter's handlers, so
 * they use preserve_most (see "Slow paths" in vm/interp.c). */
/* What an entry of ic, or for megamorphic sites a shared chain, answers
 * for key in t (shaped): the slot, or NULL. Looks nothing up itself. */
CR_PRESERVE_MOST const TValue *fb_field_probe(lua_State *L, const FieldIC *ic,
                                              const Table *t,
                                              const TString *key);
/* The full lookups, recording what they find. */
CR_PRESERVE_MOST const TValue *fb_field_getmiss(lua_State *L, FeedbackSlot *s,
                                                Table *t, TString *key,
                                                const Instruction *ipc);
CR_PRESERVE_MOST const TValue *fb_field_setmiss(lua_State *L, FeedbackSlot *s,
                                                Table *t, TString *key,
                                                const Instruction *ipc);

/* Re-validate the class entry whose head is pair j for object t (whose
 * shape is shape[j]); the slot of the value, or NULL. */
CR_INLINE const TValue *fb_class_probe(const FieldIC *ic, int j,
                                       const Table *t) {
  int end = j + 1 + (int)FB_IX_NHOPS(ic->index[j]);
  for (j++; j < end; j++) {
    const Table *mt = t->metatable;
    if (mt == NULL || mt->shape != ic->shape[j]) return NULL;
    uint32_t x = ic->index[j];
    const TValue *ix = &mt->slots[FB_HOP_SLOT(x)];
    if (!ttistable(ix)) return NULL;
    const Table *cls = hvalue(ix);
    if (x & FB_HOP_SELF) {
      if (cls != mt) return NULL;
    } else {
      if (++j >= end || cls->shape != ic->shape[j]) return NULL;
      x = ic->index[j];
    }
    if (x & FB_HOP_FOUND) {
      const TValue *m = &cls->slots[FB_HOP_KEY(x)];
      return ttisnil(m) ? NULL : m;
    }
    t = cls;
  }
  return NULL;
}

/*
 * Raw t[key] for a short-string key, or what the __index walk from t
 * yields for it when a class entry proves that is the result of the full
 * lookup. The slot returned may hold nil (absent key): the caller then
 * runs vm_finishget with it. ipc: the instruction (for --trace-ic).
 */
CR_INLINE const TValue *fb_field_get(lua_State *L, FeedbackSlot *s, Table *t,
                                     TString *key, const Instruction *ipc) {
  Shape *sh = t->shape;
  FieldIC *ic = &s->field;
  if (CR_LIKELY(sh == ic->shape[0] && sh != NULL &&
                !(ic->index[0] & FB_IX_CLASS)))
    return &t->slots[ic->index[0]];
  if (CR_LIKELY(sh != NULL)) {
    const TValue *m = fb_field_probe(L, ic, t, key);
    if (CR_LIKELY(m != NULL)) return m;
  }
  return fb_field_getmiss(L, s, t, key, ipc);
}

/* fb_field_get for SELF: method calls are where class entries are common,
 * so the first entry's class chain is checked inline. */
CR_INLINE const TValue *fb_method_get(lua_State *L, FeedbackSlot *s, Table *t,
                                      TString *key, const Instruction *ipc) {
  Shape *sh = t->shape;
  FieldIC *ic = &s->field;
  if (CR_LIKELY(sh == ic->shape[0] && sh != NULL)) {
    uint32_t idx = ic->index[0];
    if (CR_LIKELY(!(idx & FB_IX_CLASS))) return &t->slots[idx];
    const TValue *m = fb_class_probe(ic, 0, t);
    if (CR_LIKELY(m != NULL)) return m;
  } else if (CR_LIKELY(sh != NULL)) {
    const TValue *m = fb_field_probe(L, ic, t, key);
    if (CR_LIKELY(m != NULL)) return m;
  }
  return fb_field_getmiss(L, s, t, key, ipc);
}

/* shape_lookup, always inline: the baseline JIT's stencils cannot call
 * it where the compiler would keep it out of line. */
CR_INLINE int fb_shape_lookup(const Shape *s, const TString *key) {
  if (s->idxbits == 0) {
    for (uint32_t i = 0; i < s->nslots; i++)
      if (s->keys[i] == key)
        return (int)i;
    return -1;
  }
  const lu_byte *index = shape_index(s);
  uint32_t mask = ((uint32_t)1 << s->idxbits) - 1;
  for (uint32_t h = key->hash & mask; index[h] != 0; h = (h + 1) & mask)
    if (s->keys[index[h] - 1] == key)
      return index[h] - 1;
  return -1;
}

/* s:key(...) for a string s: what the __index table of the strings'
 * metatable gives for key, through the site's cache (the first step of
 * vm_finishget on a string, when that is a table: its raw field, or what
 * a class entry proves its own __index walk gives). NULL when the
 * metatable or its __index is anything else: take the generic path. */
CR_INLINE const TValue *fb_string_method(lua_State *L, FeedbackSlot *s,
                                         TString *key, const Instruction *ipc) {
  Table *mt = G(L)->mt[LUA_TSTRING];
  if (mt == NULL || mt->shape == NULL) return NULL;
  int ii = fb_shape_lookup(mt->shape, G(L)->tmname[TM_INDEX]);
  if (ii < 0) return NULL;
  const TValue *ix = &mt->slots[ii];
  if (!ttistable(ix)) return NULL;
  return fb_method_get(L, s, hvalue(ix), key, ipc);
}

/* The slot of t that holds key (own fields only), for a store; may hold
 * nil or be tab_absentkey (then the caller runs vm_finishset). */
CR_INLINE const TValue *fb_field_slot(lua_State *L, FeedbackSlot *s, Table *t,
                                      TString *key, const Instruction *ipc) {
  Shape *sh = t->shape;
  FieldIC *ic = &s->field;
  if (CR_LIKELY(sh == ic->shape[0] && sh != NULL))
    return &t->slots[ic->index[0]];  /* store sites hold own entries only */
  if (CR_LIKELY(sh != NULL)) {
    const TValue *m = fb_field_probe(L, ic, t, key);
    if (CR_LIKELY(m != NULL)) return m;
  }
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
