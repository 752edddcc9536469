/*
 * grow.c — doubling growth with lua5.4's limits and messages (grow.h).
 */
#include "front/grow.h"
#include "gc/mem.h"
#include "vm/debuginfo.h"

#define GROW_MIN_SIZE 4

void *grow_array(lua_State *L, void *block, int n, int *size,
                 size_t elemsize, int limit, const char *what) {
  int oldsize = *size, newsize;
  if (n + 1 <= oldsize)
    return block;
  if (oldsize >= limit / 2) {
    if (oldsize >= limit)
      debug_runerror(L, "too many %s (limit is %d)", what, limit);
    newsize = limit;
  }
  else {
    newsize = oldsize * 2;
    if (newsize < GROW_MIN_SIZE)
      newsize = GROW_MIN_SIZE;
    if (newsize > limit)              /* the loader's limits are exact counts */
      newsize = limit;
  }
  if ((size_t)newsize > SIZE_MAX / elemsize)
    debug_runerror(L, "memory allocation error: block too big");
  block = mem_realloc(L, block, (size_t)oldsize * elemsize,
                      (size_t)newsize * elemsize);
  *size = newsize;
  return block;
}

void *grow_shrink(lua_State *L, void *block, int *size, int final,
                  size_t elemsize) {
  if (final == *size)
    return block;
  block = mem_realloc(L, block, (size_t)*size * elemsize,
                      (size_t)final * elemsize);
  *size = final;
  return block;
}
