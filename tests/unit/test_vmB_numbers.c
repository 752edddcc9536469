/*
 * test_vmB_numbers.c — unit tests for vm-B's number semantics: integer and
 * float arithmetic (arith.c), conversions, and the exact comparisons and
 * string order of vm.c. Expected values are what lua5.4 computes.
 *
 * Build and run: make -f tests/unit/Makefile.vmB  (from the repository root)
 */
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/arith.h"
#include "vm/vm.h"

/* Set by the debug_runerror stub (stubs_vmB.c). */
extern jmp_buf stub_errjmp;
extern char stub_errmsg[256];

static int failures, checks;

#define CHECK(cond)                                                     \
  do {                                                                  \
    checks++;                                                           \
    if (!(cond)) {                                                      \
      failures++;                                                       \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,  \
              #cond);                                                   \
    }                                                                   \
  } while (0)

/* Run expr, expecting it to raise the error message msg. */
#define CHECK_ERROR(expr, msg)                                          \
  do {                                                                  \
    checks++;                                                           \
    stub_errmsg[0] = '\0';                                              \
    if (setjmp(stub_errjmp) == 0) {                                     \
      (void)(expr);                                                     \
      failures++;                                                       \
      fprintf(stderr, "%s:%d: no error from %s\n", __FILE__, __LINE__,  \
              #expr);                                                   \
    } else if (strcmp(stub_errmsg, (msg)) != 0) {                       \
      failures++;                                                       \
      fprintf(stderr, "%s:%d: error '%s', expected '%s'\n", __FILE__,    \
              __LINE__, stub_errmsg, (msg));                            \
    }                                                                   \
  } while (0)

static TValue I(lua_Integer i) { TValue v; setivalue(&v, i); return v; }
static TValue F(lua_Number n) { TValue v; setfltvalue(&v, n); return v; }

/* Test strings (not interned; freed at exit so leak checkers stay quiet). */
static TString *made[64];
static int nmade;

static TString *mkstr(const char *s, size_t len) {
  TString *ts = calloc(1, sizeof(TString) + len + 1);
  if (nmade < 64)
    made[nmade++] = ts;
  ts->tt = len <= CR_MAX_SHORT_LEN ? VT_SHRSTR : VT_LNGSTR;
  ts->len = len;
  memcpy(ts->contents, s, len);
  return ts;
}
static TValue S(const char *s) {
  TValue v;
  setsvalue(NULL, &v, mkstr(s, strlen(s)));
  return v;
}

#define MAXI LUA_MAXINTEGER
#define MINI LUA_MININTEGER

static void test_intdiv(void) {
  CHECK(arith_idiv(NULL, 7, 2) == 3);
  CHECK(arith_idiv(NULL, -7, 2) == -4);
  CHECK(arith_idiv(NULL, 7, -2) == -4);
  CHECK(arith_idiv(NULL, -7, -2) == 3);
  CHECK(arith_idiv(NULL, -8, 2) == -4);
  CHECK(arith_idiv(NULL, MINI, -1) == MINI);
  CHECK(arith_idiv(NULL, 5, -1) == -5);
  CHECK(arith_mod(NULL, -7, 3) == 2);
  CHECK(arith_mod(NULL, 7, -3) == -2);
  CHECK(arith_mod(NULL, -7, -3) == -1);
  CHECK(arith_mod(NULL, 6, -3) == 0);
  CHECK(arith_mod(NULL, MINI, -1) == 0);
  CHECK_ERROR(arith_idiv(NULL, 1, 0), "attempt to divide by zero");
  CHECK_ERROR(arith_mod(NULL, 1, 0), "attempt to perform 'n%%0'");
}

static void test_floatops(void) {
  CHECK(arith_modf(NULL, -7.5, 2) == 0.5);
  CHECK(fabs(arith_modf(NULL, 5.3, -2) - -0.7) < 1e-12);
  CHECK(arith_modf(NULL, -7, HUGE_VAL) == HUGE_VAL);
  CHECK(arith_modf(NULL, 7, -HUGE_VAL) == -HUGE_VAL);
  CHECK(arith_modf(NULL, 7, HUGE_VAL) == 7);
  CHECK(isnan(arith_modf(NULL, 1, 0)));
  CHECK(signbit(arith_modf(NULL, -0.0, 2)));
  CHECK(arith_pow(3, 2) == 9);
  CHECK(arith_pow(2, 0.5) == sqrt(2));
  CHECK(arith_floatidiv(7.0, 0.0) == HUGE_VAL);
  CHECK(arith_floatidiv(-7.0, 2.0) == -4);
}

static void test_shifts(void) {
  CHECK(arith_shiftl(1, 64) == 0);
  CHECK(arith_shiftl(1, 63) == MINI);
  CHECK(arith_shiftr(1, -1) == 2);
  CHECK(arith_shiftr(-1, 1) == MAXI);
  CHECK(arith_shiftl(-1, -64) == 0);
  CHECK(arith_shiftl(5, MINI) == 0);
  CHECK(arith_shiftr(5, MINI) == 0);   /* -MINI wraps to MINI: shift left by huge */
  CHECK(arith_shiftl(3, 0) == 3);
}

static void test_conversions(void) {
  lua_Integer i = 0;
  CHECK(arith_flttointns(3.0, &i, F2I_EQ) && i == 3);
  CHECK(!arith_flttointns(3.5, &i, F2I_EQ));
  CHECK(arith_flttointns(3.5, &i, F2I_FLOOR) && i == 3);
  CHECK(arith_flttointns(3.5, &i, F2I_CEIL) && i == 4);
  CHECK(arith_flttointns(-3.5, &i, F2I_FLOOR) && i == -4);
  CHECK(arith_flttointns(-3.5, &i, F2I_CEIL) && i == -3);
  CHECK(!arith_flttointns(9223372036854775808.0, &i, F2I_EQ));
  CHECK(arith_flttointns(-9223372036854775808.0, &i, F2I_EQ) && i == MINI);
  CHECK(!arith_flttointns(NAN, &i, F2I_FLOOR));
  CHECK(!arith_flttointns(HUGE_VAL, &i, F2I_FLOOR));

  TValue v = S("10");
  CHECK(arith_tointeger(&v, &i, F2I_EQ) && i == 10);
  CHECK(!arith_tointegerns(&v, &i, F2I_EQ));
  v = S(" 0x10 ");
  CHECK(arith_tointeger(&v, &i, F2I_EQ) && i == 16);
  v = S("3.0");
  CHECK(arith_tointeger(&v, &i, F2I_EQ) && i == 3);
  v = S("3.5");
  CHECK(!arith_tointeger(&v, &i, F2I_EQ));
  v = S("abc");
  CHECK(!arith_tointeger(&v, &i, F2I_EQ));
  lua_Number n = 0;
  v = S("1e2");
  CHECK(arith_tonumber(&v, &n) && n == 100);
  v = I(7);
  CHECK(arith_tonumber(&v, &n) && n == 7);
  /* an embedded zero stops conversion */
  TValue z;
  setsvalue(NULL, &z, mkstr("1\0" "2", 3));
  CHECK(!arith_tonumber(&z, &n));
}

static void test_raw(void) {
  TValue r, a, b;
  a = I(MAXI); b = I(1);
  CHECK(arith_raw(NULL, LUA_OPADD, &a, &b, &r) && ttisinteger(&r) && ivalue(&r) == MINI);
  a = I(3); b = F(0.5);
  CHECK(arith_raw(NULL, LUA_OPADD, &a, &b, &r) && ttisfloat(&r) && fltvalue(&r) == 3.5);
  a = I(6); b = I(3);
  CHECK(arith_raw(NULL, LUA_OPDIV, &a, &b, &r) && ttisfloat(&r) && fltvalue(&r) == 2.0);
  CHECK(arith_raw(NULL, LUA_OPPOW, &a, &b, &r) && ttisfloat(&r) && fltvalue(&r) == 216.0);
  CHECK(arith_raw(NULL, LUA_OPIDIV, &a, &b, &r) && ttisinteger(&r) && ivalue(&r) == 2);
  a = F(7.0); b = I(2);
  CHECK(arith_raw(NULL, LUA_OPIDIV, &a, &b, &r) && ttisfloat(&r) && fltvalue(&r) == 3.0);
  a = F(3.0); b = I(1);
  CHECK(arith_raw(NULL, LUA_OPBAND, &a, &b, &r) && ttisinteger(&r) && ivalue(&r) == 1);
  a = F(3.5);
  CHECK(!arith_raw(NULL, LUA_OPBAND, &a, &b, &r));
  a = S("3");
  CHECK(!arith_raw(NULL, LUA_OPBAND, &a, &b, &r));
  CHECK(!arith_raw(NULL, LUA_OPADD, &a, &b, &r));
  a = I(5);
  CHECK(arith_raw(NULL, LUA_OPUNM, &a, &a, &r) && ivalue(&r) == -5);
  CHECK(arith_raw(NULL, LUA_OPBNOT, &a, &a, &r) && ivalue(&r) == ~5LL);
  a = I(MINI);
  CHECK(arith_raw(NULL, LUA_OPUNM, &a, &a, &r) && ivalue(&r) == MINI);
  a = I(-7); b = I(2);
  CHECK(arith_raw(NULL, LUA_OPMOD, &a, &b, &r) && ivalue(&r) == 1);
  a = I(1); b = I(0);
  CHECK_ERROR(arith_raw(NULL, LUA_OPIDIV, &a, &b, &r), "attempt to divide by zero");
  a = F(1); b = I(0);
  CHECK(arith_raw(NULL, LUA_OPIDIV, &a, &b, &r) && fltvalue(&r) == HUGE_VAL);
}

static void test_compare(void) {
  TValue a, b;
  /* 2^53 + 1 does not fit a double: compare exactly */
  a = I((1LL << 53) + 1); b = F(9007199254740992.0);
  CHECK(!vm_ltnum(&a, &b) && vm_ltnum(&b, &a));
  CHECK(!vm_lenum(&a, &b) && vm_lenum(&b, &a));
  CHECK(!vm_rawequalobj(&a, &b));
  a = I(MAXI); b = F(9223372036854775808.0);   /* 2^63 */
  CHECK(vm_ltnum(&a, &b) && !vm_ltnum(&b, &a));
  CHECK(vm_lenum(&a, &b) && !vm_lenum(&b, &a));
  a = I(MINI); b = F(-9223372036854775808.0);
  CHECK(!vm_ltnum(&a, &b) && vm_lenum(&a, &b) && vm_lenum(&b, &a));
  CHECK(vm_rawequalobj(&a, &b));
  a = I(MAXI); b = F(NAN);
  CHECK(!vm_ltnum(&a, &b) && !vm_ltnum(&b, &a) && !vm_lenum(&a, &b) && !vm_lenum(&b, &a));
  a = I(MAXI - 1); b = F(HUGE_VAL);
  CHECK(vm_ltnum(&a, &b) && !vm_ltnum(&b, &a));
  b = F(-HUGE_VAL);
  CHECK(!vm_ltnum(&a, &b) && vm_ltnum(&b, &a));
  a = I(MAXI); b = F(9223372036854774784.0);   /* largest double < 2^63 */
  CHECK(!vm_ltnum(&a, &b) && vm_ltnum(&b, &a) && !vm_lenum(&a, &b));
  a = I(1); b = F(1.0);
  CHECK(vm_rawequalobj(&a, &b) && vm_lenum(&a, &b) && !vm_ltnum(&a, &b));
  a = I(1); b = F(1.5);
  CHECK(vm_ltnum(&a, &b) && !vm_rawequalobj(&a, &b));
  a = F(0.0); b = F(-0.0);
  CHECK(vm_rawequalobj(&a, &b));
  a = F(NAN);
  CHECK(!vm_rawequalobj(&a, &a));
}

static void test_strcmp(void) {
  TString *a = mkstr("a\0b", 3), *b = mkstr("a\0c", 3), *c = mkstr("a", 1);
  TString *d = mkstr("a\0", 2), *e = mkstr("", 0), *f = mkstr("b", 1);
  CHECK(vm_strcmp(a, b) < 0 && vm_strcmp(b, a) > 0);
  CHECK(vm_strcmp(c, d) < 0 && vm_strcmp(d, c) > 0);
  CHECK(vm_strcmp(a, a) == 0 && vm_strcmp(d, d) == 0);
  CHECK(vm_strcmp(e, c) < 0 && vm_strcmp(c, e) > 0 && vm_strcmp(e, e) == 0);
  CHECK(vm_strcmp(d, a) < 0);
  CHECK(vm_strcmp(f, a) > 0);
}

int main(void) {
  test_intdiv();
  test_floatops();
  test_shifts();
  test_conversions();
  test_raw();
  test_compare();
  test_strcmp();
  while (nmade > 0)
    free(made[--nmade]);
  printf("vmB numbers: %d checks, %d failed\n", checks, failures);
  return failures != 0;
}
