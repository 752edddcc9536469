/*
 * strfmt.c - string.format.
 *
 * A specification may have the flags its conversion allows, then a width
 * and (when allowed) a precision of at most two digits each, as lua5.4
 * checks it.  Anything else is "invalid conversion specification", and an
 * unknown conversion letter is "invalid conversion '...' to 'format'".
 * Well-formed specifications are read once into a strfmt_Spec and
 * formatted here: integers and strings by C's rules, floats by
 * strfmt_float.c (exactly as printf; snprintf only for what that leaves
 * out, and for '%a' and '%p').  '%q' is Lua's own: it writes a value back
 * as Lua source text.
 *
 * The order in which a conversion checks its argument and its
 * specification differs between conversions in lua5.4 (for example '%d'
 * reads its number first, '%c' checks the specification first); the order
 * is visible in error messages, and strfmt_badspec keeps it.
 */
#include <ctype.h>
#include <locale.h>
#if defined(__GLIBC__)
#include <langinfo.h>
#endif
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

/* Flag sets of the conversions (STRFMT_FLAG_* bits, strlib.h). */
#define STRFMT_FL_MINUS STRFMT_FLAG_MINUS
#define STRFMT_FL_SIGNED \
  (STRFMT_FLAG_MINUS | STRFMT_FLAG_PLUS | STRFMT_FLAG_SPACE | STRFMT_FLAG_ZERO)
#define STRFMT_FL_UNSIGNED (STRFMT_FLAG_MINUS | STRFMT_FLAG_ZERO)
#define STRFMT_FL_ALTINT \
  (STRFMT_FLAG_MINUS | STRFMT_FLAG_ALT | STRFMT_FLAG_ZERO)
#define STRFMT_FL_FLOAT (STRFMT_FL_SIGNED | STRFMT_FLAG_ALT)

/* letter, flags it accepts, whether it takes a precision, kind */
#define STRFMT_CONVERSIONS(X)                           \
  X('c', STRFMT_FL_MINUS,    0, STRFMT_CHAR)            \
  X('d', STRFMT_FL_SIGNED,   1, STRFMT_INTEGER)         \
  X('i', STRFMT_FL_SIGNED,   1, STRFMT_INTEGER)         \
  X('u', STRFMT_FL_UNSIGNED, 1, STRFMT_INTEGER)         \
  X('o', STRFMT_FL_ALTINT,   1, STRFMT_INTEGER)         \
  X('x', STRFMT_FL_ALTINT,   1, STRFMT_INTEGER)         \
  X('X', STRFMT_FL_ALTINT,   1, STRFMT_INTEGER)         \
  X('a', STRFMT_FL_FLOAT,    1, STRFMT_HEXFLOAT)        \
  X('A', STRFMT_FL_FLOAT,    1, STRFMT_HEXFLOAT)        \
  X('e', STRFMT_FL_FLOAT,    1, STRFMT_FLOAT)           \
  X('E', STRFMT_FL_FLOAT,    1, STRFMT_FLOAT)           \
  X('f', STRFMT_FL_FLOAT,    1, STRFMT_FLOAT)           \
  X('g', STRFMT_FL_FLOAT,    1, STRFMT_FLOAT)           \
  X('G', STRFMT_FL_FLOAT,    1, STRFMT_FLOAT)           \
  X('p', STRFMT_FL_MINUS,    0, STRFMT_POINTER)         \
  X('s', STRFMT_FL_MINUS,    1, STRFMT_STRING)          \
  X('q', 0,                  0, STRFMT_QUOTED)

typedef struct strfmt_Conversion {
  char letter;
  unsigned flags;
  int has_precision;
  strfmt_Kind kind;
} strfmt_Conversion;

/* The flag bit of a specification character (0 for any other). */
static inline unsigned strfmt_flagbit(char c)
{
  switch (c) {
#define STRFMT_FLAG_CASE(name, ch) case ch: return STRFMT_FLAG_##name;
  STRFMT_FLAGS(STRFMT_FLAG_CASE)
#undef STRFMT_FLAG_CASE
  default: return 0;
  }
}

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
 * A specification read in one pass. Most formats are well formed, and
 * their directives are then read once, here, and formatted from this.
 * Anything else goes to strfmt_badspec, which reads it the long way
 * to raise lua5.4's error.
 */
typedef struct strfmt_Spec {
  unsigned flags;  /* STRFMT_FLAG_* */
  int width;       /* 0 when absent */
  int precision;   /* -1 when absent */
  char letter;
} strfmt_Spec;

static inline int strfmt_isdigit(char c)
{
  return c >= '0' && c <= '9';
}

