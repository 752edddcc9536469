/*
 * tab.c — tables: lookups, insertion (shaped fields and the scatter-table
 * hash part), rehash with lua5.4's size policy, traversal and the border
 * (`#`). The layout and the invariants are described in tab.h.
 */
#include <math.h>
#include <string.h>

#include "obj/tab.h"
#include "obj/str.h"
#include "obj/numconv.h"
#include "gc/gc.h"
#include "gc/mem.h"
#include "obj/needs_vm.h"

/* Largest array part: 2^TAB_MAX_ABITS elements, also bounded by what a
 * size_t can count in bytes. */
#define TAB_MAX_ASIZE \
  ((1u << TAB_MAX_ABITS) < MEM_MAX_SIZE / sizeof(TValue) \
     ? (1u << TAB_MAX_ABITS) : (unsigned)(MEM_MAX_SIZE / sizeof(TValue)))

/* First slot vector of a shaped table (most objects have a few fields). */
#define TAB_MIN_SLOTS 4

const TValue tab_absentkey = { .tt_ = VT_NIL };

/* The hash part of every table without one: size 1, never written (writes
 * check tab_isdummy first), so it can be shared and const. */
const Node tab_dummynode = { .u = { .tt_ = VT_NIL, .key_tt = VT_NIL } };
#define TAB_DUMMY ((Node *)&tab_dummynode)

/* A hash part is one block: the free-position hint, then the nodes. The
 * hint lives there rather than in the Table because only tables with a
 * hash part need it, and a Table of 72 bytes takes one malloc chunk of 80
 * where 80 bytes would take 96 (every empty table pays for it). */
typedef struct NodeBlock {
  Node *lastfree;       /* free positions are searched below this */
  Node nodes[];
} NodeBlock;
#define tab_block(node)      ((NodeBlock *)((char *)(node) - offsetof(NodeBlock, nodes)))
#define tab_lastfree(t)      (tab_block((t)->node)->lastfree)
#define tab_blocksize(n)     (offsetof(NodeBlock, nodes) + (size_t)(n) * sizeof(Node))

/*
 * Inline parts. A table made with known sizes (a constructor, NEWTABLE,
 * lua_createtable) gets its array part and its slot vector in the Table's
 * own block, right after the struct: one malloc instead of two or three,
 * and one malloc header less per part (binary-tree nodes and small
 * objects are mostly such tables). t->ninline TValues follow the Table:
 * the array part first (when it was small enough), then the slots. A part
 * may shrink in place; when it must grow it moves to a block of its own
 * and its inline space stays unused until the table dies. So a part is
 * inline exactly when its pointer lies in that tail.
 */
#define TAB_INLINE_MAXARRAY 32
#define tab_tail(t)  ((TValue *)((Table *)(t) + 1))
#define tab_fullsize(t) (sizeof(Table) + (size_t)(t)->ninline * sizeof(TValue))

static inline int tab_isinline(const Table *t, const TValue *p)
{
  return (uintptr_t)p - (uintptr_t)tab_tail(t) <
         (uintptr_t)t->ninline * sizeof(TValue);
}

/* Resize part `old` (of oldn values) of t to newn values: a plain
 * reallocation for parts in their own block; an inline part stays where
 * it is when it shrinks and is copied into a new block when it grows.
 * Raises on failure unless `safe`, which returns NULL instead (t is left
 * as it was either way). */
static TValue *tab_reallocpart(lua_State *L, Table *t, TValue *old,
                               unsigned int oldn, unsigned int newn, int safe)
{
  if (!tab_isinline(t, old)) {
    if (safe)
      return mem_saferealloc(L, old, (size_t)oldn * sizeof(TValue),
                             (size_t)newn * sizeof(TValue));
    return mem_reallocvector(L, old, oldn, newn, TValue);
  }
  if (newn <= oldn)
    return old;
  TValue *nb = safe ? mem_saferealloc(L, NULL, 0, (size_t)newn * sizeof(TValue))
                    : mem_newvector(L, newn, TValue);
  if (nb != NULL)
    memcpy(nb, old, (size_t)oldn * sizeof(TValue));
  return nb;
}

/* Room for the array part in the tail: all of it unless the slots are
 * there (they follow the array's share). */
static inline unsigned int tab_inlinearraycap(const Table *t)
{
  if (tab_isinline(t, t->slots))
    return (unsigned int)(t->slots - tab_tail(t));
  return t->ninline;
}

/* The array part resized to newn values (see tab_reallocpart); an array
 * that is inline or absent uses the tail as long as it fits there. */
