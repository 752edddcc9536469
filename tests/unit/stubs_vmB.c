/*
 * stubs_vmB.c — stand-ins for the externals that vm-B's arith.c and vm.c
 * reference, so their pure number/string functions can be unit-tested
 * without a whole engine. debug_runerror records the message and jumps
 * back to the test; everything else must not be reached (abort).
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "obj/object.h"

/* stubs ignore their arguments */
#pragma clang diagnostic ignored "-Wunused-parameter"

jmp_buf stub_errjmp;
char stub_errmsg[256];

void debug_runerror(lua_State *L, const char *fmt, ...) {
  (void)L;
  (void)fmt;
  /* tests compare against the format string itself (no formatting) */
  snprintf(stub_errmsg, sizeof stub_errmsg, "%s", fmt);
  longjmp(stub_errjmp, 1);
}

#define STUB(ret, name, ...)                                   \
  ret name(__VA_ARGS__) {                                      \
    fprintf(stderr, "stub %s reached\n", #name);               \
    abort();                                                   \
  }

STUB(void, debug_typeerror, lua_State *L, const TValue *o, const char *op)
STUB(void, gc_barrierback_, lua_State *L, GCObject *p)
STUB(int, str_eqlng, TString *a, TString *b)
STUB(TString *, str_new, lua_State *L, const char *s, size_t l)
STUB(TString *, str_newlong, lua_State *L, size_t l)
STUB(void, tab_finishset, lua_State *L, Table *t, const TValue *k,
     const TValue *slot, TValue *v)
STUB(const TValue *, tab_get, Table *t, const TValue *k)
STUB(lua_Unsigned, tab_getn, Table *t)
STUB(void, tm_call, lua_State *L, const TValue *f, const TValue *p1,
     const TValue *p2, const TValue *p3)
STUB(int, tm_callorder, lua_State *L, const TValue *p1, const TValue *p2,
     int e)
STUB(void, tm_callres, lua_State *L, const TValue *f, const TValue *p1,
     const TValue *p2, StkId res)
STUB(const TValue *, tm_get, Table *t, int e, TString *n)
STUB(const TValue *, tm_getbyobj, lua_State *L, const TValue *o, int e)
STUB(void, tm_trybin, lua_State *L, const TValue *p1, const TValue *p2,
     StkId res, int e)
STUB(void, tm_tryconcat, lua_State *L)
