/*
 * do.h — calls, Lua stacks, errors and protected execution, hooks.
 *
 * A Lua error is a longjmp to the innermost recovery point of the thread
 * (DESIGN.md, decision 10): do_rawrunprotected sets one up, do_throw jumps
 * to it. Nothing between the two holds state that needs unwinding; what
 * must survive (the stack, CallInfos, open upvalues) lives in the thread.
 *
 * Stack slots are addressed by pointers (StkId) that a reallocation of the
 * stack invalidates. Anything that can grow the stack (calls, allocation
 * through a collection that shrinks stacks, metamethods) must be bracketed
 * by savestack/restorestack, or its caller must reload its pointers.
 *
 * nCcalls counts two things (as lua5.4 does): the low 16 bits are nested C
 * calls (C stack depth, limit CR_MAX_CCALLS → "C stack overflow"), the high
 * 16 bits count non-yieldable calls; a thread can yield only when those are
 * zero.
 */
#ifndef CRESCENT_DO_H
#define CRESCENT_DO_H

#include "obj/object.h"

/* A function run in protected mode. */
typedef void (*Pfunc)(lua_State *L, void *ud);

/* Copy n whole stack slots from src to dst, first to last, so dst may
 * overlap src only from below (results move down; varargs move to a
 * frame apart from them). A slot is 16 bytes of which setobj copies 9;
 * moving all 16 is one load and one store, and a stack slot's padding
 * carries nothing. */
CR_INLINE void do_moveslots(StkId dst, const TValue *src, int n) {
#pragma clang loop unroll(disable)   /* mostly a few values */
  for (int i = 0; i < n; i++)
    __builtin_memcpy(dst + i, src + i, sizeof(TValue));
}

/* ---- Stack positions that survive reallocation ---- */
#define savestack(L, p)     ((ptrdiff_t)((char *)(p) - (char *)(L)->stack))
#define restorestack(L, n)  ((StkId)((char *)(L)->stack + (n)))
#define do_stacksize(L)     ((int)((L)->stack_last - (L)->stack))

/* A stack in error-handling mode may exceed the limit by this much, so the
 * message handler of a "stack overflow" can still run. */
#define DO_ERRORSTACKSIZE   (CR_MAX_STACK + 200)

/*
 * Ensure n free slots above L->top. `pre` runs before a reallocation and
 * `pos` after it (to save and restore pointers). With CRESCENT_HARDSTACK the
 * stack is moved at every check, which makes any stale StkId crash at once.
 */
#if defined(CRESCENT_HARDSTACK) && CRESCENT_HARDSTACK
#define do_condmovestack(L, pre, pos) \
  { int sz_ = do_stacksize(L); pre; do_reallocstack((L), sz_, 0); pos; }
#else
#define do_condmovestack(L, pre, pos) ((void)0)
#endif

#define do_checkstackaux(L, n, pre, pos)                     \
  if (CR_UNLIKELY((L)->stack_last - (L)->top <= (n))) {      \
    pre; do_growstack(L, n, 1); pos;                         \
  } else { do_condmovestack(L, pre, pos); }

#define do_checkstack(L, n) do { do_checkstackaux(L, n, (void)0, (void)0) } while (0)

/* Same, running a collector step when the stack must grow; p is a StkId
 * variable that is kept valid. */
#define do_checkstackGCp(L, n, p)                                      \
  do { do_checkstackaux(L, n,                                          \
        ptrdiff_t t_ = savestack(L, p); gc_check(L),                   \
        p = restorestack(L, t_)) } while (0)

#define do_checkstackGC(L, fsize) \
  do { do_checkstackaux(L, (fsize), gc_check(L), (void)0) } while (0)

/* ---- nCcalls ---- */
#define do_getCcalls(L)   ((int)((L)->nCcalls & 0xffff))
#define do_yieldable(L)   (((L)->nCcalls & 0xffff0000u) == 0)
#define do_incnny(L)      ((L)->nCcalls += 0x10000)
#define do_decnny(L)      ((L)->nCcalls -= 0x10000)
/* Increment for a non-yieldable C call: one more C level and one more
 * non-yieldable level. */
#define DO_NYCI           (0x10000 | 1)

/* ---- Results of C functions with to-be-closed variables ----
 * lua_toclose marks the C frame by encoding ci->nresults below LUA_MULTRET,
 * so that do_poscall knows to close variables before moving results. */
