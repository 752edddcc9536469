/*
 * mem.c — the allocation funnel: lua_Alloc calls, byte accounting and the
 * out-of-memory path (emergency collection, retry, LUA_ERRMEM).
 *
 * Accounting: g->totalbytes + g->GCdebt is always the number of bytes the
 * engine holds from lua_Alloc. Allocation only moves GCdebt, so the test
 * "is the collector behind?" stays one compare (gc_check).
 */
#include "gc/mem.h"
#include "gc/gc.h"
#include "gc/pool.h"
#include "obj/needs_vm.h"

/* A state is complete once lua_newstate has built everything; before that
 * g->nilvalue holds an integer, and an emergency collection must not run. */
#define state_complete(g) ttisnil(&(g)->nilvalue)

/* Vectors grown one element at a time start with this many slots. */
#define MEM_MIN_VECTOR 4

/* Allocation failed: collect everything we can and try once more. */
static void *mem_retry(lua_State *L, void *block, size_t osize, size_t nsize)
{
  global_State *g = G(L);
  if (!state_complete(g) || g->gcstopem)
    return NULL;
  gc_fullgc(L, 1);
  return g->frealloc(g->ud, block, osize, nsize);
}

/* Stress mode 2: every allocation may run the collector, so run it (an
 * emergency collection: no finalizers, no stack shrinking, as a real one).
 * Above GC_STRESS_HEAP bytes it runs once per heap/16 bytes allocated, so
 * that a deep recursion's huge stack does not make a test quadratic. */
static inline void mem_stress(lua_State *L, size_t nsize)
{
  global_State *g = G(L);
  if (gc_stressmode(g) == GC_STRESS_ALLOC && nsize > 0) {
    static lu_mem credit;           /* bytes since the last one (test build) */
    if (!state_complete(g) || g->gcstopem || g->gcemergency)
      return;
    lu_mem total = gc_totalbytes(g);
    credit += nsize;
    if (total <= GC_STRESS_HEAP || credit >= total / 16) {
      credit = 0;
      gc_fullgc(L, 1);
    }
  }
}

void *mem_saferealloc(lua_State *L, void *block, size_t osize, size_t nsize)
{
  global_State *g = G(L);
  mem_stress(L, nsize);
  void *nb = g->frealloc(g->ud, block, osize, nsize);
  if (CR_UNLIKELY(nb == NULL && nsize > 0)) {
    nb = mem_retry(L, block, osize, nsize);
    if (nb == NULL)
      return NULL;
  }
  g->GCdebt += (l_mem)nsize - (l_mem)osize;
  return nb;
}

void *mem_realloc(lua_State *L, void *block, size_t osize, size_t nsize)
{
  void *nb = mem_saferealloc(L, block, osize, nsize);
  if (CR_UNLIKELY(nb == NULL && nsize > 0))
    do_throw(L, LUA_ERRMEM);
  return nb;
}

void *mem_alloc(lua_State *L, size_t size)
{
  if (size == 0)
    return NULL;
  return mem_realloc(L, NULL, 0, size);
}

/* mem_newobject through lua_Alloc (out of line: the pool's inline case
 * then needs no stack frame). */
static CR_NOINLINE void *mem_newobject_call(lua_State *L, int tag, size_t size)
{
  global_State *g = G(L);
  /* lua_Alloc gets the Lua type (LUA_T*) of the new object, as lua5.4
   * passes it. */
  size_t kind = (size_t)value_basic_type[tag];
  void *nb = g->frealloc(g->ud, NULL, kind, size);
  if (CR_UNLIKELY(nb == NULL)) {
    nb = mem_retry(L, NULL, kind, size);
    if (nb == NULL)
      do_throw(L, LUA_ERRMEM);
  }
  g->GCdebt += (l_mem)size;
  return nb;
}

void *mem_newobject(lua_State *L, int tag, size_t size)
{
  global_State *g = G(L);
  mem_stress(L, size);
  /* luaL_newstate's pool: the free-list pop inline, no call */
  if (pool_inlinable(g->frealloc)) {
    void *b = pool_take((Pool *)g->ud, size);
    if (CR_LIKELY(b != NULL)) {
      g->GCdebt += (l_mem)size;
      return b;
    }
  }
  return mem_newobject_call(L, tag, size);
}

void mem_free(lua_State *L, void *block, size_t osize)
{
  global_State *g = G(L);
  if (block == NULL)
    return;
  /* the count first: the call is then a tail call (no stack frame) */
  g->GCdebt -= (l_mem)osize;
  if (pool_inlinable(g->frealloc) && pool_give((Pool *)g->ud, block, osize))
    return;
  g->frealloc(g->ud, block, osize, 0);
}

void mem_toobig(lua_State *L)
{
  debug_runerror(L, "memory allocation error: block too big");
}

void *mem_growaux(lua_State *L, void *block, int nelems, int *psize,
                  int elemsize, int limit, const char *what)
{
  int size = *psize;
  if (nelems + 1 <= size)
    return block;
  if (size >= limit / 2) {
    if (CR_UNLIKELY(size >= limit))
      debug_runerror(L, "too many %s (limit is %d)", what, limit);
    size = limit;
  } else {
    size *= 2;
    if (size < MEM_MIN_VECTOR)
      size = MEM_MIN_VECTOR;
  }
  if ((size_t)size > MEM_MAX_SIZE / (size_t)elemsize)
    mem_toobig(L);
  void *nb = mem_realloc(L, block, (size_t)*psize * (size_t)elemsize,
                         (size_t)size * (size_t)elemsize);
  *psize = size;
  return nb;
}

void *mem_shrinkaux(lua_State *L, void *block, int *psize, int final,
                    int elemsize)
{
  cr_assert(final <= *psize, "shrinking to a smaller size");
  if (final == *psize)
    return block;
  void *nb = mem_realloc(L, block, (size_t)*psize * (size_t)elemsize,
                         (size_t)final * (size_t)elemsize);
  *psize = final;
  return nb;
}