static TValue *tab_reallocarray(lua_State *L, Table *t, unsigned int newn,
                                int safe)
{
  if ((t->array == NULL || tab_isinline(t, t->array)) &&
      newn <= tab_inlinearraycap(t))
    return newn != 0 || t->array != NULL ? tab_tail(t) : NULL;
  return tab_reallocpart(L, t, t->array, t->asize, newn, safe);
}

static void tab_freepart(lua_State *L, Table *t, TValue *part, unsigned int n)
{
  if (!tab_isinline(t, part))
    mem_freearray(L, part, n);
}

/* ------------------------------------------------------------------ */
/* Hashing: the main position of a key                                 */
/* ------------------------------------------------------------------ */

#define TAB_HASHMUL 0x9E3779B97F4A7C15ull

/* Pointers: the high half of a multiplicative hash depends on every bit,
 * which spreads aligned addresses. */
static inline Node *tab_hashbits(const Table *t, uint64_t bits)
{
  uint64_t h = bits * TAB_HASHMUL;
  return &t->node[(uint32_t)(h >> 32) & (tab_sizenode(t) - 1)];
}

/* Numbers are placed as lua5.4 places them (remainder by an odd number),
 * because where integer keys collide decides when the hash part fills up,
 * hence when the table is rehashed, hence its array size and `#` with
 * holes: those must come out as lua5.4's. (String and pointer hashes are
 * seeded or address-based in lua5.4 too, so nothing can depend on them.) */
static inline Node *tab_hashmod(const Table *t, lua_Unsigned n)
{
  return tab_modpos(t, n);  /* tab.h: the op bodies' probe uses it too */
}

static inline Node *tab_hashint(const Table *t, lua_Integer i)
{
  return tab_intmainpos(t, i);
}

static inline Node *tab_hashstr(const Table *t, const TString *ts)
{
  return &t->node[ts->hash & (tab_sizenode(t) - 1)];
}

/* Mantissa scaled to an int plus exponent, folded to a non-negative int
 * (inf and NaN hash to 0). */
static inline Node *tab_hashflt(const Table *t, lua_Number n)
{
  int e;
  lua_Number m = frexp(n, &e) * -(lua_Number)INT_MIN;
  lua_Integer mi;
  unsigned int h = 0;
  if (m >= -0x1p63 && m < 0x1p63) {
    mi = (lua_Integer)m;
    unsigned int u = (unsigned int)e + (unsigned int)mi;
    h = u <= (unsigned int)INT_MAX ? u : ~u;
  }
  return tab_hashmod(t, h);
}

static inline Node *tab_hashptr(const Table *t, const void *p)
{
  return tab_hashbits(t, (uint64_t)(uintptr_t)p);
}

/* Main position of a key given as tag + payload (works for TValues and
 * for node keys alike). */
static Node *tab_mainpos(const Table *t, int tt, const Value *v)
{
  switch (tt) {
    case VT_INT:     return tab_hashint(t, v->i);
    case VT_FLOAT:   return tab_hashflt(t, v->n);
    case VT_SHRSTR:  return tab_hashstr(t, (TString *)v->gc);
    case VT_LNGSTR:
      return &t->node[str_hashlong((TString *)v->gc) & (tab_sizenode(t) - 1)];
    case VT_FALSE:   return &t->node[0];
    case VT_TRUE:    return &t->node[1 & (tab_sizenode(t) - 1)];
    case VT_LIGHTUD: return tab_hashptr(t, v->p);
    case VT_LCF:     return tab_hashptr(t, (const void *)v->f);
    default:         return tab_hashptr(t, v->gc);
  }
}

#define tab_mainposTV(t, k)   tab_mainpos((t), rawtt(k), &val_(k))
#define tab_mainposnode(t, n) tab_mainpos((t), node_keytt(n), &node_keyval(n))

/* Float with an exact integer value -> that integer. NaN and out-of-range
 * values fail the range test. */
static inline int tab_flt2int(lua_Number n, lua_Integer *p)
{
  if (!(n >= -0x1p63 && n < 0x1p63))
    return 0;
  lua_Integer i = (lua_Integer)n;
  if ((lua_Number)i != n)
    return 0;
  *p = i;
  return 1;
}

/* Is node n's key equal to k? deadok: a dead key matches the same object
 * (for `next` over keys collected meanwhile). */
