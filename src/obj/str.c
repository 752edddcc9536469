/*
 * str.c — string objects, the interning table for short strings, the
 * seeded hash, and the pointer-keyed cache behind str_newz.
 *
 * String table invariant: every live short string is in exactly one chain,
 * tb->hash[hash & (size - 1)], and tb->nuse counts them. The sweep removes
 * dead ones (str_remove) before freeing them, so a chain never holds a
 * freed string.
 *
 * Chain links are tagged (str_Link): a bucket head or an hnext field holds
 * the next string's address with the top 8 bits of that string's hash in
 * the address's unused top byte (x86-64 only) and, in bit 0, whether that
 * string is the last of its chain. Interning a new string is mostly a miss,
 * and a miss then reads only the bucket for the common chains of zero or
 * one strings: the strings themselves are cold, and a tag that differs
 * rules one out without loading it. Only str.c ever sees the links.
 */
#include <string.h>

#include "obj/str.h"
#include "gc/gc.h"
#include "gc/mem.h"

/* Initial number of buckets; a power of 2 (bucket = hash & (size - 1)).
 * 128 holds the reserved words, metamethod names and library names of a
 * fresh state without a resize. */
#define STR_MIN_TABLE 128

#define STR_CACHE_ROWS ((int)(sizeof(((global_State *)0)->strcache) / \
                              sizeof(((global_State *)0)->strcache[0])))
#define STR_CACHE_COLS ((int)(sizeof(((global_State *)0)->strcache[0]) / \
                              sizeof(TString *)))

/* ------------------------------------------------------------------ */
/* Hashing                                                             */
/* ------------------------------------------------------------------ */

/* Multiplicative mixing of 8 bytes at a time: short strings are hashed on
 * every interning, so the loop must be cheap; the seed (random per state)
 * keeps collision sets unpredictable from outside. */
#define STR_MUL1 0x9E3779B97F4A7C15ull
#define STR_MUL2 0xD6E8FEB86659FD93ull

static inline uint64_t str_mix(uint64_t h, uint64_t w)
{
  h = (h ^ w) * STR_MUL1;
  return h ^ (h >> 32);
}

uint32_t str_hash(const char *s, size_t len, uint32_t seed)
{
  uint64_t h = (((uint64_t)seed << 32) | seed) ^ ((uint64_t)len * STR_MUL2);
  size_t rest = len;
  const char *p = s;
  while (rest >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = str_mix(h, w);
    p += 8;
    rest -= 8;
  }
  if (rest > 0) {
    /* The last 1..7 bytes with fixed-size loads only (a variable-length
     * memcpy is a library call): a word ending at the string's end when
     * there is one, else two overlapping halves, else three bytes. Each
     * covers every remaining byte: strings of one length that differ
     * still give different words. */
    uint64_t w;
    if (len >= 8) {
      memcpy(&w, s + len - 8, 8);
    } else if (rest >= 4) {
      uint32_t lo, hi;
      memcpy(&lo, p, 4);
      memcpy(&hi, p + rest - 4, 4);
      w = lo | ((uint64_t)hi << 32);
    } else {
      const unsigned char *u = (const unsigned char *)p;
      w = u[0] | ((uint64_t)u[rest >> 1] << 8) | ((uint64_t)u[rest - 1] << 16);
    }
    h = str_mix(h, w ^ ((uint64_t)rest << 59));
  }
  h *= STR_MUL2;
  return (uint32_t)(h ^ (h >> 29) ^ (h >> 47));
}

uint32_t str_hashlong(TString *ts)
{
  cr_assert(ts->tt == VT_LNGSTR, "long string");
  if (ts->extra == 0) {
    ts->hash = str_hash(getstr(ts), ts->len, ts->hash);
    ts->extra = 1;
  }
  return ts->hash;
}

/* ------------------------------------------------------------------ */
/* Equality                                                            */
/* ------------------------------------------------------------------ */

