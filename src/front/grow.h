/*
 * grow.h — growable arrays for the compiler and the binary loader.
 *
 * The prototype arrays (code, k, lineinfo, locvars, ...) and the parser's
 * dynamic lists grow by doubling while compiling and are trimmed to their
 * final length when a function is closed. Each growth has a limit that
 * comes from an encoding or from lua5.4 and fails with lua5.4's message
 * "too many <what> (limit is N)".
 */
#ifndef CRESCENT_GROW_H
#define CRESCENT_GROW_H

#include "core/common.h"

/* Makes room for element index n of an array of *size elements. */
void *grow_array(lua_State *L, void *block, int n, int *size,
                 size_t elemsize, int limit, const char *what);
/* Reallocates an array of *size elements to exactly final elements. */
void *grow_shrink(lua_State *L, void *block, int *size, int final,
                  size_t elemsize);

#define grow_vector(L, v, n, size, T, limit, what) \
  ((v) = (T *)grow_array(L, v, n, &(size), sizeof(T), limit, what))
#define grow_shrinkvector(L, v, size, final, T) \
  ((v) = (T *)grow_shrink(L, v, &(size), final, sizeof(T)))

#endif
