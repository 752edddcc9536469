/*
 * test_tab.c — tables and shapes: get/set/next/getn with every kind of
 * key, array/hash resizing, float key normalisation and key errors, shape
 * transitions and the dictionary fallback, a randomized comparison with a
 * reference model, and `#` against lua5.4 (tab_getn.ops / .expected).
 */
#include <math.h>
#include <string.h>

#include "obj_test.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/shape.h"
#include "gc/gc.h"
#include "obj/needs_vm.h"

static lua_State *L;

/* ---- helpers ---- */

static Table *newtable_onstack(void)
{
  Table *t = tab_new(L);
  sethvalue(L, L->top, t);
  L->top++;
  return t;
}

static TValue ival(lua_Integer i) { TValue v; setivalue(&v, i); return v; }
static TValue fval(lua_Number n) { TValue v; setfltvalue(&v, n); return v; }
static TValue sval(const char *s)
{
  TValue v;
  setsvalue(L, &v, str_new(L, s, strlen(s)));
  return v;
}
static TValue nilv(void) { TValue v; setnilvalue(&v); return v; }

static void set(Table *t, TValue k, TValue v) { tab_set(L, t, &k, &v); }
static const TValue *get(Table *t, TValue k) { return tab_get(t, &k); }

static int rawequal(const TValue *a, const TValue *b)
{
  if (rawtt(a) != rawtt(b))
    return 0;
  switch (rawtt(a)) {
    case VT_NIL: case VT_FALSE: case VT_TRUE: return 1;
    case VT_INT: return val_(a).i == val_(b).i;
    case VT_FLOAT: return val_(a).n == val_(b).n;
    case VT_LNGSTR: return str_eqlng(tsvalue(a), tsvalue(b));
    default: return val_(a).gc == val_(b).gc;
  }
}

/* Run f protected; returns the status (message in stub_lasterror). */
typedef struct SetArgs { Table *t; TValue k, v; } SetArgs;
static void protected_set(lua_State *L1, void *ud)
{
  SetArgs *a = ud;
  tab_set(L1, a->t, &a->k, &a->v);
}
static void protected_next(lua_State *L1, void *ud)
{
  SetArgs *a = ud;
  setobj(L1, L1->top, &a->k);
  tab_next(L1, a->t, L1->top);
}

/* Count keys by traversal, checking each value matches tab_get. */
static int count_keys(Table *t)
{
  StkId k = L->top;
  setnilvalue(k);
  int n = 0;
  while (tab_next(L, t, k)) {
    const TValue *v = tab_get(t, k);
    if (!rawequal(v, k + 1))
      n = -1000000;
    CHECK(!ttisnil(k + 1));
    n++;
  }
  return n;
}

/* ---- tests ---- */

