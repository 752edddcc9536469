/*
 * arith.c — Lua 5.4 number semantics (see arith.h for the rules).
 *
 * Everything here is pure computation except the two division-by-zero
 * errors and arith_op's metamethod fallback. Integer arithmetic goes through
 * unsigned types so that overflow wraps instead of being undefined.
 */
#include <math.h>

#include "vm/arith.h"
#include "vm/debuginfo.h"
#include "obj/numconv.h"
#include "vm/tm.h"

_Static_assert(LUA_OPSUB - LUA_OPADD == TM_SUB - TM_ADD &&
               LUA_OPMUL - LUA_OPADD == TM_MUL - TM_ADD &&
               LUA_OPMOD - LUA_OPADD == TM_MOD - TM_ADD &&
               LUA_OPPOW - LUA_OPADD == TM_POW - TM_ADD &&
               LUA_OPDIV - LUA_OPADD == TM_DIV - TM_ADD &&
               LUA_OPIDIV - LUA_OPADD == TM_IDIV - TM_ADD &&
               LUA_OPBAND - LUA_OPADD == TM_BAND - TM_ADD &&
               LUA_OPBOR - LUA_OPADD == TM_BOR - TM_ADD &&
               LUA_OPBXOR - LUA_OPADD == TM_BXOR - TM_ADD &&
               LUA_OPSHL - LUA_OPADD == TM_SHL - TM_ADD &&
               LUA_OPSHR - LUA_OPADD == TM_SHR - TM_ADD &&
               LUA_OPUNM - LUA_OPADD == TM_UNM - TM_ADD &&
               LUA_OPBNOT - LUA_OPADD == TM_BNOT - TM_ADD,
               "LUA_OP* and the arithmetic events are in the same order");

/* ------------------------------------------------------------------ */
/* Integer division, modulo, shifts                                    */
/* ------------------------------------------------------------------ */

/*
 * C division truncates toward zero; Lua's floors. The two differ exactly
 * when the operands have opposite signs and the division is inexact. The
 * divisors 0 and -1 are handled first: 0 is an error, and m / -1 overflows
 * in C for the smallest integer (Lua wraps it to itself).
 */
lua_Integer arith_idiv(lua_State *L, lua_Integer m, lua_Integer n) {
  if (CR_UNLIKELY(l_castS2U(n) + 1u <= 1u)) {   /* n is 0 or -1 */
    if (n == 0)
      debug_runerror(L, "attempt to divide by zero");
    return arith_intop(-, 0, m);
  }
  lua_Integer q = m / n;
  if ((m ^ n) < 0 && m % n != 0)
    q -= 1;
  return q;
}

/* The remainder takes the sign of the divisor. */
lua_Integer arith_mod(lua_State *L, lua_Integer m, lua_Integer n) {
  if (CR_UNLIKELY(l_castS2U(n) + 1u <= 1u)) {   /* n is 0 or -1 */
    if (n == 0)
      debug_runerror(L, "attempt to perform 'n%%0'");
    return 0;
  }
  lua_Integer r = m % n;
  if (r != 0 && (r ^ n) < 0)
    r += n;
  return r;
}

/* fmod truncates like C division (the remainder has the dividend's sign);
 * Lua floors, so a nonzero remainder whose sign differs from the divisor's
 * moves into the divisor's range. (With an infinite divisor this gives
 * -7 % math.huge == math.huge, as lua5.4 does.) */
lua_Number arith_modf(lua_State *L, lua_Number m, lua_Number n) {
  (void)L;
  lua_Number r = fmod(m, n);
  if (r != 0 && (r < 0) != (n < 0))
    r += n;
  return r;
}

/* Negative shift counts shift the other way; shifts are logical. */
/* Squaring is common and exact as a product; pow() may be slower. */
lua_Number arith_pow(lua_Number a, lua_Number b) {
  return (b == 2) ? a * a : pow(a, b);
}

/* ------------------------------------------------------------------ */
/* Conversions                                                         */
/* ------------------------------------------------------------------ */

int arith_flttointns(lua_Number n, lua_Integer *p, int mode) {
  lua_Number f = floor(n);
  if (n != f) {                       /* not an integral value */
    if (mode == F2I_EQ)
      return 0;
    if (mode == F2I_CEIL)
      f += 1;
  }
  /* the range test also rejects NaN (every comparison is false) */
  return lua_numbertointeger(f, p);
}

int arith_tointegerns(const TValue *o, lua_Integer *p, int mode) {
  if (ttisinteger(o)) {
    *p = ivalue(o);
    return 1;
  }
  if (ttisfloat(o))
    return arith_flttointns(fltvalue(o), p, mode);
  return 0;
}

