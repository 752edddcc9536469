/*
 * stubs_front.c — just enough of owners "obj", "gc" and "vm" for the front
 * end's unit driver (front_driver.c) to compile chunks without the rest of
 * the engine: interned strings, a linear-scan table, malloc memory, errors
 * by longjmp, lua5.4's numeral rules, raw arithmetic for constant folding,
 * and the message formatter. Nothing is ever collected (the driver is a
 * short-lived process), so barriers and gc_fix are no-ops.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <locale.h>
#include <ctype.h>

#include "obj/object.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/numconv.h"
#include "obj/state.h"
#include "gc/mem.h"
#include "gc/gc.h"
#include "vm/do.h"
#include "vm/func.h"
#include "vm/arith.h"
#include "vm/debuginfo.h"
#include "stubs_front.h"

/* ------------------------------------------------------------------ */
/* State and errors                                                    */
/* ------------------------------------------------------------------ */

struct lua_longjmp {
  jmp_buf b;
};

static struct lua_longjmp stub_jmp;
static int stub_jmp_active;

lua_State *stub_newstate(void) {
  global_State *g = calloc(1, sizeof(global_State));
  lua_State *L = calloc(1, sizeof(struct lua_State));
  L->l_G = g;
  g->GCdebt = -((l_mem)1 << 40);       /* the collector never runs */
  L->stack = calloc(STUB_STACK_SIZE, sizeof(TValue));
  L->top = L->stack;
  L->stack_last = L->stack + STUB_STACK_SIZE - 10;
  return L;
}

int stub_protected(lua_State *L, void (*f)(lua_State *, void *), void *ud) {
  int status;
  TValue *oldtop = L->top;
  uint32_t oldcalls = L->nCcalls;
  stub_jmp_active = 1;
  L->errorJmp = &stub_jmp;
  status = setjmp(stub_jmp.b);
  if (status == 0) {
    f(L, ud);
    status = LUA_OK;
  }
  else {
    /* keep the message: move it to oldtop */
    TValue msg = L->top[-1];
    L->top = oldtop;
    *L->top++ = msg;
    L->nCcalls = oldcalls;
  }
  stub_jmp_active = 0;
  L->errorJmp = NULL;
  return status;
}

void do_throw(lua_State *L, int errcode) {
  if (!stub_jmp_active) {
    fprintf(stderr, "stub: error outside protected call\n");
    abort();
  }
  longjmp(L->errorJmp->b, errcode);
}

void do_inctop(lua_State *L) {
  if (L->top >= L->stack_last) {
    fprintf(stderr, "stub: stack overflow\n");
    abort();
  }
  L->top++;
}

void state_incCstack(lua_State *L) {
  L->nCcalls++;
  if ((L->nCcalls & 0xffff) >= CR_MAX_CCALLS) {
    obj_pushfstring(L, "C stack overflow");
    do_throw(L, LUA_ERRRUN);
  }
}

void debug_runerror(lua_State *L, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  obj_pushvfstring(L, fmt, ap);
  va_end(ap);
  do_throw(L, LUA_ERRRUN);
}

#if defined(CRESCENT_ASSERT) && CRESCENT_ASSERT
void cr_assert_fail(const char *cond, const char *msg, const char *file,
                    int line) {
  fprintf(stderr, "%s:%d: assertion failed: %s (%s)\n", file, line, cond, msg);
  abort();
}
#endif

/* ------------------------------------------------------------------ */
/* Memory and collector                                                */
/* ------------------------------------------------------------------ */

void *mem_realloc(lua_State *L, void *block, size_t osize, size_t nsize) {
  (void)L; (void)osize;
  if (nsize == 0) {
    free(block);
    return NULL;
  }
  block = realloc(block, nsize);
  if (block == NULL) {
    fprintf(stderr, "stub: out of memory\n");
    abort();
  }
  return block;
}

void mem_free(lua_State *L, void *block, size_t osize) {
  (void)L; (void)osize;
  free(block);
}

void gc_step(lua_State *L) { (void)L; }
void gc_fix(lua_State *L, GCObject *o) { (void)L; (void)o; }
void gc_barrier_(lua_State *L, GCObject *p, GCObject *o) {
  (void)L; (void)p; (void)o;
}

static GCObject *stub_newobj(lua_State *L, int tt, size_t size) {
  GCObject *o = calloc(1, size);
  (void)L;
  o->tt = (lu_byte)tt;
  return o;
}

/* ------------------------------------------------------------------ */
/* Strings                                                             */
/* ------------------------------------------------------------------ */

#define STUB_STRTAB 4096
static TString *stub_strtab[STUB_STRTAB];

