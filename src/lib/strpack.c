/*
 * strpack.c - string.pack, string.packsize and string.unpack: binary
 * serialisation driven by a format string.
 *
 * A format is read one option at a time (see STRPACK_OPTIONS).  Options
 * that only configure (endianness '<' '>' '=', maximum alignment '![n]',
 * spaces) produce nothing.  Every data item is first padded, with zero
 * bytes, to a multiple of min(its size, the maximum alignment); alignment
 * starts at 1, so nothing is aligned unless the format asks with '!'.
 * 'Xop' pads to op's alignment without consuming data.
 *
 * Integers may be 1..16 bytes wide: wider than lua_Integer means sign- or
 * zero-extension when packing and a check that the extra bytes carry no
 * information when unpacking.  The format is a C string: reading stops at
 * its first zero byte, as in lua5.4.
 */
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "lib/strlib.h"

/* Widest integer option ("i16"): a limit of lua5.4's format language. */
#define STRPACK_MAX_INTSIZE 16

#define STRPACK_PADBYTE 0x00

#define STRPACK_INTBYTES ((int)sizeof(lua_Integer))

/* The strictest alignment of a native type: the default for "!". */
typedef struct strpack_AlignProbe {
  char c;
  union { LUAI_MAXALIGN; } u;
} strpack_AlignProbe;
#define STRPACK_NATIVE_ALIGN ((int)offsetof(strpack_AlignProbe, u))

/* What an option does. */
typedef enum strpack_Kind {
  STRPACK_INT,      /* signed integer */
  STRPACK_UINT,     /* unsigned integer */
  STRPACK_FLOAT,    /* C float */
  STRPACK_NUMBER,   /* lua_Number */
  STRPACK_DOUBLE,   /* C double */
  STRPACK_CHARS,    /* fixed-size string "cn" */
  STRPACK_STRING,   /* length-prefixed string "s[n]" */
  STRPACK_ZSTRING,  /* zero-terminated string "z" */
  STRPACK_PAD,      /* one padding byte "x" */
  STRPACK_ALIGN,    /* "Xop": align like op */
  STRPACK_NOP       /* configuration or space */
} strpack_Kind;

/*
 * Options with a fixed size: letter, kind, size.  Options with a size
 * suffix or special syntax ('i', 'I', 's', 'c', 'z', 'x', 'X', and the
 * configuration letters) are parsed in strpack_option.
 */
#define STRPACK_OPTIONS(X)                         \
  X('b', STRPACK_INT, sizeof(char))                \
  X('B', STRPACK_UINT, sizeof(char))               \
  X('h', STRPACK_INT, sizeof(short))               \
  X('H', STRPACK_UINT, sizeof(short))              \
  X('l', STRPACK_INT, sizeof(long))                \
  X('L', STRPACK_UINT, sizeof(long))               \
  X('j', STRPACK_INT, sizeof(lua_Integer))         \
  X('J', STRPACK_UINT, sizeof(lua_Integer))        \
  X('T', STRPACK_UINT, sizeof(size_t))             \
  X('f', STRPACK_FLOAT, sizeof(float))             \
  X('n', STRPACK_NUMBER, sizeof(lua_Number))       \
  X('d', STRPACK_DOUBLE, sizeof(double))

/* Settings that the configuration options change while reading. */
typedef struct strpack_Header {
  lua_State *L;
  int little;     /* little-endian output? */
  int max_align;
} strpack_Header;

static int strpack_native_little(void)
{
  const union { int one; char first; } probe = {1};
  return probe.first == 1;
}

static void strpack_header(lua_State *L, strpack_Header *h)
{
  h->L = L;
  h->little = strpack_native_little();
  h->max_align = 1;
}


/* ===================================================================
 * Reading the format
 * =================================================================== */

static int strpack_isdigit(int c) { return '0' <= c && c <= '9'; }

/*
 * Reads an optional decimal count.  Digits stop being consumed once the
 * value could overflow STRLIB_MAXSIZE, as in lua5.4 (the rest of the
 * digits are then read as options and rejected).
 */
static int strpack_count(const char **fmt, int absent)
{
  if (!strpack_isdigit(**fmt))
    return absent;
  int value = 0;
  do {
    value = value * 10 + (*(*fmt)++ - '0');
  } while (strpack_isdigit(**fmt) &&
           value <= ((int)STRLIB_MAXSIZE - 9) / 10);
  return value;
}

