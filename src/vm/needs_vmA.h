/*
 * needs_vmA.h — functions of vm/do.h (helper vm-A: calls, stack, errors,
 * hooks) that vm-B's files call, with the names and signatures fixed in
 * CORE.md. Uses vm/do.h when it exists; the fallback declarations below are
 * what vm-B expects from it (the lead reconciles).
 */
#ifndef CRESCENT_VM_NEEDS_VMA_H
#define CRESCENT_VM_NEEDS_VMA_H

#include "obj/object.h"

#if __has_include("vm/do.h")
#include "vm/do.h"
#else
CR_NORETURN void do_throw(lua_State *L, int errcode);
void do_call(lua_State *L, StkId func, int nresults);
void do_callnoyield(lua_State *L, StkId func, int nresults);
void do_growstack(lua_State *L, int n, int raiseerror);
/* Put the error object of status errcode at oldtop (LUA_OK: nil) and set
 * L->top = oldtop + 1. */
void do_seterrorobj(lua_State *L, int errcode, StkId oldtop);
void do_hook(lua_State *L, int event, int line, int ftransfer, int ntransfer);
#endif

/* Stack positions as offsets, to survive reallocation. */
#ifndef savestack
#define savestack(L, p)    ((char *)(p) - (char *)(L)->stack)
#endif
#ifndef restorestack
#define restorestack(L, n) ((StkId)((char *)(L)->stack + (n)))
#endif

#endif
