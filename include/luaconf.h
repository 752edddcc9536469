/*
 * luaconf.h - compile-time configuration of Crescent's public Lua API.
 *
 * Crescent is a drop-in replacement for liblua5.4, so every value here that
 * ends up inside a compiled C module (type sizes, stack limits, buffer and
 * debug-record sizes, search paths) is the one Debian's Lua 5.4 uses on
 * x86-64 Linux.  Unlike PUC Lua, the numeric types are not configurable:
 * Crescent's 16-byte value layout stores an exact 64-bit integer or an IEEE
 * double, so lua_Integer is `long long` and lua_Number is `double`, always.
 * The option macros of the reference configuration are still defined so
 * that modules testing them compile unchanged.
 */
#ifndef luaconf_h
#define luaconf_h

#include <limits.h>
#include <stddef.h>


/* ===================================================================
 * Platform
 * =================================================================== */

/* Crescent targets POSIX systems with dlopen (Linux first). */
#if !defined(LUA_USE_POSIX)
#define LUA_USE_POSIX
#endif
#if !defined(LUA_USE_DLOPEN)
#define LUA_USE_DLOPEN
#endif
#if defined(__linux__) && !defined(LUA_USE_LINUX)
#define LUA_USE_LINUX
#endif

/* True when `int` has at least 32 bits (all our targets). */
#define LUAI_IS32INT	((UINT_MAX >> 30) >= 3)


/* ===================================================================
 * Numeric types (fixed by the value layout, see header comment)
 * =================================================================== */

/* Names of the configurations the reference implementation offers. */
#define LUA_INT_INT		1
#define LUA_INT_LONG		2
#define LUA_INT_LONGLONG	3
#define LUA_FLOAT_FLOAT		1
#define LUA_FLOAT_DOUBLE	2
#define LUA_FLOAT_LONGDOUBLE	3

#define LUA_INT_DEFAULT		LUA_INT_LONGLONG
#define LUA_FLOAT_DEFAULT	LUA_FLOAT_DOUBLE

#if !defined(LUA_INT_TYPE)
#define LUA_INT_TYPE	LUA_INT_DEFAULT
#endif
#if !defined(LUA_FLOAT_TYPE)
#define LUA_FLOAT_TYPE	LUA_FLOAT_DEFAULT
#endif

#if LUA_INT_TYPE != LUA_INT_LONGLONG || LUA_FLOAT_TYPE != LUA_FLOAT_DOUBLE
#error "Crescent supports only 64-bit integers and double floats"
#endif
/* Reference switches for small integers and C89 numbers: always off. */
#if !defined(LUA_32BITS)
#define LUA_32BITS	0
#endif
#if !defined(LUA_C89_NUMBERS)
#define LUA_C89_NUMBERS	0
#endif
#if LUA_32BITS || LUA_C89_NUMBERS
#error "Crescent does not support LUA_32BITS or LUA_C89_NUMBERS"
#endif

/* --- floats --- */

#define LUA_NUMBER		double
#define LUAI_UACNUMBER		double	/* type after default promotion */
#define LUA_NUMBER_FRMLEN	""
#define LUA_NUMBER_FMT		"%.14g"

#define l_floatatt(att)		(DBL_##att)	/* needs <float.h> */
#define l_mathop(fn)		fn		/* math.h function for the type */
#define l_floor(x)		(l_mathop(floor)(x))

#define lua_number2str(buf, size, n) \
	l_sprintf((buf), (size), LUA_NUMBER_FMT, (LUAI_UACNUMBER)(n))
#define lua_str2number(s, endp)	strtod((s), (endp))

/*
 * Converts float n to an integer into *p if it is in range; evaluates to 0
 * (and leaves *p alone) otherwise.  -(double)LUA_MININTEGER is exactly 2^63,
 * the first float above the integer range.
 */
#define lua_numbertointeger(n, p) \
	((n) >= (LUA_NUMBER)(LUA_MININTEGER) && \
	 (n) < -(LUA_NUMBER)(LUA_MININTEGER) && \
	 (*(p) = (LUA_INTEGER)(n), 1))

/* --- integers --- */

#define LUA_INTEGER		long long
#define LUAI_UACINT		LUA_INTEGER	/* type after default promotion */
#define LUA_INTEGER_FRMLEN	"ll"
#define LUA_INTEGER_FMT		"%" LUA_INTEGER_FRMLEN "d"
#define LUA_UNSIGNED		unsigned LUAI_UACINT

#define LUA_MAXINTEGER		LLONG_MAX
#define LUA_MININTEGER		LLONG_MIN
#define LUA_MAXUNSIGNED		ULLONG_MAX

#define lua_integer2str(buf, size, n) \
	l_sprintf((buf), (size), LUA_INTEGER_FMT, (LUAI_UACINT)(n))

/* --- C99 helpers used by the string conversions --- */

#define l_sprintf(buf, size, fmt, x)	snprintf(buf, size, fmt, x)
#define lua_strx2number(s, endp)	lua_str2number(s, endp)
#define lua_number2strx(L, buf, size, fmt, n) \
	((void)(L), l_sprintf(buf, size, fmt, (LUAI_UACNUMBER)(n)))
#define lua_pointer2str(buf, size, p)	l_sprintf(buf, size, "%p", p)

/* Decimal point of the current locale (the lexer accepts it too). */
#define lua_getlocaledecpoint()		(localeconv()->decimal_point[0])


