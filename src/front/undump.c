/*
 * undump.c — loads a binary chunk written by dump.c (layout there).
 *
 * Input is untrusted: every count is range-checked before it sizes an
 * allocation, every read that runs out of input fails with lua5.4's
 * "truncated chunk", and the finished function tree goes through the
 * verifier (verify.c) before lua_load returns it. Errors have lua5.4's
 * form "<name>: bad binary format (<why>)".
 *
 * The collector can run during loading (a reader may even be a Lua
 * function), so each object is reachable before anything else allocates:
 * the closure is on the stack, each prototype hangs off its parent as soon
 * as it exists, arrays are filled with nil/NULL right after allocation and
 * their sizes set with them, and a long string is anchored on the stack
 * while its bytes are read.
 */
#include "front/undump.h"
#include "front/dump.h"
#include "front/verify.h"
#include "front/grow.h"
#include "obj/str.h"
#include "obj/numconv.h"
#include "gc/gc.h"
#include "gc/mem.h"
#include "vm/do.h"
#include "vm/func.h"

#include <string.h>

/* Long strings are read in pieces of at least this size (see below). */
#define UNDUMP_STRPIECE ((size_t)1 << 16)

/* Counts beyond this are corrupt (and would overflow size arithmetic). */
#define UNDUMP_MAXCOUNT (INT_MAX / 32)

typedef struct LoadState {
  lua_State *L;
  ZIO *Z;
  const char *name;
} LoadState;

static CR_NORETURN void undump_error(LoadState *S, const char *why) {
  obj_pushfstring(S->L, "%s: bad binary format (%s)", S->name, why);
  do_throw(S->L, LUA_ERRSYNTAX);
}

static void undump_block(LoadState *S, void *b, size_t size) {
  if (zio_read(S->Z, b, size) != 0)
    undump_error(S, "truncated chunk");
}

static lu_byte undump_byte(LoadState *S) {
  int b = zgetc(S->Z);
  if (b == ZIO_EOZ)
    undump_error(S, "truncated chunk");
  return (lu_byte)b;
}

static size_t undump_varint(LoadState *S, size_t limit) {
  size_t x = 0;
  int shift = 0;
  for (;;) {
    lu_byte b = undump_byte(S);
    if (shift >= 63 || ((size_t)(b & 0x7f) << shift) >> shift != (size_t)(b & 0x7f))
      undump_error(S, "integer overflow");
    x |= (size_t)(b & 0x7f) << shift;
    if (!(b & 0x80))
      break;
    shift += 7;
  }
  if (x > limit)
    undump_error(S, "integer overflow");
  return x;
}

static int undump_int(LoadState *S) {
  return (int)undump_varint(S, INT_MAX);
}

static int undump_count(LoadState *S) {
  return (int)undump_varint(S, UNDUMP_MAXCOUNT);
}

/*
 * Arrays are allocated as their elements arrive, doubling, never from the
 * count alone: a corrupt count then costs at most twice the input actually
 * read before the chunk runs out, not gigabytes up front. The size field
 * always equals the allocation (the collector and func_freeproto rely on
 * it) and the part not yet loaded is kept in a state the collector accepts.
 */
#define undump_grow(S, v, i, size, T, n) \
  ((v) = (T *)grow_array((S)->L, v, i, &(size), sizeof(T), n, "elements"))

/* Returns NULL for an absent string. */
static TString *undump_string(LoadState *S) {
  lua_State *L = S->L;
  TString *ts;
  size_t size = undump_varint(S, ((size_t)-1) / 2);
  if (size == 0)
    return NULL;
  size--;
  if (size <= CR_MAX_SHORT_LEN) {
    char buff[CR_MAX_SHORT_LEN];
    undump_block(S, buff, size);
    ts = str_new(L, buff, size);
  }
  else {
    /* Read in doubling pieces, each a new string that replaces the last
     * one in a stack slot, so a corrupt size fails on input, not memory. */
    size_t have = 0;
    size_t cap = (size < UNDUMP_STRPIECE) ? size : UNDUMP_STRPIECE;
    ts = str_newlong(L, cap);
    setsvalue(L, L->top, ts);
    do_inctop(L);
    for (;;) {
      TString *bigger;
      undump_block(S, getstr(ts) + have, cap - have);
      have = cap;
      if (have == size)
        break;
      cap = (size - have > have) ? 2 * have : size;
      bigger = str_newlong(L, cap);
      memcpy(getstr(bigger), getstr(ts), have);
      ts = bigger;
      setsvalue(L, L->top - 1, ts);
    }
    L->top--;
  }
  return ts;
}

