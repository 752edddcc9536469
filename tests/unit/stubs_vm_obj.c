/*
 * stubs_vm_obj.c — just enough of owners "vm" and "front" for the obj/gc
 * unit tests to link without the interpreter: protected calls with setjmp,
 * errors that record their message, metamethod lookup by name, finalizers
 * that are light C functions called directly.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obj/object.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/numconv.h"
#include "gc/gc.h"
#include "gc/mem.h"
#include "obj/needs_vm.h"
#include "obj/needs_front.h"
#include "obj_test.h"

char stub_lasterror[256];

struct lua_longjmp {
  struct lua_longjmp *previous;
  jmp_buf b;
  volatile int status;
};

void do_throw(lua_State *L, int errcode)
{
  if (L->errorJmp == NULL) {
    fprintf(stderr, "stub: unprotected error %d (%s)\n", errcode,
            stub_lasterror);
    abort();
  }
  L->errorJmp->status = errcode;
  longjmp(L->errorJmp->b, 1);
}

int do_rawrunprotected(lua_State *L, Pfunc f, void *ud)
{
  struct lua_longjmp lj;
  lj.status = LUA_OK;
  lj.previous = L->errorJmp;
  L->errorJmp = &lj;
  if (setjmp(lj.b) == 0)
    f(L, ud);
  L->errorJmp = lj.previous;
  return lj.status;
}

int do_pcall(lua_State *L, Pfunc f, void *u, ptrdiff_t oldtop, ptrdiff_t ef)
{
  (void)ef;
  CallInfo *oldci = L->ci;
  int status = do_rawrunprotected(L, f, u);
  if (status != LUA_OK) {
    L->ci = oldci;
    StkId top = (StkId)((char *)L->stack + oldtop);
    TString *msg = str_newz(L, stub_lasterror);
    setsvalue(L, top, msg);
    L->top = top + 1;
  }
  return status;
}

int do_closeprotected(lua_State *L, ptrdiff_t level, int status)
{
  (void)L; (void)level;
  return status;
}

void do_callnoyield(lua_State *L, StkId func, int nresults)
{
  (void)nresults;
  if (!ttislcf(func)) {
    snprintf(stub_lasterror, sizeof stub_lasterror,
             "attempt to call a %s value", ttypename(ttype(func)));
    do_throw(L, LUA_ERRRUN);
  }
  lua_CFunction f = fvalue(func);
  f(L);
  L->top = func;
}

void do_shrinkstack(lua_State *L) { (void)L; }

void debug_runerror(lua_State *L, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(stub_lasterror, sizeof stub_lasterror, fmt, ap);
  va_end(ap);
  do_throw(L, LUA_ERRRUN);
}

/* Frees what the tests build by hand: code and feedback. */
void func_freeproto(lua_State *L, Proto *f)
{
  mem_free(L, f->code, (size_t)f->sizecode * sizeof(Instruction));
  mem_free(L, f->feedback, (size_t)f->nfeedback * sizeof(FeedbackSlot));
  mem_free(L, f, sizeof(Proto));
}
void func_freeupval(lua_State *L, UpVal *uv) { (void)L; (void)uv; abort(); }
void func_closeupval(lua_State *L, StkId level) { (void)L; (void)level; }

static const char *const stub_tmnames[] = {
#define X(name, key) key,
  TM_EVENTS(X)
#undef X
};

void tm_init(lua_State *L)
{
  for (int e = 0; e < TM_N; e++) {
    G(L)->tmname[e] = str_newz(L, stub_tmnames[e]);
    gc_fix(L, obj2gco(G(L)->tmname[e]));
  }
}

const TValue *tm_get(Table *events, int event, TString *ename)
{
  const TValue *tm = tab_getshortstr(events, ename);
  if (ttisnil(tm)) {
    events->tmcache |= (lu_byte)(1u << event);
    return NULL;
  }
  return tm;
}

const TValue *tm_getbyobj(lua_State *L, const TValue *o, int event)
{
  Table *mt = NULL;
  if (ttistable(o))
    mt = hvalue(o)->metatable;
  else if (ttisfulluserdata(o))
    mt = uvalue(o)->metatable;
  if (mt == NULL)
    return &G(L)->nilvalue;
  return tab_getshortstr(mt, G(L)->tmname[event]);
}

void lex_init(lua_State *L) { (void)L; }

void stub_warn(void *ud, const char *msg, int tocont)
{
  char *buf = ud;
  strncat(buf, msg, 1023 - strlen(buf));
  if (!tocont)
    strncat(buf, "\n", 1023 - strlen(buf));
}