static uint32_t stub_hash(const char *s, size_t l) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < l; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static TString *stub_allocstr(lua_State *L, int tt, size_t l) {
  TString *ts = (TString *)stub_newobj(L, tt, sizeof(TString) + l + 1);
  ts->len = l;
  ts->contents[l] = '\0';
  return ts;
}

TString *str_new(lua_State *L, const char *s, size_t l) {
  if (l <= CR_MAX_SHORT_LEN) {
    uint32_t h = stub_hash(s, l);
    TString **list = &stub_strtab[h % STUB_STRTAB];
    for (TString *ts = *list; ts; ts = ts->hnext)
      if (ts->len == l && memcmp(getstr(ts), s, l) == 0)
        return ts;
    TString *ts = stub_allocstr(L, VT_SHRSTR, l);
    memcpy(ts->contents, s, l);
    ts->hash = h;
    ts->hnext = *list;
    *list = ts;
    return ts;
  }
  else {
    TString *ts = stub_allocstr(L, VT_LNGSTR, l);
    memcpy(ts->contents, s, l);
    return ts;
  }
}

TString *str_newz(lua_State *L, const char *s) {
  return str_new(L, s, strlen(s));
}

TString *str_newlong(lua_State *L, size_t l) {
  return stub_allocstr(L, VT_LNGSTR, l);
}

/* ------------------------------------------------------------------ */
/* Tables: a linear list of pairs, raw equality, float keys normalised  */
/* ------------------------------------------------------------------ */

const TValue tab_absentkey = {{0}, VT_NIL};

typedef struct StubTable {
  int n, size;
  TValue *keys, *vals;
} StubTable;

Table *tab_new(lua_State *L) {
  Table *t = (Table *)stub_newobj(L, VT_TABLE, sizeof(Table));
  t->node = (Node *)calloc(1, sizeof(StubTable));
  return t;
}

static void stub_normkey(const TValue *key, TValue *out) {
  *out = *key;
  if (ttisfloat(key)) {
    lua_Number n = fltvalue(key);
    if (n == floor(n) && n >= -9223372036854775808.0 && n < 9223372036854775808.0) {
      setivalue(out, (lua_Integer)n);
    }
  }
}

static int stub_rawequal(const TValue *a, const TValue *b) {
  if (rawtt(a) != rawtt(b))
    return 0;
  switch (rawtt(a)) {
    case VT_NIL: case VT_FALSE: case VT_TRUE: return 1;
    case VT_INT: return val_(a).i == val_(b).i;
    case VT_FLOAT: return val_(a).n == val_(b).n;
    case VT_LIGHTUD: return val_(a).p == val_(b).p;
    case VT_LNGSTR: {
      TString *x = tsvalue(a), *y = tsvalue(b);
      return x == y || (x->len == y->len && memcmp(getstr(x), getstr(y), x->len) == 0);
    }
    default: return val_(a).gc == val_(b).gc;
  }
}

const TValue *tab_get(Table *t, const TValue *key) {
  StubTable *st = (StubTable *)t->node;
  TValue k;
  stub_normkey(key, &k);
  for (int i = 0; i < st->n; i++)
    if (stub_rawequal(&st->keys[i], &k))
      return &st->vals[i];
  return &tab_absentkey;
}

const TValue *tab_getstr(Table *t, TString *key) {
  TValue k;
  setsvalue(NULL, &k, key);
  return tab_get(t, &k);
}

void tab_finishset(lua_State *L, Table *t, const TValue *key,
                   const TValue *slot, TValue *value) {
  StubTable *st = (StubTable *)t->node;
  (void)L;
  if (slot != &tab_absentkey) {
    *(TValue *)slot = *value;
    return;
  }
  if (st->n == st->size) {
    st->size = st->size ? 2 * st->size : 16;
    st->keys = realloc(st->keys, st->size * sizeof(TValue));
    st->vals = realloc(st->vals, st->size * sizeof(TValue));
  }
  stub_normkey(key, &st->keys[st->n]);
  st->vals[st->n++] = *value;
}

/* ------------------------------------------------------------------ */
/* Functions                                                           */
/* ------------------------------------------------------------------ */

Proto *func_newproto(lua_State *L) {
  return (Proto *)stub_newobj(L, VT_PROTO, sizeof(Proto));
}