static void undump_code(LoadState *S, Proto *f) {
  int n = undump_count(S);
  int loaded = 0;
  if (n == 0)
    undump_error(S, "function without code");
  while (loaded < n) {
    undump_grow(S, f->code, loaded, f->sizecode, Instruction, n);
    undump_block(S, f->code + loaded,
                 sizeof(Instruction) * (size_t)(f->sizecode - loaded));
    loaded = f->sizecode;
  }
}

static void undump_feedback(LoadState *S, Proto *f) {
  int n = undump_count(S);
  if (n > f->sizecode || n > (int)MAX_FEEDBACK_SLOTS)
    undump_error(S, "too many feedback slots");
  if (n > 0) {
    size_t bytes = sizeof(FeedbackSlot) * (size_t)n;
    f->feedback = (FeedbackSlot *)mem_realloc(S->L, NULL, 0, bytes);
    memset(f->feedback, 0, bytes);
    f->nfeedback = n;
  }
}

static void undump_constants(LoadState *S, Proto *f) {
  int n = undump_count(S);
  for (int i = 0; i < n; i++) {
    TValue *o;
    int tt;
    if (i == f->sizek) {
      int old = f->sizek;
      undump_grow(S, f->k, i, f->sizek, TValue, n);
      for (int j = old; j < f->sizek; j++)
        setnilvalue(&f->k[j]);
    }
    o = &f->k[i];
    tt = undump_byte(S);
    switch (tt) {
      case VT_NIL: setnilvalue(o); break;
      case VT_FALSE: setbfvalue(o); break;
      case VT_TRUE: setbtvalue(o); break;
      case VT_INT: {
        lua_Integer x;
        undump_block(S, &x, sizeof(x));
        setivalue(o, x);
        break;
      }
      case VT_FLOAT: {
        lua_Number x;
        undump_block(S, &x, sizeof(x));
        setfltvalue(o, x);
        break;
      }
      case VT_SHRSTR: case VT_LNGSTR: {
        TString *ts = undump_string(S);
        if (ts == NULL)
          undump_error(S, "bad constant");
        setsvalue(S->L, o, ts);
        gc_barrier(S->L, f, o);
        break;
      }
      default:
        undump_error(S, "bad constant");
    }
  }
}

static void undump_upvalues(LoadState *S, Proto *f) {
  int n = undump_count(S);
  if (n > CR_MAX_UPVALUES)
    undump_error(S, "too many upvalues");
  f->upvalues = (Upvaldesc *)mem_realloc(S->L, NULL, 0, sizeof(Upvaldesc) * (size_t)n);
  f->sizeupvalues = n;
  for (int i = 0; i < n; i++)
    f->upvalues[i].name = NULL;
  for (int i = 0; i < n; i++) {
    f->upvalues[i].instack = undump_byte(S);
    f->upvalues[i].idx = undump_byte(S);
    f->upvalues[i].kind = undump_byte(S);
  }
}

static void undump_proto(LoadState *S, Proto *f, TString *psource);

static void undump_protos(LoadState *S, Proto *f) {
  int n = undump_count(S);
  for (int i = 0; i < n; i++) {
    if (i == f->sizep) {
      int old = f->sizep;
      undump_grow(S, f->p, i, f->sizep, Proto *, n);
      for (int j = old; j < f->sizep; j++)
        f->p[j] = NULL;
    }
    f->p[i] = func_newproto(S->L);
    gc_objbarrier(S->L, f, f->p[i]);
    undump_proto(S, f->p[i], f->source);
  }
}

