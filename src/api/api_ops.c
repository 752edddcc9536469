/*
 * api_ops.c — Lua's operators for C code: concatenation, length,
 * arithmetic, comparisons (with and without metamethods) and numeral
 * conversion. Each one calls the same routine the interpreter uses for the
 * corresponding op, so results and error messages are identical.
 */
#include "api/api_index.h"
#include "obj/numconv.h"
#include "obj/str.h"
#include "gc/gc.h"
#include "vm/arith.h"
#include "vm/vm.h"

/* Replaces the n values at the top by their concatenation (n == 0 pushes
 * the empty string; n == 1 leaves the value as it is). */
LUA_API void lua_concat(lua_State *L, int n) {
  api_checknelems(L, n);
  if (n > 0) {
    vm_concat(L, n);
  } else {
    setsvalue(L, L->top, str_new(L, "", 0));
    api_incr_top(L);
  }
  gc_check(L);
}

/* Pushes #v (with __len). */
LUA_API void lua_len(lua_State *L, int idx) {
  const TValue *t = api_index2value(L, idx);
  vm_objlen(L, L->top, t);
  api_incr_top(L);
}

/*
 * Binary operators take the two values at the top; unary ones (-x, ~x)
 * take one, duplicated so that the metamethod sees the operand twice, as
 * with the interpreter's UNM/BNOT.
 */
LUA_API void lua_arith(lua_State *L, int op) {
  api_check(L, op >= LUA_OPADD && op <= LUA_OPBNOT, "invalid option");
  if (op != LUA_OPUNM && op != LUA_OPBNOT) {
    api_checknelems(L, 2);
  } else {
    api_checknelems(L, 1);
    setobjs2s(L, L->top, L->top - 1);
    api_incr_top(L);
  }
  arith_op(L, op, L->top - 2, L->top - 1, L->top - 2);
  L->top--;
}

/* Any invalid index makes the comparison false. */
LUA_API int lua_compare(lua_State *L, int index1, int index2, int op) {
  const TValue *o1 = api_index2value(L, index1);
  const TValue *o2 = api_index2value(L, index2);
  /* table.sort's default order on numbers of one kind: no call out */
  if (op == LUA_OPLT && rawtt(o1) == rawtt(o2)) {
    if (ttisinteger(o1))
      return ivalue(o1) < ivalue(o2);
    if (ttisfloat(o1))
      return fltvalue(o1) < fltvalue(o2);
  }
  if (!api_isvalid(L, o1) || !api_isvalid(L, o2))
    return 0;
  switch (op) {
    case LUA_OPEQ: return vm_equalobj(L, o1, o2);
    case LUA_OPLT: return vm_lessthan(L, o1, o2);
    case LUA_OPLE: return vm_lessequal(L, o1, o2);
    default:
      api_check(L, 0, "invalid option");
      return 0;
  }
}

LUA_API int lua_rawequal(lua_State *L, int index1, int index2) {
  const TValue *o1 = api_index2value(L, index1);
  const TValue *o2 = api_index2value(L, index2);
  return api_isvalid(L, o1) && api_isvalid(L, o2)
           ? vm_rawequalobj(o1, o2) : 0;
}

/* Pushes the number s denotes and returns strlen(s) + 1; returns 0 and
 * pushes nothing when s is not a numeral. */
LUA_API size_t lua_stringtonumber(lua_State *L, const char *s) {
  size_t size = num_str2num(s, L->top);
  if (size != 0)
    api_incr_top(L);
  return size;
}