LClosure *func_newLclosure(lua_State *L, int n) {
  LClosure *cl = (LClosure *)stub_newobj(L, VT_LCL,
                                         sizeof(LClosure) + n * sizeof(UpVal *));
  cl->nupvalues = (lu_byte)n;
  return cl;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */
/* ------------------------------------------------------------------ */

int num_ceillog2(unsigned int x) {
  int l = 0;
  x--;
  while (x >= 1) {
    l++;
    x >>= 1;
  }
  return l;
}

static int stub_hexvalue(int c) {
  return (c >= '0' && c <= '9') ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* lua5.4's l_str2int: decimal or hex; hex wraps; decimal overflow fails
 * (so that the caller tries a float). */
static const char *stub_str2int(const char *s, lua_Integer *result) {
  lua_Unsigned a = 0;
  int empty = 1, neg;
  while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
  neg = (*s == '-');
  if (*s == '-' || *s == '+') s++;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s += 2;
    for (; isxdigit((unsigned char)*s); s++) {
      a = a * 16 + (lua_Unsigned)stub_hexvalue(*s);
      empty = 0;
    }
  }
  else {
    int d;
    lua_Unsigned maxby10 = (lua_Unsigned)LUA_MAXINTEGER / 10;
    int maxlastd = (int)((lua_Unsigned)LUA_MAXINTEGER % 10);
    for (; *s >= '0' && *s <= '9'; s++) {
      d = *s - '0';
      if (a >= maxby10 && (a > maxby10 || d > maxlastd + neg))
        return NULL;                  /* overflow: not an integer */
      a = a * 10 + (lua_Unsigned)d;
      empty = 0;
    }
  }
  while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
  if (empty || *s != '\0')
    return NULL;
  *result = (lua_Integer)(neg ? 0u - a : a);
  return s;
}

static const char *stub_str2d(const char *s, lua_Number *result) {
  char *endptr;
  const char *pmode = strpbrk(s, ".xXnN");
  int mode = pmode ? (*pmode | 0x20) : 0;
  if (mode == 'n')
    return NULL;                      /* reject 'inf' and 'nan' */
  *result = strtod(s, &endptr);
  if (endptr == s)
    return NULL;
  while (*endptr == ' ' || (*endptr >= '\t' && *endptr <= '\r')) endptr++;
  return (*endptr == '\0') ? endptr : NULL;
}

size_t num_str2num(const char *s, TValue *o) {
  lua_Integer i;
  lua_Number n;
  const char *e;
  if ((e = stub_str2int(s, &i)) != NULL) {
    setivalue(o, i);
  }
  else if ((e = stub_str2d(s, &n)) != NULL) {
    setfltvalue(o, n);
  }
  else
    return 0;
  return (size_t)(e - s) + 1;
}

static int stub_toint(const TValue *v, lua_Integer *p) {
  if (ttisinteger(v)) {
    *p = ivalue(v);
    return 1;
  }
  else {
    lua_Number n = fltvalue(v);
    if (n != floor(n) || !(n >= -9223372036854775808.0 && n < 9223372036854775808.0))
      return 0;
    *p = (lua_Integer)n;
    return 1;
  }
}

static lua_Integer stub_shiftl(lua_Integer x, lua_Integer y) {
  if (y < 0)
    return (y <= -64) ? 0 : (lua_Integer)((lua_Unsigned)x >> (lua_Unsigned)(-y));
  return (y >= 64) ? 0 : (lua_Integer)((lua_Unsigned)x << (lua_Unsigned)y);
}

int arith_raw(lua_State *L, int op, const TValue *p1, const TValue *p2,
              TValue *res) {
  (void)L;
  switch (op) {
    case LUA_OPBAND: case LUA_OPBOR: case LUA_OPBXOR:
    case LUA_OPSHL: case LUA_OPSHR: case LUA_OPBNOT: {
      lua_Integer a, b, r = 0;
      if (!stub_toint(p1, &a) || !stub_toint(p2, &b))
        return 0;
      switch (op) {
        case LUA_OPBAND: r = a & b; break;
        case LUA_OPBOR: r = a | b; break;
        case LUA_OPBXOR: r = a ^ b; break;
        case LUA_OPSHL: r = stub_shiftl(a, b); break;
        case LUA_OPSHR: r = stub_shiftl(a, -b); break;
        case LUA_OPBNOT: r = ~a; break;
      }
      setivalue(res, r);
      return 1;
    }
    case LUA_OPDIV: case LUA_OPPOW: {
      lua_Number a = nvalue(p1), b = nvalue(p2);
      setfltvalue(res, op == LUA_OPDIV ? a / b : (b == 2 ? a * a : pow(a, b)));
      return 1;
    }
    default:
      if (ttisinteger(p1) && ttisinteger(p2)) {
        lua_Unsigned a = (lua_Unsigned)ivalue(p1), b = (lua_Unsigned)ivalue(p2);
        lua_Integer m = ivalue(p1), n = ivalue(p2), r = 0;
        switch (op) {
          case LUA_OPADD: r = (lua_Integer)(a + b); break;
          case LUA_OPSUB: r = (lua_Integer)(a - b); break;
          case LUA_OPMUL: r = (lua_Integer)(a * b); break;
          case LUA_OPUNM: r = (lua_Integer)(0u - a); break;
          case LUA_OPMOD:
            if (n == 0) return 0;
            if (n == -1) r = 0;
            else { r = m % n; if (r != 0 && (r ^ n) < 0) r += n; }
            break;
          case LUA_OPIDIV:
            if (n == 0) return 0;
            if (n == -1) r = (lua_Integer)(0u - a);
            else { r = m / n; if ((m ^ n) < 0 && m % n != 0) r -= 1; }
            break;
        }
        setivalue(res, r);
      }
      else {
        lua_Number a = nvalue(p1), b = nvalue(p2), r = 0;
        switch (op) {
          case LUA_OPADD: r = a + b; break;
          case LUA_OPSUB: r = a - b; break;
          case LUA_OPMUL: r = a * b; break;
          case LUA_OPUNM: r = -a; break;
          case LUA_OPMOD:
            r = fmod(a, b);
            if ((r > 0) ? b < 0 : (r < 0 && b != r)) r += b;
            break;
          case LUA_OPIDIV: r = floor(a / b); break;
        }
        setfltvalue(res, r);
      }
      return 1;
  }
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */
/* ------------------------------------------------------------------ */

const char *obj_pushvfstring(lua_State *L, const char *fmt, va_list argp) {
  char buff[2048];
  size_t n = 0;
  const char *e;
  while ((e = strchr(fmt, '%')) != NULL && n < sizeof(buff) - 200) {
    size_t l = (size_t)(e - fmt);
    memcpy(buff + n, fmt, l);
    n += l;
    switch (e[1]) {
      case 's': {
        const char *s = va_arg(argp, const char *);
        if (s == NULL) s = "(null)";
        size_t sl = strlen(s);
        if (sl > sizeof(buff) - n - 100) sl = sizeof(buff) - n - 100;
        memcpy(buff + n, s, sl);
        n += sl;
        break;
      }
      case 'c': buff[n++] = (char)va_arg(argp, int); break;
      case 'd': n += (size_t)sprintf(buff + n, "%d", va_arg(argp, int)); break;
      case 'I': n += (size_t)sprintf(buff + n, "%lld", (long long)va_arg(argp, lua_Integer)); break;
      case 'f': n += (size_t)sprintf(buff + n, "%.14g", va_arg(argp, lua_Number)); break;
      case 'p': n += (size_t)sprintf(buff + n, "%p", va_arg(argp, void *)); break;
      case 'U': n += (size_t)sprintf(buff + n, "U+%lx", va_arg(argp, unsigned long)); break;
      case '%': buff[n++] = '%'; break;
      default: buff[n++] = '%'; buff[n++] = e[1]; break;
    }
    fmt = e + 2;
  }
  {
    size_t l = strlen(fmt);
    if (l > sizeof(buff) - n - 1) l = sizeof(buff) - n - 1;
    memcpy(buff + n, fmt, l);
    n += l;
  }
  TString *ts = str_new(L, buff, n);
  setsvalue(L, L->top, ts);
  L->top++;
  return getstr(ts);
}

const char *obj_pushfstring(lua_State *L, const char *fmt, ...) {
  va_list ap;
  const char *r;
  va_start(ap, fmt);
  r = obj_pushvfstring(L, fmt, ap);
  va_end(ap);
  return r;
}

/* LUA_IDSIZE rules for chunk names in messages. */
void obj_chunkid(char *out, const char *source, size_t srclen) {
  size_t bufflen = LUA_IDSIZE;
  if (*source == '=') {
    if (srclen <= bufflen)
      memcpy(out, source + 1, srclen);
    else {
      memcpy(out, source + 1, bufflen - 1);
      out[bufflen - 1] = '\0';
    }
  }
  else if (*source == '@') {
    if (srclen <= bufflen)
      memcpy(out, source + 1, srclen);
    else {
      memcpy(out, "...", 3);
      bufflen -= 3;
      memcpy(out + 3, source + 1 + srclen - bufflen, bufflen);
    }
  }
  else {
    const char *nl = strchr(source, '\n');
    const char *pre = "[string \"", *pos = "\"]", *dots = "...";
    size_t room = bufflen - (9 + 3 + 2) - 1;
    char *p = out;
    memcpy(p, pre, 9); p += 9;
    if (srclen < room && nl == NULL) {
      memcpy(p, source, srclen); p += srclen;
    }
    else {
      if (nl != NULL) srclen = (size_t)(nl - source);
      if (srclen > room) srclen = room;
      memcpy(p, source, srclen); p += srclen;
      memcpy(p, dots, 3); p += 3;
    }
    memcpy(p, pos, 3);
  }
}
