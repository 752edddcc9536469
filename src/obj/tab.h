/*
 * tab.h — Lua tables: array part, shaped fields, hash part.
 *
 * Where a key lives (checked in this order):
 *   1. integer k with 1 <= k <= asize      -> array[k - 1]
 *   2. short string, table in shaped mode  -> slots[shape_lookup(shape, k)]
 *   3. anything else                       -> node (the hash part)
 * A table starts in shaped mode (shape = the root shape). It becomes a
 * dictionary (shape == NULL, short strings in the node like other keys) when
 * it would get more than SHAPE_MAX_KEYS shaped keys or when at least half of
 * its (>= SHAPE_LINEAR_MAX) slots hold nil as a new key arrives; it never
 * goes back. Invariant: in shaped mode no short-string key is in the node.
 *
 * Hash part: a chained scatter table with Brent's variation. Every key has
 * a main position (its hash modulo the size); a key that is not in its main
 * position got there because its main position was taken by a key that IS
 * in its own main position (the colliding key is moved out otherwise).
 * Chains are linked by relative offsets (Node.u.next). Free positions are
 * found by a `lastfree` pointer walking down (kept in the hash part's own
 * block, before the nodes); when none is left the table is rehashed
 * with sizes chosen as lua5.4 chooses them (the array part gets the largest
 * n such that more than n/2 of 1..n are used), which keeps `#` and the
 * array/hash split the same as lua5.4's.
 *
 * Border hint: `alimit` (<= asize) is lua5.4's alimit. `#` starts its
 * search there and moves it, and tab_getint moves it up when a key between
 * alimit and asize is used. Fast paths (interpreter, API) should index the
 * array directly only for k - 1 < alimit and call tab_getint otherwise,
 * exactly like lua5.4: then `#` of a table with holes returns the border
 * lua5.4 returns. (Indexing up to asize directly is safe, just not exact.)
 *
 * A key whose value is nil counts as absent. Node values are written only
 * with setobj (payload and tag), because a Node overlays its key fields on
 * the unused bytes of its value's TValue: never copy a TValue into a node
 * value by struct assignment.
 */
#ifndef CRESCENT_TAB_H
#define CRESCENT_TAB_H

#include "obj/object.h"
#include "obj/shape.h"

/* Array and hash sizes are powers of 2 below 2^31 ("table overflow"). */
#define TAB_MAX_ABITS 31
#define TAB_MAX_HBITS 30

struct Node {
  union {
    struct {
      Value value_;     /* the value (shares layout with i_val) */
      lu_byte tt_;
      lu_byte key_tt;   /* key tag, or NODE_DEADKEY */
      int next;         /* offset to the next node of the chain (0: end) */
      Value key_val;
    } u;
    TValue i_val;
  };
};
_Static_assert(sizeof(Node) == 24, "a node is 24 bytes");
_Static_assert(offsetof(Node, u.tt_) == offsetof(TValue, tt_),
               "node value overlays a TValue");

/* Tag of a key whose value was nil when the collector saw it: the key
 * object may be collected, but its pointer stays for `next` to compare. */
#define NODE_DEADKEY VT_COUNT

#define node_val(n)        (&(n)->i_val)
#define node_next(n)       ((n)->u.next)
#define node_keytt(n)      ((n)->u.key_tt)
#define node_keyval(n)     ((n)->u.key_val)
#define node_keyisnil(n)   (node_keytt(n) == VT_NIL)
#define node_keyisdead(n)  (node_keytt(n) == NODE_DEADKEY)
/* Live collectable keys (a dead key's object may be gone already). */
#define node_keyiscollectable(n) \
  (node_keytt(n) >= VT_SHRSTR && node_keytt(n) != NODE_DEADKEY)
#define node_keygc(n)      (node_keyval(n).gc)
#define node_setdeadkey(n) (node_keytt(n) = NODE_DEADKEY)
/* Copy a node's (live) key into a TValue. */
#define node_getkey(L, obj, n) \
  { TValue *io_ = (obj); const Node *n_ = (n); \
    io_->value_ = n_->u.key_val; settt_(io_, n_->u.key_tt); }

