/*
 * func.c — prototypes, closures, upvalues, and to-be-closed variables.
 *
 * Invariants:
 *  - L->openupval is sorted by stack level, highest first, and holds at
 *    most one upvalue per level, so closures sharing a variable share the
 *    UpVal. A thread with open upvalues is in G(L)->twups (the collector
 *    walks that list); L->twups == L means "not in the list".
 *  - The tbc list (func.h) is sorted the same way; func_close walks both
 *    lists from the top down, closing upvalues before calling __close.
 */
#include <string.h>

#include "vm/func.h"
#include "vm/debuginfo.h"
#include "gc/gc.h"
#include "gc/mem.h"
#include "vm/do.h"
#include "vm/tm.h"
#include "jit/jit.h"

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

Proto *func_newproto(lua_State *L) {
  Proto *f = (Proto *)gc_newobj(L, VT_PROTO, sizeof(Proto));
  /* every field after the header starts zero/NULL */
  memset((char *)f + offsetof(Proto, numparams), 0,
         sizeof(Proto) - offsetof(Proto, numparams));
  return f;
}

void func_freeproto(lua_State *L, Proto *f) {
  if (f->jitcode != NULL)
    jit_free(f);
  mem_free(L, f->code, (size_t)f->sizecode * sizeof(Instruction));
  mem_free(L, f->p, (size_t)f->sizep * sizeof(Proto *));
  mem_free(L, f->k, (size_t)f->sizek * sizeof(TValue));
  mem_free(L, f->lineinfo, (size_t)f->sizelineinfo * sizeof(signed char));
  mem_free(L, f->abslineinfo,
           (size_t)f->sizeabslineinfo * sizeof(AbsLineInfo));
  mem_free(L, f->locvars, (size_t)f->sizelocvars * sizeof(LocVar));
  mem_free(L, f->upvalues, (size_t)f->sizeupvalues * sizeof(Upvaldesc));
  mem_free(L, f->feedback, (size_t)f->nfeedback * sizeof(FeedbackSlot));
  mem_free(L, f, sizeof(Proto));
}

CClosure *func_newCclosure(lua_State *L, int nupvals) {
  CClosure *c = (CClosure *)gc_newobj(L, VT_CCL, func_sizeCclosure(nupvals));
  c->nupvalues = cast_byte(nupvals);
  c->gclist = NULL;
  c->f = NULL;
  return c;
}

LClosure *func_newLclosure(lua_State *L, int nupvals) {
  LClosure *c = (LClosure *)gc_newobj(L, VT_LCL, func_sizeLclosure(nupvals));
  c->nupvalues = cast_byte(nupvals);
  c->gclist = NULL;
  c->p = NULL;
  /* cleared before anything can allocate, so the collector never sees
   * garbage pointers while the closure is being filled */
  for (int i = 0; i < nupvals; i++)
    c->upvals[i] = NULL;
  return c;
}

static UpVal *func_newclosedupval(lua_State *L) {
  UpVal *uv = (UpVal *)gc_newobj(L, VT_UPVAL, sizeof(UpVal));
  uv->tbc = 0;
  uv->v = &uv->u.value;
  setnilvalue(uv->v);
  return uv;
}

void func_initupvals(lua_State *L, LClosure *cl) {
  for (int i = 0; i < cl->nupvalues; i++) {
    cl->upvals[i] = func_newclosedupval(L);
    gc_objbarrier(L, obj2gco(cl), obj2gco(cl->upvals[i]));
  }
}

/* ------------------------------------------------------------------ */
/* Open upvalues                                                       */
/* ------------------------------------------------------------------ */

/* Link a new open upvalue for `level` before *prev. */
static UpVal *func_newopenupval(lua_State *L, StkId level, UpVal **prev) {
  UpVal *uv = (UpVal *)gc_newobj(L, VT_UPVAL, sizeof(UpVal));
  UpVal *next = *prev;
  uv->tbc = 0;
  uv->v = level;
  uv->u.open.next = next;
  uv->u.open.previous = prev;
  if (next)
    next->u.open.previous = &uv->u.open.next;
  *prev = uv;
  if (L->twups == L) {          /* first open upvalue of this thread */
    L->twups = G(L)->twups;
    G(L)->twups = L;
  }
  return uv;
}

