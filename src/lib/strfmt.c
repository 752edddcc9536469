/*
 * strfmt.c - string.format.
 *
 * Each conversion is handed to the C library's snprintf (integers are
 * formatted here, by C's rules) after checking it the way lua5.4 does: a specification may have the flags its conversion
 * allows, then a width and (when allowed) a precision of at most two
 * digits each.  Anything else is "invalid conversion specification", and
 * an unknown conversion letter is "invalid conversion '...' to 'format'".
 * '%q' is Lua's own: it writes a value back as Lua source text.
 *
 * The order in which a conversion checks its argument and its
 * specification differs between conversions in lua5.4 (for example '%d'
 * reads its number first, '%c' checks the specification first); the order
 * is visible in error messages, so the table below records it.
 */
#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "lib/strlib.h"

/*
 * lua5.4 copies a specification into a 32-byte buffer and keeps 10 bytes
 * for the length modifier and terminator, so a specification of 22 or more
 * characters (conversion letter included) is "too long".
 */
#define STRFMT_SPEC_BUFSIZE 32
#define STRFMT_SPEC_MAXLEN (STRFMT_SPEC_BUFSIZE - 10)

/* Widths and precisions have at most two digits. */
#define STRFMT_MAX_WIDTH 100

/* Characters a specification may span before its conversion letter. */
#define STRFMT_SPEC_CHARS "-+ #0" "123456789" "."

/* What a conversion does with its argument, and when it checks its
   specification relative to reading the argument. */
typedef enum strfmt_Kind {
  STRFMT_CHAR,     /* spec checked first, then an integer as a byte */
  STRFMT_INTEGER,  /* integer read first, then the spec */
  STRFMT_HEXFLOAT, /* spec checked first, then a float */
  STRFMT_FLOAT,    /* float read first, then the spec */
  STRFMT_POINTER,  /* any value; a non-pointer prints "(null)" */
  STRFMT_STRING,   /* any value through luaL_tolstring */
  STRFMT_QUOTED    /* '%q': a Lua literal; no modifiers at all */
} strfmt_Kind;

/* letter, flags it accepts, whether it takes a precision, kind */
#define STRFMT_CONVERSIONS(X)                  \
  X('c', "-",     0, STRFMT_CHAR)              \
  X('d', "-+ 0",  1, STRFMT_INTEGER)           \
  X('i', "-+ 0",  1, STRFMT_INTEGER)           \
  X('u', "-0",    1, STRFMT_INTEGER)           \
  X('o', "-#0",   1, STRFMT_INTEGER)           \
  X('x', "-#0",   1, STRFMT_INTEGER)           \
  X('X', "-#0",   1, STRFMT_INTEGER)           \
  X('a', "-+ #0", 1, STRFMT_HEXFLOAT)          \
  X('A', "-+ #0", 1, STRFMT_HEXFLOAT)          \
  X('e', "-+ #0", 1, STRFMT_FLOAT)             \
  X('E', "-+ #0", 1, STRFMT_FLOAT)             \
  X('f', "-+ #0", 1, STRFMT_FLOAT)             \
  X('g', "-+ #0", 1, STRFMT_FLOAT)             \
  X('G', "-+ #0", 1, STRFMT_FLOAT)             \
  X('p', "-",     0, STRFMT_POINTER)           \
  X('s', "-",     1, STRFMT_STRING)            \
  X('q', "",      0, STRFMT_QUOTED)

typedef struct strfmt_Conversion {
  char letter;
  const char *flags;
  int has_precision;
  strfmt_Kind kind;
} strfmt_Conversion;

/* A switch on the letter (a jump table) rather than a walk of a list:
 * every directive of every format looks its letter up. */
static const strfmt_Conversion *strfmt_lookup(char letter)
{
  switch (letter) {
#define STRFMT_CASE(letter, flags, prec, kind) \
  case letter: { \
    static const strfmt_Conversion conv = {letter, flags, prec, kind}; \
    return &conv; \
  }
  STRFMT_CONVERSIONS(STRFMT_CASE)
#undef STRFMT_CASE
  default:
    return NULL;
  }
}


/* ===================================================================
 * Specifications
 * =================================================================== */

/*
 * Copies the specification starting at 'fmt' (just after the '%') into
 * 'spec' as "%...X" and returns a pointer to its conversion letter.
 */
/* Is c in STRFMT_SPEC_CHARS? (strspn's setup costs more than these
   specifications are long) */
static inline int strfmt_isspecchar(char c)
{
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' ' ||
         c == '#' || c == '.';
}

/* strspn(p, flags), for the few characters of a flag set. */
static inline size_t strfmt_spanflags(const char *p, const char *flags)
{
  size_t n = 0;
  for (;; n++) {
    const char *f = flags;
    while (*f != '\0' && *f != p[n])
      f++;
    if (*f == '\0')
      return n;
  }
}

