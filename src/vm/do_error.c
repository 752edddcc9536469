/*
 * do_error.c — raising errors and running code in protected mode.
 *
 * Every protected region is a struct lua_longjmp on the C stack, chained
 * through L->errorJmp. do_throw stores the status in the innermost one and
 * longjmps there; the region's owner restores L->ci and friends from values
 * it saved before entering. This is the only unwinding mechanism (DESIGN.md,
 * decision 10): interpreter handlers, compiled code and C functions keep
 * nothing on the C stack that needs cleanup.
 */
#include <stdlib.h>

#include "vm/do.h"
#include "vm/do_jmp.h"
#include "obj/str.h"
#include "vm/debuginfo.h"
#include "vm/func.h"

void do_seterrorobj(lua_State *L, int errcode, StkId oldtop) {
  switch (errcode) {
    case LUA_ERRMEM:
      setsvalue(L, oldtop, G(L)->memerrmsg);
      break;
    case LUA_ERRERR:
      setsvalue(L, oldtop, str_newlit(L, "error in error handling"));
      break;
    case LUA_OK:  /* closing upvalues without an error */
      setnilvalue(oldtop);
      break;
    default:
      cr_assert(errcode > LUA_YIELD, "an error status");
      setobj(L, oldtop, L->top - 1);
      break;
  }
  L->top = oldtop + 1;
}

CR_NORETURN void do_throw(lua_State *L, int errcode) {
  if (L->errorJmp != NULL) {
    L->errorJmp->status = errcode;
    _longjmp(L->errorJmp->b, 1);
  }
  global_State *g = G(L);
  /* no recovery point in this thread: close it and pass the error to the
   * main thread's (a coroutine resumed without lua_resume's protection) */
  errcode = do_resetthread(L, errcode);
  if (g->mainthread->errorJmp != NULL) {
    setobj(L, g->mainthread->top, L->top - 1);
    g->mainthread->top++;
    do_throw(g->mainthread, errcode);
  }
  if (g->panic != NULL) g->panic(L);
  abort();
}

int do_rawrunprotected(lua_State *L, Pfunc f, void *ud) {
  uint32_t oldnCcalls = L->nCcalls;
  struct lua_longjmp lj;
  do_runprotected(L, lj, f(L, ud));
  L->nCcalls = oldnCcalls;
  return lj.status;
}

void do_checkcstack(lua_State *L) {
  if (do_getCcalls(L) == CR_MAX_CCALLS)
    debug_runerror(L, "C stack overflow");
  else if (do_getCcalls(L) >= CR_MAX_CCALLS / 10 * 11)
    do_throw(L, LUA_ERRERR);  /* overflow while handling the overflow */
}

/* ---- Closing variables after an error ---- */

struct CloseArgs { StkId level; int status; };

static void close_protected_body(lua_State *L, void *ud) {
  struct CloseArgs *a = (struct CloseArgs *)ud;
  func_close(L, a->level, a->status, 0);
}

/*
 * A __close that raises replaces the error being handled and the remaining
 * variables are closed with the new error, so repeat until one full pass
 * succeeds; each pass starts from the saved frame.
 */
int do_closeprotected(lua_State *L, ptrdiff_t level, int status) {
  CallInfo *old_ci = L->ci;
  lu_byte old_allowhook = L->allowhook;
  for (;;) {
    struct CloseArgs a;
    a.level = restorestack(L, level);
    a.status = status;
    status = do_rawrunprotected(L, close_protected_body, &a);
    if (CR_LIKELY(status == LUA_OK))
      return a.status;
    L->ci = old_ci;
    L->allowhook = old_allowhook;
  }
}

int do_pcall(lua_State *L, Pfunc f, void *u, ptrdiff_t oldtop, ptrdiff_t ef) {
  CallInfo *old_ci = L->ci;
  lu_byte old_allowhook = L->allowhook;
  ptrdiff_t old_errfunc = L->errfunc;
  int status;
  L->errfunc = ef;
  status = do_rawrunprotected(L, f, u);
  if (CR_UNLIKELY(status != LUA_OK)) {
    L->ci = old_ci;
    L->allowhook = old_allowhook;
    status = do_closeprotected(L, oldtop, status);
    do_seterrorobj(L, status, restorestack(L, oldtop));
    do_shrinkstack(L);  /* the error may have been a stack overflow */
  }
  L->errfunc = old_errfunc;
  return status;
}
