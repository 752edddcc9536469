/*
 * numconv.c — numerals <-> numbers (lua5.4's exact acceptance rules), the
 * UTF-8 escape encoder, obj_pushfstring and obj_chunkid.
 *
 * Acceptance is decided here and nowhere else: the lexer, tonumber, string
 * arithmetic coercion and lua_stringtonumber all call num_str2num, so they
 * agree on every corner (" 10 ", "0x", "1e", ".5", "5.", hex floats,
 * overflowing decimals becoming floats, "inf"/"nan" refused).
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obj/numconv.h"
#include "obj/str.h"
#include "obj/needs_vm.h"

/* Longest numeral retried with the locale's decimal point. */
#define NUM_MAXLEN_LOCALE 200

/* The C locale's white space (what lua5.4's lexer calls space). */
static inline int num_isspace(int c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int num_isdigit(int c)
{
  return (unsigned)(c - '0') < 10u;
}

static inline int num_isxdigit(int c)
{
  return num_isdigit(c) || (unsigned)((c | 0x20) - 'a') < 6u;
}

int num_hexavalue(int c)
{
  return num_isdigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* ------------------------------------------------------------------ */
/* Text -> number                                                      */
/* ------------------------------------------------------------------ */

/* Integer numeral; NULL if s is not one or a decimal one overflows (the
 * caller then tries a float). Returns the position of the final '\0'. */
static const char *num_str2int(const char *s, lua_Integer *result)
{
  lua_Unsigned acc = 0;
  int any = 0;
  int neg = 0;
  while (num_isspace((unsigned char)*s))
    s++;
  if (*s == '-') {
    neg = 1;
    s++;
  } else if (*s == '+') {
    s++;
  }
  if (s[0] == '0' && (s[1] | 0x20) == 'x') {
    /* Hex integers wrap around modulo 2^64, as lua5.4's do. */
    for (s += 2; num_isxdigit((unsigned char)*s); s++) {
      acc = acc * 16 + (lua_Unsigned)num_hexavalue((unsigned char)*s);
      any = 1;
    }
  } else {
    /* A decimal integer must fit: up to 2^63-1, or 2^63 when negative. */
    const lua_Unsigned limit10 = (lua_Unsigned)LUA_MAXINTEGER / 10;
    const int lastdigit = (int)((lua_Unsigned)LUA_MAXINTEGER % 10);
    for (; num_isdigit((unsigned char)*s); s++) {
      int d = *s - '0';
      if (acc >= limit10 && (acc > limit10 || d > lastdigit + neg))
        return NULL;
      acc = acc * 10 + (lua_Unsigned)d;
      any = 1;
    }
  }
  while (num_isspace((unsigned char)*s))
    s++;
  if (!any || *s != '\0')
    return NULL;
  *result = l_castU2S(neg ? 0u - acc : acc);
  return s;
}

/* strtod on s; accepted only if everything after the number is space. */
static const char *num_strtod(const char *s, lua_Number *result)
{
  char *end;
  *result = strtod(s, &end);
  if (end == s)
    return NULL;
  while (num_isspace((unsigned char)*end))
    end++;
  return *end == '\0' ? end : NULL;
}

static const char *num_str2flt(const char *s, lua_Number *result)
{
  /* No numeral contains 'n': this refuses "inf", "nan" and their cousins
   * that strtod would accept. */
  if (strpbrk(s, "nN") != NULL)
    return NULL;
  const char *end = num_strtod(s, result);
  if (end != NULL)
    return end;
  /* strtod follows the C locale's decimal point; lua5.4 retries with '.'
   * replaced by it so "3.5" works under any locale. */
  const char *dot = strchr(s, '.');
  size_t len = strlen(s);
  if (dot == NULL || len > NUM_MAXLEN_LOCALE)
    return NULL;
  char buff[NUM_MAXLEN_LOCALE + 1];
  memcpy(buff, s, len + 1);
  buff[dot - s] = lua_getlocaledecpoint();
  end = num_strtod(buff, result);
  return end == NULL ? NULL : s + (end - buff);
}

size_t num_str2num(const char *s, TValue *o)
{
  lua_Integer i;
  lua_Number n;
  const char *end;
  if ((end = num_str2int(s, &i)) != NULL) {
    setivalue(o, i);
  } else if ((end = num_str2flt(s, &n)) != NULL) {
    setfltvalue(o, n);
  } else {
    return 0;
  }
  return (size_t)(end - s) + 1;
}

/* ------------------------------------------------------------------ */
/* Number -> text                                                      */
/* ------------------------------------------------------------------ */

/* Decimal digits of an integer, as "%lld" writes them (without going
 * through printf's format interpreter: number-to-string conversion is on
 * the path of every `..` with a number). */
static int num_int2str(char *buff, lua_Integer i)
{
  char digits[24];
  char *p = digits + sizeof digits;
  lua_Unsigned u = i < 0 ? 0u - l_castS2U(i) : l_castS2U(i);
  do {
    *--p = (char)('0' + (int)(u % 10u));
    u /= 10u;
  } while (u != 0);
  if (i < 0)
    *--p = '-';
  int len = (int)(digits + sizeof digits - p);
  memcpy(buff, p, (size_t)len);
  buff[len] = '\0';
  return len;
}

int num_tostringbuff(const TValue *o, char *buff)
{
  int len;
  cr_assert(ttisnumber(o), "a number");
  if (ttisinteger(o)) {
    len = num_int2str(buff, val_(o).i);
  } else {
    len = lua_number2str(buff, NUM_MAXSTR, val_(o).n);
    /* "%.14g" prints 1.0 as "1": add ".0" so floats stay recognisable
     * (but not to "inf", "nan" or "1e+20", which are not digits only). */
    if (buff[strspn(buff, "-0123456789")] == '\0') {
      buff[len++] = lua_getlocaledecpoint();
      buff[len++] = '0';
    }
  }
  return len;
}

void num_tostring(lua_State *L, TValue *o)
{
  char buff[NUM_MAXSTR];
  int len = num_tostringbuff(o, buff);
  TString *ts = str_new(L, buff, (size_t)len);
  setsvalue(L, o, ts);
}

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

int num_utf8esc(char *buff, unsigned long x)
{
  cr_assert(x <= 0x7FFFFFFFul, "31 bits at most");
  int n = 1;
  if (x < 0x80) {
    buff[NUM_UTF8BUFSZ - 1] = (char)x;
    return 1;
  }
  /* Continuation bytes carry 6 bits each, filled from the end; the lead
   * byte can hold fewer payload bits the more bytes there are. */
  unsigned int leadroom = 0x3f;
  do {
    buff[NUM_UTF8BUFSZ - n] = (char)(0x80 | (x & 0x3f));
    n++;
    x >>= 6;
    leadroom >>= 1;
  } while (x > leadroom);
  buff[NUM_UTF8BUFSZ - n] = (char)((~leadroom << 1) | x);
  return n;
}

int num_ceillog2(unsigned int x)
{
  cr_assert(x >= 1, "positive");
  return x <= 1 ? 0 : 32 - __builtin_clz(x - 1);
}

/* ------------------------------------------------------------------ */
/* obj_pushfstring                                                     */
/* ------------------------------------------------------------------ */

/* Text accumulates in `space`; when it overflows, it is joined to a partial
 * result kept in a Lua string at L->top - 1, so nothing leaks if an error
 * (out of memory, bad option) interrupts the formatting. */
#define FMT_SPACE 200

typedef struct FmtBuf {
  lua_State *L;
  int pushed;        /* partial result at L->top - 1 */
  size_t n;
  char space[FMT_SPACE];
} FmtBuf;

/* Replace the partial result by partial .. space .. extra. */
static void fmt_flush(FmtBuf *b, const char *extra, size_t elen)
{
  lua_State *L = b->L;
  size_t plen = b->pushed ? vslen(L->top - 1) : 0;
  size_t total = plen + b->n + elen;
  TString *ts;
  if (total <= CR_MAX_SHORT_LEN) {
    char tmp[CR_MAX_SHORT_LEN];
    if (plen > 0)
      memcpy(tmp, svalue(L->top - 1), plen);
    memcpy(tmp + plen, b->space, b->n);
    if (elen > 0)
      memcpy(tmp + plen + b->n, extra, elen);
    ts = str_new(L, tmp, total);
  } else {
    ts = str_newlong(L, total);
    if (plen > 0)
      memcpy(getstr(ts), svalue(L->top - 1), plen);
    memcpy(getstr(ts) + plen, b->space, b->n);
    if (elen > 0)
      memcpy(getstr(ts) + plen + b->n, extra, elen);
  }
  if (!b->pushed) {
    L->top++;
    b->pushed = 1;
  }
  setsvalue(L, L->top - 1, ts);
  b->n = 0;
}

static void fmt_add(FmtBuf *b, const char *s, size_t len)
{
  if (len <= FMT_SPACE - b->n) {
    memcpy(b->space + b->n, s, len);
    b->n += len;
  } else {
    fmt_flush(b, s, len);
  }
}

const char *obj_pushvfstring(lua_State *L, const char *fmt, va_list argp)
{
  FmtBuf b;
  b.L = L;
  b.pushed = 0;
  b.n = 0;
  const char *e;
  while ((e = strchr(fmt, '%')) != NULL) {
    char num[NUM_MAXSTR];
    fmt_add(&b, fmt, (size_t)(e - fmt));
    switch (e[1]) {
      case 's': {
        const char *s = va_arg(argp, const char *);
        if (s == NULL)
          s = "(null)";
        fmt_add(&b, s, strlen(s));
        break;
      }
      case 'c': {
        char c = (char)(unsigned char)va_arg(argp, int);
        fmt_add(&b, &c, 1);
        break;
      }
      case 'd': {
        TValue v;
        setivalue(&v, va_arg(argp, int));
        fmt_add(&b, num, (size_t)num_tostringbuff(&v, num));
        break;
      }
      case 'I': {
        TValue v;
        setivalue(&v, (lua_Integer)va_arg(argp, LUAI_UACINT));
        fmt_add(&b, num, (size_t)num_tostringbuff(&v, num));
        break;
      }
      case 'f': {
        TValue v;
        setfltvalue(&v, (lua_Number)va_arg(argp, LUAI_UACNUMBER));
        fmt_add(&b, num, (size_t)num_tostringbuff(&v, num));
        break;
      }
      case 'p': {
        void *p = va_arg(argp, void *);
        int len = lua_pointer2str(num, sizeof(num), p);
        fmt_add(&b, num, (size_t)len);
        break;
      }
      case 'U': {
        char u[NUM_UTF8BUFSZ];
        int len = num_utf8esc(u, (unsigned long)va_arg(argp, long));
        fmt_add(&b, u + NUM_UTF8BUFSZ - len, (size_t)len);
        break;
      }
      case '%':
        fmt_add(&b, "%", 1);
        break;
      default:
        debug_runerror(L, "invalid option '%%%c' to 'lua_pushfstring'", e[1]);
    }
    fmt = e + 2;
  }
  fmt_add(&b, fmt, strlen(fmt));
  if (!b.pushed) {
    TString *ts = str_new(L, b.space, b.n);
    setsvalue(L, L->top, ts);
    L->top++;
  } else if (b.n > 0) {
    fmt_flush(&b, NULL, 0);
  }
  return svalue(L->top - 1);
}

const char *obj_pushfstring(lua_State *L, const char *fmt, ...)
{
  va_list argp;
  va_start(argp, fmt);
  const char *s = obj_pushvfstring(L, fmt, argp);
  va_end(argp);
  return s;
}

/* ------------------------------------------------------------------ */
/* Chunk names                                                         */
/* ------------------------------------------------------------------ */

#define CHUNK_ELLIPSIS "..."
#define CHUNK_PRE      "[string \""
#define CHUNK_POST     "\"]"
#define LIT_LEN(s)     (sizeof(s) - 1)

void obj_chunkid(char *out, const char *src, size_t srclen)
{
  const size_t room = LUA_IDSIZE;   /* bytes at out, '\0' included */
  if (*src == '=') {
    /* Literal name: as much of it as fits. */
    size_t n = srclen - 1 < room - 1 ? srclen - 1 : room - 1;
    memcpy(out, src + 1, n);
    out[n] = '\0';
  } else if (*src == '@') {
    /* File name: keep its end, which names the file, behind "...". */
    if (srclen <= room) {
      memcpy(out, src + 1, srclen);   /* srclen - 1 chars and the '\0' */
    } else {
      size_t keep = room - 1 - LIT_LEN(CHUNK_ELLIPSIS);
      memcpy(out, CHUNK_ELLIPSIS, LIT_LEN(CHUNK_ELLIPSIS));
      memcpy(out + LIT_LEN(CHUNK_ELLIPSIS), src + srclen - keep, keep + 1);
    }
  } else {
    /* Source text: its first line, cut to fit [string "..."]. */
    const char *nl = strchr(src, '\n');
    size_t max = room - LIT_LEN(CHUNK_PRE) - LIT_LEN(CHUNK_ELLIPSIS) -
                 LIT_LEN(CHUNK_POST) - 1;
    char *p = out;
    memcpy(p, CHUNK_PRE, LIT_LEN(CHUNK_PRE));
    p += LIT_LEN(CHUNK_PRE);
    if (srclen < max && nl == NULL) {
      memcpy(p, src, srclen);
      p += srclen;
    } else {
      size_t n = nl != NULL ? (size_t)(nl - src) : srclen;
      if (n > max)
        n = max;
      memcpy(p, src, n);
      p += n;
      memcpy(p, CHUNK_ELLIPSIS, LIT_LEN(CHUNK_ELLIPSIS));
      p += LIT_LEN(CHUNK_ELLIPSIS);
    }
    memcpy(p, CHUNK_POST, LIT_LEN(CHUNK_POST) + 1);
  }
}