static const char *strfmt_readspec(lua_State *L, const char *fmt, char *spec)
{
  size_t len = 0;
  while (strfmt_isspecchar(fmt[len]))
    len++;
  len++;  /* the letter */
  if (len >= STRFMT_SPEC_MAXLEN)
    luaL_error(L, "invalid format (too long)");
  spec[0] = '%';
  memcpy(spec + 1, fmt, len);
  spec[len + 1] = '\0';
  return fmt + len - 1;
}

static const char *strfmt_skip2digits(const char *p)
{
  for (int i = 0; i < 2 && isdigit((unsigned char)*p); i++)
    p++;
  return p;
}

/* Raises lua5.4's error unless 'spec' is: allowed flags, a width that does
   not start with '0', and, if allowed, '.' and a precision. */
static void strfmt_checkspec(lua_State *L, const char *spec,
                             const strfmt_Conversion *conv)
{
  const char *p = spec + 1;
  p += strfmt_spanflags(p, conv->flags);
  if (*p != '0') {
    p = strfmt_skip2digits(p);
    if (*p == '.' && conv->has_precision)
      p = strfmt_skip2digits(p + 1);
  }
  if (!isalpha((unsigned char)*p))
    luaL_error(L, "invalid conversion specification: '%s'", spec);
}

/*
 * Room reserved for one conversion before formatting it.  Every item of
 * two-digit width and precision fits, except '%f' of a huge number; those
 * are formatted a second time into room of the size the first try
 * reported, so nothing is ever cut (and the common case formats once).
 */
#define STRFMT_ITEM_ROOM 128

/* snprintf straight into the buffer. */
static void strfmt_emit(luaL_Buffer *buf, const char *spec, ...)
{
  va_list args, again;
  va_start(args, spec);
  va_copy(again, args);
  char *out = luaL_prepbuffsize(buf, STRFMT_ITEM_ROOM);
  int needed = vsnprintf(out, STRFMT_ITEM_ROOM, spec, args);
  va_end(args);
  if (needed >= STRFMT_ITEM_ROOM) {
    out = luaL_prepbuffsize(buf, (size_t)needed + 1);
    vsnprintf(out, (size_t)needed + 1, spec, again);
  }
  if (needed > 0)
    luaL_addsize(buf, (size_t)needed);
  va_end(again);
}


/*
 * Integer conversions ('d', 'i', 'u', 'o', 'x', 'X', 'c') formatted here
 * rather than by snprintf, whose general machinery costs several times the
 * work for these. 'spec' has passed strfmt_checkspec (flags of "-+ #0",
 * at most two digits of width and of precision) and has no length
 * modifier. The rules are C's: the precision is the least number of
 * digits (0 with the value 0 gives none); '+' or ' ' gives a sign to
 * non-negative signed values; '#' puts "0x" before non-zero hexadecimal
 * values and makes octal start with 0; '0' pads with zeros after the sign
 * or prefix unless a precision is given or '-' (left-justify) is set.
 * Returns the length written to 'out', which must have room for 120.
 */
static int strfmt_intitem(char *out, const char *spec, lua_Integer n)
{
  int left = 0, plus = 0, space = 0, alt = 0, zero = 0;
  const char *p = spec + 1;
  for (;; p++) {
    if (*p == '-') left = 1;
    else if (*p == '+') plus = 1;
    else if (*p == ' ') space = 1;
    else if (*p == '#') alt = 1;
    else if (*p == '0') zero = 1;
    else break;
  }
  int width = 0, precision = -1;
  while (*p >= '0' && *p <= '9')
    width = width * 10 + (*p++ - '0');
  if (*p == '.') {
    precision = 0;
    for (p++; *p >= '0' && *p <= '9'; p++)
      precision = precision * 10 + (*p - '0');
  }
  char letter = *p;
  char digits[24];  /* 22 octal digits at most */
  int ndigits = 0;
  char prefix[2];
  int nprefix = 0;
  if (letter == 'c') {
    digits[0] = (char)(unsigned char)(int)n;
    ndigits = 1;
  } else {
    unsigned long long u = (unsigned long long)n;
    if (letter == 'd' || letter == 'i') {
      if (n < 0) {
        u = 0ull - u;
        prefix[nprefix++] = '-';
      } else if (plus) {
        prefix[nprefix++] = '+';
      } else if (space) {
        prefix[nprefix++] = ' ';
      }
    }
    unsigned base = (letter == 'o') ? 8u
                  : (letter == 'x' || letter == 'X') ? 16u : 10u;
    const char *set = (letter == 'X') ? "0123456789ABCDEF"
                                      : "0123456789abcdef";
    char rev[24];
    for (unsigned long long v = u; v != 0; v /= base)
      rev[ndigits++] = set[v % base];
    for (int i = 0; i < ndigits; i++)
      digits[i] = rev[ndigits - 1 - i];
    if (precision < 0)
      precision = 1;
    else
      zero = 0;  /* a precision turns zero padding off */
    if (alt && letter == 'o' && precision <= ndigits)
      precision = ndigits + 1;  /* the first digit must be a zero */
    if (alt && u != 0 && base == 16) {
      prefix[nprefix++] = '0';
      prefix[nprefix++] = letter;
    }
  }
  int nzeros = precision > ndigits ? precision - ndigits : 0;
  int len = nprefix + nzeros + ndigits;
  int pad = width > len ? width - len : 0;
  char *q = out;
  if (pad > 0 && !left && !(zero && letter != 'c')) {
    memset(q, ' ', (size_t)pad);
    q += pad;
  }
  memcpy(q, prefix, (size_t)nprefix);
  q += nprefix;
  if (pad > 0 && !left && zero && letter != 'c') {
    nzeros += pad;
  }
  memset(q, '0', (size_t)nzeros);
  q += nzeros;
  memcpy(q, digits, (size_t)ndigits);
  q += ndigits;
  if (pad > 0 && left) {
    memset(q, ' ', (size_t)pad);
    q += pad;
  }
  return (int)(q - out);
}