/*
 * Reads the specification at 'fmt' (just after the '%') when it is well
 * formed: flags its conversion accepts, a width of at most two digits
 * (which cannot start with '0': zeros there are flags), '.' and a
 * precision of at most two digits if the conversion takes one, and a
 * known conversion letter. Returns the letter's position, or NULL (spec
 * and conv undefined) for every other text, valid or not: lua5.4 accepts
 * exactly these, so the caller's strfmt_badspec raises an error then.
 */
static const char *strfmt_quickspec(const char *fmt, strfmt_Spec *spec,
                                    const strfmt_Conversion **conv)
{
  const char *p = fmt;
  unsigned flags = 0, bit;
  while ((bit = strfmt_flagbit(*p)) != 0) {
    flags |= bit;
    p++;
  }
  int width = 0;
  if (strfmt_isdigit(*p)) {
    width = *p++ - '0';
    if (strfmt_isdigit(*p))
      width = width * 10 + (*p++ - '0');
  }
  int precision = -1;
  if (*p == '.') {
    p++;
    precision = 0;
    if (strfmt_isdigit(*p)) {
      precision = *p++ - '0';
      if (strfmt_isdigit(*p))
        precision = precision * 10 + (*p++ - '0');
    }
  }
  if (p - fmt + 1 >= STRFMT_SPEC_MAXLEN)  /* repeated flags */
    return NULL;
  const strfmt_Conversion *c = strfmt_lookup(*p);
  if (c == NULL || (flags & ~c->flags) != 0 ||
      (precision >= 0 && !c->has_precision) ||
      (c->kind == STRFMT_QUOTED && p != fmt))  /* '%q' takes no width */
    return NULL;
  spec->flags = flags;
  spec->width = width;
  spec->precision = precision;
  spec->letter = *p;
  *conv = c;
  return p;
}

/* Copies the specification that ends at 'letter' into 'text' as "%...X"
   (for snprintf and messages). */
static void strfmt_spectext(char *text, const char *fmt, const char *letter)
{
  size_t len = (size_t)(letter - fmt) + 1;
  text[0] = '%';
  memcpy(text + 1, fmt, len);
  text[len + 1] = '\0';
}

/* Is c one of the characters a specification spans before its letter? */
static inline int strfmt_isspecchar(char c)
{
  return strfmt_flagbit(c) != 0 || strfmt_isdigit(c) || c == '.';
}

static const char *strfmt_skip2digits(const char *p)
{
  for (int i = 0; i < 2 && strfmt_isdigit(*p); i++)
    p++;
  return p;
}

/* Raises lua5.4's error unless 'text' is: allowed flags, a width that does
   not start with '0', and, if allowed, '.' and a precision. */
static void strfmt_checkspec(lua_State *L, const char *text,
                             const strfmt_Conversion *conv)
{
  const char *p = text + 1;
  while ((strfmt_flagbit(*p) & conv->flags) != 0)
    p++;
  if (*p != '0') {
    p = strfmt_skip2digits(p);
    if (*p == '.' && conv->has_precision)
      p = strfmt_skip2digits(p + 1);
  }
  if (!isalpha((unsigned char)*p))
    luaL_error(L, "invalid conversion specification: '%s'", text);
}

/*
 * The specification at 'fmt' is not one strfmt_quickspec reads: raise
 * the error lua5.4 raises, in its order. The whole span of specification
 * characters and the character after it are the specification (too long
 * a span is an error); an unknown letter is an error; else the
 * conversion reads its argument before or after checking the
 * specification, as lua5.4's does (the order shows in the messages).
 */
static __attribute__((noreturn)) void strfmt_badspec(lua_State *L, const char *fmt,
                                           int arg)
{
  char text[STRFMT_SPEC_BUFSIZE];
  size_t len = 0;
  while (strfmt_isspecchar(fmt[len]))
    len++;
  if (len + 1 >= STRFMT_SPEC_MAXLEN)
    luaL_error(L, "invalid format (too long)");
  strfmt_spectext(text, fmt, fmt + len);
  const strfmt_Conversion *conv = strfmt_lookup(fmt[len]);
  if (conv == NULL || fmt[len] == '\0')
    luaL_error(L, "invalid conversion '%s' to 'format'", text);
  switch (conv->kind) {
  case STRFMT_INTEGER:
    luaL_checkinteger(L, arg);
    break;
  case STRFMT_FLOAT:
    luaL_checknumber(L, arg);
    break;
  case STRFMT_POINTER:
    lua_topointer(L, arg);
    break;
  case STRFMT_STRING: {
    size_t slen;
    const char *s = luaL_tolstring(L, arg, &slen);
    luaL_argcheck(L, strlen(s) == slen, arg, "string contains zeros");
    break;
  }
  case STRFMT_QUOTED:
    luaL_error(L, "specifier '%%q' cannot have modifiers");
    break;
  default:  /* '%c', '%a': the specification first */
    break;
  }
  strfmt_checkspec(L, text, conv);
  /* strfmt_quickspec reads every specification lua5.4 accepts */
  luaL_error(L, "invalid conversion specification: '%s'", text);
  for (;;) {}
}

