/*
 * strlib.h - what the files of the 'string' library share.
 *
 * The library is split by concern: strlib.c (registration, the string
 * metatable, the byte-level functions), strpat.c (the pattern matcher and
 * find/match/gmatch/gsub), strfmt.c (string.format; strfmt_float.c
 * formats its floats) and strpack.c
 * (pack/unpack/packsize).  Like every standard library, all of them are
 * written against the public API only (lua.h, lauxlib.h).
 */
#ifndef crescent_lib_strlib_h
#define crescent_lib_strlib_h

#include <stddef.h>
#include <limits.h>
#include <string.h>

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

/* The flags of a string.format specification: each is a bit
   STRFMT_FLAG_<name> of a flag set. */
#define STRFMT_FLAGS(X) \
  X(MINUS, '-')  /* left-justify */ \
  X(PLUS,  '+')  /* sign non-negative numbers with '+' */ \
  X(SPACE, ' ')  /* ... or with a space */ \
  X(ALT,   '#')  /* alternative form */ \
  X(ZERO,  '0')  /* pad with zeros */
#define STRFMT_FLAG_INDEX(name, ch) STRFMT_FLAG_INDEX_##name,
enum { STRFMT_FLAGS(STRFMT_FLAG_INDEX) };
#undef STRFMT_FLAG_INDEX
#define STRFMT_FLAG_BIT(name, ch) \
  STRFMT_FLAG_##name = 1u << STRFMT_FLAG_INDEX_##name,
enum { STRFMT_FLAGS(STRFMT_FLAG_BIT) };
#undef STRFMT_FLAG_BIT

/*
 * Lays a formatted item out as C's printf does: 'prefix' (a sign, "0x"),
 * 'nzeros' zeros, then 'body', justified to 'width' with spaces before
 * it, or after it with STRFMT_FLAG_MINUS, or with more zeros after the
 * prefix with STRFMT_FLAG_ZERO (the caller clears that flag where C
 * ignores it). Returns the length written to 'out'.
 */
static inline int strfmt_justify(char *out, unsigned flags, int width,
                                  const char *prefix, int nprefix,
                                  int nzeros, const char *body, int nbody)
{
  int len = nprefix + nzeros + nbody;
  int pad = width > len ? width - len : 0;
  int left = (flags & STRFMT_FLAG_MINUS) != 0;
  int zero = (flags & STRFMT_FLAG_ZERO) != 0;
  char *q = out;
  if (pad > 0 && !left && !zero) {
    memset(q, ' ', (size_t)pad);
    q += pad;
  }
  for (int i = 0; i < nprefix; i++)  /* two bytes at most */
    *q++ = prefix[i];
  if (pad > 0 && !left && zero)
    nzeros += pad;
  if (nzeros > 0) {
    memset(q, '0', (size_t)nzeros);
    q += nzeros;
  }
  memcpy(q, body, (size_t)nbody);
  q += nbody;
  if (pad > 0 && left) {
    memset(q, ' ', (size_t)pad);
    q += pad;
  }
  return (int)(q - out);
}

/*
 * '%e', '%E', '%f', '%g' or '%G' (letter) of v with those flags, width
 * (0: none) and precision (-1: none), written to out (room for 128 bytes)
 * exactly as the C library's snprintf writes it, with 'point' as the
 * radix character. Returns the length, or -1 for values and precisions
 * it leaves to snprintf (infinities, NaNs, very large or small numbers,
 * more than 17 significant digits). In strfmt_float.c.
 */
extern int strfmt_float(char *out, double v, char letter, unsigned flags,
                        int width, int precision, char point);

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
