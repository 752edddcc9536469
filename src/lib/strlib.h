/*
 * strlib.h - what the files of the 'string' library share.
 *
 * The library is split by concern: strlib.c (registration, the string
 * metatable, the byte-level functions), strpat.c (the pattern matcher and
 * find/match/gmatch/gsub), strfmt.c (string.format) and strpack.c
 * (pack/unpack/packsize).  Like every standard library, all of them are
 * written against the public API only (lua.h, lauxlib.h).
 */
#ifndef crescent_lib_strlib_h
#define crescent_lib_strlib_h

#include <stddef.h>
#include <limits.h>

#include "lua.h"
#include "lauxlib.h"

/*
 * Largest string length the library will build or parse a size for.
 * Lua 5.4 caps these at INT_MAX (sizes of 'rep', 'pack' formats, 'c'
 * counts) so they also fit an int; the exact cap is observable through
 * "resulting string too large" and "format result too large".
 */
#define STRLIB_MAXSIZE \
  (sizeof(size_t) < sizeof(int) ? (size_t)~(size_t)0 : (size_t)INT_MAX)

/*
 * Lua's relative string positions: negative counts from the end.
 * strlib_startpos clamps into [1, inf) (a start position), strlib_endpos
 * into [0, len] (an end position; reads optional argument 'arg').
 */
extern size_t strlib_startpos(lua_Integer pos, size_t len);
extern size_t strlib_endpos(lua_State *L, int arg, lua_Integer def,
                            size_t len);

/* The library functions implemented outside strlib.c. */
extern int strpat_find(lua_State *L);
extern int strpat_match(lua_State *L);
extern int strpat_gmatch(lua_State *L);
extern int strpat_gsub(lua_State *L);
extern int strfmt_format(lua_State *L);
extern int strpack_pack(lua_State *L);
extern int strpack_packsize(lua_State *L);
extern int strpack_unpack(lua_State *L);

#endif
