/*
 * needs_vm.h — functions of owner "vm" that obj/ and gc/ call. The real
 * headers are used when they exist; the fallback declarations carry the
 * names and signatures fixed in CORE.md (the lead can replace the includes
 * of this file by the real headers and delete it).
 */
#ifndef CRESCENT_NEEDS_VM_H
#define CRESCENT_NEEDS_VM_H

#include "obj/object.h"
#include "vm/tm.h"

#if __has_include("vm/do.h")
#include "vm/do.h"
#else
CR_NORETURN void do_throw(lua_State *L, int errcode);
int do_rawrunprotected(lua_State *L, void (*f)(lua_State *, void *), void *ud);
int do_pcall(lua_State *L, void (*f)(lua_State *, void *), void *u,
             ptrdiff_t oldtop, ptrdiff_t ef);
void do_callnoyield(lua_State *L, StkId func, int nresults);
void do_shrinkstack(lua_State *L);
/* lua5.4's luaD_closeprotected: close upvalues and to-be-closed variables
 * at or above stack offset `level` in protected mode (lua_close). */
int do_closeprotected(lua_State *L, ptrdiff_t level, int status);
#endif

#if __has_include("vm/func.h")
#include "vm/func.h"
#else
void func_freeproto(lua_State *L, Proto *f);
void func_freeupval(lua_State *L, UpVal *uv);
void func_closeupval(lua_State *L, StkId level);
#endif

#if __has_include("vm/debuginfo.h")
#include "vm/debuginfo.h"
#else
CR_NORETURN void debug_runerror(lua_State *L, const char *fmt, ...);
#endif

#endif