/* Only a whole string that reads as a numeral converts ("10", " 0x1p4 ");
 * an embedded zero makes the lengths differ and fails. */
int arith_strton(const TValue *o, TValue *result) {
  if (!ttisstring(o))
    return 0;
  return num_str2num(svalue(o), result) == vslen(o) + 1;
}

int arith_tointeger(const TValue *o, lua_Integer *p, int mode) {
  TValue v;
  if (arith_strton(o, &v))
    o = &v;
  return arith_tointegerns(o, p, mode);
}

int arith_tonumber(const TValue *o, lua_Number *n) {
  TValue v;
  if (ttisfloat(o)) {
    *n = fltvalue(o);
    return 1;
  }
  if (ttisinteger(o)) {
    *n = cast_num(ivalue(o));
    return 1;
  }
  if (arith_strton(o, &v)) {
    *n = nvalue(&v);
    return 1;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Raw arithmetic (no metamethods): interpreter slow paths, lua_arith, */
/* and the front end's constant folding                                */
/* ------------------------------------------------------------------ */

static lua_Integer arith_intarith(lua_State *L, int op, lua_Integer a,
                                  lua_Integer b) {
  switch (op) {
    case LUA_OPADD:  return arith_intop(+, a, b);
    case LUA_OPSUB:  return arith_intop(-, a, b);
    case LUA_OPMUL:  return arith_intop(*, a, b);
    case LUA_OPMOD:  return arith_mod(L, a, b);
    case LUA_OPIDIV: return arith_idiv(L, a, b);
    case LUA_OPBAND: return arith_intop(&, a, b);
    case LUA_OPBOR:  return arith_intop(|, a, b);
    case LUA_OPBXOR: return arith_intop(^, a, b);
    case LUA_OPSHL:  return arith_shiftl(a, b);
    case LUA_OPSHR:  return arith_shiftr(a, b);
    case LUA_OPUNM:  return arith_intop(-, 0, a);
    case LUA_OPBNOT: return arith_intop(^, ~l_castS2U(0), a);
    default: cr_assert(0, "not an integer operation"); return 0;
  }
}

static lua_Number arith_numarith(lua_State *L, int op, lua_Number a,
                                 lua_Number b) {
  switch (op) {
    case LUA_OPADD:  return a + b;
    case LUA_OPSUB:  return a - b;
    case LUA_OPMUL:  return a * b;
    case LUA_OPDIV:  return a / b;
    case LUA_OPPOW:  return arith_pow(a, b);
    case LUA_OPIDIV: return arith_floatidiv(a, b);
    case LUA_OPUNM:  return -a;
    case LUA_OPMOD:  return arith_modf(L, a, b);
    default: cr_assert(0, "not a float operation"); return 0;
  }
}

int arith_raw(lua_State *L, int op, const TValue *p1, const TValue *p2,
              TValue *res) {
  lua_Integer i1, i2;
  lua_Number n1, n2;
  switch (op) {
    case LUA_OPBAND: case LUA_OPBOR: case LUA_OPBXOR:
    case LUA_OPSHL: case LUA_OPSHR: case LUA_OPBNOT:
      /* bitwise: operate on integers; floats only if integral */
      if (arith_tointegerns(p1, &i1, F2I_EQ) &&
          arith_tointegerns(p2, &i2, F2I_EQ)) {
        setivalue(res, arith_intarith(L, op, i1, i2));
        return 1;
      }
      return 0;
    case LUA_OPDIV: case LUA_OPPOW:
      /* always float */
      if (arith_tonumberns(p1, n1) && arith_tonumberns(p2, n2)) {
        setfltvalue(res, arith_numarith(L, op, n1, n2));
        return 1;
      }
      return 0;
    default:
      /* integer when both are integers, else float */
      if (ttisinteger(p1) && ttisinteger(p2)) {
        setivalue(res, arith_intarith(L, op, ivalue(p1), ivalue(p2)));
        return 1;
      }
      if (arith_tonumberns(p1, n1) && arith_tonumberns(p2, n2)) {
        setfltvalue(res, arith_numarith(L, op, n1, n2));
        return 1;
      }
      return 0;
  }
}

void arith_op(lua_State *L, int op, const TValue *p1, const TValue *p2,
              StkId res) {
  if (!arith_raw(L, op, p1, p2, res))
    tm_trybin(L, p1, p2, res, (op - LUA_OPADD) + TM_ADD);
}
