/*
 * mathlib.c - the 'math' library.
 *
 * Integer and float arguments are kept apart as Lua 5.4 requires: floor,
 * ceil, abs, fmod and modf keep integers exact, and float results that
 * fit an integer come back as integers where lua5.4 does that (floor,
 * ceil, modf).
 *
 * math.random is xoshiro256**, seeded and stepped exactly as in lua5.4, so
 * that a program calling math.randomseed(n) sees lua5.4's numbers.  The
 * generator state is a userdata shared as an upvalue by random and
 * randomseed.
 *
 * Debian's lua5.4, our reference, is built with LUA_COMPAT_5_3 and so has
 * the deprecated atan2, cosh, sinh, tanh, pow, frexp, ldexp and log10;
 * MATHLIB_COMPAT_5_3 keeps them (on by default).
 */
#include <math.h>
#include <stdint.h>
#include <time.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#if !defined(MATHLIB_COMPAT_5_3)
#define MATHLIB_COMPAT_5_3 1
#endif

#define MATHLIB_PI 3.141592653589793238462643383279502884


/* ===================================================================
 * Helpers
 * =================================================================== */

/* Pushes d as an integer when it has an exact integer value in range. */
static void mathlib_pushintegral(lua_State *L, lua_Number d)
{
  /* -(double)LUA_MININTEGER is 2^63, the first float above the range */
  if (d >= (lua_Number)LUA_MININTEGER && d < -(lua_Number)LUA_MININTEGER)
    lua_pushinteger(L, (lua_Integer)d);
  else
    lua_pushnumber(L, d);
}

/* One-argument float functions: name, C function. */
#define MATHLIB_UNARY(X) \
  X(sin, sin)            \
  X(cos, cos)            \
  X(tan, tan)            \
  X(asin, asin)          \
  X(acos, acos)          \
  X(exp, exp)            \
  X(sqrt, sqrt)

#define MATHLIB_UNARY_COMPAT(X) \
  X(cosh, cosh)                 \
  X(sinh, sinh)                 \
  X(tanh, tanh)                 \
  X(log10, log10)

#define MATHLIB_DEFINE_UNARY(name, cfn)                 \
  static int mathlib_##name(lua_State *L)               \
  {                                                     \
    lua_pushnumber(L, cfn(luaL_checknumber(L, 1)));     \
    return 1;                                           \
  }
MATHLIB_UNARY(MATHLIB_DEFINE_UNARY)
#if MATHLIB_COMPAT_5_3
MATHLIB_UNARY_COMPAT(MATHLIB_DEFINE_UNARY)
#endif
#undef MATHLIB_DEFINE_UNARY


/* ===================================================================
 * Functions
 * =================================================================== */

static int mathlib_abs(lua_State *L)
{
  if (lua_isinteger(L, 1)) {
    lua_Integer n = lua_tointeger(L, 1);
    if (n < 0)  /* wraps for mininteger, as integer negation does */
      n = (lua_Integer)(0u - (lua_Unsigned)n);
    lua_pushinteger(L, n);
  } else {
    lua_pushnumber(L, fabs(luaL_checknumber(L, 1)));
  }
  return 1;
}

static int mathlib_atan(lua_State *L)
{
  lua_Number y = luaL_checknumber(L, 1);
  lua_Number x = luaL_optnumber(L, 2, 1);
  lua_pushnumber(L, atan2(y, x));
  return 1;
}

static int mathlib_tointeger(lua_State *L)
{
  int valid;
  lua_Integer n = lua_tointegerx(L, 1, &valid);
  if (valid) {
    lua_pushinteger(L, n);
  } else {
    luaL_checkany(L, 1);
    luaL_pushfail(L);
  }
  return 1;
}

static int mathlib_floor(lua_State *L)
{
  if (lua_isinteger(L, 1))
    lua_settop(L, 1);
  else
    mathlib_pushintegral(L, floor(luaL_checknumber(L, 1)));
  return 1;
}

