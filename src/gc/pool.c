/*
 * pool.c — luaL_newstate's allocator: free lists by size class for blocks
 * of up to POOL_MAX bytes, malloc for bigger ones (see pool.h for why).
 *
 * A class holds blocks of one size, a multiple of POOL_GRAIN (16, so that
 * every block keeps malloc's alignment: userdata blocks rely on it). Its
 * free list is a stack threaded through the free blocks. An empty list is
 * refilled one block at a time from the current chunk (a bump pointer),
 * then by cutting a free block of a bigger class, then from a new chunk
 * (from malloc). Freeing never merges blocks: when the lists hold much
 * memory that cannot serve the sizes asked for (a program dropped many
 * blocks of one size, then makes another size), pool_sort merges
 * adjacent free blocks and gives chunks without live blocks back.
 *
 * The pool counts its live blocks; after pool_arm, the free of the last
 * one (lua_close frees the state's own block last) frees the pool.
 *
 * Test builds (CRESCENT_ASSERT) put the size of every block in a 16-byte
 * header and check the old size lua_Alloc is told against it: the pool
 * trusts those sizes, and a wrong one would corrupt a free list silently.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/common.h"
#include "gc/pool.h"

enum {
  /* A chunk: big enough that malloc maps it by itself (and the 64 bytes
   * off leave room for malloc's header within the last page). */
  POOL_CHUNK = 256 * 1024 - 64,
};

/* Grains of a chunk; grain 0 holds the link to the next chunk. */
#define POOL_GRAINS ((size_t)POOL_CHUNK / POOL_GRAIN)

Pool *pool_new(void)
{
  Pool *p = (Pool *)calloc(1, sizeof(Pool));
  return p;
}

void pool_delete(Pool *p)
{
  void *c = p->chunks;
  while (c != NULL) {
    void *next = *(void **)c;
    free(c);
    c = next;
  }
  free(p);
}

void pool_arm(Pool *p)
{
  p->armed = 1;
}


/* Free bytes [b, b + n) (n a multiple of the grain) as free blocks: as
 * big as possible, the rest as one smaller block. */
static void pool_pushrun(Pool *p, char *b, size_t n)
{
  for (; n >= POOL_MAX; b += POOL_MAX, n -= POOL_MAX)
    pool_push(p, POOL_NCLASS - 1, b);
  if (n > 0)
    pool_push(p, pool_class(n), b);
}

static int pool_cmpaddr(const void *a, const void *b)
{
  uintptr_t x = (uintptr_t)*(void *const *)a;
  uintptr_t y = (uintptr_t)*(void *const *)b;
  return x < y ? -1 : x > y;
}

/*
 * Sorting out the free lists, when they hold much memory but not of the
 * sizes asked for (a program dropped many blocks of one size, then makes
 * blocks of another). Every free block is marked in a bitmap of its
 * chunk's grains (with the unused end of the current chunk); chunks with
 * no live block go back to malloc; in the others, each run of adjacent
 * free grains becomes blocks of POOL_MAX bytes (and one smaller block),
 * which pool_split cuts to the sizes asked for. Needs memory for the
 * bitmaps (1/128 of the chunks): without it, nothing is done.
 */