int str_eqlng(TString *a, TString *b)
{
  cr_assert(a->tt == VT_LNGSTR && b->tt == VT_LNGSTR, "long strings");
  return a == b ||
         (a->len == b->len && memcmp(getstr(a), getstr(b), a->len) == 0);
}

int str_eq(TString *a, TString *b)
{
  if (a->tt != b->tt)
    return 0;
  return a->tt == VT_SHRSTR ? str_eqshr(a, b) : str_eqlng(a, b);
}

/* ------------------------------------------------------------------ */
/* The string table                                                    */
/* ------------------------------------------------------------------ */

/* A tagged chain link (see the header comment); 0 is the end of a chain
 * (an empty bucket), and every other link has its target's tag and
 * STR_LAST set exactly when the target's own hnext is 0. */
typedef uintptr_t str_Link;
#define STR_LAST ((uintptr_t)1)
#if defined(__x86_64__)
/* User-space addresses stay below 2^56 even with 5-level paging. */
#define STR_TAGSHIFT 56
#define STR_TAGMASK (~(uintptr_t)0 << STR_TAGSHIFT)
#define str_tag(h) ((uintptr_t)((h) >> 24) << STR_TAGSHIFT)
#else
#define STR_TAGMASK ((uintptr_t)0)
#define str_tag(h) ((uintptr_t)0)
#endif
#define str_linkptr(l) ((TString *)((l) & ~(STR_TAGMASK | STR_LAST)))
#define str_getlink(p) ((str_Link)*(p))
#define str_setlink(p, l) (*(p) = (TString *)(l))

/* Make ts the head of the chain whose head link is at *head. */
static inline void str_pushchain(TString **head, TString *ts)
{
  str_Link old = str_getlink(head);
  cr_assert(((uintptr_t)ts & (STR_TAGMASK | STR_LAST)) == 0,
            "string address has room for the tag");
  str_setlink(&ts->hnext, old);
  str_setlink(head, (uintptr_t)ts | str_tag(ts->hash) | (old == 0));
}

/* How many buckets ahead str_rehash prefetches: every string it moves is
 * a cache miss (the vector is walked in order, the strings are not), and
 * a few in flight at once hide most of their latency. */
#define STR_REHASH_PREFETCH 16

/* Put every string of buckets [0, osize) of vect into its bucket for a
 * table of nsize buckets (both parts of the vector must exist). A bucket
 * is emptied before its strings are placed again, so strings that moved
 * to a bucket not visited yet are simply placed there once more. */
static void str_rehash(TString **vect, int osize, int nsize)
{
  uint32_t mask = (uint32_t)(nsize - 1);
  for (int i = 0; i < osize; i++) {
    if (i + STR_REHASH_PREFETCH < osize)  /* a hint: any address will do */
      __builtin_prefetch(str_linkptr(str_getlink(&vect[i + STR_REHASH_PREFETCH])));
    str_Link l = str_getlink(&vect[i]);
    vect[i] = NULL;
    while (l != 0) {
      TString *ts = str_linkptr(l);
      l = str_getlink(&ts->hnext);
      str_pushchain(&vect[ts->hash & mask], ts);
    }
  }
}

/* The vector is resized in place (realloc), so growing needs only the
 * added part to be available: near a memory limit that is the difference
 * between growing and failing. Failing is never an error here: chains
 * just get longer. Any allocation may run an emergency collection, which
 * removes strings through tb->hash and tb->size; both describe the
 * vector consistently whenever the allocator is called. */