static int mathlib_ceil(lua_State *L)
{
  if (lua_isinteger(L, 1))
    lua_settop(L, 1);
  else
    mathlib_pushintegral(L, ceil(luaL_checknumber(L, 1)));
  return 1;
}

static int mathlib_fmod(lua_State *L)
{
  if (lua_isinteger(L, 1) && lua_isinteger(L, 2)) {
    lua_Integer d = lua_tointeger(L, 2);
    if ((lua_Unsigned)d + 1u <= 1u) {  /* d is 0 or -1 */
      luaL_argcheck(L, d != 0, 2, "zero");
      lua_pushinteger(L, 0);  /* n % -1 is 0; C would trap on mininteger */
    } else {
      lua_pushinteger(L, lua_tointeger(L, 1) % d);  /* C truncates, as fmod */
    }
  } else {
    /* The divisor is checked first: lua5.4 (built by gcc) evaluates the
     * two checks of its single fmod(...) call right to left, so
     * math.fmod({}) blames argument #2 ("got no value"). */
    lua_Number divisor = luaL_checknumber(L, 2);
    lua_Number dividend = luaL_checknumber(L, 1);
    lua_pushnumber(L, fmod(dividend, divisor));
  }
  return 1;
}

static int mathlib_modf(lua_State *L)
{
  if (lua_isinteger(L, 1)) {
    lua_settop(L, 1);
    lua_pushnumber(L, 0);
  } else {
    lua_Number n = luaL_checknumber(L, 1);
    lua_Number whole = (n < 0) ? ceil(n) : floor(n);  /* toward zero */
    mathlib_pushintegral(L, whole);
    /* inf - inf would be nan; an infinity has no fractional part */
    lua_pushnumber(L, (n == whole) ? 0.0 : n - whole);
  }
  return 2;
}

static int mathlib_ult(lua_State *L)
{
  lua_Integer a = luaL_checkinteger(L, 1);
  lua_Integer b = luaL_checkinteger(L, 2);
  lua_pushboolean(L, (lua_Unsigned)a < (lua_Unsigned)b);
  return 1;
}

static int mathlib_log(lua_State *L)
{
  lua_Number x = luaL_checknumber(L, 1);
  lua_Number result;
  if (lua_isnoneornil(L, 2)) {
    result = log(x);
  } else {
    lua_Number base = luaL_checknumber(L, 2);
    /* dedicated functions are exact for powers of their base */
    if (base == 2.0)
      result = log2(x);
    else if (base == 10.0)
      result = log10(x);
    else
      result = log(x) / log(base);
  }
  lua_pushnumber(L, result);
  return 1;
}

static int mathlib_deg(lua_State *L)
{
  lua_pushnumber(L, luaL_checknumber(L, 1) * (180.0 / MATHLIB_PI));
  return 1;
}

static int mathlib_rad(lua_State *L)
{
  lua_pushnumber(L, luaL_checknumber(L, 1) * (MATHLIB_PI / 180.0));
  return 1;
}

/* min and max compare with Lua's '<' (any comparable values work) and
   return the first of equal extremes. */
static int mathlib_extreme(lua_State *L, int want_max)
{
  int nargs = lua_gettop(L);
  int best = 1;
  luaL_argcheck(L, nargs >= 1, 1, "value expected");
  for (int i = 2; i <= nargs; i++) {
    int better = want_max ? lua_compare(L, best, i, LUA_OPLT)
                          : lua_compare(L, i, best, LUA_OPLT);
    if (better)
      best = i;
  }
  lua_pushvalue(L, best);
  return 1;
}

static int mathlib_min(lua_State *L) { return mathlib_extreme(L, 0); }
static int mathlib_max(lua_State *L) { return mathlib_extreme(L, 1); }