static void pool_sort(Pool *p)
{
  size_t n = p->nchunks;
  size_t words = (POOL_GRAINS + 63) / 64;
  char **chunks = (char **)malloc(n * sizeof(char *));
  uint64_t *bits = (uint64_t *)calloc(n * words, sizeof(uint64_t));
  if (chunks == NULL || bits == NULL) {
    free(chunks);
    free(bits);
    return;
  }
  size_t i = 0;
  for (void *c = p->chunks; c != NULL; c = *(void **)c)
    chunks[i++] = (char *)c;
  qsort(chunks, n, sizeof(char *), pool_cmpaddr);
  /* The unused end of the current chunk is free too. */
  size_t rest = (size_t)(p->end - p->bump);
  if (rest > 0)
    pool_pushrun(p, p->bump, rest);
  p->bump = p->end = NULL;
  for (size_t c = 0; c < POOL_NCLASS; c++) {
    for (PoolFree *f = p->free[c]; f != NULL; f = f->next) {
      size_t lo = 0, hi = n;         /* the last chunk at or below f */
      while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if ((uintptr_t)chunks[mid] <= (uintptr_t)f)
          lo = mid;
        else
          hi = mid;
      }
      size_t g = (size_t)((char *)f - chunks[lo]) / POOL_GRAIN;
      uint64_t *w = bits + lo * words;
      for (size_t k = g; k <= g + c; k++)
        w[k / 64] |= (uint64_t)1 << (k % 64);
    }
    p->free[c] = NULL;
  }
  p->freebytes = 0;
  p->chunks = NULL;
  size_t kept = 0;
  for (i = n; i-- > 0;) {            /* rebuilt lowest address first */
    uint64_t *w = bits + i * words;
    size_t nfree = 0;                 /* grain 0 is the chunk's link */
    for (size_t j = 0; j < words; j++)
      nfree += (size_t)__builtin_popcountll(w[j]);
    if (nfree == POOL_GRAINS - 1) {   /* nothing live: give it back */
      free(chunks[i]);
      continue;
    }
    for (size_t k = 1; k < POOL_GRAINS;) {
      if (!(w[k / 64] >> (k % 64) & 1)) {
        k++;
        continue;
      }
      size_t start = k;
      while (k < POOL_GRAINS && (w[k / 64] >> (k % 64) & 1))
        k++;
      pool_pushrun(p, chunks[i] + start * POOL_GRAIN,
                   (k - start) * POOL_GRAIN);
    }
    *(void **)chunks[i] = p->chunks;
    p->chunks = chunks[i];
    kept++;
  }
  p->nchunks = kept;
  p->sortedat = kept;
  free(chunks);
  free(bits);
}

/* A block of class c cut from a free block of a bigger class, or NULL. */
static void *pool_split(Pool *p, size_t c)
{
  for (size_t big = c + 1; big < POOL_NCLASS; big++) {
    if (p->free[big] != NULL) {
      char *f = (char *)pool_pop(p, big);
      pool_push(p, big - c - 1, f + (c + 1) * POOL_GRAIN);
      return f;
    }
  }
  return NULL;
}

/* A block of class c when its free list is empty: from the current
 * chunk, from a bigger free block, or from a new chunk. */
static CR_NOINLINE void *pool_carve(Pool *p, size_t c)
{
  size_t size = (c + 1) * POOL_GRAIN;
  void *b;
  if ((size_t)(p->end - p->bump) < size) {
    b = pool_split(p, c);
    if (b != NULL)
      return b;
    /* Much free memory, none of it usable: sort the lists out, at most
     * once per 25% growth of the chunks (its cost is in proportion to
     * them, so it stays a constant share of the allocation). */
    if (p->nchunks >= 4 && p->freebytes >= p->nchunks * (POOL_CHUNK / 4) &&
        p->nchunks >= p->sortedat + p->sortedat / 4) {
      pool_sort(p);
      if (p->free[c] != NULL)
        return pool_pop(p, c);
      b = pool_split(p, c);
      if (b != NULL)
        return b;
    }
    char *chunk = (char *)malloc(POOL_CHUNK);
    if (chunk == NULL)
      return NULL;
    /* What is left of the old chunk (a multiple of the grain) becomes a
     * free block of its own size. */
    size_t rest = (size_t)(p->end - p->bump);
    if (rest >= POOL_GRAIN)
      pool_push(p, pool_class(rest), p->bump);
    *(void **)chunk = p->chunks;
    p->chunks = chunk;
    p->nchunks++;
    p->bump = chunk + POOL_GRAIN;  /* the first grain holds the link */
    p->end = chunk + POOL_GRAINS * POOL_GRAIN;
  }
  b = p->bump;
  p->bump += size;
  return b;
}

/* A new block of n > 0 bytes (not counted in live), or NULL. */
static inline void *pool_get(Pool *p, size_t n)
{
  if (!CRESCENT_POOL || n > POOL_MAX)
    return malloc(n);
  size_t c = pool_class(n);
  PoolFree *f = p->free[c];
  if (CR_LIKELY(f != NULL)) {
    /* A free block is usually cold (freed by a sweep long ago): start
     * loading the next one, which the next allocation of this size
     * takes, and which its caller is about to write. */
    __builtin_prefetch(f->next, 1);
    return pool_pop(p, c);
  }
  return pool_carve(p, c);
}

