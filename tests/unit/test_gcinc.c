/*
 * test_gcinc.c — the incremental and generational machinery of the
 * collector, driven step by step from C: the cycle's states, stores into
 * black objects while marking (back and forward barriers, gc_verify run
 * after every step by the collector itself in this assert build), the
 * barrier during a sweep, ages in generational mode (NEW -> SURVIVAL ->
 * OLD1 -> OLD, TOUCHED1/2, OLD0), finalizers of old objects, emergency
 * collections in the middle of a cycle, the string table resized in
 * place, and gc_verify catching a broken invariant (in a child process).
 */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "obj_test.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/udata.h"
#include "obj/state.h"
#include "gc/gc.h"
#include "gc/mem.h"
#include "obj/needs_vm.h"

static lua_State *L;
static TestAlloc A;

static void push_table(Table *t) { sethvalue(L, L->top, t); L->top++; }
static TValue sval(const char *s)
{
  TValue v;
  setsvalue(L, &v, str_new(L, s, strlen(s)));
  return v;
}
static TValue ival(lua_Integer i) { TValue v; setivalue(&v, i); return v; }
static TValue tval(Table *t) { TValue v; sethvalue(L, &v, t); return v; }
static void set(Table *t, TValue k, TValue v) { tab_set(L, t, &k, &v); }
static const TValue *get(Table *t, TValue k) { return tab_get(t, &k); }

/* A table holding one integer, stored at t[key] (t must be anchored). */
static Table *store_new(Table *t, TValue key, lua_Integer payload)
{
  Table *n = tab_new(L);
  TValue v = tval(n);
  tab_set(L, t, &key, &v);           /* anchored by t from here on */
  set(n, ival(1), ival(payload));
  return n;
}

static lua_Integer payload(Table *t, TValue key)
{
  const TValue *v = get(t, key);
  if (!ttistable(v))
    return -1;
  const TValue *p = tab_getint(hvalue(v), 1);
  return ttisinteger(p) ? ivalue(p) : -1;
}

/* One automatic step (what a safe point does when the debt is due). */
static void step(void)
{
  state_setdebt(G(L), 1);
  gc_step(L);
}

/* ---- incremental cycle ---- */

static void test_incremental(void)
{
  global_State *g = G(L);
  StkId base = L->top;
  gc_changemode(L, GC_KIND_INC);
  gc_fullgc(L, 0);
  CHECK(g->gcstate == GCS_PAUSE);
  /* Tiny steps: 2^4 bytes, stepmul 4 (stored / 4 -> 1). */
  lu_byte oldsize = g->gcstepsize, oldmul = g->gcstepmul;
  g->gcstepsize = 4;
  gc_setparam(g->gcstepmul, 4);
  Table *old = tab_new(L);
  push_table(old);
  for (int i = 1; i <= 300; i++)
    store_new(old, ival(i), i);
  /* A cycle in many steps; every state is visited. */
  unsigned seen = 0;
  int steps = 0;
  step();                              /* PAUSE -> PROPAGATE */
  CHECK(g->gcstate == GCS_PROPAGATE);
  while (g->gcstate != GCS_PAUSE && steps < 100000) {
    seen |= 1u << g->gcstate;
    /* The program keeps writing into `old` (black once traversed) and
     * into fields of objects reached through it. */
    int i = steps % 300 + 1;
    store_new(old, ival(i), 1000 + i);
    store_new(old, sval("field"), steps);
    Table *inner = hvalue(get(old, ival(300 - i + 1)));
    store_new(inner, ival(2), steps);
    step();
    steps++;
  }
  CHECK(g->gcstate == GCS_PAUSE);
  CHECK(steps > 10);                   /* really incremental */
  CHECK(seen & (1u << GCS_PROPAGATE));
  CHECK(seen & (1u << GCS_SWPALLGC));
  gc_fullgc(L, 0);
  int ok = 1;
  for (int i = 1; i <= 300; i++) {
    lua_Integer p = payload(old, ival(i));
    ok &= p == i || p == 1000 + i;
    Table *inner = hvalue(get(old, ival(i)));
    const TValue *two = tab_getint(inner, 2);
    ok &= ttisnil(two) || ttistable(two);
  }
  CHECK(ok);
  CHECK(payload(old, sval("field")) == steps - 1);
  /* Garbage of the cycle is gone: only what old holds is left. */
  size_t live = gc_totalbytes(g);
  L->top = base;
  gc_fullgc(L, 0);
  CHECK(gc_totalbytes(g) < live);
  g->gcstepsize = oldsize;
  g->gcstepmul = oldmul;
}