void str_resize(lua_State *L, int nsize)
{
  stringtable *tb = &G(L)->strt;
  int osize = tb->size;
  cr_assert(nsize > 0 && (nsize & (nsize - 1)) == 0, "power of 2");
  if (nsize > osize) {
    TString **nh = mem_saferealloc(L, tb->hash, (size_t)osize * sizeof(TString *),
                                   (size_t)nsize * sizeof(TString *));
    if (nh == NULL)
      return;
    memset(nh + osize, 0, (size_t)(nsize - osize) * sizeof(TString *));
    str_rehash(nh, osize, nsize);
    tb->hash = nh;
    tb->size = nsize;
  } else if (nsize < osize) {
    str_rehash(tb->hash, osize, nsize);   /* everything into [0, nsize) */
    tb->size = nsize;
    TString **nh = mem_saferealloc(L, tb->hash, (size_t)osize * sizeof(TString *),
                                   (size_t)nsize * sizeof(TString *));
    if (nh == NULL) {                     /* keep the big vector */
      str_rehash(tb->hash, nsize, osize);
      tb->size = osize;
      return;
    }
    tb->hash = nh;
  }
}

void str_checksize(lua_State *L)
{
  stringtable *tb = &G(L)->strt;
  if (tb->nuse < tb->size / 4 && tb->size > STR_MIN_TABLE)
    str_resize(L, tb->size / 2);
}

int str_countchains(global_State *g)
{
  stringtable *tb = &g->strt;
  int count = 0;
  for (int i = 0; i < tb->size; i++) {
    for (str_Link l = str_getlink(&tb->hash[i]); l != 0;) {
      TString *ts = str_linkptr(l);
      str_Link next = str_getlink(&ts->hnext);
      if ((int)(ts->hash & (uint32_t)(tb->size - 1)) != i ||
          (l & STR_TAGMASK) != str_tag(ts->hash) ||
          ((l & STR_LAST) != 0) != (next == 0))
        return -1;
      count++;
      l = next;
    }
  }
  return count;
}

void str_remove(lua_State *L, TString *ts)
{
  global_State *g = G(L);
  stringtable *tb = &g->strt;
  /* lua_close's final sweep (collector stopped for closing, neither in a
   * finalizer nor in an emergency collection) frees every object and then
   * the vector: the chains are never read again, and unlinking each
   * string (a cache miss apiece) would be wasted. */
  if (g->gcstp == GCSTP_CLOSE && !g->gcemergency) {
    tb->nuse--;
    return;
  }
  TString **p = &tb->hash[ts->hash & (uint32_t)(tb->size - 1)];
  TString **pp = NULL;  /* the link to the string that holds p */
  while (str_linkptr(str_getlink(p)) != ts) {
    cr_assert(str_getlink(p) != 0, "string is in its chain");
    pp = p;
    p = &str_linkptr(str_getlink(p))->hnext;
  }
  str_Link next = str_getlink(&ts->hnext);
  str_setlink(p, next);
  if (next == 0 && pp != NULL)  /* its predecessor is now the last */
    str_setlink(pp, str_getlink(pp) | STR_LAST);
  tb->nuse--;
}

static TString *str_create(lua_State *L, size_t len, int tag, uint32_t h)
{
  TString *ts = (TString *)gc_newobj(L, tag, str_size(len));
  ts->extra = 0;
  ts->spare = 0;
  ts->hash = h;
  ts->len = len;
  ts->hnext = NULL;
  getstr(ts)[len] = '\0';
  return ts;
}

static void str_growtable(lua_State *L, stringtable *tb)
{
  if (CR_UNLIKELY(tb->nuse == INT_MAX)) {
    gc_fullgc(L, 1);
    if (tb->nuse == INT_MAX)
      mem_toobig(L);
  }
  if (tb->size <= INT_MAX / 2)
    str_resize(L, tb->size * 2);
}

/* Equal bytes? For short strings, without a library call: words, then
 * the last word again (overlapping) or the few bytes left. */
static inline int str_sameshort(const char *a, const char *b, size_t len)
{
  uint64_t x, y;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    memcpy(&x, a + i, 8);
    memcpy(&y, b + i, 8);
    if (x != y)
      return 0;
  }
  if (i == len)
    return 1;
  if (len >= 8) {
    memcpy(&x, a + len - 8, 8);
    memcpy(&y, b + len - 8, 8);
    return x == y;
  }
  /* 1..7 bytes: two overlapping halves, as str_hash reads them */
  uint32_t u, v, u2, v2;
  if (len >= 4) {
    memcpy(&u, a, 4);
    memcpy(&v, b, 4);
    memcpy(&u2, a + len - 4, 4);
    memcpy(&v2, b + len - 4, 4);
    return ((u ^ v) | (u2 ^ v2)) == 0;
  }
  for (; i < len; i++)
    if (a[i] != b[i])
      return 0;
  return 1;
}