static int tab_keyeq(const Node *n, const TValue *k, int deadok)
{
  if (node_keytt(n) != rawtt(k)) {
    if (deadok && node_keyisdead(n) && iscollectable(k))
      return node_keygc(n) == gcvalue(k);
    return 0;
  }
  switch (rawtt(k)) {
    case VT_NIL: case VT_FALSE: case VT_TRUE:
      return 1;
    case VT_INT:     return node_keyval(n).i == val_(k).i;
    case VT_FLOAT:   return node_keyval(n).n == val_(k).n;
    case VT_LIGHTUD: return node_keyval(n).p == val_(k).p;
    case VT_LCF:     return node_keyval(n).f == val_(k).f;
    case VT_LNGSTR:
      return str_eqlng((TString *)node_keygc(n), tsvalue(k));
    default:         return node_keygc(n) == gcvalue(k);
  }
}

static const TValue *tab_getgeneric(Table *t, const TValue *key, int deadok)
{
  Node *n = tab_mainposTV(t, key);
  for (;;) {
    if (tab_keyeq(n, key, deadok))
      return node_val(n);
    int nx = node_next(n);
    if (nx == 0)
      return &tab_absentkey;
    n += nx;
  }
}

/* ------------------------------------------------------------------ */
/* Lookups                                                             */
/* ------------------------------------------------------------------ */

const TValue *tab_getint(Table *t, lua_Integer key)
{
  lua_Unsigned k1 = l_castS2U(key) - 1u;
  if (k1 < t->alimit)
    return &t->array[key - 1];
  if (k1 < t->asize) {
    /* In the array beyond the hint: lua5.4 moves its hint here ("#t is
     * probably here now"), and `#` of tables with holes depends on it. */
    t->alimit = (uint32_t)key;
    return &t->array[key - 1];
  }
  const TValue *v = tab_getint_hash(t, key);  /* tab.h */
  return v != NULL ? v : &tab_absentkey;
}

const TValue *tab_getshortstr(Table *t, TString *key)
{
  cr_assert(key->tt == VT_SHRSTR, "short string");
  if (t->shape != NULL) {
    int i = shape_lookup(t->shape, key);
    return i >= 0 ? &t->slots[i] : &tab_absentkey;
  }
  Node *n = tab_hashstr(t, key);
  for (;;) {
    if (node_keytt(n) == VT_SHRSTR && node_keygc(n) == obj2gco(key))
      return node_val(n);
    int nx = node_next(n);
    if (nx == 0)
      return &tab_absentkey;
    n += nx;
  }
}

const TValue *tab_getstr(Table *t, TString *key)
{
  if (key->tt == VT_SHRSTR)
    return tab_getshortstr(t, key);
  TValue k;
  setsvalue(NULL, &k, key);
  return tab_getgeneric(t, &k, 0);
}

const TValue *tab_get(Table *t, const TValue *key)
{
  switch (rawtt(key)) {
    case VT_SHRSTR: return tab_getshortstr(t, tsvalue(key));
    case VT_INT:    return tab_getint(t, val_(key).i);
    case VT_NIL:    return &tab_absentkey;
    case VT_FLOAT: {
      lua_Integer k;
      if (tab_flt2int(val_(key).n, &k))
        return tab_getint(t, k);
      return tab_getgeneric(t, key, 0);
    }
    default:        return tab_getgeneric(t, key, 0);
  }
}

/* ------------------------------------------------------------------ */
/* Parts: allocation and freeing                                       */
/* ------------------------------------------------------------------ */

/* Give t a fresh hash part for `size` keys (rounded up to a power of 2;
 * 0 = the shared dummy). Touches only node and lsizenode. */
static void tab_setnodevector(lua_State *L, Table *t, unsigned int size)
{
  if (size == 0) {
    t->node = TAB_DUMMY;
    t->lsizenode = 0;
    return;
  }
  int lsize = num_ceillog2(size);
  if (lsize > TAB_MAX_HBITS)
    debug_runerror(L, "table overflow");
  size = 1u << lsize;
  mem_checksize(L, size, Node);
  NodeBlock *b = mem_alloc(L, tab_blocksize(size));
  Node *node = b->nodes;
  for (unsigned int i = 0; i < size; i++) {
    Node *n = &node[i];
    node_next(n) = 0;
    node_keytt(n) = VT_NIL;
    setnilvalue(node_val(n));
  }
  b->lastfree = node + size;   /* every position is free */
  t->node = node;
  t->lsizenode = (lu_byte)lsize;
}

static void tab_freenode(lua_State *L, Node *node, lu_byte lsize, int dummy)
{
  if (!dummy)
    mem_free(L, tab_block(node), tab_blocksize((size_t)1 << lsize));
}

