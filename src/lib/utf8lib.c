/*
 * utf8lib.c - the 'utf8' library: char, charpattern, codes, codepoint,
 * len, offset.
 *
 * Lua 5.4 decodes the original UTF-8 design (sequences of up to six bytes,
 * code points up to 0x7FFFFFFF).  By default ("strict") it also rejects
 * what Unicode forbids: surrogates (D800-DFFF) and code points above
 * 10FFFF.  The 'lax' arguments lift only that last restriction; overlong
 * encodings and broken sequences are always errors.
 *
 * Iteration with utf8.codes follows lua5.4.4: it resumes after the bytes
 * of the previous character, skipping continuation bytes, so a stray
 * continuation byte between characters (or at the start) is passed over
 * silently rather than reported.
 */
#include <limits.h>
#include <stdint.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#define UTF8LIB_MAX_UNICODE 0x10FFFFu
#define UTF8LIB_MAX_UTF 0x7FFFFFFFu  /* largest value six bytes can hold */

#define UTF8LIB_INVALID "invalid UTF-8 code"

/* Matches exactly one UTF-8 byte sequence (a lead byte and its
   continuation bytes); the zero byte is part of the text. */
#define UTF8LIB_CHARPATTERN "[\0-\x7F\xC2-\xFD][\x80-\xBF]*"

typedef uint32_t utf8lib_Code;

static int utf8lib_iscont(const char *p)
{
  return ((unsigned char)*p & 0xC0) == 0x80;
}

/* Negative positions count from the end; too negative gives 0. */
static lua_Integer utf8lib_relpos(lua_Integer pos, size_t len)
{
  if (pos >= 0)
    return pos;
  if (0u - (size_t)pos > len)
    return 0;
  return (lua_Integer)len + pos + 1;
}

/*
 * Decodes the sequence at s into *code (if code is not NULL); returns the
 * byte after it, or NULL for an invalid sequence.  The string must be
 * zero-terminated, which stops a truncated sequence at its end.
 */
static const char *utf8lib_decode(const char *s, utf8lib_Code *code,
                                  int strict)
{
  /* Smallest code point that needs 'n' continuation bytes; anything
     smaller is an overlong encoding. */
  static const utf8lib_Code min_for_count[] = {
    ~(utf8lib_Code)0, 0x80, 0x800, 0x10000u, 0x200000u, 0x4000000u
  };
  unsigned int lead = (unsigned char)s[0];
  utf8lib_Code value = 0;
  if (lead < 0x80) {
    value = lead;
  } else {
    int count = 0;
    /* each further leading 1 bit announces one continuation byte */
    for (; lead & 0x40; lead <<= 1) {
      unsigned int next = (unsigned char)s[++count];
      if ((next & 0xC0) != 0x80)
        return NULL;
      value = (value << 6) | (next & 0x3F);
    }
    /* more than 5 continuation bytes is never valid; checked before the
       shift, which would exceed the width of utf8lib_Code */
    if (count > 5)
      return NULL;
    value |= (utf8lib_Code)(lead & 0x7F) << (count * 5);
    if (value > UTF8LIB_MAX_UTF || value < min_for_count[count])
      return NULL;
    s += count;
  }
  if (strict && (value > UTF8LIB_MAX_UNICODE ||
                 (0xD800u <= value && value <= 0xDFFFu)))
    return NULL;
  if (code != NULL)
    *code = value;
  return s + 1;
}


/* ===================================================================
 * Functions
 * =================================================================== */

static int utf8lib_len(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer first = utf8lib_relpos(luaL_optinteger(L, 2, 1), len);
  lua_Integer last = utf8lib_relpos(luaL_optinteger(L, 3, -1), len);
  int lax = lua_toboolean(L, 4);
  luaL_argcheck(L, 1 <= first && --first <= (lua_Integer)len, 2,
                "initial position out of bounds");
  luaL_argcheck(L, --last < (lua_Integer)len, 3,
                "final position out of bounds");
  lua_Integer count = 0;
  while (first <= last) {
    const char *next = utf8lib_decode(s + first, NULL, !lax);
    if (next == NULL) {
      luaL_pushfail(L);
      lua_pushinteger(L, first + 1);
      return 2;
    }
    first = next - s;
    count++;
  }
  lua_pushinteger(L, count);
  return 1;
}

static int utf8lib_codepoint(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer first = utf8lib_relpos(luaL_optinteger(L, 2, 1), len);
  lua_Integer last = utf8lib_relpos(luaL_optinteger(L, 3, first), len);
  int lax = lua_toboolean(L, 4);
  luaL_argcheck(L, first >= 1, 2, "out of bounds");
  luaL_argcheck(L, last <= (lua_Integer)len, 3, "out of bounds");
  if (first > last)
    return 0;
  if (last - first >= INT_MAX)  /* results are counted in an int */
    return luaL_error(L, "string slice too long");
  int bound = (int)(last - first) + 1;  /* at most one code per byte */
  luaL_checkstack(L, bound, "string slice too long");
  int count = 0;
  const char *end = s + last;
  for (s += first - 1; s < end;) {
    utf8lib_Code code;
    s = utf8lib_decode(s, &code, !lax);
    if (s == NULL)
      return luaL_error(L, UTF8LIB_INVALID);
    lua_pushinteger(L, code);
    count++;
  }
  return count;
}