static TString *str_intern(lua_State *L, const char *s, size_t len)
{
  global_State *g = G(L);
  stringtable *tb = &g->strt;
  uint32_t h = str_hash(s, len, g->seed);
  str_Link l = str_getlink(&tb->hash[h & (uint32_t)(tb->size - 1)]);
  uintptr_t tag = str_tag(h);
  while (l != 0) {
    TString *ts = str_linkptr(l);
    if ((l & STR_TAGMASK) == tag && ts->hash == h && ts->len == len &&
        str_sameshort(getstr(ts), s, len)) {
      if (gc_isdead(g, obj2gco(ts)))
        gc_changewhite(obj2gco(ts));
      return ts;
    }
    if (l & STR_LAST)  /* known to end here without loading ts */
      break;
    l = str_getlink(&ts->hnext);
  }
  if (tb->nuse >= tb->size)
    str_growtable(L, tb);
  TString *ts = str_create(L, len, VT_SHRSTR, h);
  memcpy(getstr(ts), s, len);
  /* The bucket is found after allocating: the allocation may have run an
   * emergency collection that changed the chains. */
  str_pushchain(&tb->hash[h & (uint32_t)(tb->size - 1)], ts);
  tb->nuse++;
  return ts;
}

TString *str_newlong(lua_State *L, size_t len)
{
  if (CR_UNLIKELY(len >= MEM_MAX_SIZE - sizeof(TString)))
    mem_toobig(L);
  return str_create(L, len, VT_LNGSTR, G(L)->seed);
}

TString *str_new(lua_State *L, const char *s, size_t len)
{
  if (len <= CR_MAX_SHORT_LEN)
    return str_intern(L, s, len);
  TString *ts = str_newlong(L, len);
  memcpy(getstr(ts), s, len);
  return ts;
}

/* ------------------------------------------------------------------ */
/* The C-string cache                                                  */
/* ------------------------------------------------------------------ */

TString *str_newz(lua_State *L, const char *s)
{
  unsigned row = (unsigned)((uintptr_t)s % (uintptr_t)STR_CACHE_ROWS);
  TString **entry = G(L)->strcache[row];
  for (int j = 0; j < STR_CACHE_COLS; j++) {
    if (strcmp(s, getstr(entry[j])) == 0)
      return entry[j];
  }
  TString *ts = str_new(L, s, strlen(s));
  for (int j = STR_CACHE_COLS - 1; j > 0; j--)
    entry[j] = entry[j - 1];
  entry[0] = ts;
  return ts;
}

void str_clearcache(global_State *g)
{
  for (int i = 0; i < STR_CACHE_ROWS; i++)
    for (int j = 0; j < STR_CACHE_COLS; j++)
      if (gc_unmarked(g, obj2gco(g->strcache[i][j])))  /* dying */
        g->strcache[i][j] = g->memerrmsg;   /* fixed: never collected */
}

void str_init(lua_State *L)
{
  global_State *g = G(L);
  g->strt.hash = mem_newvector(L, STR_MIN_TABLE, TString *);
  memset(g->strt.hash, 0, STR_MIN_TABLE * sizeof(TString *));
  g->strt.size = STR_MIN_TABLE;
  g->strt.nuse = 0;
  g->memerrmsg = str_newlit(L, STR_MEMERRMSG);
  gc_fix(L, obj2gco(g->memerrmsg));
  for (int i = 0; i < STR_CACHE_ROWS; i++)
    for (int j = 0; j < STR_CACHE_COLS; j++)
      g->strcache[i][j] = g->memerrmsg;
}