static int strpack_intsize(strpack_Header *h, const char **fmt, int absent)
{
  int size = strpack_count(fmt, absent);
  if (size > STRPACK_MAX_INTSIZE || size <= 0)
    return luaL_error(h->L, "integral size (%d) out of limits [1,%d]",
                      size, STRPACK_MAX_INTSIZE);
  return size;
}

/* Reads one option; sets *size to the bytes it occupies (0 if none). */
static strpack_Kind strpack_option(strpack_Header *h, const char **fmt,
                                   int *size)
{
  int letter = *(*fmt)++;
  *size = 0;
  switch (letter) {
#define STRPACK_FIXED_CASE(ch, kind, bytes) \
  case ch: *size = (int)(bytes); return kind;
  STRPACK_OPTIONS(STRPACK_FIXED_CASE)
#undef STRPACK_FIXED_CASE
  case 'i':
    *size = strpack_intsize(h, fmt, (int)sizeof(int));
    return STRPACK_INT;
  case 'I':
    *size = strpack_intsize(h, fmt, (int)sizeof(int));
    return STRPACK_UINT;
  case 's':
    *size = strpack_intsize(h, fmt, (int)sizeof(size_t));
    return STRPACK_STRING;
  case 'c':
    *size = strpack_count(fmt, -1);
    if (*size == -1)
      luaL_error(h->L, "missing size for format option 'c'");
    return STRPACK_CHARS;
  case 'z': return STRPACK_ZSTRING;
  case 'x': *size = 1; return STRPACK_PAD;
  case 'X': return STRPACK_ALIGN;
  case ' ': break;
  case '<': h->little = 1; break;
  case '>': h->little = 0; break;
  case '=': h->little = strpack_native_little(); break;
  case '!': h->max_align = strpack_intsize(h, fmt, STRPACK_NATIVE_ALIGN); break;
  default: luaL_error(h->L, "invalid format option '%c'", letter);
  }
  return STRPACK_NOP;
}

/*
 * Reads one option and computes the padding (*pad) needed before it when
 * 'offset' bytes precede it.
 */
static strpack_Kind strpack_next(strpack_Header *h, size_t offset,
                                 const char **fmt, int *size, int *pad)
{
  strpack_Kind kind = strpack_option(h, fmt, size);
  int align = *size;
  if (kind == STRPACK_ALIGN) {
    if (**fmt == '\0' || strpack_option(h, fmt, &align) == STRPACK_CHARS ||
        align == 0)
      luaL_argerror(h->L, 1, "invalid next option for option 'X'");
  }
  if (align <= 1 || kind == STRPACK_CHARS) {
    *pad = 0;
  } else {
    if (align > h->max_align)
      align = h->max_align;
    if ((align & (align - 1)) != 0)
      luaL_argerror(h->L, 1, "format asks for alignment not power of 2");
    *pad = (align - (int)(offset & (size_t)(align - 1))) & (align - 1);
  }
  return kind;
}


/* ===================================================================
 * Bytes
 * =================================================================== */

/* Writes the low 'size' bytes of n; bytes beyond lua_Integer's width are
   the sign extension of a negative n. */
static void strpack_putint(luaL_Buffer *buf, lua_Unsigned n, int little,
                           int size, int negative)
{
  char *out = luaL_prepbuffsize(buf, (size_t)size);
  for (int i = 0; i < size; i++) {
    unsigned char byte;
    if (i < STRPACK_INTBYTES)
      byte = (unsigned char)(n >> (8 * i));
    else
      byte = negative ? 0xFF : 0x00;
    out[little ? i : size - 1 - i] = (char)byte;
  }
  luaL_addsize(buf, (size_t)size);
}

static lua_Integer strpack_getint(lua_State *L, const char *in, int little,
                                  int size, int is_signed)
{
  lua_Unsigned value = 0;
  int used = size <= STRPACK_INTBYTES ? size : STRPACK_INTBYTES;
  for (int i = used - 1; i >= 0; i--) {
    unsigned char byte = (unsigned char)in[little ? i : size - 1 - i];
    value = (value << 8) | byte;
  }
  if (size < STRPACK_INTBYTES) {
    if (is_signed) {  /* sign-extend from the top bit read */
      lua_Unsigned top = (lua_Unsigned)1 << (size * 8 - 1);
      value = (value ^ top) - top;
    }
  } else if (size > STRPACK_INTBYTES) {
    /* The extra bytes must repeat the sign (or be zero if unsigned). */
    int expected = (is_signed && (lua_Integer)value < 0) ? 0xFF : 0x00;
    for (int i = used; i < size; i++) {
      if ((unsigned char)in[little ? i : size - 1 - i] != expected)
        luaL_error(L, "%d-byte integer does not fit into Lua Integer", size);
    }
  }
  return (lua_Integer)value;
}