static void test_basic(void)
{
  StkId base = L->top;
  Table *t = newtable_onstack();
  CHECK(tab_isabsent(get(t, ival(1))));
  CHECK(tab_isabsent(get(t, sval("x"))));
  CHECK(tab_isabsent(get(t, nilv())));
  set(t, ival(1), sval("one"));
  set(t, sval("x"), ival(10));
  set(t, fval(2.5), ival(25));
  TValue tru; setbtvalue(&tru);
  TValue fal; setbfvalue(&fal);
  set(t, tru, ival(1));
  set(t, fal, ival(0));
  TValue lud; setpvalue(&lud, (void *)&base);
  set(t, lud, ival(77));
  char longkey[100];
  memset(longkey, 'k', 99);
  longkey[99] = '\0';
  set(t, sval(longkey), ival(99));
  Table *inner = tab_new(L);
  TValue tk; sethvalue(L, &tk, inner);
  set(t, tk, ival(5));
  CHECK(rawequal(get(t, ival(1)), &(TValue){0}) == 0);
  TValue one = sval("one");
  CHECK(rawequal(get(t, ival(1)), &one));
  TValue ten = ival(10);
  CHECK(rawequal(get(t, sval("x")), &ten));
  CHECK(ivalue(get(t, fval(2.5))) == 25);
  CHECK(ivalue(get(t, tru)) == 1 && ivalue(get(t, fal)) == 0);
  CHECK(ivalue(get(t, lud)) == 77);
  /* A different long string object with the same text finds the key. */
  CHECK(ivalue(get(t, sval(longkey))) == 99);
  CHECK(ivalue(get(t, tk)) == 5);
  CHECK(count_keys(t) == 8);
  /* Float keys with integer values are integers. */
  set(t, fval(3.0), sval("three"));
  CHECK(!tab_isabsent(tab_getint(t, 3)));
  CHECK(rawequal(get(t, ival(3)), get(t, fval(3.0))));
  set(t, fval(-0.0), ival(-7));
  CHECK(ivalue(tab_getint(t, 0)) == -7);
  set(t, fval(0x1p53), ival(53));
  CHECK(ivalue(tab_getint(t, (lua_Integer)1 << 53)) == 53);
  /* 2^63 does not fit an integer: stays a float key. */
  set(t, fval(0x1p63), ival(63));
  CHECK(ivalue(get(t, fval(0x1p63))) == 63);
  CHECK(tab_isabsent(tab_getint(t, LUA_MININTEGER)));
  /* Setting nil removes (value nil = absent); setting nil on an absent
   * key stores nothing. */
  int before = count_keys(t);
  set(t, sval("x"), nilv());
  CHECK(ttisnil(get(t, sval("x"))));
  CHECK(count_keys(t) == before - 1);
  set(t, sval("never"), nilv());
  CHECK(tab_isabsent(get(t, sval("never"))));
  set(t, ival(1000), nilv());
  CHECK(tab_isabsent(tab_getint(t, 1000)));
  CHECK(count_keys(t) == before - 1);
  /* Errors. */
  SetArgs a = { t, nilv(), ival(1) };
  CHECK(do_rawrunprotected(L, protected_set, &a) == LUA_ERRRUN);
  CHECK(strcmp(stub_lasterror, "table index is nil") == 0);
  a.k = fval(NAN);
  CHECK(do_rawrunprotected(L, protected_set, &a) == LUA_ERRRUN);
  CHECK(strcmp(stub_lasterror, "table index is NaN") == 0);
  a.k = ival(123456);
  CHECK(do_rawrunprotected(L, protected_next, &a) == LUA_ERRRUN);
  CHECK(strcmp(stub_lasterror, "invalid key to 'next'") == 0);
  a.k = sval("nokey");
  CHECK(do_rawrunprotected(L, protected_next, &a) == LUA_ERRRUN);
  a.k = fval(1.0);   /* as lua5.4: next does not normalise */
  CHECK(do_rawrunprotected(L, protected_next, &a) == LUA_ERRRUN);
  /* getstr / getshortstr agree with get. */
  TValue sk = sval("y");
  set(t, sk, ival(8));
  CHECK(tab_getstr(t, tsvalue(&sk)) == tab_get(t, &sk));
  CHECK(tab_getshortstr(t, tsvalue(&sk)) == tab_get(t, &sk));
  L->top = base;
}

static void test_array_and_resize(void)
{
  StkId base = L->top;
  Table *t = newtable_onstack();
  for (int i = 1; i <= 1000; i++)
    set(t, ival(i), ival(i * 2));
  CHECK(t->asize >= 1000 && t->asize <= 1024);
  CHECK(tab_getn(t) == 1000);
  for (int i = 1; i <= 1000; i++)
    CHECK(ivalue(tab_getint(t, i)) == i * 2);
  /* Reverse fill ends in the array too, after rehashes. */
  Table *r = newtable_onstack();
  for (int i = 64; i >= 1; i--)
    set(r, ival(i), ival(i));
  CHECK(tab_getn(r) == 64);
  CHECK(count_keys(r) == 64);
  /* Sparse keys stay in the hash. */
  Table *s = newtable_onstack();
  for (int i = 1; i <= 100; i++)
    set(s, ival(i * 1000), ival(i));
  CHECK(s->asize == 0);
  CHECK(count_keys(s) == 100);
  for (int i = 1; i <= 100; i++)
    CHECK(ivalue(tab_getint(s, i * 1000)) == i);
  /* Shrinking the array moves keys into the node. */
  tab_resize(L, t, 10, 0);
  CHECK(t->asize == 10);
  for (int i = 1; i <= 1000; i++)
    CHECK(ivalue(tab_getint(t, i)) == i * 2);
  CHECK(count_keys(t) == 1000);
  tab_resizearray(L, t, 2000);
  CHECK(t->asize == 2000);
  for (int i = 1; i <= 1000; i++)
    CHECK(ivalue(tab_getint(t, i)) == i * 2);
  /* Presized for a constructor. */
  Table *c = newtable_onstack();
  tab_resize(L, c, 5, 3);
  CHECK(c->asize == 5 && c->slotcap >= 3 && c->shape != NULL);
  Table *d = newtable_onstack();
  tab_resize(L, d, 0, 100);
  CHECK(d->shape == NULL && tab_sizenode(d) >= 100);
  set(d, sval("a"), ival(1));
  CHECK(ivalue(get(d, sval("a"))) == 1);
  L->top = base;
}