/* Appends the (up to six byte) encoding of argument 'arg'. */
static void utf8lib_addchar(lua_State *L, luaL_Buffer *buf, int arg)
{
  /* Sequence length n holds codes below limit[n - 1]; its lead byte
     starts with the marker bits lead[n - 1]. */
  static const utf8lib_Code limit[] = {
    0x80, 0x800, 0x10000u, 0x200000u, 0x4000000u, 0x80000000u
  };
  static const unsigned char lead[] = {0x00, 0xC0, 0xE0, 0xF0, 0xF8, 0xFC};
  lua_Unsigned code = (lua_Unsigned)luaL_checkinteger(L, arg);
  luaL_argcheck(L, code <= UTF8LIB_MAX_UTF, arg, "value out of range");
  int n = 1;
  while (code >= limit[n - 1])
    n++;
  char bytes[6];
  for (int i = n - 1; i > 0; i--) {
    bytes[i] = (char)(0x80 | (code & 0x3F));
    code >>= 6;
  }
  bytes[0] = (char)(lead[n - 1] | code);
  luaL_addlstring(buf, bytes, (size_t)n);
}

static int utf8lib_char(lua_State *L)
{
  int nargs = lua_gettop(L);
  luaL_Buffer buf;
  luaL_buffinit(L, &buf);
  for (int i = 1; i <= nargs; i++)
    utf8lib_addchar(L, &buf, i);
  luaL_pushresult(&buf);
  return 1;
}

static int utf8lib_offset(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer n = luaL_checkinteger(L, 2);
  lua_Integer pos = (n >= 0) ? 1 : (lua_Integer)len + 1;
  pos = utf8lib_relpos(luaL_optinteger(L, 3, pos), len);
  luaL_argcheck(L, 1 <= pos && --pos <= (lua_Integer)len, 3,
                "position out of bounds");
  if (n == 0) {
    /* the start of the character containing byte 'pos' */
    while (pos > 0 && utf8lib_iscont(s + pos))
      pos--;
  } else {
    if (utf8lib_iscont(s + pos))
      return luaL_error(L, "initial position is a continuation byte");
    if (n < 0) {
      while (n < 0 && pos > 0) {
        do {
          pos--;
        } while (pos > 0 && utf8lib_iscont(s + pos));
        n++;
      }
    } else {
      n--;  /* the character at 'pos' is the first */
      while (n > 0 && pos < (lua_Integer)len) {
        do {
          pos++;
        } while (utf8lib_iscont(s + pos));  /* stops at the final '\0' */
        n--;
      }
    }
  }
  if (n == 0)
    lua_pushinteger(L, pos + 1);
  else
    luaL_pushfail(L);
  return 1;
}

/*
 * The iterator of utf8.codes.  Its control value is the byte position of
 * the previous character (0 at the start); the next character starts after
 * that byte and any continuation bytes that follow it.
 */
static int utf8lib_step(lua_State *L, int strict)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Unsigned at = (lua_Unsigned)lua_tointeger(L, 2);
  if (at < len) {
    while (utf8lib_iscont(s + at))
      at++;
  }
  if (at >= len)  /* also catches a negative control value */
    return 0;
  utf8lib_Code code;
  if (utf8lib_decode(s + at, &code, strict) == NULL)
    return luaL_error(L, UTF8LIB_INVALID);
  lua_pushinteger(L, (lua_Integer)at + 1);
  lua_pushinteger(L, code);
  return 2;
}

static int utf8lib_step_strict(lua_State *L) { return utf8lib_step(L, 1); }
static int utf8lib_step_lax(lua_State *L) { return utf8lib_step(L, 0); }

static int utf8lib_codes(lua_State *L)
{
  int lax = lua_toboolean(L, 2);
  luaL_checkstring(L, 1);
  lua_pushcfunction(L, lax ? utf8lib_step_lax : utf8lib_step_strict);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 0);
  return 3;
}


/* ===================================================================
 * Registration
 * =================================================================== */

#define UTF8LIB_FUNCTIONS(X)     \
  X(offset, utf8lib_offset)      \
  X(codepoint, utf8lib_codepoint) \
  X(char, utf8lib_char)          \
  X(len, utf8lib_len)            \
  X(codes, utf8lib_codes)

static const luaL_Reg utf8lib_functions[] = {
#define UTF8LIB_ENTRY(name, fn) {#name, fn},
  UTF8LIB_FUNCTIONS(UTF8LIB_ENTRY)
#undef UTF8LIB_ENTRY
  {"charpattern", NULL},  /* a string, set below */
  {NULL, NULL}
};

LUAMOD_API int luaopen_utf8(lua_State *L)
{
  luaL_newlib(L, utf8lib_functions);
  lua_pushlstring(L, UTF8LIB_CHARPATTERN, sizeof(UTF8LIB_CHARPATTERN) - 1);
  lua_setfield(L, -2, "charpattern");
  return 1;
}