#define do_hastocloseCfunc(n) ((n) < LUA_MULTRET)
#define do_codeNresults(n)    (-(n) - 3)
#define do_decodeNresults(n)  (-(n) - 3)

/* ---- callstatus extras ----
 * Bits 10..12: the status of an error recovered by a yieldable pcall
 * (lua_pcallk) while unwinding a coroutine; bit CIST_ALLOWHOOK keeps the
 * hook permission that lua_pcallk saw. */
#define DO_CIST_RECST 10
_Static_assert(CIST_BIT_ALLOWHOOK < DO_CIST_RECST, "recover status bits are free");
#define do_getcistrecst(ci)     (((ci)->callstatus >> DO_CIST_RECST) & 7)
#define do_setcistrecst(ci, st) \
  ((ci)->callstatus = (unsigned short)(((ci)->callstatus & \
      ~(7u << DO_CIST_RECST)) | ((unsigned)(st) << DO_CIST_RECST)))
#define do_getoah(st)     (((st) & CIST_ALLOWHOOK) ? 1 : 0)
#define do_setoah(st, v)  \
  ((st) = (unsigned short)(((st) & ~CIST_ALLOWHOOK) | ((v) ? CIST_ALLOWHOOK : 0)))

/* The CallInfo after the current one, allocated on demand. */
#define do_nextci(L) ((L)->ci->next ? (L)->ci->next : state_extendci(L))

/* ---- Errors ---- */
CR_NORETURN void do_throw(lua_State *L, int errcode);
int do_rawrunprotected(lua_State *L, Pfunc f, void *ud);
/* Call f(L, u) protected; on error close upvalues/tbc down to oldtop, put
 * the error object at oldtop and return the status. ef: message handler
 * (stack offset, 0 for none). */
int do_pcall(lua_State *L, Pfunc f, void *u, ptrdiff_t oldtop, ptrdiff_t ef);
/* Close upvalues and tbc variables at or above offset `level`, repeating
 * after each error in a __close; returns the final status. */
int do_closeprotected(lua_State *L, ptrdiff_t level, int status);
void do_seterrorobj(lua_State *L, int errcode, StkId oldtop);
/* "C stack overflow", or LUA_ERRERR when already handling one. */
void do_checkcstack(lua_State *L);

/* Load a chunk (text or binary, as mode allows) from z; the new closure
 * is pushed. Returns a status. ZIO is front/zio.h's. */
struct ZIO;
int do_protectedparser(lua_State *L, struct ZIO *z, const char *name,
                       const char *mode);

/* ---- Calls ---- */
/* Call the value at func with the arguments above it; leave nresults
 * results (LUA_MULTRET: all) starting at func. */
void do_call(lua_State *L, StkId func, int nresults);
void do_callnoyield(lua_State *L, StkId func, int nresults);
/* Prepare a call: a C function runs to completion and NULL is returned; a
 * Lua function gets its CallInfo, returned for the caller to execute. */
CallInfo *do_precall(lua_State *L, StkId func, int nresults);
/* Tail call from Lua frame ci of func (narg1 = args + 1; delta = vararg
 * shift of ci->func). Lua function: reuses ci, returns -1; C function: runs
 * it and returns its number of results (the caller then finishes ci). */
int do_pretailcall(lua_State *L, CallInfo *ci, StkId func, int narg1,
                   int delta);
/* Finish a call: move nres results from L->top - nres to ci->func, as many
 * as ci->nresults asks for; L->ci goes back to the caller. */
void do_poscall(lua_State *L, CallInfo *ci, int nres);
/* Replace a non-function at func by its __call metamethod (func becomes its
 * first argument); "attempt to call" error if there is none. */
StkId do_tryfuncTM(lua_State *L, StkId func);

/* ---- Stack ---- */
int do_growstack(lua_State *L, int n, int raiseerror);
int do_reallocstack(lua_State *L, int newsize, int raiseerror);
void do_shrinkstack(lua_State *L);
void do_inctop(lua_State *L);

/* ---- Hooks ---- */
void do_hook(lua_State *L, int event, int line, int ftransfer, int ntransfer);
/* Call hook for a Lua function starting in ci. */
void do_hookcall(lua_State *L, CallInfo *ci);

/* ---- Threads (resume.c) ---- */
/* Unwind L to its base frame, closing everything (lua_closethread,
 * errors with no handler). */
int do_resetthread(lua_State *L, int status);

#endif