#define tab_sizenode(t)    (1u << (t)->lsizenode)
/* Tables without a hash part share one empty, read-only node. */
extern const Node tab_dummynode;
#define tab_isdummy(t)     ((t)->node == (Node *)&tab_dummynode)
#define tab_nslots(t)      ((t)->shape != NULL ? (t)->shape->nslots : 0u)

/* The node of unsigned n by lua5.4's placement of numbers (the remainder
 * by an odd number, see tab.c), and so the main position of integer key i
 * in t's hash part. */
#define tab_modpos(t, n)     (&(t)->node[(n) % ((tab_sizenode(t) - 1) | 1)])
#define tab_intmainpos(t, i) tab_modpos(t, l_castS2U(i))
/* The value of integer key `key` in t's hash part (its chain from the
 * main position), or NULL when it has none: tab_getint's search, inline
 * for the op bodies' fast paths. Only for keys outside the array part
 * (those are never in the hash part). */
#define tab_getint_hash(t, key) ({                                        \
    lua_Integer km_ = (key);                                              \
    const Node *nm_ = tab_intmainpos(t, km_);                             \
    const TValue *vm_;                                                    \
    for (;;) {                                                            \
      if (node_keytt(nm_) == VT_INT && node_keyval(nm_).i == km_) {       \
        vm_ = node_val(nm_);                                              \
        break;                                                            \
      }                                                                   \
      if (node_next(nm_) == 0) {                                          \
        vm_ = NULL;                                                       \
        break;                                                            \
      }                                                                   \
      nm_ += node_next(nm_);                                              \
    }                                                                     \
    vm_; })

/* The "absent" result of lookups: a nil at a known address, so that the
 * caller of tab_get can tell "no such key" from "key with nil value". */
extern const TValue tab_absentkey;
#define tab_isabsent(v)    ((v) == &tab_absentkey)

Table *tab_new(lua_State *L);
/* A new table with room for asize array values and hsize other keys (as
 * far as they fit in the table's own block: small parts are allocated
 * with it). The caller anchors it (e.g. on the stack) and then calls
 * tab_resize(L, t, asize, hsize), which allocates whatever did not fit
 * and returns at once when everything did. */
Table *tab_newsized(lua_State *L, unsigned int asize, unsigned int hsize);
void tab_free(lua_State *L, Table *t);
/* Bytes held by t (header and all parts), for accounting and debugging. */
size_t tab_memsize(const Table *t);

/* Presize a table (lua_createtable, NEWTABLE, SETLIST). asize: array part.
 * hsize: expected other keys; on a fresh shaped table they are taken to be
 * string fields (the slot vector is reserved, the node grows on demand),
 * and more than SHAPE_MAX_KEYS makes it a dictionary right away. */
void tab_resize(lua_State *L, Table *t, unsigned int asize, unsigned int hsize);
/* Resize the array part only (keys beyond it move to the node). */
void tab_resizearray(lua_State *L, Table *t, unsigned int asize);

/* Lookups: never NULL; &tab_absentkey when the key is not present. */
const TValue *tab_get(Table *t, const TValue *key);
const TValue *tab_getint(Table *t, lua_Integer key);
const TValue *tab_getshortstr(Table *t, TString *key);
const TValue *tab_getstr(Table *t, TString *key);

/* Raw set. Errors "table index is nil" / "table index is NaN" (lua5.4's
 * texts); floats with an integer value are stored as integers; a nil value
 * for an absent key stores nothing. These apply the write barrier and
 * clear t->tmcache. */
void tab_set(lua_State *L, Table *t, const TValue *key, TValue *value);
/* Set after a lookup: slot is what tab_get* returned for key. */
void tab_finishset(lua_State *L, Table *t, const TValue *key,
                   const TValue *slot, TValue *value);
void tab_setint(lua_State *L, Table *t, lua_Integer key, TValue *value);

/* Traversal: key (a stack slot) -> next key at key, its value at key + 1.
 * Order: array, shaped slots, node. Returns 0 after the last key; raises
 * "invalid key to 'next'" for a key the table does not have. */
int tab_next(lua_State *L, Table *t, StkId key);

/* A border of t (the length operator without __len). */
lua_Unsigned tab_getn(Table *t);

#endif
