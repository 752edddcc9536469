/*
 * api_check.h — checks of C API misuse, and the small stack helpers every
 * api_*.c file uses.
 *
 * The C API trusts its caller, as liblua5.4 does: a host that pushes past the
 * space lua_checkstack gave it, or passes an index that names no slot, gets
 * undefined behaviour in a release build. Builds with CRESCENT_ASSERT=1 turn
 * every such precondition into a check that prints what was wrong and where,
 * then aborts, so misuse shows up at the call that made it rather than as a
 * corrupted heap much later. In release builds the checks compile to nothing
 * (the condition is not evaluated).
 */
#ifndef CRESCENT_API_CHECK_H
#define CRESCENT_API_CHECK_H

#include "obj/object.h"

#if defined(CRESCENT_ASSERT) && CRESCENT_ASSERT
CR_NORETURN CR_COLD void api_check_fail(lua_State *L, const char *cond,
                                        const char *msg, const char *file,
                                        int line);
#define api_check(L, c, msg) \
  ((c) ? (void)0 : api_check_fail((L), #c, (msg), __FILE__, __LINE__))
#else
/* sizeof keeps the operands "used" for the compiler without evaluating. */
#define api_check(L, c, msg) ((void)sizeof((c) ? 1 : 0))
#endif

/* At least n values above the running function's base. */
#define api_checknelems(L, n) \
  api_check(L, (n) < ((L)->top - (L)->ci->func), "not enough elements in the stack")

/* Push the slot just written at L->top. The frame's ci->top is the limit
 * lua_checkstack (or LUA_MINSTACK) granted. */
#define api_incr_top(L) \
  ((L)->top++, api_check(L, (L)->top <= (L)->ci->top, "stack overflow"))

/* After a call with LUA_MULTRET, the results may extend past ci->top. */
#define api_adjustresults(L, nres) \
  do { if ((nres) <= LUA_MULTRET && (L)->ci->top < (L)->top) \
         (L)->ci->top = (L)->top; } while (0)

/* Room for a call's results in the caller's frame. */
#define api_checkresults(L, na, nr) \
  api_check(L, (nr) == LUA_MULTRET || \
               ((L)->ci->top - (L)->top >= (nr) - (na)), \
            "results from function overflow current stack size")

#endif