UpVal *func_findupval(lua_State *L, StkId level) {
  UpVal **pp = &L->openupval;
  UpVal *p;
  cr_assert(L->twups != L || L->openupval == NULL,
            "a thread with open upvalues is in twups");
  while ((p = *pp) != NULL && p->v >= level) {
    if (p->v == level)
      return p;
    pp = &p->u.open.next;
  }
  return func_newopenupval(L, level, pp);
}

void func_unlinkupval(UpVal *uv) {
  cr_assert(upisopen(uv), "only open upvalues are linked");
  *uv->u.open.previous = uv->u.open.next;
  if (uv->u.open.next)
    uv->u.open.next->u.open.previous = uv->u.open.previous;
}

void func_freeupval(lua_State *L, UpVal *uv) {
  if (upisopen(uv))
    func_unlinkupval(uv);
  mem_free(L, uv, sizeof(UpVal));
}

void func_closeupval(lua_State *L, StkId level) {
  UpVal *uv;
  while ((uv = L->openupval) != NULL && uv->v >= level) {
    TValue *slot = &uv->u.value;
    func_unlinkupval(uv);
    setobj(L, slot, uv->v);
    uv->v = slot;
    /* the value now lives in the heap object: a marked open upvalue is
     * gray on no gray list, so it turns black and the value goes through
     * the barrier (gc/gc.h) */
    gc_upvalclosed(L, uv);
  }
}

/* ------------------------------------------------------------------ */
/* To-be-closed variables                                              */
/* ------------------------------------------------------------------ */

void func_newtbcupval(lua_State *L, StkId level) {
  if (l_isfalse(level))
    return;                     /* false and nil need no closing */
  /* Checked in release builds too: a corrupt binary chunk can jump around
   * a CLOSE and mark a lower slot again, and a descending list entry would
   * send func_close's walk out of the stack (front/CODEGEN_NOTES.md). */
  if (CR_UNLIKELY(level <= L->tbclist))
    debug_runerror(L, "to-be-closed variable below a marked one");
  if (ttisnil(tm_getbyobj(L, level, TM_CLOSE))) {
    int idx = (int)(level - L->ci->func);
    const char *vname = debug_findlocal(L, L->ci, idx, NULL);
    if (vname == NULL)
      vname = "?";
    debug_runerror(L, "variable '%s' got a non-closable value", vname);
  }
  func_settbcdelta(level, (uint32_t)(level - L->tbclist));
  L->tbclist = level;
}

/* Call __close(obj, err). The metamethod is looked up again now: it may
 * have been removed since the variable was marked, and then the call fails
 * like any call of nil ("attempt to call a nil value"). */
static void func_callclose(lua_State *L, TValue *obj, const TValue *err,
                           int yy) {
  StkId top = L->top;
  const TValue *tm = tm_getbyobj(L, obj, TM_CLOSE);
  setobj2s(L, top, tm);
  setobj2s(L, top + 1, obj);
  setobj2s(L, top + 2, err);
  L->top = top + 3;
  if (yy)
    do_call(L, top, 0);
  else
    do_callnoyield(L, top, 0);
}

StkId func_close(lua_State *L, StkId level, int status, int yy) {
  ptrdiff_t levelrel = savestack(L, level);
  func_closeupval(L, level);
  while (L->tbclist >= level) {
    StkId tbc = L->tbclist;
    const TValue *err;
    /* unlink first: an error inside __close must not call it again */
    L->tbclist = tbc - func_tbcdelta(tbc);
    if (status == FUNC_CLOSEKTOP) {
      err = &G(L)->nilvalue;
    } else {
      /* the error object goes just above the variable (top = tbc + 2) */
      do_seterrorobj(L, status, tbc + 1);
      err = tbc + 1;
    }
    func_callclose(L, tbc, err, yy);
    level = restorestack(L, levelrel);
  }
  return level;
}

/* ------------------------------------------------------------------ */
/* Debug information                                                   */
/* ------------------------------------------------------------------ */

const char *func_getlocalname(const Proto *f, int local_number, int pc) {
  /* locvars are sorted by startpc; the active ones at pc are numbered in
   * that order, which is register order */
  for (int i = 0; i < f->sizelocvars && f->locvars[i].startpc <= pc; i++) {
    if (pc < f->locvars[i].endpc) {
      local_number--;
      if (local_number == 0)
        return getstr(f->locvars[i].varname);
    }
  }
  return NULL;
}