Table *tab_newsized(lua_State *L, unsigned int asize, unsigned int hsize)
{
  /* A constructor that ends in a call or `...` ({x, f()}) announces only
   * its fixed items; with one announced, room for a second one lets the
   * common two-item case ({make(), make()}, a cell list that gets a second
   * entry) grow in place. */
  unsigned int na = asize <= TAB_INLINE_MAXARRAY ? (asize == 1 ? 2 : asize) : 0;
  unsigned int ns = hsize <= SHAPE_MAX_KEYS ? hsize : 0;
  Table *t = (Table *)gc_newobj(L, VT_TABLE,
                                sizeof(Table) + (size_t)(na + ns) * sizeof(TValue));
  t->tmcache = 0xFF;           /* no fields: every metamethod is absent */
  t->ninline = (uint16_t)(na + ns);
  t->asize = asize <= TAB_INLINE_MAXARRAY ? asize : 0;
  t->alimit = t->asize;
  t->array = na != 0 ? tab_tail(t) : NULL;
  for (unsigned int i = 0; i < t->asize; i++)
    setnilvalue(&t->array[i]);
  t->shape = G(L)->root_shape;
  t->slots = ns != 0 ? tab_tail(t) + na : NULL;
  t->slotcap = (uint16_t)ns;
  t->metatable = NULL;
  t->gclist = NULL;
  tab_setnodevector(L, t, 0);
  return t;
}

Table *tab_new(lua_State *L)
{
  return tab_newsized(L, 0, 0);
}

void tab_free(lua_State *L, Table *t)
{
  tab_freenode(L, t->node, t->lsizenode, tab_isdummy(t));
  tab_freepart(L, t, t->array, t->asize);
  tab_freepart(L, t, t->slots, t->slotcap);
  mem_free(L, t, tab_fullsize(t));
}

size_t tab_memsize(const Table *t)
{
  return tab_fullsize(t) +
         (tab_isinline(t, t->array) ? 0 : (size_t)t->asize * sizeof(TValue)) +
         (tab_isinline(t, t->slots) ? 0 : (size_t)t->slotcap * sizeof(TValue)) +
         (tab_isdummy(t) ? 0 : tab_blocksize(tab_sizenode(t)));
}

/* ------------------------------------------------------------------ */
/* Insertion into the hash part                                        */
/* ------------------------------------------------------------------ */

static Node *tab_getfreepos(Table *t)
{
  if (tab_isdummy(t))
    return NULL;
  Node **lastfree = &tab_lastfree(t);
  while (*lastfree > t->node) {
    (*lastfree)--;
    if (node_keyisnil(*lastfree))
      return *lastfree;
  }
  return NULL;
}

/*
 * Put key (absent from t's node) into the node and return its position,
 * with the value left as it was there (the caller stores the value), or
 * NULL when the hash part is full. Brent's variation: if the main position
 * is taken by a key that is not in ITS main position, that key moves to a
 * free slot and the new key takes its main position; otherwise the new key
 * goes to the free slot, chained after the main position.
 */
static Node *tab_placekey(Table *t, const TValue *key)
{
  Node *mp = tab_mainposTV(t, key);
  if (!ttisnil(node_val(mp)) || tab_isdummy(t)) {
    Node *f = tab_getfreepos(t);
    if (f == NULL)
      return NULL;
    Node *othern = tab_mainposnode(t, mp);
    if (othern != mp) {
      /* Find the predecessor of mp in its chain and move mp's entry to f. */
      while (othern + node_next(othern) != mp)
        othern += node_next(othern);
      node_next(othern) = (int)(f - othern);
      *f = *mp;
      if (node_next(mp) != 0) {
        node_next(f) += (int)(mp - f);
        node_next(mp) = 0;
      }
      setnilvalue(node_val(mp));
    } else {
      /* The occupant is in its main position: chain the new key after it. */
      if (node_next(mp) != 0)
        node_next(f) = (int)((mp + node_next(mp)) - f);
      else
        cr_assert(node_next(f) == 0, "free node is unlinked");
      node_next(mp) = (int)(f - mp);
      mp = f;
    }
  }
  node_keyval(mp) = val_(key);
  node_keytt(mp) = rawtt(key);
  return mp;
}

/* Insert key/value into a node being filled during a resize: there is
 * always room, by the sizes the rehash computed. */
static void tab_reinsert(Table *t, const TValue *key, const TValue *value)
{
  Node *n = tab_placekey(t, key);
  cr_assert(n != NULL, "resize made room for every key");
  setobj2t(NULL, node_val(n), value);
}

/* ------------------------------------------------------------------ */
/* Resizing                                                            */
/* ------------------------------------------------------------------ */

