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
 *   class entry   a head pair (object shape, FB_IX_CLASS | n ...)
 *                 followed by n pairs: the key is absent from the object
 *                 and found by following __index tables of metatables,
 *                     obj -> mt1.__index = T1 -> mt2.__index = T2 ...
 *                 Each pair is a table of that walk where the key is
 *                 absent (the object, then T1, T2, ...: its shape proves
 *                 the absence), with, in its index, the slot of "__index"
 *                 in that table's metatable (FB_IX_IXSLOT); the last pair
 *                 also gives the slot of the key in the table its
 *                 metatable's __index leads to, the holder
 *                 (FB_IX_KEYSLOT). Metatables and the holder are not
 *                 pinned by shape, which keeps entries short (class
 *                 hierarchies three deep fit one IC): a hit checks that
 *                 their shapes have "__index", and the key, at those slots
 *                 (a key keeps its slot while a table has a shape). A hit
 *                 re-checks every link (metatable present, "__index" at
 *                 its slot and a table, the next table's shape, the key at
 *                 its slot in the holder with a value that is not nil), so
 *                 it is exact: it yields what lua5.4's __index walk yields.
 *
 *   absent        (store sites only) a pair (shape S, FB_IX_ABSENT): the
 *                 key is not one of S's, and no child of S by the key
 *                 existed when the entry was made (or S has too many keys
 *                 for a transition); lets a store of nil skip the general
 *                 case (it changes nothing when there is no __newindex:
 *                 lua5.4 does not insert nil values).
 *
 *   transition    (store sites only) a pair (shape S, FB_IX_TRANS | n)
 *                 followed by the pair (S', n), where S' is the child of S
 *                 by the key, whose slot in S' is n: a store of a new key
 *                 into a table of shape S moves it to S' and fills slot n
 *                 (when the table has room, no __newindex and needs no
 *                 barrier; table constructors are the common case). The
 *                 second pair is an own entry by itself.
 *
 * Store sites (SETFIELD, SETTABUP) hold own, absent and transition
 * entries. The pairs after a class entry's head carry FB_IX_HOP, so a
 * scan for an object's entry need not decode entry lengths. States go
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

/* index[j] of the pairs of a class entry (slots are below SHAPE_MAX_KEYS:
 * a byte each). The head has FB_IX_CLASS and the number of pairs that
 * follow it; every pair has the slot of "__index" in the metatable of its
 * table; the last one the slot of the key in the holder. */
#define FB_IX_CLASS       0x80000000u
#define FB_IX_TRANS       0x40000000u   /* the first pair of a transition */
#define FB_IX_ABSENT      0x20000000u   /* store sites: the key is absent */
#define FB_IX_HOP         0x10000000u   /* a class entry's pair after its head */
#define FB_IX_NOTOWN      (FB_IX_CLASS | FB_IX_TRANS | FB_IX_ABSENT)
#define FB_IX_NHOPS(x)    (((x) >> 16) & 0xFu)
#define FB_IX_IXSLOT(x)   ((x) & 0xFFu)
#define FB_IX_KEYSLOT(x)  (((x) >> 8) & 0xFFu)
#define FB_IX_MAKE(nhops, ixslot, keyslot) \
  (((uint32_t)(nhops) << 16) | (uint32_t)(ixslot) | ((uint32_t)(keyslot) << 8))
/* The last pair's table has no metatable: the lookup yields nil. */
#define FB_IX_END         0x100000u
/* On the head: 1 + the slot of the key in the object when its shape has
 * it (holding nil when the entry was made), else 0. */
#define FB_IX_OWN1(x)     (((x) >> 21) & 0x7Fu)
#define FB_IX_MAKEOWN1(s) ((uint32_t)(s) << 21)
/* The bits of a class entry's head that are 0 when the entry is the
 * plain object -> metatable.__index = holder case (fb_class_probe's
 * straight path). */
#define FB_IX_ONEHOP_MASK (0xFu << 16 | FB_IX_END | 0x7Fu << 21)
_Static_assert(SHAPE_MAX_KEYS <= 256, "a slot number fits a byte of index[j]");
/* FieldIC.aux: the site holds a class entry (else every pair is an own
 * entry, which the fast paths scan without decoding entries). */
#define FB_AUX_CLASSES 1u
_Static_assert(IC_MAX_POLY <= 16, "a pair count fits index[j]'s 4 bits");
_Static_assert(SHAPE_MAX_KEYS < 128, "an own slot + 1 fits index[j]'s 7 bits");

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

/* Does shape s (or NULL) have key at slot `slot`? */
#define fb_shape_has(s, slot, key) \
  ((s) != NULL && (slot) < (s)->nslots && (s)->keys[slot] == (key))

#define fb_nilresult(L) (&G(L)->nilvalue)

/* The last step of a class entry: t's shape is proved (its pair's index
 * is x), so its metatable's "__index" leads to the holder, or t has no
 * metatable (FB_IX_END: the lookup gives nil). The holder is often the
 * metatable itself (a class with c.__index = c): one shape then proves
 * both keys. */
CR_INLINE const TValue *fb_class_last(lua_State *L, uint32_t x,
                                      const Table *t, const TString *key,
                                      const TString *ixname) {
  const Table *mt = t->metatable;
  if (CR_UNLIKELY(x & FB_IX_END)) return mt == NULL ? fb_nilresult(L) : NULL;
  if (mt == NULL) return NULL;
  const Shape *ms = mt->shape;
  uint32_t is = FB_IX_IXSLOT(x), ks = FB_IX_KEYSLOT(x);
  if (!fb_shape_has(ms, is, ixname)) return NULL;
  const TValue *iv = &mt->slots[is];
  if (!ttistable(iv)) return NULL;
  const Table *h = hvalue(iv);
  if (h != mt) {
    ms = h->shape;
    if (ms == NULL) return NULL;
  }
  if (ks >= ms->nslots || ms->keys[ks] != key) return NULL;
  const TValue *m = &h->slots[ks];
  return ttisnil(m) ? NULL : m;
}

/* Re-validate the class entry whose head is pair j for object t (whose
 * shape is shape[j]) and key. The slot of the value, or NULL; a lookup
 * proved to give nil gives fb_nilresult(L) (a nil value). */
CR_INLINE const TValue *fb_class_probe(lua_State *L, const FieldIC *ic, int j,
                                       const Table *t, const TString *key) {
  const TString *ixname = G(L)->tmname[TM_INDEX];
  uint32_t x = ic->index[j];
  if (CR_UNLIKELY((x & FB_IX_ONEHOP_MASK) != 0)) {  /* obj -> class: 0 */
    uint32_t own1 = FB_IX_OWN1(x);
    if (own1 != 0 && !ttisnil(&t->slots[own1 - 1]))
      return &t->slots[own1 - 1];  /* the object's own field, set again */
    /* the tables before the last: each lacks the key (its shape says so)
     * and its metatable's "__index" leads to the next one */
    for (int n = (int)FB_IX_NHOPS(x); n > 0; n--) {
      const Table *mt = t->metatable;
      if (mt == NULL) return NULL;
      uint32_t is = FB_IX_IXSLOT(x);
      if (!fb_shape_has(mt->shape, is, ixname)) return NULL;
      const TValue *iv = &mt->slots[is];
      if (!ttistable(iv)) return NULL;
      t = hvalue(iv);
      j++;
      if (t->shape != ic->shape[j]) return NULL;
      x = ic->index[j];
    }
  }
  return fb_class_last(L, x, t, key, ixname);
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

/* Does t's metatable have an "__index" that is a table? Else a walk
 * through classes cannot be cached, and a load of an own field holding
 * nil goes to vm_finishget at once. */
CR_INLINE int fb_index_table(lua_State *L, const Table *t) {
  const Table *mt = t->metatable;
  if (mt == NULL || mt->shape == NULL) return 0;
  int ii = fb_shape_lookup(mt->shape, G(L)->tmname[TM_INDEX]);
  return ii >= 0 && ttistable(&mt->slots[ii]);
}

/*
 * Raw t[key] for a short-string key, or what the __index walk from t
 * yields for it when a class entry proves that is the result of the full
 * lookup. The slot returned may hold nil (absent key, or fb_nilresult(L)
 * when a class entry proved the whole walk gives nil): the caller then
 * runs vm_finishget with it (which gives nil for the latter, a bit
 * slower). ipc: the instruction (for --trace-ic).
 */
CR_INLINE const TValue *fb_field_get(lua_State *L, FeedbackSlot *s, Table *t,
                                     TString *key, const Instruction *ipc) {
  Shape *sh = t->shape;
  FieldIC *ic = &s->field;
  if (CR_LIKELY(sh == ic->shape[0] && sh != NULL &&
                !(ic->index[0] & FB_IX_CLASS))) {
    const TValue *m = &t->slots[ic->index[0]];
    /* an own field holding nil: fb_field_getmiss looks through classes */
    if (CR_LIKELY(!ttisnil(m)) || !fb_index_table(L, t)) return m;
  } else if (CR_LIKELY(sh != NULL)) {
    const TValue *m = fb_field_probe(L, ic, t, key);
    if (CR_LIKELY(m != NULL) && (!ttisnil(m) || m == fb_nilresult(L) ||
                                 !fb_index_table(L, t)))
      return m;
  }
  return fb_field_getmiss(L, s, t, key, ipc);
}

/* The chains shared by megamorphic load sites (g->chains) are a 2-way
 * set-associative cache: the set of key looked up in tables of shape sh
 * is chains[2i], chains[2i + 1], the most recently recorded one first. An
 * entry is valid while g->shape_epoch has not moved (its shapes and key
 * are then alive). */
CR_INLINE FieldChain *fb_chain_set(global_State *g, const Shape *sh,
                                   const TString *key) {
  uint32_t h = key->hash ^ (uint32_t)((uintptr_t)sh >> 5);
  return &g->chains[2 * ((h ^ (h >> 11)) & (FIELD_CHAINS / 2 - 1))];
}

CR_INLINE int fb_chain_holds(const global_State *g, const FieldChain *c,
                             const Shape *sh, const TString *key) {
  return c->key == key && c->epoch == g->shape_epoch &&
         c->chain.shape[0] == sh;
}

/* The recorded chain for (sh, key), or NULL. */
CR_INLINE const FieldChain *fb_chain_find(global_State *g, const Shape *sh,
                                          const TString *key) {
  const FieldChain *set = fb_chain_set(g, sh, key);
  if (fb_chain_holds(g, &set[0], sh, key)) return &set[0];
  if (fb_chain_holds(g, &set[1], sh, key)) return &set[1];
  return NULL;
}

/* The part of fb_field_get and fb_field_slot that makes no call: the slot
 * index of key in t when an own entry of the site answers for t's shape
 * (the first entry, or any when the site holds own entries only), else -1
 * (the caller then takes its general case). */
CR_INLINE int fb_field_hit(FeedbackSlot *s, const Table *t) {
  Shape *sh = t->shape;
  const FieldIC *ic = &s->field;
  if (CR_LIKELY(sh == ic->shape[0] && sh != NULL &&
                !(ic->index[0] & FB_IX_NOTOWN)))
    return (int)ic->index[0];
  _Static_assert(IC_MAX_POLY == 4, "the scan below covers every pair");
  if (sh != NULL && !(ic->aux & FB_AUX_CLASSES)) {
    /* pairs past count are NULL (fb_field_clear); a shape has one entry */
    for (int j = 1; j < IC_MAX_POLY; j++)
      if (sh == ic->shape[j])
        return ic->index[j] & FB_IX_NOTOWN ? -1 : (int)ic->index[j];
  }
  return -1;
}

/* The shape a table of t's shape moves to when the store site s adds its
 * key (a transition entry), or NULL. */
CR_INLINE Shape *fb_field_trans(FeedbackSlot *s, const Table *t) {
  const Shape *sh = t->shape;
  const FieldIC *ic = &s->field;
  if (sh == NULL) return NULL;
  for (int j = 0; j < IC_MAX_POLY - 1; j++)
    if (sh == ic->shape[j] && (ic->index[j] & FB_IX_TRANS))
      return ic->shape[j + 1];
  return NULL;
}

/* Is the key of store site s proved absent from t's shape (a transition
 * or absent entry for it)? */
CR_INLINE int fb_field_absent(FeedbackSlot *s, const Table *t) {
  const Shape *sh = t->shape;
  const FieldIC *ic = &s->field;
  if (sh == NULL) return 0;
  for (int j = 0; j < IC_MAX_POLY; j++)
    if (sh == ic->shape[j] && (ic->index[j] & (FB_IX_TRANS | FB_IX_ABSENT)))
      return 1;
  return 0;
}

/* The same for loads through classes (SELF's fast path, GETFIELD's
 * general case): own and class entries, and the shared chains when the
 * site is megamorphic (method calls on objects of many classes). A slot,
 * which may hold nil (then only fb_nilresult(L) is the result: any other
 * is an own field to look further for), or NULL (take the general
 * case). */
CR_INLINE const TValue *fb_method_hit(lua_State *L, FeedbackSlot *s,
                                      Table *t, const TString *key) {
  Shape *sh = t->shape;
  const FieldIC *ic = &s->field;
  int j = 0;
  /* one call of fb_class_probe for every way of finding the entry (the
   * first pair, the scan, the shared chains): the stencil holds one copy */
  if (CR_LIKELY(sh == ic->shape[0] && sh != NULL)) {
    uint32_t idx = ic->index[0];
    if (CR_LIKELY(!(idx & FB_IX_CLASS))) return &t->slots[idx];
  } else {
    if (sh == NULL) return NULL;
    if (!fb_ismega(ic->state)) {
      /* the entries, one per object shape, are the pairs without
       * FB_IX_HOP (pairs past count have no shape): a flat scan, no
       * decoding of entry lengths */
      _Static_assert(IC_MAX_POLY == 4, "the scan below covers every pair");
      j = ic->shape[1] == sh ? 1 : ic->shape[2] == sh ? 2
        : ic->shape[3] == sh ? 3 : 0;
      if (j == 0) return NULL;
      uint32_t x = ic->index[j];
      if (x & FB_IX_HOP) {  /* a class table's shape: look further */
        j = j < 2 && ic->shape[2] == sh ? 2
          : j < 3 && ic->shape[3] == sh ? 3 : 0;
        if (j == 0 || ((x = ic->index[j]) & FB_IX_HOP)) return NULL;
      }
      if (!(x & FB_IX_CLASS)) return &t->slots[x];
    } else {
      const FieldChain *c = fb_chain_find(G(L), sh, key);
      if (c == NULL) return NULL;
      ic = &c->chain;
    }
  }
  return fb_class_probe(L, ic, j, t, key);
}

/* fb_field_get for SELF: method calls are where class entries are common,
 * so the first entry's class chain is checked inline. */
CR_INLINE const TValue *fb_method_get(lua_State *L, FeedbackSlot *s, Table *t,
                                      TString *key, const Instruction *ipc) {
  Shape *sh = t->shape;
  FieldIC *ic = &s->field;
  if (CR_LIKELY(sh == ic->shape[0] && sh != NULL)) {
    uint32_t idx = ic->index[0];
    const TValue *m = !(idx & FB_IX_CLASS) ? &t->slots[idx]
                                           : fb_class_probe(L, ic, 0, t, key);
    if (CR_LIKELY(m != NULL) && (!ttisnil(m) || m == fb_nilresult(L) ||
                                 !fb_index_table(L, t)))
      return m;
  } else if (CR_LIKELY(sh != NULL)) {
    const TValue *m = fb_field_probe(L, ic, t, key);
    if (CR_LIKELY(m != NULL) && (!ttisnil(m) || m == fb_nilresult(L) ||
                                 !fb_index_table(L, t)))
      return m;
  }
  return fb_field_getmiss(L, s, t, key, ipc);
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
  if (CR_LIKELY(sh == ic->shape[0] && sh != NULL &&
                !(ic->index[0] & FB_IX_NOTOWN)))
    return &t->slots[ic->index[0]];  /* store sites hold no class entries */
  /* not at a megamorphic site: fb_field_probe would answer from the
   * shared chains of load sites, whose slots (a holder's, or the nil
   * result) are no place to store into */
  if (CR_LIKELY(sh != NULL) && !fb_ismega(ic->state)) {
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