/*
 * '%s' with a width or a precision, as C formats it: at most 'precision'
 * bytes of s, padded with spaces to 'width' (on the right with '-', the
 * only flag 's' allows). 'spec' has passed strfmt_checkspec, so the
 * result fits in STRFMT_MAX_WIDTH bytes unless there is no precision and
 * len is that long, which the caller handles without formatting.
 */
static int strfmt_stritem(char *out, const char *spec, const char *s,
                          size_t len)
{
  const char *p = spec + 1;
  int left = 0;
  for (; *p == '-'; p++)
    left = 1;
  size_t width = 0;
  while (*p >= '0' && *p <= '9')
    width = width * 10 + (size_t)(*p++ - '0');
  if (*p == '.') {
    size_t precision = 0;
    for (p++; *p >= '0' && *p <= '9'; p++)
      precision = precision * 10 + (size_t)(*p - '0');
    if (len > precision)
      len = precision;
  }
  size_t pad = width > len ? width - len : 0;
  char *q = out;
  if (!left) {
    memset(q, ' ', pad);
    q += pad;
  }
  memcpy(q, s, len);
  q += len;
  if (left) {
    memset(q, ' ', pad);
    q += pad;
  }
  return (int)(q - out);
}

static void strfmt_addintitem(luaL_Buffer *buf, const char *spec,
                              lua_Integer n)
{
  char *out = luaL_prepbuffsize(buf, STRFMT_ITEM_ROOM);
  luaL_addsize(buf, (size_t)strfmt_intitem(out, spec, n));
}


/* ===================================================================
 * '%q': values as Lua literals
 * =================================================================== */

static void strfmt_quotestring(luaL_Buffer *buf, const char *s, size_t len)
{
  luaL_addchar(buf, '"');
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\' || c == '\n') {
      /* a newline becomes backslash-newline, which Lua reads back as \n */
      luaL_addchar(buf, '\\');
      luaL_addchar(buf, (char)c);
    } else if (iscntrl(c)) {
      /* A following digit would be read as part of a short escape. */
      char escape[8];
      int next_is_digit = i + 1 < len && isdigit((unsigned char)s[i + 1]);
      snprintf(escape, sizeof escape, next_is_digit ? "\\%03d" : "\\%d", c);
      luaL_addstring(buf, escape);
    } else {
      luaL_addchar(buf, (char)c);
    }
  }
  luaL_addchar(buf, '"');
}

static void strfmt_quotefloat(luaL_Buffer *buf, lua_Number n)
{
  char text[64];
  if (n == (lua_Number)HUGE_VAL) {
    luaL_addstring(buf, "1e9999");
  } else if (n == -(lua_Number)HUGE_VAL) {
    luaL_addstring(buf, "-1e9999");
  } else if (n != n) {
    luaL_addstring(buf, "(0/0)");
  } else {
    /* Hexadecimal keeps every bit; the radix must be '.' whatever the
       locale says, so that the text reads back as Lua source. */
    int len = snprintf(text, sizeof text, "%a", n);
    if (memchr(text, '.', (size_t)len) == NULL) {
      char point = localeconv()->decimal_point[0];
      char *p = memchr(text, point, (size_t)len);
      if (p != NULL)
        *p = '.';
    }
    luaL_addlstring(buf, text, (size_t)len);
  }
}