/*
 * Give t an array part of newasize and a hash part for nhsize keys, and
 * with `todict` also move the shaped fields into the hash part (shape
 * NULL). Everything that can fail (the two allocations) happens before t
 * changes, so an error or an emergency collection always sees a valid
 * table; the moves afterwards allocate nothing.
 */
static unsigned int tab_numusehash(const Table *t, unsigned int *nums,
                                   unsigned int *total);

static void tab_reshape(lua_State *L, Table *t, unsigned int newasize,
                        unsigned int nhsize, int todict)
{
  if (newasize > TAB_MAX_ASIZE)
    debug_runerror(L, "table overflow");
  unsigned int oldasize = t->asize;
  if (newasize < oldasize) {
    /* Callers that shrink the array (tab_resize) may underestimate: the
     * hash part must hold the vanishing slice and what it has already. */
    unsigned int nums[TAB_MAX_ABITS + 1];
    unsigned int need = 0;
    memset(nums, 0, sizeof(nums));
    tab_numusehash(t, nums, &need);
    for (unsigned int i = newasize; i < oldasize; i++)
      need += !ttisnil(&t->array[i]);
    if (todict)
      for (uint32_t i = 0; i < tab_nslots(t); i++)
        need += !ttisnil(&t->slots[i]);
    if (nhsize < need)
      nhsize = need;
  }
  Table nt;                      /* holds the new hash part */
  nt.asize = newasize;
  tab_setnodevector(L, &nt, nhsize);
  /* Keys of the vanishing array slice go to the new hash part first: the
   * old array still has them if the reallocation below fails. */
  for (unsigned int i = newasize; i < oldasize; i++) {
    if (!ttisnil(&t->array[i])) {
      TValue k;
      setivalue(&k, (lua_Integer)i + 1);
      tab_reinsert(&nt, &k, &t->array[i]);
    }
  }
  TValue *newarray = tab_reallocarray(L, t, newasize, 1);
  if (CR_UNLIKELY(newarray == NULL && newasize > 0)) {
    tab_freenode(L, nt.node, nt.lsizenode, tab_isdummy(&nt));
    do_throw(L, LUA_ERRMEM);
  }
  /* From here on nothing allocates. */
  t->array = newarray;
  t->asize = newasize;
  t->alimit = newasize;
  for (unsigned int i = oldasize; i < newasize; i++)
    setnilvalue(&t->array[i]);
  if (todict && t->shape != NULL) {
    Shape *s = t->shape;
    for (uint32_t i = 0; i < s->nslots; i++) {
      if (!ttisnil(&t->slots[i])) {
        TValue k;
        setsvalue(L, &k, s->keys[i]);
        tab_reinsert(&nt, &k, &t->slots[i]);
      }
    }
    tab_freepart(L, t, t->slots, t->slotcap);
    t->slots = NULL;
    t->slotcap = 0;
    t->shape = NULL;
  }
  /* Old hash entries: integers that now fit go to the array. */
  Node *oldnode = t->node;
  lu_byte oldlsize = t->lsizenode;
  int olddummy = tab_isdummy(t);
  unsigned int oldhsize = olddummy ? 0 : 1u << oldlsize;
  for (unsigned int i = 0; i < oldhsize; i++) {
    Node *old = &oldnode[i];
    if (ttisnil(node_val(old)))
      continue;
    if (node_keytt(old) == VT_INT &&
        l_castS2U(node_keyval(old).i) - 1u < newasize) {
      setobj2t(L, &t->array[node_keyval(old).i - 1], node_val(old));
    } else {
      TValue k;
      node_getkey(L, &k, old);
      tab_reinsert(&nt, &k, node_val(old));
    }
  }
  t->node = nt.node;
  t->lsizenode = nt.lsizenode;
  tab_freenode(L, oldnode, oldlsize, olddummy);
}

/* ---- lua5.4's size policy ----
 * nums[i] counts the integer keys k with 2^(i-1) < k <= 2^i (nums[0]:
 * k = 1). The array part gets the largest power of 2, n, such that more
 * than n/2 of the keys 1..n are present; keys beyond it go to the hash. */

static unsigned int tab_countint(lua_Integer key, unsigned int *nums)
{
  lua_Unsigned k = l_castS2U(key);
  if (k - 1u < TAB_MAX_ASIZE) {
    nums[num_ceillog2((unsigned int)k)]++;
    return 1;
  }
  return 0;
}

