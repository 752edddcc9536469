/*
 * state.h — creating and destroying states and threads, the CallInfo list,
 * C-stack counting, allocation debt, warnings.
 *
 * Memory layout: every thread is an LX block, LUA_EXTRASPACE bytes of user
 * space (lua_getextraspace) followed by the lua_State; the main thread and
 * the global_State share one LG block, allocated before anything else can
 * be and freed last.
 *
 * Stack convention (vm/do.c reallocates stacks and must keep it): a stack
 * of `n` usable slots is one vector of n + CR_EXTRA_STACK TValues, and
 * stack_last = stack + n.
 *
 * twups convention (vm/func.c maintains the list): L->twups == L means "L
 * is not in g->twups", the list of threads with open upvalues.
 */
#ifndef CRESCENT_STATE_H
#define CRESCENT_STATE_H

#include "obj/object.h"

typedef struct LX {
  lu_byte extra_[LUA_EXTRASPACE];
  lua_State l;
} LX;

typedef struct LG {
  LX l;
  global_State g;
} LG;

#define state_fromstate(L) ((LX *)((lu_byte *)(L) - offsetof(LX, l)))

/* nCcalls: the low 16 bits count nested C calls (and parser levels), the
 * high bits count non-yieldable calls ("nny"); a thread can yield only when
 * the high part is zero. */
#define state_getCcalls(L)   ((L)->nCcalls & 0xffffu)
#define state_incnny(L)      ((L)->nCcalls += 0x10000u)
#define state_decnny(L)      ((L)->nCcalls -= 0x10000u)
#define state_yieldable(L)   (((L)->nCcalls & 0xffff0000u) == 0)
/* Count one more C call; "C stack overflow" at CR_MAX_CCALLS, and a plain
 * LUA_ERRERR ("error in error handling") if handling that overflows too. */
void state_incCstack(lua_State *L);
void state_checkcstack(lua_State *L);
#define state_decCstack(L)   ((L)->nCcalls--)

/* CallInfo list: the list only grows (entries are reused on later calls);
 * shrinkci gives back half of the unused tail, freeci all of it. */
CallInfo *state_extendci(lua_State *L);
void state_freeci(lua_State *L);
void state_shrinkci(lua_State *L);
#define state_nextci(L) \
  ((L)->ci->next != NULL ? (L)->ci->next : state_extendci(L))

/* Set GCdebt keeping totalbytes + GCdebt (the real byte count) fixed. */
void state_setdebt(global_State *g, l_mem debt);

/* Free a dead thread (the collector's sweep): closes its upvalues first. */
void state_freethread(lua_State *L, lua_State *L1);

/* Warnings through g->warnf (what lua_warning does). warnerror emits
 * "error in <where> (<message at the top of the stack>)". */
void state_warning(lua_State *L, const char *msg, int tocont);
void state_warnerror(lua_State *L, const char *where);

/* Reset a thread's hook count from its base count. */
#define state_resethookcount(L) ((L)->hookcount = (L)->basehookcount)

#endif
