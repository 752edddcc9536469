/*
 * shape.c — the shape transition tree: creating children, the per-shape
 * key index, and the collector's clearing of dead transitions.
 *
 * Transition table invariant: a shape's children are chained through
 * `sibling` in 2^transbits buckets, bucket = key->hash & (buckets - 1), and
 * no two children have the same key. Every live shape is reachable from the
 * root through transitions (a live shape keeps its parent alive, and only
 * dead children are ever unlinked), which is what lets the collector clean
 * the tree with one walk from the root.
 */
#include <string.h>

#include "obj/shape.h"
#include "gc/gc.h"
#include "gc/mem.h"

/* Average children per bucket before the transition table doubles. */
#define SHAPE_TRANS_LOAD 2

void shape_init(lua_State *L)
{
  Shape *root = (Shape *)gc_newobj(L, VT_SHAPE, shape_size(0, 0));
  root->idxbits = 0;
  root->transbits = 0;
  root->nslots = 0;
  root->parent = NULL;
  root->key = NULL;
  root->transitions = NULL;
  root->sibling = NULL;
  root->ntrans = 0;
  root->gclist = NULL;
  gc_fix(L, obj2gco(root));
  G(L)->root_shape = root;
}

Shape *shape_root(lua_State *L)
{
  return G(L)->root_shape;
}

static inline uint32_t shape_nbuckets(const Shape *s)
{
  return s->transitions == NULL ? 0 : (uint32_t)1 << s->transbits;
}

/* Rehash s's children into 2^bits buckets. */
static void shape_resizetrans(lua_State *L, Shape *s, lu_byte bits)
{
  uint32_t nsize = (uint32_t)1 << bits;
  Shape **nt = mem_newvector(L, nsize, Shape *);
  memset(nt, 0, nsize * sizeof(Shape *));
  /* The allocation may have run an emergency collection, which can only
   * have removed children: read the old table now. */
  uint32_t osize = shape_nbuckets(s);
  for (uint32_t i = 0; i < osize; i++) {
    Shape *c = s->transitions[i];
    while (c != NULL) {
      Shape *next = c->sibling;
      uint32_t b = c->key->hash & (nsize - 1);
      c->sibling = nt[b];
      nt[b] = c;
      c = next;
    }
  }
  if (s->transitions != NULL)
    mem_freearray(L, s->transitions, osize);
  s->transitions = nt;
  s->transbits = bits;
}

Shape *shape_child(const Shape *s, const TString *key)
{
  if (s->transitions == NULL)
    return NULL;
  uint32_t b = key->hash & (((uint32_t)1 << s->transbits) - 1);
  for (Shape *c = s->transitions[b]; c != NULL; c = c->sibling)
    if (c->key == key)
      return c;
  return NULL;
}

static Shape *shape_findchild(global_State *g, const Shape *s,
                              const TString *key)
{
  if (s->transitions == NULL)
    return NULL;
  uint32_t b = key->hash & (((uint32_t)1 << s->transbits) - 1);
  for (Shape *c = s->transitions[b]; c != NULL; c = c->sibling) {
    if (c->key == key) {
      /* Unswept leftovers of a finished cycle can be found again (only
       * possible once sweeping is incremental). */
      if (gc_isdead(g, obj2gco(c)))
        gc_changewhite(obj2gco(c));
      return c;
    }
  }
  return NULL;
}

static void shape_buildindex(Shape *s)
{
  uint32_t size = (uint32_t)1 << s->idxbits;
  uint32_t mask = size - 1;
  lu_byte *index = shape_index(s);
  memset(index, 0, size);
  for (uint32_t i = 0; i < s->nslots; i++) {
    uint32_t h = s->keys[i]->hash & mask;
    while (index[h] != 0)
      h = (h + 1) & mask;
    index[h] = (lu_byte)(i + 1);
  }
}

Shape *shape_addkey(lua_State *L, Shape *s, TString *key)
{
  global_State *g = G(L);
  cr_assert(key->tt == VT_SHRSTR, "shaped keys are short strings");
  cr_assert(s->nslots < SHAPE_MAX_KEYS, "room for one more key");
  cr_assert(shape_lookup(s, key) < 0, "key not in shape yet");
  Shape *child = shape_findchild(g, s, key);
  if (child != NULL)
    return child;
  /* Make room in the transition table first, so that once the child
   * exists nothing can fail before it is linked. */
  uint32_t nb = shape_nbuckets(s);
  if (nb == 0)
    shape_resizetrans(L, s, 0);
  else if (s->ntrans + 1 > SHAPE_TRANS_LOAD * nb)
    shape_resizetrans(L, s, (lu_byte)(s->transbits + 1));
  uint32_t n = s->nslots + 1;
  /* Index of at least twice the keys: probes stay short and a free entry
   * always ends them. */
  lu_byte idxbits = n > SHAPE_LINEAR_MAX
                      ? (lu_byte)(32 - __builtin_clz(2 * n - 1)) : 0;
  child = (Shape *)gc_newobj(L, VT_SHAPE, shape_size(n, idxbits));
  g->shape_births++;          /* a young shape: minors must clean the tree */
  child->idxbits = idxbits;
  child->transbits = 0;
  child->nslots = n;
  child->parent = s;
  child->key = key;
  child->transitions = NULL;
  child->ntrans = 0;
  child->gclist = NULL;
  memcpy(child->keys, s->keys, s->nslots * sizeof(TString *));
  child->keys[n - 1] = key;
  if (idxbits)
    shape_buildindex(child);
  uint32_t b = key->hash & (((uint32_t)1 << s->transbits) - 1);
  child->sibling = s->transitions[b];
  s->transitions[b] = child;
  s->ntrans++;
  return child;
}

void shape_cleartransitions(global_State *g, Shape *s)
{
  uint32_t nb = shape_nbuckets(s);
  for (uint32_t i = 0; i < nb; i++) {
    Shape **p = &s->transitions[i];
    while (*p != NULL) {
      Shape *c = *p;
      if (gc_unmarked(g, obj2gco(c))) {
        *p = c->sibling;           /* dead: the sweep frees it */
        s->ntrans--;
      } else {
        shape_cleartransitions(g, c); /* depth <= SHAPE_MAX_KEYS */
        p = &c->sibling;
      }
    }
  }
}

void shape_free(lua_State *L, Shape *s)
{
  G(L)->shape_epoch++;  /* invalidates g->chains (obj/object.h) */
  if (s->transitions != NULL)
    mem_freearray(L, s->transitions, shape_nbuckets(s));
  mem_free(L, s, shape_size(s->nslots, s->idxbits));
}