/* While sweeping, a forward barrier whitens the black holder instead of
 * marking (it will not be looked at again in this cycle). */
static void test_sweep_barrier(void)
{
  global_State *g = G(L);
  StkId base = L->top;
  gc_changemode(L, GC_KIND_INC);
  gc_fullgc(L, 0);
  lu_byte oldsize = g->gcstepsize, oldmul = g->gcstepmul;
  g->gcstepsize = 1;
  gc_setparam(g->gcstepmul, 4);
  Table *holder = tab_new(L);
  push_table(holder);
  int guard = 0;
  step();
  while (g->gcstate != GCS_SWPALLGC && guard++ < 100000)
    step();
  CHECK(g->gcstate == GCS_SWPALLGC);
  /* The registry is old in allgc order (created first): still black. */
  Table *reg = hvalue(&g->l_registry);
  CHECK(gc_isblack(obj2gco(reg)));
  Table *young = tab_new(L);
  push_table(young);
  CHECK(gc_iswhite(obj2gco(young)));
  gc_objbarrier(L, reg, young);
  CHECK(gc_iswhite(obj2gco(reg)));     /* swept early */
  CHECK(!gc_isdead(g, obj2gco(reg)));
  while (g->gcstate != GCS_PAUSE && guard++ < 100000)
    step();
  g->gcstepsize = oldsize;
  g->gcstepmul = oldmul;
  L->top = base;
  gc_fullgc(L, 0);
}

/* ---- generational mode ---- */

static void young(void)
{
  /* A minor collection: the debt is due and memory is far below the
   * major threshold. */
  G(L)->GCestimate = gc_totalbytes(G(L)) * 4;
  step();
}