static void strfmt_quote(lua_State *L, luaL_Buffer *buf, int arg)
{
  switch (lua_type(L, arg)) {
  case LUA_TSTRING: {
    size_t len;
    const char *s = lua_tolstring(L, arg, &len);
    strfmt_quotestring(buf, s, len);
    break;
  }
  case LUA_TNUMBER:
    if (!lua_isinteger(L, arg)) {
      strfmt_quotefloat(buf, lua_tonumber(L, arg));
    } else {
      lua_Integer n = lua_tointeger(L, arg);
      /* -9223372036854775808 would read back as a float (the minus is
         an operator), so the smallest integer is written in hex. */
      if (n == LUA_MININTEGER)
        strfmt_emit(buf, "0x%llx", (unsigned long long)n);
      else
        strfmt_emit(buf, "%lld", (long long)n);
    }
    break;
  case LUA_TNIL:
  case LUA_TBOOLEAN:
    luaL_tolstring(L, arg, NULL);
    luaL_addvalue(buf);
    break;
  default:
    luaL_argerror(L, arg, "value has no literal form");
  }
}


/* ===================================================================
 * string.format
 * =================================================================== */

static void strfmt_convert(lua_State *L, luaL_Buffer *buf, int arg,
                           char *spec, const strfmt_Conversion *conv)
{
  switch (conv->kind) {
  case STRFMT_CHAR:
    strfmt_checkspec(L, spec, conv);
    strfmt_addintitem(buf, spec, luaL_checkinteger(L, arg));
    break;
  case STRFMT_INTEGER: {
    lua_Integer n = luaL_checkinteger(L, arg);
    strfmt_checkspec(L, spec, conv);
    strfmt_addintitem(buf, spec, n);
    break;
  }
  case STRFMT_HEXFLOAT:
    strfmt_checkspec(L, spec, conv);
    strfmt_emit(buf, spec, (double)luaL_checknumber(L, arg));
    break;
  case STRFMT_FLOAT: {
    lua_Number n = luaL_checknumber(L, arg);
    strfmt_checkspec(L, spec, conv);
    strfmt_emit(buf, spec, (double)n);
    break;
  }
  case STRFMT_POINTER: {
    const void *p = lua_topointer(L, arg);
    strfmt_checkspec(L, spec, conv);
    if (p == NULL) {
      /* printf's "%p" of NULL is not portable; lua5.4 prints (null) */
      spec[strlen(spec) - 1] = 's';
      strfmt_emit(buf, spec, "(null)");
    } else {
      strfmt_emit(buf, spec, p);
    }
    break;
  }
  case STRFMT_STRING: {
    size_t len;
    const char *s = luaL_tolstring(L, arg, &len);
    if (spec[2] == '\0') {
      luaL_addvalue(buf);  /* plain "%s": the whole string, zeros too */
    } else {
      luaL_argcheck(L, strlen(s) == len, arg, "string contains zeros");
      strfmt_checkspec(L, spec, conv);
      if (strchr(spec, '.') == NULL && len >= STRFMT_MAX_WIDTH) {
        luaL_addvalue(buf);  /* wider than any width: the string itself */
      } else {
        /* Width and precision have two digits, so the result is short.
           It is formatted outside the buffer: the buffer may only grow
           while its box is on top of the stack, and the string is. */
        char item[STRFMT_MAX_WIDTH + 1];
        int itemlen = strfmt_stritem(item, spec, s, len);
        lua_pop(L, 1);
        luaL_addlstring(buf, item, (size_t)itemlen);
      }
    }
    break;
  }
  case STRFMT_QUOTED:
    if (spec[2] != '\0')
      luaL_error(L, "specifier '%%q' cannot have modifiers");
    strfmt_quote(L, buf, arg);
    break;
  }
}

int strfmt_format(lua_State *L)
{
  int nargs = lua_gettop(L);
  size_t fmtlen;
  const char *fmt = luaL_checklstring(L, 1, &fmtlen);
  const char *end = fmt + fmtlen;
  int arg = 1;
  luaL_Buffer buf;
  luaL_buffinit(L, &buf);
  while (fmt < end) {
    if (*fmt != '%') {
      luaL_addchar(&buf, *fmt++);
      continue;
    }
    fmt++;
    if (*fmt == '%') {  /* reads the string's terminating zero at the end */
      luaL_addchar(&buf, *fmt++);
      continue;
    }
    if (++arg > nargs)
      luaL_argerror(L, arg, "no value");
    char spec[STRFMT_SPEC_BUFSIZE];
    fmt = strfmt_readspec(L, fmt, spec);
    const strfmt_Conversion *conv = strfmt_lookup(*fmt);
    if (conv == NULL || *fmt == '\0')
      luaL_error(L, "invalid conversion '%s' to 'format'", spec);
    fmt++;
    strfmt_convert(L, &buf, arg, spec, conv);
  }
  luaL_pushresult(&buf);
  return 1;
}
