/*
 * test_gc.c — the collector: reachability from the roots, weak tables
 * (values, keys/ephemerons, both), finalizers (order, resurrection,
 * errors as warnings, lua_close), dead shape transitions, shapes kept by
 * feedback vectors, lua_gc options, emergency collection and LUA_ERRMEM,
 * threads, and the byte count.
 */
#include <string.h>

#include "obj_test.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/shape.h"
#include "obj/udata.h"
#include "obj/state.h"
#include "gc/gc.h"
#include "gc/mem.h"
#include "obj/needs_vm.h"

static lua_State *L;
static TestAlloc A;

/* ---- helpers ---- */

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

static void setmt(GCObject *o, Table *mt)
{
  if (o->tt == VT_TABLE)
    ((Table *)o)->metatable = mt;
  else
    ((Udata *)o)->metatable = mt;
  gc_checkfinalizer(L, o, mt);
}

static Table *weaktable(const char *mode)
{
  Table *t = tab_new(L);
  push_table(t);
  Table *mt = tab_new(L);
  push_table(mt);
  set(mt, sval("__mode"), sval(mode));
  t->metatable = mt;
  L->top--;     /* mt stays reachable through t */
  return t;
}

static size_t bytes(void) { return gc_totalbytes(G(L)); }

/* ---- tests ---- */

static void test_reachability(void)
{
  StkId base = L->top;
  gc_fullgc(L, 0);
  size_t before = bytes();
  CHECK(before == A.inuse);
  for (int i = 0; i < 1000; i++) {
    Table *t = tab_new(L);
    push_table(t);
    set(t, ival(1), sval("garbage string value that is long enough"));
    set(t, sval("field"), ival(i));
    L->top--;
  }
  CHECK(bytes() > before + 1000 * sizeof(Table));
  gc_fullgc(L, 0);
  CHECK(bytes() <= before + 64);
  CHECK(bytes() == A.inuse);
  /* A chain reachable from the stack survives. */
  Table *root = tab_new(L);
  push_table(root);
  Table *cur = root;
  for (int i = 0; i < 100; i++) {
    Table *n = tab_new(L);
    set(cur, sval("next"), tval(n));
    set(cur, ival(i + 1), sval("payload"));
    cur = n;
  }
  gc_fullgc(L, 0);
  int depth = 0;
  for (const TValue *v = get(root, sval("next")); ttistable(v);
       v = get(hvalue(v), sval("next")))
    depth++;
  CHECK(depth == 100);
  /* The registry is a root too. */
  Table *reg = hvalue(&G(L)->l_registry);
  Table *kept = tab_new(L);
  push_table(kept);
  set(reg, sval("kept"), tval(kept));
  L->top--;
  set(kept, sval("x"), ival(42));
  gc_fullgc(L, 0);
  CHECK(ivalue(get(hvalue(get(reg, sval("kept"))), sval("x"))) == 42);
  CHECK(ttisthread(tab_getint(reg, LUA_RIDX_MAINTHREAD)));
  CHECK(ttistable(tab_getint(reg, LUA_RIDX_GLOBALS)));
  set(reg, sval("kept"), (TValue){ .tt_ = VT_NIL });
  L->top = base;
}

