/*
 * arith.h — Lua 5.4 number semantics: integer and float arithmetic, the
 * integer/float conversions, and string-to-number coercion.
 *
 * Integers wrap around (two's complement, computed on unsigned so C never
 * sees signed overflow); // and % round toward minus infinity for both
 * kinds; shifts by 64 or more give 0; float->integer conversion is exact
 * unless a rounding mode says otherwise. The interpreter inlines the common
 * integer/float cases and calls these for the rest; the front end's
 * constant folder calls arith_raw, so folding and running agree bit for bit.
 */
#ifndef CRESCENT_ARITH_H
#define CRESCENT_ARITH_H

#include <math.h>

#include "obj/object.h"

/* Rounding modes for float -> integer. */
#define ARITH_F2I_MODES(X) \
  X(EQ)      /* only floats with an exact integer value */ \
  X(FLOOR)   /* round down */                              \
  X(CEIL)    /* round up */
typedef enum ArithF2I {
#define X(m) F2I_##m,
  ARITH_F2I_MODES(X)
#undef X
} ArithF2I;

/* Wrapping integer operations. */
#define arith_intop(op, a, b) \
  l_castU2S(l_castS2U(a) op l_castS2U(b))

/* Does integer i convert to a float exactly? (|i| <= 2^53) */
#define ARITH_FLT_MANT_BITS 53
#define arith_intfitsf(i) \
  (l_castS2U(i) + ((lua_Unsigned)1 << ARITH_FLT_MANT_BITS) <= \
   ((lua_Unsigned)2 << ARITH_FLT_MANT_BITS))

/* Integer division and modulo (error for a zero divisor: "attempt to divide
 * by zero", "attempt to perform 'n%%0'"), float modulo, shifts. */
lua_Integer arith_idiv(lua_State *L, lua_Integer m, lua_Integer n);
lua_Integer arith_mod(lua_State *L, lua_Integer m, lua_Integer n);
lua_Number arith_modf(lua_State *L, lua_Number m, lua_Number n);
/* Bits in a lua_Integer: shifting by this much or more gives 0. */
#define ARITH_INT_BITS ((int)(sizeof(lua_Integer) * CHAR_BIT))

/* x shifted left by y bits (right for y < 0); inline: it is the whole of
 * the shift ops' fast paths. */
CR_INLINE lua_Integer arith_shiftl(lua_Integer x, lua_Integer y) {
  if (y < 0) {
    if (y <= -ARITH_INT_BITS)
      return 0;
    return l_castU2S(l_castS2U(x) >> l_castS2U(-y));
  }
  if (y >= ARITH_INT_BITS)
    return 0;
  return l_castU2S(l_castS2U(x) << l_castS2U(y));
}
#define arith_shiftr(x, y) arith_shiftl((x), arith_intop(-, 0, (y)))

/* Float operations as lua5.4 performs them. */
lua_Number arith_pow(lua_Number a, lua_Number b);
#define arith_floatidiv(a, b) (floor((a) / (b)))

/* Float -> integer with a rounding mode; 0 if out of range (or NaN). */
int arith_flttointns(lua_Number n, lua_Integer *p, int mode);
/* Number -> integer (no string coercion). */
int arith_tointegerns(const TValue *o, lua_Integer *p, int mode);
/* Any value -> integer, converting numeric strings (lua_tointegerx). */
int arith_tointeger(const TValue *o, lua_Integer *p, int mode);
/* Any value -> float, converting numeric strings (lua_tonumberx). */
int arith_tonumber(const TValue *o, lua_Number *n);
/* Numeric string -> number value in *result (1 on success). */
int arith_strton(const TValue *o, TValue *result);

/* Fast forms for the interpreter: integers and floats inline. */
#define arith_tonumberns(o, n) \
  (ttisfloat(o) ? ((n) = fltvalue(o), 1) \
   : ttisinteger(o) ? ((n) = cast_num(ivalue(o)), 1) : 0)
#define arith_tointegerns_fast(o, i) \
  (CR_LIKELY(ttisinteger(o)) ? (*(i) = ivalue(o), 1) \
   : arith_tointegerns((o), (i), F2I_EQ))

/*
 * op is LUA_OPADD..LUA_OPBNOT. arith_raw works on numbers only (and
 * numbers-with-integer-value for the bitwise ops) and returns 0 when the
 * operands do not qualify; it raises only for integer division or modulo by
 * zero, so a constant folder must rule those out first (lua5.4 does not
 * fold them). L is used for those errors only.
 */
int arith_raw(lua_State *L, int op, const TValue *p1, const TValue *p2,
              TValue *res);
/* arith_raw, else the metamethod (lua_arith). res is a stack slot. */
void arith_op(lua_State *L, int op, const TValue *p1, const TValue *p2,
              StkId res);

#endif