/* Copies 'size' bytes, reversing them when the requested endianness is
   not the machine's. */
static void strpack_copy(char *dest, const char *src, int size, int little)
{
  if (little == strpack_native_little()) {
    memcpy(dest, src, (size_t)size);
  } else {
    for (int i = 0; i < size; i++)
      dest[i] = src[size - 1 - i];
  }
}


/* ===================================================================
 * string.pack
 * =================================================================== */

static void strpack_packint(lua_State *L, luaL_Buffer *buf,
                            strpack_Header *h, int arg, int size,
                            int is_signed)
{
  lua_Integer n = luaL_checkinteger(L, arg);
  if (size < STRPACK_INTBYTES) {
    if (is_signed) {
      lua_Integer limit = (lua_Integer)1 << (size * 8 - 1);
      luaL_argcheck(L, -limit <= n && n < limit, arg, "integer overflow");
    } else {
      luaL_argcheck(L, (lua_Unsigned)n < ((lua_Unsigned)1 << (size * 8)),
                    arg, "unsigned overflow");
    }
  }
  strpack_putint(buf, (lua_Unsigned)n, h->little, size, is_signed && n < 0);
}

static void strpack_packfloat(lua_State *L, luaL_Buffer *buf,
                              strpack_Header *h, int arg, strpack_Kind kind)
{
  lua_Number n = luaL_checknumber(L, arg);
  char *out;
  if (kind == STRPACK_FLOAT) {
    float f = (float)n;
    out = luaL_prepbuffsize(buf, sizeof f);
    strpack_copy(out, (const char *)&f, (int)sizeof f, h->little);
    luaL_addsize(buf, sizeof f);
  } else if (kind == STRPACK_DOUBLE) {
    double d = (double)n;
    out = luaL_prepbuffsize(buf, sizeof d);
    strpack_copy(out, (const char *)&d, (int)sizeof d, h->little);
    luaL_addsize(buf, sizeof d);
  } else {
    out = luaL_prepbuffsize(buf, sizeof n);
    strpack_copy(out, (const char *)&n, (int)sizeof n, h->little);
    luaL_addsize(buf, sizeof n);
  }
}

int strpack_pack(lua_State *L)
{
  const char *fmt = luaL_checkstring(L, 1);
  strpack_Header h;
  int arg = 1;
  size_t total = 0;
  strpack_header(L, &h);
  lua_pushnil(L);  /* keeps the arguments apart from the buffer's box */
  luaL_Buffer buf;
  luaL_buffinit(L, &buf);
  while (*fmt != '\0') {
    int size, pad;
    strpack_Kind kind = strpack_next(&h, total, &fmt, &size, &pad);
    total += (size_t)pad + (size_t)size;
    for (; pad > 0; pad--)
      luaL_addchar(&buf, STRPACK_PADBYTE);
    arg++;
    switch (kind) {
    case STRPACK_INT:
    case STRPACK_UINT:
      strpack_packint(L, &buf, &h, arg, size, kind == STRPACK_INT);
      break;
    case STRPACK_FLOAT:
    case STRPACK_NUMBER:
    case STRPACK_DOUBLE:
      strpack_packfloat(L, &buf, &h, arg, kind);
      break;
    case STRPACK_CHARS: {
      size_t len;
      const char *s = luaL_checklstring(L, arg, &len);
      luaL_argcheck(L, len <= (size_t)size, arg,
                    "string longer than given size");
      luaL_addlstring(&buf, s, len);
      for (; len < (size_t)size; len++)
        luaL_addchar(&buf, STRPACK_PADBYTE);
      break;
    }
    case STRPACK_STRING: {
      size_t len;
      const char *s = luaL_checklstring(L, arg, &len);
      luaL_argcheck(L, size >= (int)sizeof(size_t) ||
                    len < ((size_t)1 << (size * 8)),
                    arg, "string length does not fit in given size");
      strpack_putint(&buf, (lua_Unsigned)len, h.little, size, 0);
      luaL_addlstring(&buf, s, len);
      total += len;
      break;
    }
    case STRPACK_ZSTRING: {
      size_t len;
      const char *s = luaL_checklstring(L, arg, &len);
      luaL_argcheck(L, strlen(s) == len, arg, "string contains zeros");
      luaL_addlstring(&buf, s, len);
      luaL_addchar(&buf, '\0');
      total += len + 1;
      break;
    }
    case STRPACK_PAD:
      luaL_addchar(&buf, STRPACK_PADBYTE);
      arg--;  /* consumed no argument */
      break;
    case STRPACK_ALIGN:
    case STRPACK_NOP:
      arg--;
      break;
    }
  }
  luaL_pushresult(&buf);
  return 1;
}