static void test_weak(void)
{
  StkId base = L->top;
  /* Weak values: array, slots and node entries with dead values go;
   * strings and live objects stay. */
  Table *wv = weaktable("v");
  Table *live = tab_new(L);
  push_table(live);
  set(wv, ival(1), tval(tab_new(L)));
  set(wv, ival(2), sval("a string is a value"));
  set(wv, ival(3), tval(live));
  set(wv, sval("dead"), tval(tab_new(L)));
  set(wv, sval("alive"), tval(live));
  set(wv, ival(1000), tval(tab_new(L)));
  set(wv, tval(live), tval(tab_new(L)));
  gc_fullgc(L, 0);
  CHECK(ttisnil(get(wv, ival(1))));
  CHECK(ttisstring(get(wv, ival(2))));
  CHECK(ttistable(get(wv, ival(3))));
  CHECK(ttisnil(get(wv, sval("dead"))));
  CHECK(ttistable(get(wv, sval("alive"))));
  CHECK(ttisnil(get(wv, ival(1000))));
  CHECK(ttisnil(get(wv, tval(live))));
  /* Weak keys (ephemeron): an entry lives while its key does; a value
   * reachable only from an entry with a dead key does not keep anything. */
  Table *wk = weaktable("k");
  Table *k1 = tab_new(L);
  push_table(k1);                       /* k1 alive */
  Table *k2 = tab_new(L);               /* reachable only as wk[k1] */
  Table *k3 = tab_new(L);               /* reachable only as wk[k2] */
  set(wk, tval(k1), tval(k2));
  set(wk, tval(k2), tval(k3));
  set(wk, tval(k3), sval("end of chain"));
  Table *d1 = tab_new(L);               /* dead chain */
  Table *d2 = tab_new(L);
  set(wk, tval(d1), tval(d2));
  set(wk, tval(d2), tval(d1));          /* cycle through values */
  set(wk, sval("strkey"), tval(tab_new(L)));  /* string keys are strong */
  set(wk, ival(5), tval(tab_new(L)));
  gc_fullgc(L, 0);
  CHECK(ttistable(get(wk, tval(k1))));
  CHECK(ttistable(get(wk, tval(k2))));
  CHECK(ttisstring(get(wk, tval(k3))));
  CHECK(ttistable(get(wk, sval("strkey"))));
  CHECK(ttistable(get(wk, ival(5))));
  /* count: k1,k2,k3,strkey,5 */
  StkId k = L->top;
  setnilvalue(k);
  int n = 0;
  while (tab_next(L, wk, k))
    n++;
  CHECK(n == 5);
  /* Drop k1: the whole chain goes in one cycle. */
  L->top = base + 3;   /* wv, live, wk */
  gc_fullgc(L, 0);
  setnilvalue(k);
  n = 0;
  while (tab_next(L, wk, k))
    n++;
  CHECK(n == 2);
  /* Both weak. */
  Table *wkv = weaktable("kv");
  set(wkv, tval(live), tval(tab_new(L)));
  set(wkv, tval(tab_new(L)), tval(live));
  set(wkv, tval(live), tval(live));
  set(wkv, sval("s"), sval("t"));
  set(wkv, ival(1), tval(tab_new(L)));
  gc_fullgc(L, 0);
  CHECK(ttistable(get(wkv, tval(live))));
  CHECK(ttisstring(get(wkv, sval("s"))));
  CHECK(ttisnil(get(wkv, ival(1))));
  setnilvalue(k);
  n = 0;
  while (tab_next(L, wkv, k))
    n++;
  CHECK(n == 2);
  L->top = base;
}

/* ---- finalizers ---- */

static GCObject *fin_log[64];
static int fin_count;
static Table *resurrect_into;

static int fin_record(lua_State *L1)
{
  const TValue *o = L1->top - 1;
  fin_log[fin_count++] = gcvalue(o);
  if (resurrect_into != NULL) {
    TValue k = ival(fin_count);
    tab_set(L1, resurrect_into, &k, (TValue *)o);
  }
  return 0;
}

static int fin_error(lua_State *L1)
{
  debug_runerror(L1, "boom");
  return 0;
}

static Table *fin_metatable(lua_CFunction f)
{
  Table *mt = tab_new(L);
  push_table(mt);
  TValue fv;
  setfvalue(&fv, f);
  set(mt, sval("__gc"), fv);
  return mt;
}

static char warnbuf[1024];