static void test_next_deletion(void)
{
  StkId base = L->top;
  Table *t = newtable_onstack();
  char buf[32];
  for (int i = 1; i <= 20; i++)
    set(t, ival(i), ival(i));
  for (int i = 0; i < 10; i++) {
    snprintf(buf, sizeof buf, "f%d", i);
    set(t, sval(buf), ival(i));
  }
  for (int i = 0; i < 30; i++)
    set(t, fval(i + 0.5), ival(i));
  CHECK(count_keys(t) == 60);
  /* Clearing every field during the traversal (allowed in Lua) visits
   * every key exactly once. */
  StkId k = L->top;
  setnilvalue(k);
  int seen = 0;
  while (tab_next(L, t, k)) {
    seen++;
    TValue nv = nilv();
    tab_set(L, t, k, &nv);
  }
  CHECK(seen == 60);
  CHECK(count_keys(t) == 0);
  L->top = base;
}

static void test_shapes(void)
{
  StkId base = L->top;
  Shape *root = shape_root(L);
  Table *a = newtable_onstack();
  Table *b = newtable_onstack();
  CHECK(a->shape == root && b->shape == root);
  set(a, sval("x"), ival(1));
  set(a, sval("y"), ival(2));
  set(b, sval("x"), ival(3));
  set(b, sval("y"), ival(4));
  CHECK(a->shape == b->shape);
  CHECK(a->shape->nslots == 2 && a->shape->parent->parent == root);
  TString *x = str_newlit(L, "x");
  TString *y = str_newlit(L, "y");
  CHECK(shape_lookup(a->shape, x) == 0 && shape_lookup(a->shape, y) == 1);
  CHECK(shape_key(a->shape, 1) == y);
  CHECK(ivalue(&b->slots[1]) == 4);   /* what an inline cache reads */
  /* Other order, other shape. */
  Table *c = newtable_onstack();
  set(c, sval("y"), ival(5));
  set(c, sval("x"), ival(6));
  CHECK(c->shape != a->shape && c->shape->nslots == 2);
  CHECK(shape_lookup(c->shape, x) == 1);
  /* Setting a shaped field to nil keeps the shape (and the slot). */
  Shape *before = a->shape;
  set(a, sval("x"), nilv());
  CHECK(a->shape == before && ttisnil(get(a, sval("x"))));
  CHECK(!tab_isabsent(get(a, sval("x"))));   /* a real slot, nil */
  set(a, sval("x"), ival(9));
  CHECK(a->shape == before && ivalue(get(a, sval("x"))) == 9);
  /* Integer and non-string keys do not change the shape. */
  set(a, ival(1), ival(1));
  set(a, fval(1.5), ival(1));
  CHECK(a->shape == before);
  /* Long strings live in the node even in shaped mode. */
  char lk[60];
  memset(lk, 'L', 59);
  lk[59] = '\0';
  set(a, sval(lk), ival(59));
  CHECK(a->shape == before && ivalue(get(a, sval(lk))) == 59);
  CHECK(count_keys(a) == 5);
  /* Many keys: index lookups (more than SHAPE_LINEAR_MAX) and finally the
   * dictionary fallback after SHAPE_MAX_KEYS. */
  Table *big = newtable_onstack();
  char buf[32];
  for (int i = 0; i < SHAPE_MAX_KEYS; i++) {
    snprintf(buf, sizeof buf, "k%d", i);
    set(big, sval(buf), ival(i));
    CHECK(big->shape != NULL && big->shape->nslots == (uint32_t)i + 1);
  }
  for (int i = 0; i < SHAPE_MAX_KEYS; i++) {
    snprintf(buf, sizeof buf, "k%d", i);
    CHECK(shape_lookup(big->shape, str_new(L, buf, strlen(buf))) == i);
    CHECK(ivalue(get(big, sval(buf))) == i);
  }
  CHECK(shape_lookup(big->shape, str_newlit(L, "absent")) == -1);
  set(big, sval("one-more"), ival(-1));
  CHECK(big->shape == NULL && big->slots == NULL);
  for (int i = 0; i < SHAPE_MAX_KEYS; i++) {
    snprintf(buf, sizeof buf, "k%d", i);
    CHECK(ivalue(get(big, sval(buf))) == i);
  }
  CHECK(ivalue(get(big, sval("one-more"))) == -1);
  CHECK(count_keys(big) == SHAPE_MAX_KEYS + 1);
  /* A second table with the same keys reuses the whole chain. */
  Table *big2 = newtable_onstack();
  for (int i = 0; i < 20; i++) {
    snprintf(buf, sizeof buf, "k%d", i);
    set(big2, sval(buf), ival(i));
  }
  Shape *s20 = big2->shape;
  Table *big3 = newtable_onstack();
  for (int i = 0; i < 20; i++) {
    snprintf(buf, sizeof buf, "k%d", i);
    set(big3, sval(buf), ival(i));
  }
  CHECK(big3->shape == s20);
  /* Holes: half of the slots nil, then a new key -> dictionary. */
  Table *h = newtable_onstack();
  for (int i = 0; i < 10; i++) {
    snprintf(buf, sizeof buf, "h%d", i);
    set(h, sval(buf), ival(i));
  }
  for (int i = 0; i < 5; i++) {
    snprintf(buf, sizeof buf, "h%d", i);
    set(h, sval(buf), nilv());
  }
  CHECK(h->shape != NULL);
  set(h, sval("new"), ival(100));
  CHECK(h->shape == NULL);
  CHECK(count_keys(h) == 6);
  for (int i = 5; i < 10; i++) {
    snprintf(buf, sizeof buf, "h%d", i);
    CHECK(ivalue(get(h, sval(buf))) == i);
  }
  /* Many distinct first keys: the root's transition table grows. */
  for (int i = 0; i < 300; i++) {
    Table *w = tab_new(L);
    sethvalue(L, L->top, w);
    L->top++;
    snprintf(buf, sizeof buf, "first%d", i);
    set(w, sval(buf), ival(i));
    L->top--;
  }
  CHECK(root->ntrans >= 300);
  Table *again = newtable_onstack();
  set(again, sval("first7"), ival(0));
  Table *again2 = newtable_onstack();
  set(again2, sval("first7"), ival(1));
  CHECK(again->shape == again2->shape);
  L->top = base;
}