/* ===================================================================
 * string.packsize
 * =================================================================== */

int strpack_packsize(lua_State *L)
{
  const char *fmt = luaL_checkstring(L, 1);
  strpack_Header h;
  size_t total = 0;
  strpack_header(L, &h);
  while (*fmt != '\0') {
    int size, pad;
    strpack_Kind kind = strpack_next(&h, total, &fmt, &size, &pad);
    luaL_argcheck(L, kind != STRPACK_STRING && kind != STRPACK_ZSTRING, 1,
                  "variable-length format");
    size += pad;
    luaL_argcheck(L, total <= STRLIB_MAXSIZE - (size_t)size, 1,
                  "format result too large");
    total += (size_t)size;
  }
  lua_pushinteger(L, (lua_Integer)total);
  return 1;
}


/* ===================================================================
 * string.unpack
 * =================================================================== */

static void strpack_unpackfloat(lua_State *L, const char *in,
                                strpack_Header *h, strpack_Kind kind)
{
  if (kind == STRPACK_FLOAT) {
    float f;
    strpack_copy((char *)&f, in, (int)sizeof f, h->little);
    lua_pushnumber(L, (lua_Number)f);
  } else if (kind == STRPACK_DOUBLE) {
    double d;
    strpack_copy((char *)&d, in, (int)sizeof d, h->little);
    lua_pushnumber(L, (lua_Number)d);
  } else {
    lua_Number n;
    strpack_copy((char *)&n, in, (int)sizeof n, h->little);
    lua_pushnumber(L, n);
  }
}

int strpack_unpack(lua_State *L)
{
  const char *fmt = luaL_checkstring(L, 1);
  size_t datalen;
  const char *data = luaL_checklstring(L, 2, &datalen);
  size_t pos = strlib_startpos(luaL_optinteger(L, 3, 1), datalen) - 1;
  int nresults = 0;
  strpack_Header h;
  luaL_argcheck(L, pos <= datalen, 3, "initial position out of string");
  strpack_header(L, &h);
  while (*fmt != '\0') {
    int size, pad;
    strpack_Kind kind = strpack_next(&h, pos, &fmt, &size, &pad);
    luaL_argcheck(L, (size_t)pad + (size_t)size <= datalen - pos, 2,
                  "data string too short");
    pos += (size_t)pad;
    luaL_checkstack(L, 2, "too many results");  /* item + final position */
    nresults++;
    switch (kind) {
    case STRPACK_INT:
    case STRPACK_UINT:
      lua_pushinteger(L, strpack_getint(L, data + pos, h.little, size,
                                        kind == STRPACK_INT));
      break;
    case STRPACK_FLOAT:
    case STRPACK_NUMBER:
    case STRPACK_DOUBLE:
      strpack_unpackfloat(L, data + pos, &h, kind);
      break;
    case STRPACK_CHARS:
      lua_pushlstring(L, data + pos, (size_t)size);
      break;
    case STRPACK_STRING: {
      size_t len = (size_t)strpack_getint(L, data + pos, h.little, size, 0);
      luaL_argcheck(L, len <= datalen - pos - (size_t)size, 2,
                    "data string too short");
      lua_pushlstring(L, data + pos + size, len);
      pos += len;
      break;
    }
    case STRPACK_ZSTRING: {
      size_t len = strlen(data + pos);
      luaL_argcheck(L, pos + len < datalen, 2,
                    "unfinished string for format 'z'");
      lua_pushlstring(L, data + pos, len);
      pos += len + 1;
      break;
    }
    case STRPACK_PAD:
    case STRPACK_ALIGN:
    case STRPACK_NOP:
      nresults--;
      break;
    }
    pos += (size_t)size;
  }
  lua_pushinteger(L, (lua_Integer)pos + 1);
  return nresults + 1;
}