static void test_finalizers(void)
{
  StkId base = L->top;
  Table *mt = fin_metatable(fin_record);
  GCObject *objs[5];
  for (int i = 0; i < 5; i++) {
    Udata *u = udata_new(L, 16, 1);
    setuvalue(L, L->top, u);
    L->top++;
    setmt(obj2gco(u), mt);
    objs[i] = obj2gco(u);
    L->top--;
  }
  CHECK(gc_hasfinalizer(objs[0]));
  fin_count = 0;
  gc_fullgc(L, 0);
  CHECK(fin_count == 5);
  /* Reverse order of gc_checkfinalizer. */
  int order_ok = fin_count == 5;
  for (int i = 0; i < fin_count && order_ok; i++)
    order_ok = fin_log[i] == objs[4 - i];
  CHECK(order_ok);
  /* Collected in the next cycle; the finalizer does not run twice. */
  size_t after_fin = bytes();
  gc_fullgc(L, 0);
  CHECK(fin_count == 5);
  CHECK(bytes() < after_fin);
  /* Setting a metatable without __gc, then adding __gc later: not
   * finalized (lua5.4: __gc must be there at setmetatable time). */
  Table *plain = tab_new(L);
  push_table(plain);
  Table *t = tab_new(L);
  push_table(t);
  setmt(obj2gco(t), plain);
  TValue fv;
  setfvalue(&fv, fin_record);
  set(plain, sval("__gc"), fv);
  L->top--;
  gc_fullgc(L, 0);
  CHECK(fin_count == 5);
  /* Resurrection: the finalizer stores the object; it stays usable. */
  Table *keep = tab_new(L);
  push_table(keep);
  resurrect_into = keep;
  Table *r = tab_new(L);
  push_table(r);
  set(r, sval("data"), ival(7));
  setmt(obj2gco(r), mt);
  L->top--;
  gc_fullgc(L, 0);
  CHECK(fin_count == 6);
  const TValue *back = tab_getint(keep, 6);
  CHECK(ttistable(back) && ivalue(get(hvalue(back), sval("data"))) == 7);
  gc_fullgc(L, 0);
  CHECK(ttistable(tab_getint(keep, 6)));   /* still there */
  resurrect_into = NULL;
  /* An error in __gc becomes a warning. */
  G(L)->warnf = stub_warn;
  G(L)->ud_warn = warnbuf;
  warnbuf[0] = '\0';
  Table *emt = fin_metatable(fin_error);
  Table *e = tab_new(L);
  push_table(e);
  setmt(obj2gco(e), emt);
  L->top--;
  gc_fullgc(L, 0);
  CHECK(strcmp(warnbuf, "error in __gc (boom)\n") == 0);
  /* A __gc that is not callable: also a warning. */
  warnbuf[0] = '\0';
  Table *bmt = tab_new(L);
  push_table(bmt);
  TValue tru;
  setbtvalue(&tru);
  set(bmt, sval("__gc"), tru);
  Table *b = tab_new(L);
  push_table(b);
  setmt(obj2gco(b), bmt);
  L->top--;
  gc_fullgc(L, 0);
  CHECK(strncmp(warnbuf, "error in __gc (attempt to call", 30) == 0);
  /* Weak values are cleared before resurrection; weak keys after. */
  Table *wv = weaktable("v");
  Table *wk = weaktable("k");
  Table *f = tab_new(L);
  push_table(f);
  setmt(obj2gco(f), mt);
  set(wv, ival(1), tval(f));
  set(wk, tval(f), ival(1));
  L->top--;
  fin_count = 0;
  gc_fullgc(L, 0);
  CHECK(fin_count == 1);
  CHECK(ttisnil(get(wv, ival(1))));
  CHECK(!ttisnil(get(wk, tval(f))));   /* key resurrected with it */
  gc_fullgc(L, 0);
  StkId k = L->top;
  setnilvalue(k);
  CHECK(tab_next(L, wk, k) == 0);
  G(L)->warnf = NULL;
  L->top = base;
}

/* ---- shapes ---- */