/* Count the array's non-nil entries per slice (2^(lg-1), 2^lg]. */
static unsigned int tab_numusearray(const Table *t, unsigned int *nums)
{
  unsigned int total = 0;
  unsigned int i = 1;          /* traverses keys 1..asize */
  unsigned int limit = 1;      /* end of the current slice */
  for (int lg = 0; lg <= TAB_MAX_ABITS; lg++, limit *= 2) {
    unsigned int count = 0;
    unsigned int end = limit;
    if (end > t->asize) {
      end = t->asize;
      if (i > end)
        break;
    }
    for (; i <= end; i++)
      if (!ttisnil(&t->array[i - 1]))
        count++;
    nums[lg] += count;
    total += count;
  }
  return total;
}

/* Count the node's keys in *total and its integer keys in nums. */
static unsigned int tab_numusehash(const Table *t, unsigned int *nums,
                                   unsigned int *total)
{
  unsigned int ints = 0;
  unsigned int used = 0;
  if (tab_isdummy(t))
    return 0;
  for (unsigned int i = tab_sizenode(t); i-- > 0;) {
    const Node *n = &t->node[i];
    if (!ttisnil(node_val(n))) {
      if (node_keytt(n) == VT_INT)
        ints += tab_countint(node_keyval(n).i, nums);
      used++;
    }
  }
  *total += used;
  return ints;
}

/* From the counts, the array size and (in *pna) how many keys it takes. */
static unsigned int tab_computesizes(const unsigned int *nums,
                                     unsigned int *pna)
{
  unsigned int below = 0;      /* keys <= 2^i seen so far */
  unsigned int taken = 0;
  unsigned int best = 0;
  unsigned int twotoi = 1;
  for (int i = 0; twotoi > 0 && *pna > twotoi / 2; i++, twotoi *= 2) {
    below += nums[i];
    if (below > twotoi / 2) {
      best = twotoi;
      taken = below;
    }
  }
  *pna = taken;
  return best;
}

/* The hash part is full: resize both parts for the keys present plus
 * extrakey (about to be inserted). */
static void tab_rehash(lua_State *L, Table *t, const TValue *extrakey)
{
  unsigned int nums[TAB_MAX_ABITS + 1];
  memset(nums, 0, sizeof(nums));
  unsigned int na = tab_numusearray(t, nums);
  unsigned int total = na;
  na += tab_numusehash(t, nums, &total);
  if (ttisinteger(extrakey))
    na += tab_countint(val_(extrakey).i, nums);
  total++;
  unsigned int asize = tab_computesizes(nums, &na);
  tab_reshape(L, t, asize, total - na, 0);
}

/* Switch t to dictionary mode, with room for one more key. */
static void tab_todict(lua_State *L, Table *t)
{
  unsigned int nums[TAB_MAX_ABITS + 1];
  unsigned int total = 1;
  memset(nums, 0, sizeof(nums));
  tab_numusehash(t, nums, &total);
  for (uint32_t i = 0; i < tab_nslots(t); i++)
    if (!ttisnil(&t->slots[i]))
      total++;
  tab_reshape(L, t, t->asize, total, 1);
}

/* Growing the array of a table without a hash part moves no key between
 * the parts: tab_reshape without its bookkeeping (constructors, SETLIST). */
#define tab_cangrowarray(t, n) \
  (tab_isdummy(t) && (n) >= (t)->asize && (n) <= TAB_MAX_ASIZE)

static void tab_growarray(lua_State *L, Table *t, unsigned int asize)
{
  unsigned int old = t->asize;
  TValue *array = tab_reallocarray(L, t, asize, 0);
  for (unsigned int i = old; i < asize; i++)
    setnilvalue(&array[i]);
  t->array = array;
  t->asize = t->alimit = asize;
}

void tab_resize(lua_State *L, Table *t, unsigned int asize, unsigned int hsize)
{
  if (asize == t->asize && tab_isdummy(t) && t->shape != NULL &&
      t->shape->nslots == 0 &&
      hsize <= t->slotcap && hsize <= SHAPE_MAX_KEYS)
    return;                    /* tab_newsized made room for both already */
  if (t->shape != NULL && t->shape->nslots == 0 && hsize > 0) {
    if (hsize > SHAPE_MAX_KEYS) {
      tab_reshape(L, t, asize, hsize, 1);
      return;
    }
    if (hsize > t->slotcap) {
      t->slots = tab_reallocpart(L, t, t->slots, t->slotcap, hsize, 0);
      t->slotcap = (uint16_t)hsize;
    }
    if (asize != t->asize)
      tab_reshape(L, t, asize, tab_isdummy(t) ? 0 : tab_sizenode(t), 0);
    return;
  }
  if (hsize == 0 && tab_cangrowarray(t, asize)) {
    tab_growarray(L, t, asize);
    return;
  }
  tab_reshape(L, t, asize, hsize, 0);
}

