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

typedef struct Pool Pool;

/* Blocks of up to POOL_MAX bytes come from the size classes, multiples
 * of POOL_GRAIN (pool.c); bigger ones from malloc. */
enum { POOL_GRAIN = 16, POOL_MAX = 512 };

/* A new, empty pool, or NULL when out of memory. */
Pool *pool_new(void);
/* The lua_Alloc over a pool (ud is the Pool). Once pool_arm has been
 * called, freeing the last live block also frees the pool itself. */
void *pool_alloc(void *ud, void *ptr, size_t osize, size_t nsize);
/* The state is built: destroy the pool with its last block. */
void pool_arm(Pool *p);
/* Free a pool that was never armed (its state could not be built). */
void pool_delete(Pool *p);

#endif