static void test_shapes(void)
{
  StkId base = L->top;
  gc_fullgc(L, 0);
  Shape *root = shape_root(L);
  uint32_t ntrans0 = root->ntrans;
  char buf[32];
  for (int i = 0; i < 200; i++) {
    Table *t = tab_new(L);
    push_table(t);
    snprintf(buf, sizeof buf, "uniq%d", i);
    set(t, sval(buf), ival(i));
    set(t, sval("second"), ival(i));
    L->top--;
  }
  CHECK(root->ntrans == ntrans0 + 200);
  /* One survivor keeps its shape chain. */
  Table *keep = tab_new(L);
  push_table(keep);
  set(keep, sval("uniq7"), ival(1));
  set(keep, sval("second"), ival(2));
  Shape *kshape = keep->shape;
  gc_fullgc(L, 0);
  CHECK(root->ntrans == ntrans0 + 1);
  CHECK(keep->shape == kshape && kshape->parent->parent == root);
  CHECK(kshape->parent->ntrans == 1);
  /* The chain is found again by a new table. */
  Table *again = tab_new(L);
  push_table(again);
  set(again, sval("uniq7"), ival(3));
  set(again, sval("second"), ival(4));
  CHECK(again->shape == kshape);
  /* A shape held only by a feedback vector survives. */
  Table *t = tab_new(L);
  push_table(t);
  set(t, sval("only_in_ic"), ival(1));
  Shape *icshape = t->shape;
  L->top--;
  Proto *p = (Proto *)gc_newobj(L, VT_PROTO, sizeof(Proto));
  memset((char *)p + offsetof(Proto, numparams), 0,
         sizeof(Proto) - offsetof(Proto, numparams));
  TValue pv;
  setgcovalue(&pv, p);
  setobj(L, L->top, &pv);
  L->top++;
  p->code = mem_newvector(L, 3, Instruction);
  p->sizecode = 3;
  p->feedback = mem_newvector(L, 2, FeedbackSlot);
  memset(p->feedback, 0, 2 * sizeof(FeedbackSlot));
  p->nfeedback = 2;
  Instruction i0 = CREATE_ABCk(OP_GETFIELD, 0, 0, 0, 0);
  SETARG_F(i0, 1);
  p->code[0] = CREATE_ABCk(OP_MOVE, 0, 0, 0, 0);
  p->code[1] = i0;
  p->code[2] = CREATE_ABCk(OP_RETURN0, 0, 0, 0, 0);
  p->feedback[1].field.state = IC_MONO;
  p->feedback[1].field.count = 1;
  p->feedback[1].field.shape[0] = icshape;
  gc_fullgc(L, 0);
  Table *t2 = tab_new(L);
  push_table(t2);
  set(t2, sval("only_in_ic"), ival(2));
  CHECK(t2->shape == icshape);
  L->top = base;
  gc_fullgc(L, 0);
  CHECK(root->ntrans == ntrans0);
}

/* ---- lua_gc ---- */

static int control(int what, ...)
{
  va_list ap;
  va_start(ap, what);
  int r = gc_control(L, what, ap);
  va_end(ap);
  return r;
}

static void test_control(void)
{
  gc_fullgc(L, 0);
  int kb = control(LUA_GCCOUNT);
  int b = control(LUA_GCCOUNTB);
  CHECK((size_t)kb * 1024 + (size_t)b == A.inuse);
  CHECK(control(LUA_GCISRUNNING) == 1);
  CHECK(control(LUA_GCSTOP) == 0);
  CHECK(control(LUA_GCISRUNNING) == 0);
  /* Stopped: allocation debt does not collect. */
  for (int i = 0; i < 2000; i++) {
    Table *t = tab_new(L);
    (void)t;
    gc_check(L);
  }
  CHECK(bytes() > (size_t)kb * 1024 + 2000 * sizeof(Table));
  CHECK(control(LUA_GCRESTART) == 0);
  CHECK(control(LUA_GCISRUNNING) == 1);
  CHECK(control(LUA_GCSTEP, 0) == 1);
  CHECK(bytes() < (size_t)kb * 1024 + 1000);
  CHECK(control(LUA_GCSETPAUSE, 150) == 200);
  CHECK(control(LUA_GCSETPAUSE, 200) == 148);   /* stored / 4, as lua5.4 */
  CHECK(control(LUA_GCSETSTEPMUL, 400) == 100);
  CHECK(control(LUA_GCSETSTEPMUL, 100) == 400);
  CHECK(control(LUA_GCGEN, 0, 0) == LUA_GCINC);
  CHECK(control(LUA_GCGEN, 0, 0) == LUA_GCGEN);
  CHECK(control(LUA_GCINC, 0, 0, 0) == LUA_GCGEN);
  CHECK(control(LUA_GCINC, 0, 0, 0) == LUA_GCINC);
  CHECK(control(LUA_GCCOLLECT) == 0);
  CHECK(control(12345) == -1);
  /* Pacing: with the default pause, garbage never exceeds about twice
   * the live data. */
  size_t live = bytes();
  size_t peak = 0;
  for (int i = 0; i < 20000; i++) {
    tab_new(L);
    gc_check(L);
    if (bytes() > peak)
      peak = bytes();
  }
  CHECK(peak <= 2 * live + 4096);
}

/* ---- memory errors ---- */

typedef struct BigArgs { int n; } BigArgs;