/* Give back block b of n > 0 bytes (not counted in live). */
static inline void pool_put(Pool *p, void *b, size_t n)
{
  if (!CRESCENT_POOL || n > POOL_MAX)
    free(b);
  else
    pool_push(p, pool_class(n), b);
}

/* Resize block b from o > 0 to n > 0 bytes. */
static CR_NOINLINE void *pool_resize(Pool *p, void *b, size_t o, size_t n)
{
  if (!CRESCENT_POOL || (o > POOL_MAX && n > POOL_MAX))
    return realloc(b, n);
  if (o <= POOL_MAX && n <= POOL_MAX && pool_class(o) == pool_class(n))
    return b;
  void *nb = pool_get(p, n);
  if (nb == NULL) {
    /* Lua relies on shrinking never failing: keep the bigger block. It
     * serves as a block of n's class from now on (big enough for it);
     * one that came from malloc is then never given back to it, a leak
     * only after malloc has failed. */
    return n <= o ? b : NULL;
  }
  memcpy(nb, b, o < n ? o : n);
  pool_put(p, b, o);
  return nb;
}

/* The paths of lua_Alloc that call out (malloc, free, carving a chunk):
 * out of line and reached by tail calls, so that the common cases in
 * pool_alloc_ (a block pushed on or popped off its free list) need no
 * stack frame. */
static CR_NOINLINE void *pool_freeslow(Pool *p, void *b, size_t n)
{
  pool_put(p, b, n);
  if (p->live == 0 && p->armed)
    pool_delete(p);                /* the state's last block */
  return NULL;
}

/* A new block when its free list is empty or it is too big for the pool
 * (counted in live already: undone when there is none). */
static CR_NOINLINE void *pool_getslow(Pool *p, size_t n)
{
  void *b = (!CRESCENT_POOL || n > POOL_MAX) ? malloc(n)
                                             : pool_carve(p, pool_class(n));
  if (b == NULL)
    p->live--;
  return b;
}

/* lua_Alloc without the test builds' size check. */
static inline void *pool_alloc_(Pool *p, void *ptr, size_t osize,
                                size_t nsize)
{
  if (nsize == 0) {
    if (ptr == NULL)
      return NULL;
    if (CR_LIKELY(pool_give(p, ptr, osize)))
      return NULL;
    p->live--;
    return pool_freeslow(p, ptr, osize);
  }
  if (ptr != NULL)
    return pool_resize(p, ptr, osize, nsize);
  /* (osize is a type tag here) */
  void *b = pool_take(p, nsize);
  if (CR_LIKELY(b != NULL))
    return b;
  p->live++;
  return pool_getslow(p, nsize);
}

#if POOL_CHECK

#define POOL_MAGIC ((size_t)0x43524553u)   /* a live block's header */
#define POOL_HEADER (2 * sizeof(size_t))   /* keeps 16-byte alignment */

static void pool_fail(const char *what, size_t have, size_t told)
{
  fprintf(stderr, "crescent pool: %s (block of %zu bytes, lua_Alloc told "
          "%zu)\n", what, have, told);
  abort();
}

void *pool_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
  Pool *p = (Pool *)ud;
  if (ptr != NULL) {
    size_t *h = (size_t *)ptr - 2;
    if (h[1] != POOL_MAGIC)
      pool_fail("not a live block", h[0], osize);
    if (h[0] != osize)
      pool_fail("wrong old size", h[0], osize);
    if (nsize == 0)
      h[1] = 0;                      /* a second free is caught */
    ptr = h;
    osize += POOL_HEADER;
  }
  if (nsize == 0) {
    pool_alloc_(p, ptr, osize, 0);
    return NULL;
  }
  size_t *h = (size_t *)pool_alloc_(p, ptr, osize, nsize + POOL_HEADER);
  if (h == NULL)
    return NULL;
  h[0] = nsize;
  h[1] = POOL_MAGIC;
  return h + 2;
}

#else

void *pool_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
  return pool_alloc_((Pool *)ud, ptr, osize, nsize);
}

#endif
