/*
 * code_fold.c — constant folding of arithmetic and bitwise operators.
 *
 * Folding must never change what a program does, so an operation is left
 * for run time whenever evaluating it at compile time could differ:
 *  - when it could raise an error (integer division or modulo by zero, a
 *    bitwise operation on a float without an exact integer value): the
 *    error must happen when, and if, the code runs; for simplicity any
 *    division by zero is left alone, float ones included;
 *  - when the result is a float NaN or zero: NaN cannot be a constant-table
 *    key and a folded 0.0 could lose the sign of -0.0.
 * The arithmetic itself is the VM's (arith_raw), so folded and run-time
 * results are bit-for-bit the same.
 */
#include "front/code.h"
#include "vm/arith.h"

#include <math.h>

static int fold_tointeger(const TValue *v) {
  lua_Integer i;
  if (ttisinteger(v))
    return 1;
  return code_flt2int(fltvalue(v), &i);
}

/* Could the operation raise an error for these operands? */
static int fold_safe(int luaop, const TValue *v1, const TValue *v2) {
  switch (luaop) {
    case LUA_OPBAND: case LUA_OPBOR: case LUA_OPBXOR:
    case LUA_OPSHL: case LUA_OPSHR: case LUA_OPBNOT:
      return fold_tointeger(v1) && fold_tointeger(v2);
    case LUA_OPDIV: case LUA_OPIDIV: case LUA_OPMOD:
      return nvalue(v2) != 0;
    default:
      return 1;
  }
}

/* Folds "e1 op e2" into e1 (unary ops pass a dummy integer 0 as e2).
 * Returns 1 on success; e1 is untouched otherwise. */
int code_constfold(FuncState *fs, int luaop, ExpDesc *e1, const ExpDesc *e2) {
  TValue v1, v2, res;
  if (!code_tonumeral(e1, &v1) || !code_tonumeral(e2, &v2) ||
      !fold_safe(luaop, &v1, &v2))
    return 0;
  if (!arith_raw(fs->ls->L, luaop, &v1, &v2, &res))
    return 0;
  if (ttisinteger(&res)) {
    e1->k = EXP_KINT;
    e1->u.ival = ivalue(&res);
  }
  else {
    lua_Number n = fltvalue(&res);
    if (isnan(n) || n == 0)
      return 0;
    e1->k = EXP_KFLT;
    e1->u.nval = n;
  }
  return 1;
}