/*
 * Room reserved for one conversion before formatting it.  Every item of
 * two-digit width and precision fits, except '%f' of a huge number; those
 * are formatted a second time into room of the size the first try
 * reported, so nothing is ever cut (and the common case formats once).
 */
#define STRFMT_ITEM_ROOM 128

/* snprintf straight into the buffer. */
static void strfmt_emit(luaL_Buffer *buf, const char *text, ...)
{
  va_list args, again;
  va_start(args, text);
  va_copy(again, args);
  char *out = luaL_prepbuffsize(buf, STRFMT_ITEM_ROOM);
  int needed = vsnprintf(out, STRFMT_ITEM_ROOM, text, args);
  va_end(args);
  if (needed >= STRFMT_ITEM_ROOM) {
    out = luaL_prepbuffsize(buf, (size_t)needed + 1);
    vsnprintf(out, (size_t)needed + 1, text, again);
  }
  if (needed > 0)
    luaL_addsize(buf, (size_t)needed);
  va_end(again);
}


/*
 * Integer conversions ('d', 'i', 'u', 'o', 'x', 'X', 'c') formatted here
 * rather than by snprintf, whose general machinery costs several times the
 * work for these. The rules are C's: the precision is the least number of
 * digits (0 with the value 0 gives none); '+' or ' ' gives a sign to
 * non-negative signed values; '#' puts "0x" before non-zero hexadecimal
 * values and makes octal start with 0; '0' pads with zeros after the sign
 * or prefix unless a precision is given or '-' (left-justify) is set.
 * Returns the length written to 'out', which must have room for 120.
 */
static int strfmt_intitem(char *out, const strfmt_Spec *spec, lua_Integer n)
{
  unsigned flags = spec->flags;
  int precision = spec->precision;
  char letter = spec->letter;
  char digits[24];  /* 22 octal digits at most */
  int ndigits = 0;
  char prefix[2];
  int nprefix = 0;
  if (letter == 'c') {
    digits[0] = (char)(unsigned char)(int)n;  /* '%c' takes no '0' flag */
    ndigits = 1;
  } else {
    unsigned long long u = (unsigned long long)n;
    if (letter == 'd' || letter == 'i') {
      if (n < 0) {
        u = 0ull - u;
        prefix[nprefix++] = '-';
      } else if (flags & STRFMT_FLAG_PLUS) {
        prefix[nprefix++] = '+';
      } else if (flags & STRFMT_FLAG_SPACE) {
        prefix[nprefix++] = ' ';
      }
    }
    unsigned base = (letter == 'o') ? 8u
                  : (letter == 'x' || letter == 'X') ? 16u : 10u;
    const char *set = (letter == 'X') ? "0123456789ABCDEF"
                                      : "0123456789abcdef";
    char rev[24];
    if (base == 10) {
      for (unsigned long long v = u; v != 0; v /= 10)
        rev[ndigits++] = (char)('0' + (int)(v % 10));
    } else {
      unsigned shift = base == 16 ? 4 : 3;
      for (unsigned long long v = u; v != 0; v >>= shift)
        rev[ndigits++] = set[v & (base - 1)];
    }
    for (int i = 0; i < ndigits; i++)
      digits[i] = rev[ndigits - 1 - i];
    if (precision < 0)
      precision = 1;
    else
      flags &= ~STRFMT_FLAG_ZERO;  /* a precision turns zero padding off */
    if ((flags & STRFMT_FLAG_ALT) && letter == 'o' && precision <= ndigits)
      precision = ndigits + 1;  /* the first digit must be a zero */
    if ((flags & STRFMT_FLAG_ALT) && u != 0 && base == 16) {
      prefix[nprefix++] = '0';
      prefix[nprefix++] = letter;
    }
  }
  int nzeros = precision > ndigits ? precision - ndigits : 0;
  return strfmt_justify(out, flags, spec->width, prefix, nprefix, nzeros,
                        digits, ndigits);
}

/*
 * '%s' with a width or a precision, as C formats it: at most 'precision'
 * bytes of s, padded with spaces to 'width' (on the right with '-', the
 * only flag 's' allows). The result fits in STRFMT_MAX_WIDTH bytes unless
 * there is no precision and len is that long, which the caller handles
 * without formatting.
 */
