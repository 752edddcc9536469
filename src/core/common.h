/*
 * common.h — attributes, assertions, integer types and engine-wide limits.
 *
 * Every internal file includes this first. It pulls in the public lua.h so
 * that lua_Integer, lua_Number and lua_State have one definition, and adds
 * what the engine needs on top: compiler attributes (the interpreter relies
 * on clang-19's musttail and preserve_none), assertions that carry a message,
 * and limits, each with the reason for its value.
 */
#ifndef CRESCENT_COMMON_H
#define CRESCENT_COMMON_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <signal.h>

#include "lua.h"

/* ------------------------------------------------------------------ */
/* Attributes                                                          */
/* ------------------------------------------------------------------ */

#define CR_INLINE        static inline __attribute__((always_inline))
#define CR_NOINLINE      __attribute__((noinline))
#define CR_NORETURN      __attribute__((noreturn))
#define CR_COLD          __attribute__((cold, noinline))
#define CR_UNUSED_RESULT __attribute__((warn_unused_result))
#define CR_LIKELY(x)     __builtin_expect(!!(x), 1)
#define CR_UNLIKELY(x)   __builtin_expect(!!(x), 0)
#define CR_UNREACHABLE() __builtin_unreachable()

/* The interpreter's handlers tail-call each other; both attributes are
 * clang-specific, which is why the build requires clang-19. */
#define CR_MUSTTAIL      __attribute__((musttail))
/* AddressSanitizer's stack instrumentation cannot be combined with
 * preserve_none in clang-19 (the backend refuses to realign the stack), so
 * sanitizer builds use the ordinary convention; musttail still holds. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CR_NO_PRESERVE_NONE 1
#endif
#endif
#ifdef CR_NO_PRESERVE_NONE
#define CR_PRESERVE_NONE
#define CR_PRESERVE_MOST
#else
#define CR_PRESERVE_NONE __attribute__((preserve_none))
/* For slow paths called from preserve_none code (vm/interp.c): the callee
 * saves the registers it uses, so the caller keeps its state in them. */
#define CR_PRESERVE_MOST __attribute__((preserve_most))
#endif

/* ------------------------------------------------------------------ */
/* Assertions                                                          */
/* ------------------------------------------------------------------ */

/* CRESCENT_ASSERT is set by the test and sanitizer builds. Release builds
 * compile assertions away entirely (the condition is not evaluated). */
#if defined(CRESCENT_ASSERT) && CRESCENT_ASSERT
CR_NORETURN void cr_assert_fail(const char *cond, const char *msg,
                                const char *file, int line);
#define cr_assert(c, msg) \
  ((c) ? (void)0 : cr_assert_fail(#c, (msg), __FILE__, __LINE__))
#define cr_assert_code(x) x
#else
#define cr_assert(c, msg) ((void)0)
#define cr_assert_code(x)
#endif

/* ------------------------------------------------------------------ */
/* Small types                                                         */
/* ------------------------------------------------------------------ */

typedef uint8_t lu_byte;
typedef size_t  lu_mem;     /* an amount of memory */
typedef ptrdiff_t l_mem;    /* a signed amount (GC debt) */
typedef unsigned long long lua_Unsigned_t;

#define cast(t, e)      ((t)(e))
#define cast_int(e)     ((int)(e))
#define cast_uint(e)    ((unsigned int)(e))
#define cast_byte(e)    ((lu_byte)(e))
#define cast_num(e)     ((lua_Number)(e))
#define l_castS2U(i)    ((lua_Unsigned)(i))
#define l_castU2S(i)    ((lua_Integer)(i))

/* ------------------------------------------------------------------ */
/* Limits (each one is what lua5.4 enforces, so messages match)         */
/* ------------------------------------------------------------------ */

/* Register operands are one byte: a function has at most 255 registers. */
#define CR_MAX_REGS        255
/* Active locals per function, as lua5.4 ("too many local variables"). */
#define CR_MAX_LOCALS      200
/* Upvalue indices are one byte. */
#define CR_MAX_UPVALUES    255
/* Nested C calls and parser levels ("C stack overflow",
 * "chunk has too many syntax levels"): lua5.4's LUAI_MAXCCALLS. */
#define CR_MAX_CCALLS      200
/* Strings up to this length are interned (pointer equality). */
#define CR_MAX_SHORT_LEN   40
/* Lua stack slots per thread before "stack overflow". */
#define CR_MAX_STACK       LUAI_MAXSTACK
/* Extra slots kept above every frame's top for metamethod calls. */
#define CR_EXTRA_STACK     5
/* Initial stack of a new thread (small so idle coroutines stay small). */
#define CR_BASIC_STACK     (2 * LUA_MINSTACK)

#endif