void tab_resizearray(lua_State *L, Table *t, unsigned int asize)
{
  if (tab_cangrowarray(t, asize)) {
    tab_growarray(L, t, asize);
    return;
  }
  tab_reshape(L, t, asize, tab_isdummy(t) ? 0 : tab_sizenode(t), 0);
}

/* ------------------------------------------------------------------ */
/* Setting                                                             */
/* ------------------------------------------------------------------ */

/* Should a shaped table with this many slots become a dictionary instead
 * of growing? When half of its slots are nil it is being used as a map
 * (keys come and go), and new shapes would only pile up. */
static int tab_mostlyholes(const Table *t)
{
  uint32_t n = t->shape->nslots;
  if (n < SHAPE_LINEAR_MAX)
    return 0;
  uint32_t nils = 0;
  for (uint32_t i = 0; i < n; i++)
    nils += ttisnil(&t->slots[i]);
  return 2 * nils >= n;
}

static void tab_newkey(lua_State *L, Table *t, const TValue *key,
                       TValue *value);

/* Add a shaped field (key absent, value not nil). */
static void tab_newfield(lua_State *L, Table *t, TString *key, TValue *value)
{
  Shape *s = t->shape;
  if (s->nslots >= SHAPE_MAX_KEYS || tab_mostlyholes(t)) {
    TValue k;
    tab_todict(L, t);
    setsvalue(L, &k, key);
    tab_newkey(L, t, &k, value);
    return;
  }
  uint32_t n = s->nslots;
  if (n + 1 > t->slotcap) {
    uint32_t cap = t->slotcap < TAB_MIN_SLOTS ? TAB_MIN_SLOTS : 2 * t->slotcap;
    if (cap > SHAPE_MAX_KEYS)
      cap = SHAPE_MAX_KEYS;
    t->slots = tab_reallocpart(L, t, t->slots, t->slotcap, cap, 0);
    t->slotcap = (uint16_t)cap;
  }
  Shape *ns = shape_addkey(L, s, key);
  t->shape = ns;
  gc_objbarrier(L, t, ns);
  setobj2t(L, &t->slots[n], value);
  gc_barrierback(L, t, value);
}

/* Insert a key that t does not have. */
static void tab_newkey(lua_State *L, Table *t, const TValue *key,
                       TValue *value)
{
  TValue aux;
  if (CR_UNLIKELY(ttisnil(key)))
    debug_runerror(L, "table index is nil");
  if (ttisfloat(key)) {
    lua_Integer k;
    if (tab_flt2int(val_(key).n, &k)) {
      setivalue(&aux, k);
      key = &aux;
    } else if (CR_UNLIKELY(val_(key).n != val_(key).n)) {
      debug_runerror(L, "table index is NaN");
    }
  }
  if (ttisnil(value))
    return;                 /* absent and nil: nothing to store */
  if (ttisshrstring(key) && t->shape != NULL) {
    tab_newfield(L, t, tsvalue(key), value);
    return;
  }
  Node *n = tab_placekey(t, key);
  if (n == NULL) {
    tab_rehash(L, t, key);
    tab_set(L, t, key, value);  /* the key may now belong to the array */
    return;
  }
  gc_barrierback(L, t, key);
  setobj2t(L, node_val(n), value);
  gc_barrierback(L, t, value);
}

void tab_finishset(lua_State *L, Table *t, const TValue *key,
                   const TValue *slot, TValue *value)
{
  if (tab_isabsent(slot)) {
    tab_newkey(L, t, key, value);
  } else {
    setobj2t(L, (TValue *)slot, value);
    gc_barrierback(L, t, value);
  }
  tm_invalidatecache(t);
}

void tab_set(lua_State *L, Table *t, const TValue *key, TValue *value)
{
  tab_finishset(L, t, key, tab_get(t, key), value);
}

void tab_setint(lua_State *L, Table *t, lua_Integer key, TValue *value)
{
  const TValue *slot = tab_getint(t, key);
  if (tab_isabsent(slot)) {
    TValue k;
    setivalue(&k, key);
    tab_newkey(L, t, &k, value);
  } else {
    setobj2t(L, (TValue *)slot, value);
    gc_barrierback(L, t, value);
  }
}

/* ------------------------------------------------------------------ */
/* Traversal                                                           */
/* ------------------------------------------------------------------ */

