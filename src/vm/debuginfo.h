/*
 * debuginfo.h — what the engine knows about running code for humans:
 * line numbers, names of variables and functions recovered from the
 * bytecode, runtime error messages with "chunk:line:" prefixes, and the
 * line/count hooks.
 *
 * Convention shared with the interpreter (as in lua5.4): for a Lua frame,
 * ci->u.l.savedpc points one past the instruction being executed, and it is
 * saved before anything that can raise an error, call, or run a hook. The
 * operand pointers given to the error functions should be the registers or
 * upvalue cells themselves so that variables can be named ("local 'x'").
 */
#ifndef CRESCENT_DEBUGINFO_H
#define CRESCENT_DEBUGINFO_H

#include <stdarg.h>

#include "obj/object.h"

/* Closure of a Lua frame. */
#define debug_ci_func(ci) (clLvalue((ci)->func))
/* Index of the instruction being executed by a Lua frame. */
#define debug_pcrel(pc, p) ((int)((pc) - (p)->code) - 1)
int debug_currentpc(CallInfo *ci);
int debug_currentline(CallInfo *ci);

/* Source line of instruction pc (-1 without debug information). */
int debug_getfuncline(const Proto *f, int pc);

/* Errors. All raise LUA_ERRRUN after the message handler ran. */
CR_NORETURN void debug_runerror(lua_State *L, const char *fmt, ...);
CR_NORETURN void debug_typeerror(lua_State *L, const TValue *o,
                                 const char *opname);
CR_NORETURN void debug_callerror(lua_State *L, const TValue *o);
CR_NORETURN void debug_forerror(lua_State *L, const TValue *o,
                                const char *what);
CR_NORETURN void debug_concaterror(lua_State *L, const TValue *p1,
                                   const TValue *p2);
CR_NORETURN void debug_opinterror(lua_State *L, const TValue *p1,
                                  const TValue *p2, const char *msg);
CR_NORETURN void debug_tointerror(lua_State *L, const TValue *p1,
                                  const TValue *p2);
CR_NORETURN void debug_ordererror(lua_State *L, const TValue *p1,
                                  const TValue *p2);
/* Call the current message handler (if any) on the error object at
 * L->top - 1, then throw LUA_ERRRUN. */
CR_NORETURN void debug_errormsg(lua_State *L);
/* Push "chunkid:line: msg" and return it. */
const char *debug_addinfo(lua_State *L, const char *msg, TString *src,
                          int line);

/* Name of local n of frame ci ("(temporary)", "(vararg)"... for unnamed
 * slots; n < 0: varargs), its slot in *pos (if pos != NULL); NULL if none. */
const char *debug_findlocal(lua_State *L, CallInfo *ci, int n, StkId *pos);
/* How the function running in frame ci was called: "global", "local",
 * "method", "field", "upvalue", "for iterator", "metamethod", "hook" (NULL
 * when unknown) and its name in *name. */
const char *debug_funcname(lua_State *L, CallInfo *ci, const char **name);

/* Line and count hooks, called by the interpreter before executing the
 * instruction at pc while ci->u.l.trap is set. Returns the new trap value
 * (0 when no line/count hook remains). Throws LUA_YIELD if the hook
 * yielded. */
int debug_traceexec(lua_State *L, const Instruction *pc);

/* Set the trap of every Lua frame (hooks were turned on). */
void debug_settraps(CallInfo *ci);

/* Set t[line] = true for every line of p that has code (getinfo 'L'). */
void debug_collectlines(lua_State *L, const Proto *p, Table *t);

#endif