static int mathlib_type(lua_State *L)
{
  if (lua_type(L, 1) == LUA_TNUMBER) {
    lua_pushstring(L, lua_isinteger(L, 1) ? "integer" : "float");
  } else {
    luaL_checkany(L, 1);
    luaL_pushfail(L);
  }
  return 1;
}

#if MATHLIB_COMPAT_5_3
static int mathlib_pow(lua_State *L)
{
  lua_Number x = luaL_checknumber(L, 1);
  lua_Number y = luaL_checknumber(L, 2);
  lua_pushnumber(L, pow(x, y));
  return 1;
}

static int mathlib_frexp(lua_State *L)
{
  int exponent;
  lua_pushnumber(L, frexp(luaL_checknumber(L, 1), &exponent));
  lua_pushinteger(L, exponent);
  return 2;
}

static int mathlib_ldexp(lua_State *L)
{
  lua_Number x = luaL_checknumber(L, 1);
  int exponent = (int)luaL_checkinteger(L, 2);
  lua_pushnumber(L, ldexp(x, exponent));
  return 1;
}
#endif


/* ===================================================================
 * Pseudo-random numbers: xoshiro256**
 * =================================================================== */

typedef struct mathlib_Random {
  uint64_t s[4];
} mathlib_Random;

static uint64_t mathlib_rotl(uint64_t x, int n)
{
  return (x << n) | (x >> (64 - n));
}

static uint64_t mathlib_next(mathlib_Random *r)
{
  uint64_t *s = r->s;
  uint64_t result = mathlib_rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = mathlib_rotl(s[3], 45);
  return result;
}

/* A float in [0, 1) from the top 53 bits. */
static lua_Number mathlib_tofloat(uint64_t x)
{
  return (lua_Number)(x >> 11) * 0x1.0p-53;
}

/*
 * A value in [0, n] from 'x': when n + 1 is a power of two the low bits
 * do; otherwise values are masked to the smallest 2^b - 1 >= n and drawn
 * again until one falls inside (no bias, same draws as lua5.4).
 */
static lua_Unsigned mathlib_project(uint64_t x, lua_Unsigned n,
                                    mathlib_Random *r)
{
  if ((n & (n + 1)) == 0)
    return x & n;
  lua_Unsigned mask = n;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  while ((x &= mask) > n)
    x = mathlib_next(r);
  return x;
}

/* Seeds as lua5.4 does (so the sequence matches) and pushes both parts. */
static void mathlib_seed(lua_State *L, mathlib_Random *r, lua_Unsigned n1,
                         lua_Unsigned n2)
{
  r->s[0] = n1;
  r->s[1] = 0xff;  /* keeps the state away from all zeros */
  r->s[2] = n2;
  r->s[3] = 0;
  for (int i = 0; i < 16; i++)  /* spread the seed over the state */
    mathlib_next(r);
  lua_pushinteger(L, (lua_Integer)n1);
  lua_pushinteger(L, (lua_Integer)n2);
}

static void mathlib_seedrandomly(lua_State *L, mathlib_Random *r)
{
  lua_Unsigned n1 = (lua_Unsigned)time(NULL);
  lua_Unsigned n2 = (lua_Unsigned)(uintptr_t)L;
  mathlib_seed(L, r, n1, n2);
}

static int mathlib_random(lua_State *L)
{
  mathlib_Random *r = (mathlib_Random *)lua_touserdata(L, lua_upvalueindex(1));
  uint64_t x = mathlib_next(r);
  lua_Integer low, up;
  switch (lua_gettop(L)) {
  case 0:
    lua_pushnumber(L, mathlib_tofloat(x));
    return 1;
  case 1:
    low = 1;
    up = luaL_checkinteger(L, 1);
    if (up == 0) {  /* math.random(0): all 64 bits */
      lua_pushinteger(L, (lua_Integer)x);
      return 1;
    }
    break;
  case 2:
    low = luaL_checkinteger(L, 1);
    up = luaL_checkinteger(L, 2);
    break;
  default:
    return luaL_error(L, "wrong number of arguments");
  }
  luaL_argcheck(L, low <= up, 1, "interval is empty");
  lua_Unsigned offset =
      mathlib_project(x, (lua_Unsigned)up - (lua_Unsigned)low, r);
  lua_pushinteger(L, (lua_Integer)(offset + (lua_Unsigned)low));
  return 1;
}