static void make_tables(lua_State *L1, void *ud)
{
  BigArgs *a = ud;
  for (int i = 0; i < a->n; i++) {
    Table *t = tab_new(L1);
    sethvalue(L1, L1->top, t);
    L1->top++;
    TValue k = ival(1), v = ival(i);
    tab_set(L1, t, &k, &v);
    L1->top--;
  }
}

static void test_memory_errors(void)
{
  gc_fullgc(L, 0);
  /* Lots of garbage and a tight limit: emergency collections keep the
   * program going. */
  A.limit = A.inuse + 64 * 1024;
  long fails = A.failures;
  BigArgs args = { 20000 };
  CHECK(do_rawrunprotected(L, make_tables, &args) == LUA_OK);
  CHECK(A.failures > fails);
  /* Live data beyond the limit: LUA_ERRMEM, and the state still works. */
  StkId base = L->top;
  Table *hold = tab_new(L);
  push_table(hold);
  A.limit = A.inuse + 16 * 1024;
  int status = LUA_OK;
  for (int round = 0; round < 10000 && status == LUA_OK; round++) {
    BigArgs one = { 1 };
    status = do_rawrunprotected(L, make_tables, &one);
    if (status == LUA_OK) {
      Table *n = tab_new(L);           /* kept: the live data grows */
      TValue nv = tval(n);
      TValue kk = ival(round + 1);
      tab_set(L, hold, &kk, &nv);
    }
  }
  CHECK(status == LUA_ERRMEM);
  A.limit = 0;
  L->top = base;
  gc_fullgc(L, 0);
  Table *ok = tab_new(L);
  push_table(ok);
  set(ok, sval("fine"), ival(1));
  CHECK(ivalue(get(ok, sval("fine"))) == 1);
  L->top = base;
  /* Failing the state's own creation: NULL, nothing leaked. */
  for (long n = 1; n < 40; n++) {
    TestAlloc b;
    memset(&b, 0, sizeof b);
    b.fail_after = n;
    lua_State *L2 = lua_newstate(test_alloc, &b);
    if (L2 == NULL) {
      CHECK(b.inuse == 0);
    } else {
      lua_close(L2);
      CHECK(b.inuse == 0);
    }
  }
}

/* ---- threads ---- */

static void test_threads(void)
{
  StkId base = L->top;
  gc_fullgc(L, 0);
  size_t before = bytes();
  for (int i = 0; i < 50; i++) {
    lua_State *L1 = lua_newthread(L);
    CHECK(L1->stack != NULL && L1->ci == &L1->base_ci);
    CHECK(L1->top == L1->stack + 1);
    CHECK(L1->stack_last - L1->stack == CR_BASIC_STACK);
    /* A thread's stack is a root while the thread is alive. */
    Table *t = tab_new(L1);
    sethvalue(L1, L1->top, t);
    L1->top++;
    L->top--;
  }
  lua_State *keep = lua_newthread(L);
  Table *t = tab_new(keep);
  sethvalue(keep, keep->top, t);
  keep->top++;
  set(t, sval("on thread stack"), ival(1));
  gc_fullgc(L, 0);
  CHECK(ivalue(get(t, sval("on thread stack"))) == 1);
  L->top = base;
  gc_fullgc(L, 0);
  CHECK(bytes() <= before + 64);
  /* CallInfo list. */
  CallInfo *ci0 = L->ci;
  unsigned short nci0 = L->nci;
  for (int i = 0; i < 10; i++)
    L->ci = state_nextci(L);
  CHECK(L->nci == nci0 + 10);
  L->ci = ci0;
  state_shrinkci(L);
  CHECK(L->nci == nci0 + 5);
  state_freeci(L);
  CHECK(L->nci == nci0 && L->ci->next == NULL);
}

int main(void)
{
  L = test_newstate(&A);
  CHECK(L != NULL);
  test_reachability();
  test_weak();
  test_finalizers();
  test_shapes();
  test_control();
  test_memory_errors();
  test_threads();
  /* lua_close runs pending finalizers. */
  Table *mt = fin_metatable(fin_record);
  for (int i = 0; i < 3; i++) {
    Table *t = tab_new(L);
    push_table(t);
    setmt(obj2gco(t), mt);
  }
  fin_count = 0;
  lua_close(L);
  CHECK(fin_count == 3);
  CHECK(A.inuse == 0);
  printf("test_gc: %d checks, %d failures\n", test_checks, test_failures);
  return test_failures != 0;
}