/* Position just after key in the order array, slots, node (0 for nil). */
static unsigned int tab_findindex(lua_State *L, Table *t, const TValue *key)
{
  if (ttisnil(key))
    return 0;
  if (ttisinteger(key) && l_castS2U(val_(key).i) - 1u < t->asize)
    return (unsigned int)val_(key).i;
  uint32_t ns = tab_nslots(t);
  if (ttisshrstring(key) && t->shape != NULL) {
    int i = shape_lookup(t->shape, tsvalue(key));
    if (i >= 0)
      return t->asize + (unsigned int)i + 1;
  } else {
    const TValue *v = tab_getgeneric(t, key, 1);
    if (!tab_isabsent(v)) {
      const Node *n = (const Node *)v;  /* i_val is at offset 0 */
      return t->asize + ns + (unsigned int)(n - t->node) + 1;
    }
  }
  debug_runerror(L, "invalid key to 'next'");
}

int tab_next(lua_State *L, Table *t, StkId key)
{
  unsigned int i = tab_findindex(L, t, key);
  unsigned int asize = t->asize;
  for (; i < asize; i++) {
    if (!ttisnil(&t->array[i])) {
      setivalue(key, (lua_Integer)i + 1);
      setobj2s(L, key + 1, &t->array[i]);
      return 1;
    }
  }
  i -= asize;
  uint32_t ns = tab_nslots(t);
  for (; i < ns; i++) {
    if (!ttisnil(&t->slots[i])) {
      setsvalue(L, key, t->shape->keys[i]);
      setobj2s(L, key + 1, &t->slots[i]);
      return 1;
    }
  }
  i -= ns;
  unsigned int hsize = tab_sizenode(t);
  for (; i < hsize; i++) {
    Node *n = &t->node[i];
    if (!ttisnil(node_val(n))) {
      node_getkey(L, key, n);
      setobj2s(L, key + 1, node_val(n));
      return 1;
    }
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Border                                                              */
/* ------------------------------------------------------------------ */

/* A border in array[lo..hi): array[lo-1] present (or lo == 0) and
 * array[hi-1] absent. */
static unsigned int tab_binsearch(const TValue *array, unsigned int lo,
                                  unsigned int hi)
{
  while (hi - lo > 1u) {
    unsigned int m = (lo + hi) / 2;
    if (ttisnil(&array[m - 1]))
      hi = m;
    else
      lo = m;
  }
  return lo;
}

/* t[j] and t[j+1] are present and beyond the array: find some absent key
 * by doubling, then a border by bisection. */
static lua_Unsigned tab_hashsearch(Table *t, lua_Unsigned j)
{
  lua_Unsigned i;
  if (j == 0)
    j++;
  do {
    i = j;
    if (j <= l_castS2U(LUA_MAXINTEGER) / 2) {
      j *= 2;
    } else {
      j = LUA_MAXINTEGER;
      if (ttisnil(tab_getint(t, (lua_Integer)j)))
        break;
      return j;              /* every key up to maxinteger: it is a border */
    }
  } while (!ttisnil(tab_getint(t, (lua_Integer)j)));
  while (j - i > 1u) {
    lua_Unsigned m = (i + j) / 2;
    if (ttisnil(tab_getint(t, (lua_Integer)m)))
      j = m;
    else
      i = m;
  }
  return i;
}

/* lua5.4's power-of-2 test (0 counts as one). */
#define tab_ispow2(x) ((((x) - 1) & (x)) == 0)

/*
 * The border search starts at the hint `alimit` and moves it, exactly as
 * lua5.4 does, so that `#` picks the same border when there are several.
 * The hint may only take values lua5.4 could represent: when the array
 * size is a power of 2 and the hint is not (lua5.4 derives the real size
 * from the hint in that case).
 */
lua_Unsigned tab_getn(Table *t)
{
  unsigned int limit = t->alimit;
  if (limit > 0 && ttisnil(&t->array[limit - 1])) {
    /* There is a border before limit. */
    if (limit >= 2 && !ttisnil(&t->array[limit - 2])) {
      if (tab_ispow2(t->asize) && !tab_ispow2(limit - 1))
        t->alimit = limit - 1;
      return limit - 1;
    }
    unsigned int border = tab_binsearch(t->array, 0, limit);
    if (tab_ispow2(t->asize) && border > t->asize / 2)
      t->alimit = border;
    return border;
  }
  if (limit != t->asize) {
    /* limit is 0 or present: try limit + 1, then the real end. */
    if (ttisnil(&t->array[limit]))
      return limit;
    limit = t->asize;
    if (ttisnil(&t->array[limit - 1])) {
      unsigned int border = tab_binsearch(t->array, t->alimit, limit);
      t->alimit = border;
      return border;
    }
    t->alimit = limit;
  }
  if (tab_isdummy(t) || ttisnil(tab_getint(t, (lua_Integer)limit + 1)))
    return limit;
  return tab_hashsearch(t, limit);
}