static void test_generational(void)
{
  global_State *g = G(L);
  StkId base = L->top;
  gc_changemode(L, GC_KIND_GEN);
  CHECK(g->gckind == GC_KIND_GEN && g->gcstate == GCS_PROPAGATE);
  Table *t = tab_new(L);
  push_table(t);
  CHECK(gc_getage(obj2gco(t)) == GC_AGE_NEW);
  young();
  CHECK(gc_getage(obj2gco(t)) == GC_AGE_SURVIVAL && gc_iswhite(obj2gco(t)));
  young();
  CHECK(gc_getage(obj2gco(t)) == GC_AGE_OLD1 && gc_isblack(obj2gco(t)));
  young();
  CHECK(gc_getage(obj2gco(t)) == GC_AGE_OLD && gc_isblack(obj2gco(t)));
  /* Back barrier: old table gets a new value. */
  Table *n = store_new(t, ival(1), 11);
  CHECK(gc_getage(obj2gco(t)) == GC_AGE_TOUCHED1 && gc_isgray(obj2gco(t)));
  young();
  CHECK(gc_getage(obj2gco(t)) == GC_AGE_TOUCHED2 && gc_isblack(obj2gco(t)));
  CHECK(gc_getage(obj2gco(n)) == GC_AGE_SURVIVAL);
  young();
  CHECK(gc_getage(obj2gco(t)) == GC_AGE_OLD);
  CHECK(gc_getage(obj2gco(n)) == GC_AGE_OLD1);
  young();
  CHECK(gc_getage(obj2gco(n)) == GC_AGE_OLD);
  CHECK(payload(t, ival(1)) == 11);
  /* Forward barrier: an old table's metatable is new -> OLD0. */
  Table *mt = tab_new(L);
  push_table(mt);
  L->top--;                            /* reachable only as t's metatable */
  t->metatable = mt;
  gc_objbarrier(L, t, mt);
  CHECK(gc_getage(obj2gco(mt)) == GC_AGE_OLD0);
  young();
  CHECK(gc_getage(obj2gco(mt)) == GC_AGE_OLD1);
  young();
  CHECK(gc_getage(obj2gco(mt)) == GC_AGE_OLD);
  CHECK(t->metatable == mt);
  /* Young garbage dies in a minor collection; old garbage waits for a
   * major one. */
  size_t before = gc_totalbytes(g);
  for (int i = 0; i < 1000; i++)
    tab_new(L);
  young();
  CHECK(gc_totalbytes(g) <= before + 256);
  set(t, ival(1), ival(0));            /* n is old garbage now */
  young();
  young();
  CHECK(gc_getage(obj2gco(n)) == GC_AGE_OLD);   /* still there */
  gc_fullgc(L, 0);                     /* a major collection frees it */
  CHECK(gc_totalbytes(g) < before);
  /* Weak table in generational mode: old weak table, young values. */
  Table *w = tab_new(L);
  push_table(w);
  Table *wmt = tab_new(L);
  push_table(wmt);
  set(wmt, sval("__mode"), sval("v"));
  w->metatable = wmt;
  gc_fullgc(L, 0);                     /* all old */
  Table *kept = tab_new(L);
  push_table(kept);
  set(w, ival(1), tval(kept));
  set(w, ival(2), tval(tab_new(L)));
  young();
  CHECK(ttistable(get(w, ival(1))));
  CHECK(ttisnil(get(w, ival(2))));
  L->top = base;
  gc_changemode(L, GC_KIND_INC);
  CHECK(g->gckind == GC_KIND_INC && g->gcstate == GCS_PAUSE);
  CHECK(gc_getage(obj2gco(hvalue(&g->l_registry))) == GC_AGE_NEW);
  gc_fullgc(L, 0);
}

/* ---- finalizers of old objects ---- */

static int fin_count;
static int fin_counter(lua_State *L1) { (void)L1; fin_count++; return 0; }

static void test_generational_finalizers(void)
{
  StkId base = L->top;
  gc_changemode(L, GC_KIND_GEN);
  Table *mt = tab_new(L);
  push_table(mt);
  TValue fv;
  setfvalue(&fv, fin_counter);
  set(mt, sval("__gc"), fv);
  Table *holder = tab_new(L);
  push_table(holder);
  for (int i = 1; i <= 10; i++) {
    Udata *u = udata_new(L, 8, 0);
    TValue uv;
    setuvalue(L, &uv, u);
    TValue key = ival(i);
    tab_set(L, holder, &key, &uv);
    u->metatable = mt;
    gc_checkfinalizer(L, obj2gco(u), mt);
  }
  young();
  young();
  young();                             /* old by now */
  fin_count = 0;
  for (int i = 1; i <= 10; i += 2)
    set(holder, ival(i), ival(0));     /* 5 old objects unreachable */
  young();
  young();
  CHECK(fin_count == 0);               /* minor collections keep old ones */
  gc_fullgc(L, 0);
  CHECK(fin_count == 5);
  /* young finalizable garbage goes in a minor collection */
  Udata *u = udata_new(L, 8, 0);
  u->metatable = mt;
  gc_checkfinalizer(L, obj2gco(u), mt);
  young();
  CHECK(fin_count == 6);
  L->top = base;
  gc_fullgc(L, 0);
  CHECK(fin_count == 11);
  gc_changemode(L, GC_KIND_INC);
}

/* ---- emergency collections in the middle of a cycle ---- */