static int mathlib_randomseed(lua_State *L)
{
  mathlib_Random *r = (mathlib_Random *)lua_touserdata(L, lua_upvalueindex(1));
  if (lua_isnone(L, 1)) {
    mathlib_seedrandomly(L, r);
  } else {
    lua_Integer n1 = luaL_checkinteger(L, 1);
    lua_Integer n2 = luaL_optinteger(L, 2, 0);
    mathlib_seed(L, r, (lua_Unsigned)n1, (lua_Unsigned)n2);
  }
  return 2;
}


/* ===================================================================
 * Registration
 * =================================================================== */

#define MATHLIB_FUNCTIONS(X)   \
  X(abs, mathlib_abs)          \
  X(ceil, mathlib_ceil)        \
  X(floor, mathlib_floor)      \
  X(fmod, mathlib_fmod)        \
  X(modf, mathlib_modf)        \
  X(tointeger, mathlib_tointeger) \
  X(ult, mathlib_ult)          \
  X(log, mathlib_log)          \
  X(deg, mathlib_deg)          \
  X(rad, mathlib_rad)          \
  X(min, mathlib_min)          \
  X(max, mathlib_max)          \
  X(type, mathlib_type)        \
  X(atan, mathlib_atan)        \
  X(sin, mathlib_sin)          \
  X(cos, mathlib_cos)          \
  X(tan, mathlib_tan)          \
  X(asin, mathlib_asin)        \
  X(acos, mathlib_acos)        \
  X(exp, mathlib_exp)          \
  X(sqrt, mathlib_sqrt)

#define MATHLIB_COMPAT_FUNCTIONS(X) \
  X(atan2, mathlib_atan)            \
  X(cosh, mathlib_cosh)             \
  X(sinh, mathlib_sinh)             \
  X(tanh, mathlib_tanh)             \
  X(pow, mathlib_pow)               \
  X(frexp, mathlib_frexp)           \
  X(ldexp, mathlib_ldexp)           \
  X(log10, mathlib_log10)

static const luaL_Reg mathlib_functions[] = {
#define MATHLIB_ENTRY(name, fn) {#name, fn},
  MATHLIB_FUNCTIONS(MATHLIB_ENTRY)
#if MATHLIB_COMPAT_5_3
  MATHLIB_COMPAT_FUNCTIONS(MATHLIB_ENTRY)
#endif
#undef MATHLIB_ENTRY
  {NULL, NULL}
};

/* The generator's functions share its state as their upvalue. */
static const luaL_Reg mathlib_random_functions[] = {
  {"random", mathlib_random},
  {"randomseed", mathlib_randomseed},
  {NULL, NULL}
};

LUAMOD_API int luaopen_math(lua_State *L)
{
  luaL_newlib(L, mathlib_functions);
  lua_pushnumber(L, MATHLIB_PI);
  lua_setfield(L, -2, "pi");
  lua_pushnumber(L, (lua_Number)HUGE_VAL);
  lua_setfield(L, -2, "huge");
  lua_pushinteger(L, LUA_MAXINTEGER);
  lua_setfield(L, -2, "maxinteger");
  lua_pushinteger(L, LUA_MININTEGER);
  lua_setfield(L, -2, "mininteger");
  mathlib_Random *r =
      (mathlib_Random *)lua_newuserdatauv(L, sizeof(mathlib_Random), 0);
  mathlib_seedrandomly(L, r);
  lua_pop(L, 2);  /* the two seed parts */
  luaL_setfuncs(L, mathlib_random_functions, 1);
  return 1;
}
