/*
 * shape.h — hidden classes for tables (DESIGN.md, decision 4).
 *
 * A shape is the ordered list of short-string keys a table has as "shaped
 * fields": key number i lives in t->slots[i]. Shapes form a transition tree
 * rooted at the empty shape (g->root_shape): adding key k to a table of
 * shape S moves it to the child of S reached by k, created on first use and
 * shared by every table that gets the same keys in the same order. So two
 * tables built alike have the same shape pointer, and an inline cache that
 * remembers (shape, slot index) answers `o.x` with one compare and one load.
 *
 * Ownership and lifetime: shapes are collectable objects (VT_SHAPE). A
 * shape keeps its parent and its key alive; a parent does NOT keep its
 * children alive: the collector drops transitions to dead children after
 * marking (shape_cleartransitions), so shapes of garbage tables go away.
 * Live tables, inline caches in prototypes (FieldIC) and the root keep
 * shapes alive.
 *
 * Lookup: shapes with up to SHAPE_LINEAR_MAX keys are searched linearly
 * (pointer compares, one cache line); larger ones carry a small open-
 * addressing index of byte entries. Both live in the shape's own block, so
 * a shape is one allocation and can never be seen half-built.
 */
#ifndef CRESCENT_SHAPE_H
#define CRESCENT_SHAPE_H

#include "obj/object.h"

/* Most shaped keys a table may have; one more and the table becomes a
 * dictionary (tab.c). Shape chains are copied per shape, so this bounds the
 * memory a chain costs (O(n^2) key pointers) and the index entries fit a
 * byte. */
#define SHAPE_MAX_KEYS 64
/* Shapes with this many keys or fewer have no index (linear search). */
#define SHAPE_LINEAR_MAX 8

struct Shape {
  GC_HEADER;
  lu_byte idxbits;            /* log2 of the index size; 0 = no index */
  lu_byte transbits;          /* log2 of the number of transition buckets */
  uint32_t nslots;            /* keys (= slots a table of this shape uses) */
  struct Shape *parent;       /* NULL only for the root */
  TString *key;               /* the key the transition from parent added */
  struct Shape **transitions; /* children, hashed by key; NULL when none */
  struct Shape *sibling;      /* next child in the parent's bucket */
  uint32_t ntrans;            /* number of children */
  GCObject *gclist;
  TString *keys[];            /* keys[i] names slot i; the index follows */
};

/* Bytes of a shape with n keys and an index of 2^idxbits bytes. */
#define shape_size(n, idxbits) \
  (offsetof(Shape, keys) + (size_t)(n) * sizeof(TString *) + \
   ((idxbits) ? ((size_t)1 << (idxbits)) : 0))
#define shape_index(s) ((lu_byte *)&(s)->keys[(s)->nslots])

/* Create the root shape (lua_newstate). */
void shape_init(lua_State *L);
/* The empty shape every new table starts with. */
Shape *shape_root(lua_State *L);

/* The shape of a table of shape s after adding key (a short string that s
 * does not have yet): an existing child or a new one. s must have fewer
 * than SHAPE_MAX_KEYS keys. */
Shape *shape_addkey(lua_State *L, Shape *s, TString *key);

/* The existing child of s reached by adding key, or NULL; never
 * allocates (for transition caches: an inline cache that remembers
 * (s -> child) can add the field with a shape store and a slot store, as
 * long as the table's slot vector has room: child->nslots <= t->slotcap). */
Shape *shape_child(const Shape *s, const TString *key);

/* Slot index of key in s, or -1. */
static inline int shape_lookup(const Shape *s, const TString *key)
{
  if (s->idxbits == 0) {
    for (uint32_t i = 0; i < s->nslots; i++)
      if (s->keys[i] == key)
        return (int)i;
    return -1;
  }
  const lu_byte *index = (const lu_byte *)&s->keys[s->nslots];
  uint32_t mask = ((uint32_t)1 << s->idxbits) - 1;
  for (uint32_t h = key->hash & mask; index[h] != 0; h = (h + 1) & mask) {
    if (s->keys[index[h] - 1] == key)
      return index[h] - 1;
  }
  return -1;
}

static inline uint32_t shape_nslots(const Shape *s) { return s->nslots; }
static inline TString *shape_key(const Shape *s, uint32_t idx)
{
  cr_assert(idx < s->nslots, "slot index in range");
  return s->keys[idx];
}

/* Collector support. */
/* Drop transitions to unmarked (white) shapes, in the whole tree under
 * root; run after marking, before sweeping. */
void shape_cleartransitions(global_State *g, Shape *root);
/* Free a dead shape (its parent no longer lists it). */
void shape_free(lua_State *L, Shape *s);

#endif