static void test_emergency_midcycle(void)
{
  global_State *g = G(L);
  StkId base = L->top;
  gc_changemode(L, GC_KIND_INC);
  gc_fullgc(L, 0);
  lu_byte oldsize = g->gcstepsize, oldmul = g->gcstepmul;
  g->gcstepsize = 4;
  gc_setparam(g->gcstepmul, 4);
  Table *keep = tab_new(L);
  push_table(keep);
  for (int i = 1; i <= 200; i++)
    store_new(keep, ival(i), i);
  /* Stop in each phase, then force an emergency collection. */
  for (int target = GCS_PROPAGATE; target <= GCS_SWPTOBEFNZ; target++) {
    int guard = 0;
    step();
    while (g->gcstate != target && guard++ < 100000) {
      store_new(keep, ival(guard % 200 + 1), guard % 200 + 1);
      step();
    }
    gc_fullgc(L, 1);
    CHECK(g->gcstate == GCS_PAUSE);
  }
  int ok = 1;
  for (int i = 1; i <= 200; i++)
    ok &= payload(keep, ival(i)) == i;
  CHECK(ok);
  g->gcstepsize = oldsize;
  g->gcstepmul = oldmul;
  L->top = base;
  gc_fullgc(L, 0);
}

/* ---- the string table resized in place ---- */

static void test_strtable(void)
{
  StkId base = L->top;
  stringtable *tb = &G(L)->strt;
  TString *s[500];
  char buf[32];
  Table *anchor = tab_new(L);
  push_table(anchor);
  for (int i = 0; i < 500; i++) {
    snprintf(buf, sizeof buf, "key%d", i);
    s[i] = str_new(L, buf, strlen(buf));
    TValue k = ival(i + 1), v;
    setsvalue(L, &v, s[i]);
    tab_set(L, anchor, &k, &v);
  }
  int size = tb->size;
  str_resize(L, size * 4);
  CHECK(tb->size == size * 4);
  int same = 1;
  for (int i = 0; i < 500; i++) {
    snprintf(buf, sizeof buf, "key%d", i);
    same &= str_new(L, buf, strlen(buf)) == s[i];
  }
  CHECK(same);
  str_resize(L, size);
  CHECK(tb->size == size);
  same = 1;
  for (int i = 0; i < 500; i++) {
    snprintf(buf, sizeof buf, "key%d", i);
    same &= str_new(L, buf, strlen(buf)) == s[i];
  }
  CHECK(same);
  /* Growing fails softly under a memory limit. */
  A.limit = A.inuse + 16;
  str_resize(L, size * 2);
  CHECK(tb->size == size);
  A.limit = 0;
  L->top = base;
  gc_fullgc(L, 0);
}

/* ---- the checker itself ---- */

static void test_verify_catches(void)
{
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    /* Child: break the invariant by hand while marking. */
    freopen("/dev/null", "w", stderr);
    global_State *g = G(L);
    gc_changemode(L, GC_KIND_INC);
    gc_fullgc(L, 0);
    Table *holder = tab_new(L);
    push_table(holder);
    step();                            /* PAUSE -> PROPAGATE */
    gc_nw2black(obj2gco(holder));      /* pretend it was traversed */
    holder->marked &= (lu_byte)~GC_WHITEBITS;
    Table *white = tab_new(L);
    TValue k = ival(1), v = tval(white);
    /* a store without its barrier */
    const TValue *slot = tab_getint(holder, 1);
    if (tab_isabsent(slot)) {
      tab_resizearray(L, holder, 1);
      slot = tab_getint(holder, 1);
    }
    setobj(L, (TValue *)slot, &v);
    (void)k;
    (void)g;
    for (int i = 0; i < 100000; i++)   /* (it may skip checks: budget) */
      gc_verify(L);
    _exit(0);                          /* not caught: test fails */
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

int main(void)
{
  L = test_newstate(&A);
  CHECK(L != NULL);
  test_incremental();
  test_sweep_barrier();
  test_generational();
  test_generational_finalizers();
  test_emergency_midcycle();
  test_strtable();
  test_verify_catches();
  lua_close(L);
  CHECK(A.inuse == 0);
  printf("test_gcinc: %d checks, %d failures\n", test_checks, test_failures);
  return test_failures != 0;
}
