/*
 * test_str.c — string interning, the string table's growth and shrinking,
 * long strings (lazy hash, equality), the str_newz cache, and collection
 * of unreferenced strings.
 */
#include <string.h>

#include "obj_test.h"
#include "obj/str.h"
#include "gc/gc.h"

static void test_interning(lua_State *L)
{
  TString *a = str_new(L, "hello", 5);
  TString *b = str_newlit(L, "hello");
  char buf[] = "hello";
  TString *c = str_newz(L, buf);
  CHECK(a == b && b == c);
  CHECK(a->tt == VT_SHRSTR && a->len == 5 && getstr(a)[5] == '\0');
  CHECK(str_eq(a, b));
  /* Exactly CR_MAX_SHORT_LEN is short, one more is long. */
  char s40[CR_MAX_SHORT_LEN + 2];
  memset(s40, 'q', sizeof s40);
  TString *x = str_new(L, s40, CR_MAX_SHORT_LEN);
  TString *y = str_new(L, s40, CR_MAX_SHORT_LEN);
  CHECK(x == y && x->tt == VT_SHRSTR);
  TString *l1 = str_new(L, s40, CR_MAX_SHORT_LEN + 1);
  TString *l2 = str_new(L, s40, CR_MAX_SHORT_LEN + 1);
  CHECK(l1 != l2 && l1->tt == VT_LNGSTR);
  CHECK(str_eqlng(l1, l2) && str_eq(l1, l2));
  CHECK(l1->extra == 0);
  uint32_t h = str_hashlong(l1);
  CHECK(l1->extra == 1 && str_hashlong(l2) == h);
  CHECK(str_hashlong(l1) == h);
  /* Embedded zeros are part of the string. */
  TString *z1 = str_new(L, "a\0b", 3);
  TString *z2 = str_new(L, "a\0c", 3);
  CHECK(z1 != z2 && z1->len == 3);
  TString *e = str_new(L, "", 0);
  CHECK(e == str_newlit(L, "") && e->len == 0);
  /* Buffers: str_newlong leaves room for the caller. */
  TString *lb = str_newlong(L, 100);
  CHECK(lb->tt == VT_LNGSTR && lb->len == 100 && getstr(lb)[100] == '\0');
}

static void test_table_growth(lua_State *L)
{
  stringtable *tb = &G(L)->strt;
  int size0 = tb->size;
  int nuse0 = tb->nuse;
  StkId base = L->top;
  char buf[32];
  /* Keep 2000 strings alive on the stack region... not enough slots, so
   * check interning identity while they are all reachable from a table-less
   * stack: just create them and compare again before any collection. */
  TString *first[2000];
  for (int i = 0; i < 2000; i++) {
    snprintf(buf, sizeof buf, "key%d", i);
    first[i] = str_new(L, buf, strlen(buf));
  }
  CHECK(tb->size > size0);
  CHECK(tb->nuse >= nuse0 + 2000);
  int bad = 0;
  for (int i = 0; i < 2000; i++) {
    snprintf(buf, sizeof buf, "key%d", i);
    if (str_new(L, buf, strlen(buf)) != first[i])
      bad++;
  }
  CHECK(bad == 0);
  /* Nothing references them: a collection frees them and the table
   * shrinks back. */
  L->top = base;
  gc_fullgc(L, 0);
  CHECK(tb->nuse <= nuse0 + 20);
  CHECK(tb->size < 2048);
  /* Chains are consistent: every string is in its bucket, with the right
   * link tags, and nuse counts them. */
  CHECK(str_countchains(G(L)) == tb->nuse);
}

static void test_survival(lua_State *L)
{
  /* A string on the stack survives; its twin is found again. */
  TString *s = str_newlit(L, "survivor");
  setsvalue(L, L->top, s);
  L->top++;
  gc_fullgc(L, 0);
  CHECK(str_newlit(L, "survivor") == s);
  CHECK(strcmp(getstr(s), "survivor") == 0);
  L->top--;
  /* The memory-error message is permanent. */
  gc_fullgc(L, 0);
  CHECK(strcmp(getstr(G(L)->memerrmsg), "not enough memory") == 0);
  /* Cache entries of collected strings are reset, never dangling. */
  char buf[] = "cached-string";
  TString *c = str_newz(L, buf);
  CHECK(c == str_newz(L, buf));
  gc_fullgc(L, 0);
  TString *c2 = str_newz(L, buf);
  CHECK(strcmp(getstr(c2), "cached-string") == 0);
}

int main(void)
{
  TestAlloc a;
  lua_State *L = test_newstate(&a);
  CHECK(L != NULL);
  test_interning(L);
  test_table_growth(L);
  test_survival(L);
  lua_close(L);
  CHECK(a.inuse == 0);
  printf("test_str: %d checks, %d failures\n", test_checks, test_failures);
  return test_failures != 0;
}
