/*
 * pool.h — the default lua_Alloc of luaL_newstate: size-class free lists
 * for small blocks, the C heap for the rest.
 *
 * Lua objects are mostly 32-128 bytes and die in bursts (a sweep frees
 * thousands at once), which is where malloc spends its time: its per-size
 * caches are short, so a sweep's frees overflow into its general bins and
 * the next allocations pay to take them back. lua_Alloc is told the old
 * size of every block it frees or resizes, so a pool needs no headers:
 * the size picks the class, the free list is a stack threaded through the
 * free blocks themselves. Memory of the classes is carved from big chunks
 * and given back only when the state is closed (when the last block is
 * freed); see docs/gc.md, "Objects and allocation".
 *
 * Only for luaL_newstate's states; lua_newstate users bring their own
 * allocator. With AddressSanitizer the pool is off (every block comes
 * from malloc) so that use-after-free of objects stays visible.
 */
#ifndef CRESCENT_POOL_H
#define CRESCENT_POOL_H

#include <stddef.h>

#include "core/common.h"

/* With AddressSanitizer every block comes from malloc, so that a freed
 * object stays poisoned (a pooled one would be reused at once, unseen).
 * -DCRESCENT_POOL=0 does the same in any build (e.g. for valgrind). */
#ifndef CRESCENT_POOL
#if defined(__SANITIZE_ADDRESS__)
#define CRESCENT_POOL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CRESCENT_POOL 0
#endif
#endif
#endif
#ifndef CRESCENT_POOL
#define CRESCENT_POOL 1
#endif

/* Test builds give every block a header that checks the sizes lua_Alloc
 * is told (pool.c). */
#if defined(CRESCENT_ASSERT) && CRESCENT_ASSERT
#define POOL_CHECK 1
#else
#define POOL_CHECK 0
#endif

/* Blocks of up to POOL_MAX bytes come from the size classes, multiples
 * of POOL_GRAIN (pool.c); bigger ones from malloc. */
enum { POOL_GRAIN = 16, POOL_MAX = 512, POOL_NCLASS = POOL_MAX / POOL_GRAIN };

typedef struct PoolFree { struct PoolFree *next; } PoolFree;

/* In the header for pool_take and pool_give, which the allocation funnel
 * (mem.c) inlines; everything else about pools is pool.c's. */
typedef struct Pool {
  PoolFree *free[POOL_NCLASS];   /* [c]: free blocks of (c+1)*GRAIN bytes */
  char *bump, *end;              /* the unused part of the current chunk */
  void *chunks;                  /* every chunk, linked by its first word */
  size_t nchunks;
  size_t freebytes;              /* bytes in the free lists */
  size_t sortedat;               /* nchunks after the last pool_sort */
  size_t live;                   /* blocks handed out and not freed */
  int armed;
} Pool;

/* A new, empty pool, or NULL when out of memory. */
Pool *pool_new(void);
/* The lua_Alloc over a pool (ud is the Pool). Once pool_arm has been
 * called, freeing the last live block also frees the pool itself. */
void *pool_alloc(void *ud, void *ptr, size_t osize, size_t nsize);
/* The state is built: destroy the pool with its last block. */
void pool_arm(Pool *p);
/* Free a pool that was never armed (its state could not be built). */
void pool_delete(Pool *p);

/* Class of a block of n bytes (1 <= n <= POOL_MAX). */
static inline size_t pool_class(size_t n)
{
  return (n - 1) / POOL_GRAIN;
}

static inline void pool_push(Pool *p, size_t c, void *b)
{
  PoolFree *f = (PoolFree *)b;
  f->next = p->free[c];
  p->free[c] = f;
  p->freebytes += (c + 1) * POOL_GRAIN;
}

/* Take a block off the (non-empty) free list of class c. */
static inline void *pool_pop(Pool *p, size_t c)
{
  PoolFree *f = p->free[c];
  p->free[c] = f->next;
  p->freebytes -= (c + 1) * POOL_GRAIN;
  return f;
}

/* pool_alloc(p, NULL, tag, n) when a free block of n's class is at hand,
 * else NULL (then pool_alloc itself must be called). Never with the test
 * builds' headers. */
static inline void *pool_take(Pool *p, size_t n)
{
  if (!CRESCENT_POOL || n > POOL_MAX)
    return NULL;
  size_t c = pool_class(n);
  PoolFree *f = p->free[c];
  if (CR_UNLIKELY(f == NULL))
    return NULL;
  /* A free block is usually cold (freed by a sweep long ago): start
   * loading the next one, which the next allocation of this size takes,
   * and which its caller is about to write. */
  __builtin_prefetch(f->next, 1);
  p->free[c] = f->next;
  p->freebytes -= (c + 1) * POOL_GRAIN;
  p->live++;
  return f;
}

/* pool_alloc(p, b, n, 0) when it is a plain push on a free list (not the
 * state's last block, not a malloc block): returns whether it was done. */
static inline int pool_give(Pool *p, void *b, size_t n)
{
  if (!CRESCENT_POOL || n > POOL_MAX || p->live <= 1)
    return 0;
  p->live--;
  pool_push(p, pool_class(n), b);
  return 1;
}

/* Can the allocation funnel use pool_take and pool_give for this
 * lua_Alloc? (the pool's own, without test headers) */
#define pool_inlinable(f) (!POOL_CHECK && CRESCENT_POOL && (f) == pool_alloc)

#endif