static void undump_debug(LoadState *S, Proto *f) {
  int n = undump_count(S);
  if (n != 0 && n != f->sizecode)
    undump_error(S, "bad line information");
  f->lineinfo = (signed char *)mem_realloc(S->L, NULL, 0, (size_t)n);
  f->sizelineinfo = n;
  undump_block(S, f->lineinfo, (size_t)n);
  n = undump_count(S);
  if (n > f->sizelineinfo)
    undump_error(S, "bad line information");
  f->abslineinfo = (AbsLineInfo *)mem_realloc(S->L, NULL, 0, sizeof(AbsLineInfo) * (size_t)n);
  f->sizeabslineinfo = n;
  for (int i = 0; i < n; i++) {
    f->abslineinfo[i].pc = undump_int(S);
    f->abslineinfo[i].line = undump_int(S);
  }
  n = undump_count(S);
  for (int i = 0; i < n; i++) {
    if (i == f->sizelocvars) {
      int old = f->sizelocvars;
      undump_grow(S, f->locvars, i, f->sizelocvars, LocVar, n);
      for (int j = old; j < f->sizelocvars; j++)
        f->locvars[j].varname = NULL;
    }
    f->locvars[i].varname = undump_string(S);
    if (f->locvars[i].varname)
      gc_objbarrier(S->L, f, f->locvars[i].varname);
    f->locvars[i].startpc = undump_int(S);
    f->locvars[i].endpc = undump_int(S);
  }
  n = undump_count(S);
  if (n != 0 && n != f->sizeupvalues)
    undump_error(S, "bad upvalue names");
  for (int i = 0; i < n; i++) {
    f->upvalues[i].name = undump_string(S);
    if (f->upvalues[i].name)
      gc_objbarrier(S->L, f, f->upvalues[i].name);
  }
}

static void undump_proto(LoadState *S, Proto *f, TString *psource) {
  f->source = undump_string(S);
  if (f->source == NULL)              /* shared with the parent, or stripped */
    f->source = (psource != NULL) ? psource : str_newlit(S->L, "=?");
  gc_objbarrier(S->L, f, f->source);
  f->linedefined = undump_int(S);
  f->lastlinedefined = undump_int(S);
  f->numparams = undump_byte(S);
  f->is_vararg = undump_byte(S);
  f->maxstacksize = undump_byte(S);
  undump_code(S, f);
  undump_feedback(S, f);
  undump_constants(S, f);
  undump_upvalues(S, f);
  undump_protos(S, f);
  undump_debug(S, f);
}

static void undump_literal(LoadState *S, const char *s, const char *why) {
  size_t len = strlen(s);
  char buff[16];
  undump_block(S, buff, len);
  if (memcmp(s, buff, len) != 0)
    undump_error(S, why);
}

static void undump_header(LoadState *S) {
  lua_Integer ti;
  lua_Number tn;
  lu_byte mark;
  /* the first byte of LUA_SIGNATURE was read by the caller */
  undump_literal(S, &LUA_SIGNATURE[1], "not a binary chunk");
  mark = undump_byte(S);
  if (mark != DUMP_MARK) {
    if (mark >= 0x50 && mark <= 0x5F)
      undump_error(S, "a PUC Lua chunk; Crescent reads only its own");
    undump_error(S, "not a Crescent chunk");
  }
  undump_literal(S, DUMP_ENGINE, "not a Crescent chunk");
  if (undump_byte(S) != DUMP_FORMAT)
    undump_error(S, "format mismatch");
  undump_literal(S, DUMP_DATA, "corrupted chunk");
  if (undump_byte(S) != sizeof(Instruction))
    undump_error(S, "Instruction size mismatch");
  if (undump_byte(S) != sizeof(lua_Integer))
    undump_error(S, "lua_Integer size mismatch");
  if (undump_byte(S) != sizeof(lua_Number))
    undump_error(S, "lua_Number size mismatch");
  undump_block(S, &ti, sizeof(ti));
  if (ti != DUMP_TESTINT)
    undump_error(S, "integer format mismatch");
  undump_block(S, &tn, sizeof(tn));
  if (tn != DUMP_TESTNUM)
    undump_error(S, "float format mismatch");
}

LClosure *undump_chunk(lua_State *L, ZIO *z, const char *name) {
  LoadState S;
  LClosure *cl;
  int nup;
  if (*name == '@' || *name == '=')
    S.name = name + 1;
  else if (*name == LUA_SIGNATURE[0])
    S.name = "binary string";
  else
    S.name = name;
  S.L = L;
  S.Z = z;
  undump_header(&S);
  nup = undump_byte(&S);
  cl = func_newLclosure(L, nup);
  setclLvalue(L, L->top, cl);
  do_inctop(L);
  cl->p = func_newproto(L);
  gc_objbarrier(L, cl, cl->p);
  undump_proto(&S, cl->p, NULL);
  if (nup != cl->p->sizeupvalues)
    undump_error(&S, "upvalue count mismatch");
  if (!verify_proto(L, cl->p)) {
    const char *why = svalue(L->top - 1);
    undump_error(&S, why);
  }
  return cl;
}