static int strfmt_stritem(char *out, const strfmt_Spec *spec, const char *s,
                          size_t len)
{
  if (spec->precision >= 0 && len > (size_t)spec->precision)
    len = (size_t)spec->precision;
  return strfmt_justify(out, spec->flags, spec->width, "", 0, 0, s,
                        (int)len);
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

/*
 * The radix character the C library writes for the current locale, or
 * 0 when it is not a single byte (then strfmt_float is not used).
 */
static char strfmt_radix(void)
{
#if defined(__GLIBC__)
  /* the same text as localeconv()'s, without filling its whole struct */
  const char *point = nl_langinfo(RADIXCHAR);
#else
  const char *point = localeconv()->decimal_point;
#endif
  return point[0] != '\0' && point[1] == '\0' ? point[0] : '\0';
}

typedef struct strfmt_State {
  lua_State *L;
  luaL_Buffer *buf;
  const char *fmt;     /* the specification, after its '%' */
  const char *letter;  /* its conversion letter */
  int radix;           /* strfmt_radix(), -1 until first needed */
} strfmt_State;

/* snprintf of the specification as written. */
#define STRFMT_EMIT_AS_WRITTEN(st, value) \
  do { \
    char text_[STRFMT_SPEC_BUFSIZE]; \
    strfmt_spectext(text_, (st)->fmt, (st)->letter); \
    strfmt_emit((st)->buf, text_, value); \
  } while (0)

static void strfmt_floatitem(strfmt_State *st, const strfmt_Spec *spec,
                             lua_Number n)
{
  if (st->radix < 0)
    st->radix = (unsigned char)strfmt_radix();
  if (st->radix != 0) {
    char *out = luaL_prepbuffsize(st->buf, STRFMT_ITEM_ROOM);
    int len = strfmt_float(out, (double)n, spec->letter, spec->flags,
                           spec->width, spec->precision, (char)st->radix);
    if (len >= 0) {
      luaL_addsize(st->buf, (size_t)len);
      return;
    }
  }
  STRFMT_EMIT_AS_WRITTEN(st, (double)n);
}

static void strfmt_convert(strfmt_State *st, int arg, const strfmt_Spec *spec,
                           const strfmt_Conversion *conv)
{
  lua_State *L = st->L;
  luaL_Buffer *buf = st->buf;
  switch (conv->kind) {
  case STRFMT_CHAR:
  case STRFMT_INTEGER: {
    lua_Integer n = luaL_checkinteger(L, arg);
    char *out = luaL_prepbuffsize(buf, STRFMT_ITEM_ROOM);
    luaL_addsize(buf, (size_t)strfmt_intitem(out, spec, n));
    break;
  }
  case STRFMT_HEXFLOAT:
    STRFMT_EMIT_AS_WRITTEN(st, (double)luaL_checknumber(L, arg));
    break;
  case STRFMT_FLOAT:
    strfmt_floatitem(st, spec, luaL_checknumber(L, arg));
    break;
  case STRFMT_POINTER: {
    const void *p = lua_topointer(L, arg);
    if (p == NULL) {
      /* printf's "%p" of NULL is not portable; lua5.4 prints (null) */
      char item[STRFMT_MAX_WIDTH + 1];
      int len = strfmt_stritem(item, spec, "(null)", 6);
      luaL_addlstring(buf, item, (size_t)len);
    } else {
      STRFMT_EMIT_AS_WRITTEN(st, p);
    }
    break;
  }
  case STRFMT_STRING: {
    size_t len;
    const char *s = luaL_tolstring(L, arg, &len);
    if (spec->width == 0 && spec->precision < 0 && spec->flags == 0) {
      luaL_addvalue(buf);  /* plain "%s": the whole string, zeros too */
    } else {
      luaL_argcheck(L, strlen(s) == len, arg, "string contains zeros");
      if (spec->precision < 0 && len >= STRFMT_MAX_WIDTH) {
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
  strfmt_State st = {L, &buf, NULL, NULL, -1};
  while (fmt < end) {
    /* the text up to the next directive, in one piece */
    const char *pct = memchr(fmt, '%', (size_t)(end - fmt));
    if (pct == NULL)
      pct = end;
    if (pct > fmt)
      luaL_addlstring(&buf, fmt, (size_t)(pct - fmt));
    if (pct == end)
      break;
    fmt = pct + 1;
    if (*fmt == '%') {  /* reads the string's terminating zero at the end */
      luaL_addchar(&buf, *fmt++);
      continue;
    }
    if (++arg > nargs)
      luaL_argerror(L, arg, "no value");
    strfmt_Spec spec;
    const strfmt_Conversion *conv;
    const char *letter = strfmt_quickspec(fmt, &spec, &conv);
    if (letter == NULL)
      strfmt_badspec(L, fmt, arg);
    st.fmt = fmt;
    st.letter = letter;
    strfmt_convert(&st, arg, &spec, conv);
    fmt = letter + 1;
  }
  luaL_pushresult(&buf);
  return 1;
}