/* ===================================================================
 * Module search paths (package.path / package.cpath defaults)
 *
 * Identical to Debian's lua5.4 so that `require` finds the same files and
 * reports the same list of tried names.
 * =================================================================== */

#define LUA_PATH_SEP	";"	/* separates templates in a path */
#define LUA_PATH_MARK	"?"	/* replaced by the module name */
#define LUA_EXEC_DIR	"!"	/* replaced by the executable's directory */
#define LUA_DIRSEP	"/"

#define LUA_VDIR	LUA_VERSION_MAJOR "." LUA_VERSION_MINOR

#if !defined(LUA_MULTIARCH)
#define LUA_MULTIARCH	"x86_64-linux-gnu"
#endif

#define LUA_ROOT	"/usr/local/"
#define LUA_ROOT2	"/usr/"
#define LUA_LDIR	LUA_ROOT "share/lua/" LUA_VDIR "/"
#define LUA_LDIR2	LUA_ROOT2 "share/lua/" LUA_VDIR "/"
#define LUA_CDIR	LUA_ROOT "lib/lua/" LUA_VDIR "/"
#define LUA_CDIR2	LUA_ROOT2 "lib/" LUA_MULTIARCH "/lua/" LUA_VDIR "/"
#define LUA_CDIR3	LUA_ROOT2 "lib/lua/" LUA_VDIR "/"

#if !defined(LUA_PATH_DEFAULT)
#define LUA_PATH_DEFAULT \
	LUA_LDIR "?.lua;" LUA_LDIR "?/init.lua;" \
	LUA_CDIR "?.lua;" LUA_CDIR "?/init.lua;" \
	LUA_LDIR2 "?.lua;" LUA_LDIR2 "?/init.lua;" \
	"./?.lua;" "./?/init.lua"
#endif

#if !defined(LUA_CPATH_DEFAULT)
#define LUA_CPATH_DEFAULT \
	LUA_CDIR "?.so;" LUA_CDIR2 "?.so;" LUA_CDIR3 "?.so;" \
	LUA_CDIR "loadall.so;" "./?.so"
#endif


/* ===================================================================
 * Symbol visibility
 *
 * Crescent is built with -fvisibility=hidden: only the documented API
 * (lua_*, luaL_*, luaopen_*) leaves the shared object.  LUAI_FUNC marks
 * functions shared between Crescent's own files, which stay hidden.
 * =================================================================== */

#if defined(__GNUC__)
#define LUA_API		extern __attribute__((visibility("default")))
#define LUAI_FUNC	__attribute__((visibility("hidden"))) extern
#else
#define LUA_API		extern
#define LUAI_FUNC	extern
#endif

#define LUALIB_API	LUA_API
#define LUAMOD_API	LUA_API

#define LUAI_DDEC(decl)	LUAI_FUNC decl
#define LUAI_DDEF	/* nothing */


/* ===================================================================
 * Compatibility with Lua 5.3 (opt-in, as in the reference headers)
 * =================================================================== */

#if defined(LUA_COMPAT_5_3)
#define LUA_COMPAT_MATHLIB	/* math.pow, math.ldexp, math.cosh, ... */
#define LUA_COMPAT_APIINTCASTS	/* lua_pushunsigned and friends */
#define LUA_COMPAT_LT_LE	/* __le emulated with not __lt */

#define lua_strlen(L, i)		lua_rawlen(L, (i))
#define lua_objlen(L, i)		lua_rawlen(L, (i))
#define lua_equal(L, i1, i2)		lua_compare(L, (i1), (i2), LUA_OPEQ)
#define lua_lessthan(L, i1, i2)	lua_compare(L, (i1), (i2), LUA_OPLT)
#endif


/* ===================================================================
 * Branch hints
 * =================================================================== */

#if !defined(luai_likely)
#if defined(__GNUC__) && !defined(LUA_NOBUILTIN)
#define luai_likely(x)		(__builtin_expect(((x) != 0), 1))
#define luai_unlikely(x)	(__builtin_expect(((x) != 0), 0))
#else
#define luai_likely(x)		(x)
#define luai_unlikely(x)	(x)
#endif
#endif

#if defined(LUA_CORE) || defined(LUA_LIB)
#define l_likely(x)		luai_likely(x)
#define l_unlikely(x)		luai_unlikely(x)
#endif


/* ===================================================================
 * Sizes and limits that compiled modules depend on
 * =================================================================== */

/*
 * Continuation context type (lua_KContext): wide enough for a pointer, so a
 * continuation can carry any C object.
 */
#include <stdint.h>
#define LUA_KCONTEXT	intptr_t

/*
 * Maximum number of slots of one Lua stack.  LUA_REGISTRYINDEX is placed
 * just below -LUAI_MAXSTACK, so this value is part of the ABI.
 */
#define LUAI_MAXSTACK	1000000

/* Bytes of free memory every lua_State carries just before its address. */
#define LUA_EXTRASPACE	(sizeof(void *))

/* Size of lua_Debug.short_src (chunk names in messages). */
#define LUA_IDSIZE	60

/* Size of the buffer embedded in luaL_Buffer (1024 bytes on x86-64). */
#define LUAL_BUFFERSIZE	((int)(16 * sizeof(void *) * sizeof(lua_Number)))

/*
 * Members of a union that force the strictest alignment any Lua value
 * needs; used by luaL_Buffer's embedded storage.
 */
#define LUAI_MAXALIGN	lua_Number n; double u; void *s; lua_Integer i; long l

#endif