/* ---- random comparison with a reference model ---- */

#define MODEL_MAX 600
static TValue model_keys[MODEL_MAX];
static TValue model_vals[MODEL_MAX];
static int model_n;

static int model_find(const TValue *k)
{
  for (int i = 0; i < model_n; i++)
    if (rawequal(&model_keys[i], k))
      return i;
  return -1;
}

static uint64_t rng_state = 88172645463325252ull;
static uint64_t rng(void)
{
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

static TValue key_pool[400];

static void test_random(void)
{
  StkId base = L->top;
  Table *pool = newtable_onstack();   /* keeps pool strings alive */
  char buf[64];
  for (int i = 0; i < 400; i++) {
    switch (i % 8) {
      case 0: case 1: key_pool[i] = ival(i / 8 + 1); break;
      case 2: key_pool[i] = ival((lua_Integer)(rng() % 100000) - 50000); break;
      case 3: key_pool[i] = fval((double)i + 0.25); break;
      case 4: case 5:
        snprintf(buf, sizeof buf, "s%d", i);
        key_pool[i] = sval(buf);
        break;
      case 6:
        snprintf(buf, sizeof buf, "a-long-string-key-that-is-not-interned-%d", i);
        key_pool[i] = sval(buf);
        break;
      default:
        if (i == 7) setbtvalue(&key_pool[i]);
        else if (i == 15) setbfvalue(&key_pool[i]);
        else key_pool[i] = ival(LUA_MAXINTEGER - i);
    }
    if (iscollectable(&key_pool[i])) {
      TValue one = ival(1);
      tab_set(L, pool, &key_pool[i], &one);
    }
  }
  for (int round = 0; round < 40; round++) {
    Table *t = newtable_onstack();
    model_n = 0;
    int nops = 50 + (int)(rng() % 800);
    int mismatches = 0;
    for (int op = 0; op < nops; op++) {
      TValue *k = &key_pool[rng() % 400];
      TValue v = (rng() % 4 == 0) ? nilv() : ival((lua_Integer)(rng() % 1000));
      tab_set(L, t, k, &v);
      int m = model_find(k);
      if (ttisnil(&v)) {
        if (m >= 0) {
          model_keys[m] = model_keys[model_n - 1];
          model_vals[m] = model_vals[model_n - 1];
          model_n--;
        }
      } else if (m >= 0) {
        model_vals[m] = v;
      } else {
        model_keys[model_n] = *k;
        model_vals[model_n] = v;
        model_n++;
      }
      if (op % 37 == 0 || op == nops - 1) {
        for (int i = 0; i < model_n; i++)
          if (!rawequal(tab_get(t, &model_keys[i]), &model_vals[i]))
            mismatches++;
        for (int i = 0; i < 400; i++)
          if (model_find(&key_pool[i]) < 0 && !ttisnil(tab_get(t, &key_pool[i])))
            mismatches++;
        if (count_keys(t) != model_n)
          mismatches++;
      }
    }
    CHECK(mismatches == 0);
    L->top--;
  }
  (void)pool;
  L->top = base;
}

/* ---- `#` against lua5.4 ---- */

static void test_getn_oracle(void)
{
  const char *ops_path = getenv("TAB_GETN_OPS");
  const char *exp_path = getenv("TAB_GETN_EXPECTED");
  FILE *ops = fopen(ops_path ? ops_path : "tests/unit/tab_getn.ops", "r");
  FILE *exp = fopen(exp_path ? exp_path : "tests/unit/tab_getn.expected", "r");
  CHECK(ops != NULL && exp != NULL);
  if (ops == NULL || exp == NULL)
    return;
  StkId base = L->top;
  Table *t = NULL;
  char line[128];
  int results = 0, wrong = 0;
  while (fgets(line, sizeof line, ops) != NULL) {
    if (line[0] == 'n') {
      L->top = base;
      t = newtable_onstack();
    } else if (line[0] == 's') {
      long long k;
      char v[8];
      sscanf(line + 2, "%lld %7s", &k, v);
      TValue val;
      if (strcmp(v, "nil") == 0) setnilvalue(&val); else setbtvalue(&val);
      tab_setint(L, t, k, &val);
    } else if (line[0] == 'S') {
      char k[32], v[8];
      sscanf(line + 2, "%31s %7s", k, v);
      TValue key = sval(k), val;
      if (strcmp(v, "nil") == 0) setnilvalue(&val); else setbtvalue(&val);
      tab_set(L, t, &key, &val);
    } else if (line[0] == 'l') {
      char want[64];
      if (fgets(want, sizeof want, exp) == NULL)
        break;
      unsigned long long got = tab_getn(t);
      results++;
      if (got != strtoull(want, NULL, 10)) {
        wrong++;
        if (wrong <= 5)
          fprintf(stderr, "getn #%d: got %llu want %s   (asize %u alimit %u node %u)\n", results, got, want, t->asize, t->alimit, tab_sizenode(t));
      }
    }
  }
  fclose(ops);
  fclose(exp);
  printf("getn oracle: %d of %d agree with lua5.4\n", results - wrong, results);
  CHECK(wrong == 0);
  L->top = base;
}

int main(void)
{
  TestAlloc a;
  L = test_newstate(&a);
  CHECK(L != NULL);
  test_basic();
  test_array_and_resize();
  test_next_deletion();
  test_shapes();
  test_random();
  test_getn_oracle();
  lua_close(L);
  CHECK(a.inuse == 0);
  printf("test_tab: %d checks, %d failures\n", test_checks, test_failures);
  return test_failures != 0;
}
