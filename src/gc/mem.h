/*
 * mem.h — every allocation of the engine goes through here.
 *
 * One funnel (mem_realloc) calls the state's lua_Alloc, keeps the byte count
 * that collectgarbage("count") reports and the debt that paces the collector
 * (see gc/gc.h), and turns a failed allocation into an emergency full
 * collection, one retry, and then a LUA_ERRMEM error. Freeing never fails
 * and never runs the collector.
 */
#ifndef CRESCENT_MEM_H
#define CRESCENT_MEM_H

#include "obj/object.h"

/* Largest size a single allocation may have: sizes are size_t, but element
 * counts are often int, so vectors are also limited to INT_MAX elements. */
#define MEM_MAX_SIZE  (sizeof(size_t) < sizeof(lua_Integer) ? SIZE_MAX \
                       : (size_t)LUA_MAXINTEGER)

/* Resize `block` from osize to nsize bytes (block NULL: allocate; nsize 0:
 * free, returns NULL). Raises LUA_ERRMEM when memory stays unavailable after
 * an emergency collection. */
void *mem_realloc(lua_State *L, void *block, size_t osize, size_t nsize);
/* Like mem_realloc, but returns NULL instead of raising (still tries an
 * emergency collection first). */
void *mem_saferealloc(lua_State *L, void *block, size_t osize, size_t nsize);
void *mem_alloc(lua_State *L, size_t size);
/* Allocate a new object's block: like mem_alloc, but lua_Alloc sees the
 * object's tag as osize, as the manual says for new blocks. */
void *mem_newobject(lua_State *L, int tag, size_t size);
void mem_free(lua_State *L, void *block, size_t osize);
/* "memory allocation error: block too big" (a Lua error, not LUA_ERRMEM). */
CR_NORETURN void mem_toobig(lua_State *L);

/* Grow a vector that is being filled one element at a time (parser arrays):
 * ensures room for element number `nelems` (0-based), doubling the size, but
 * never beyond `limit` elements ("too many <what> (limit is <limit>)"). */
void *mem_growaux(lua_State *L, void *block, int nelems, int *psize,
                  int elemsize, int limit, const char *what);
/* Shrink a vector to its final size (final <= *psize). */
void *mem_shrinkaux(lua_State *L, void *block, int *psize, int final,
                    int elemsize);

/* Element counts are checked against overflow of n * sizeof(t). */
#define mem_checksize(L, n, t) \
  ((size_t)(n) > MEM_MAX_SIZE / sizeof(t) ? mem_toobig(L) : (void)0)

#define mem_new(L, t)              ((t *)mem_alloc(L, sizeof(t)))
#define mem_delete(L, b)           mem_free(L, (b), sizeof(*(b)))
#define mem_newvector(L, n, t) \
  (mem_checksize(L, n, t), (t *)mem_alloc(L, (size_t)(n) * sizeof(t)))
#define mem_reallocvector(L, v, oldn, n, t) \
  (mem_checksize(L, n, t), \
   (t *)mem_realloc(L, v, (size_t)(oldn) * sizeof(t), (size_t)(n) * sizeof(t)))
#define mem_freearray(L, b, n)     mem_free(L, (b), (size_t)(n) * sizeof(*(b)))
#define mem_growvector(L, v, nelems, size, t, limit, what) \
  ((v) = (t *)mem_growaux(L, v, nelems, &(size), sizeof(t), limit, what))
#define mem_shrinkvector(L, v, size, final, t) \
  ((v) = (t *)mem_shrinkaux(L, v, &(size), final, sizeof(t)))

#endif
