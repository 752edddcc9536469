/*
 * do_stack.c — growing, moving and shrinking a thread's Lua stack.
 *
 * A stack of `size` slots is one block of size + CR_EXTRA_STACK slots; the
 * extra slots let metamethod calls and error handling push a few values
 * without checking. L->stack_last = L->stack + size. The block is moved
 * with a plain realloc, which copies whole 16-byte slots: vm/func.h keeps
 * the to-be-closed list in the unused bytes of slots, which setobj would
 * drop. After a move every pointer into the stack (L->top, L->tbclist, the
 * open upvalues, each CallInfo's func and top) is relocated here; the
 * interpreter re-reads its base after anything that can move the stack.
 */
#include "vm/do.h"
#include "gc/mem.h"
#include "obj/state.h"
#include "vm/debuginfo.h"

/* Relocate p from the block at `old` to the block at `now`. Only the
 * addresses are used (the old block may already be freed), as integers. */
static StkId stack_relocate(StkId p, uintptr_t old, StkId now) {
  return (StkId)((char *)now + ((uintptr_t)p - old));
}

static void stack_correct(lua_State *L, uintptr_t old) {
  StkId now = L->stack;
  L->top = stack_relocate(L->top, old, now);
  L->tbclist = stack_relocate(L->tbclist, old, now);
  for (UpVal *up = L->openupval; up != NULL; up = up->u.open.next)
    up->v = stack_relocate(up->v, old, now);
  for (CallInfo *ci = L->ci; ci != NULL; ci = ci->previous) {
    ci->top = stack_relocate(ci->top, old, now);
    ci->func = stack_relocate(ci->func, old, now);
  }
}

/*
 * Resize the stack to newsize usable slots. The collector may run during
 * the allocation (an emergency collection); the old block is intact until
 * the allocator returns, so it sees a consistent thread.
 */
int do_reallocstack(lua_State *L, int newsize, int raiseerror) {
  int oldsize = do_stacksize(L);
  uintptr_t old = (uintptr_t)L->stack;
  size_t osz = (size_t)(oldsize + CR_EXTRA_STACK) * sizeof(TValue);
  size_t nsz = (size_t)(newsize + CR_EXTRA_STACK) * sizeof(TValue);
  StkId nstack;
  cr_assert(newsize <= CR_MAX_STACK || newsize == DO_ERRORSTACKSIZE,
            "stack size within limits");
  if (raiseerror)
    nstack = (StkId)mem_realloc(L, L->stack, osz, nsz);
  else {
    nstack = (StkId)mem_saferealloc(L, L->stack, osz, nsz);
    if (nstack == NULL) return 0;
  }
  L->stack = nstack;
  stack_correct(L, old);
  for (int i = oldsize + CR_EXTRA_STACK; i < newsize + CR_EXTRA_STACK; i++)
    setnilvalue(nstack + i);
  L->stack_last = nstack + newsize;
  return 1;
}

/*
 * Make room for n more slots. Past CR_MAX_STACK the stack enters error
 * mode: it gets DO_ERRORSTACKSIZE slots so the error can be handled, and
 * "stack overflow" is raised; a second overflow while in that mode is an
 * error in the error handling.
 */
int do_growstack(lua_State *L, int n, int raiseerror) {
  int size = do_stacksize(L);
  if (CR_UNLIKELY(size > CR_MAX_STACK)) {
    /* already using the extra space reserved for handling an overflow */
    cr_assert(size == DO_ERRORSTACKSIZE, "stack in error mode");
    if (raiseerror) do_throw(L, LUA_ERRERR);
    return 0;
  }
  if (n < CR_MAX_STACK) {
    int newsize = 2 * size;
    int needed = (int)(L->top - L->stack) + n;
    if (newsize > CR_MAX_STACK) newsize = CR_MAX_STACK;
    if (newsize < needed) newsize = needed;
    if (CR_LIKELY(newsize <= CR_MAX_STACK))
      return do_reallocstack(L, newsize, raiseerror);
  }
  /* the request does not fit: enter error mode */
  do_reallocstack(L, DO_ERRORSTACKSIZE, raiseerror);
  if (raiseerror) debug_runerror(L, "stack overflow");
  return 0;
}

/* Slots in use by every frame of L (at least LUA_MINSTACK). */
static int stack_inuse(lua_State *L) {
  StkId lim = L->top;
  for (CallInfo *ci = L->ci; ci != NULL; ci = ci->previous)
    if (lim < ci->top) lim = ci->top;
  int res = (int)(lim - L->stack) + 1;
  return res < LUA_MINSTACK ? LUA_MINSTACK : res;
}

/*
 * Give back memory after deep recursion (called by the collector and after
 * errors). A stack in error mode whose overflow has been handled returns to
 * a normal size here, which is what re-arms "stack overflow".
 */
void do_shrinkstack(lua_State *L) {
  int inuse = stack_inuse(L);
  int max = inuse > CR_MAX_STACK / 3 ? CR_MAX_STACK : inuse * 2;
  if (inuse <= CR_MAX_STACK && do_stacksize(L) > max)
    do_reallocstack(L, max, 0);  /* failing to shrink is harmless */
  else
    do_condmovestack(L, (void)0, (void)0);
  state_shrinkci(L);
}

void do_inctop(lua_State *L) {
  do_checkstack(L, 1);
  L->top++;
}
