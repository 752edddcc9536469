/*
 * test_interp.c — unit tests of vm-A's interpreter on hand-assembled
 * prototypes: op semantics the code generator rarely or never emits in a
 * given form, the feedback each op records (type profiles, inline cache
 * states, call targets, hotness), and sites without a feedback slot.
 * Independent of the front end: every Proto is built here instruction by
 * instruction, wrapped in a closure and called through the C API.
 *
 * Build and run from the repository root (links the engine's objects):
 *   make -f tests/unit/Makefile.vmA
 */
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "vm/do.h"
#include "vm/feedback.h"
#include "vm/options.h"
#include "gc/mem.h"
#include "obj/str.h"
#include "vm/func.h"
#include "vm/tm.h"

static int failures, checks;

#define CHECK(c) do {                                                     \
    checks++;                                                             \
    if (!(c)) {                                                           \
      failures++;                                                         \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c); \
    }                                                                     \
  } while (0)

/* ---- Assembling ---- */

#define ABC(o, a, b, c)      CREATE_ABCk(OP_##o, a, b, c, 0)
#define ABCk(o, a, b, c, k)  CREATE_ABCk(OP_##o, a, b, c, k)
#define ABx(o, a, bx)        CREATE_ABx(OP_##o, a, bx)
#define AsBx(o, a, sbx)      CREATE_ABx(OP_##o, a, (uint32_t)(int32_t)(sbx))
#define sJ(j)                CREATE_sJ(OP_JMP, j)
#define sI(v)                ((v) + OFFSET_sC)   /* sB / sC immediate */

static Instruction withF(Instruction i, unsigned f) {
  SETARG_F(i, f);
  return i;
}

typedef struct Asm {
  const Instruction *code;
  int ncode;
  int nparams;
  int vararg;
  int maxstack;
  int nfeedback;
  const char *kstr[8];   /* string constants K[0..] (NULL ends) */
  lua_Integer kint[4];   /* integer constants after the strings */
  int nkint;
} Asm;

/* Build the prototype, push a closure of it (upvalue 1 = globals). */
static Proto *push_proto(lua_State *L, const Asm *a) {
  Proto *p = func_newproto(L);
  setgcovalue(L->top, p);   /* anchor while filling */
  L->top++;
  p->numparams = (lu_byte)a->nparams;
  p->is_vararg = (lu_byte)a->vararg;
  p->maxstacksize = (lu_byte)a->maxstack;
  p->code = mem_newvector(L, a->ncode, Instruction);
  memcpy(p->code, a->code, sizeof(Instruction) * (size_t)a->ncode);
  p->sizecode = a->ncode;
  int nk = 0;
  while (nk < 8 && a->kstr[nk] != NULL) nk++;
  p->k = mem_newvector(L, nk + a->nkint, TValue);
  p->sizek = nk + a->nkint;
  for (int i = 0; i < p->sizek; i++) setnilvalue(&p->k[i]);
  for (int i = 0; i < nk; i++) {
    TString *s = str_newz(L, a->kstr[i]);
    setsvalue(L, &p->k[i], s);
  }
  for (int i = 0; i < a->nkint; i++) setivalue(&p->k[nk + i], a->kint[i]);
  p->upvalues = mem_newvector(L, 1, Upvaldesc);
  p->sizeupvalues = 1;
  p->upvalues[0].name = NULL;
  p->upvalues[0].instack = 1;
  p->upvalues[0].idx = 0;
  p->upvalues[0].kind = 0;
  if (a->nfeedback > 0) {
    p->feedback = mem_newvector(L, a->nfeedback, FeedbackSlot);
    memset(p->feedback, 0, sizeof(FeedbackSlot) * (size_t)a->nfeedback);
    p->nfeedback = a->nfeedback;
  }
  p->source = str_newz(L, "=unit");
  LClosure *cl = func_newLclosure(L, 1);
  cl->p = p;
  L->top--;  /* drop the proto anchor */
  setclLvalue(L, L->top, cl);
  L->top++;
  func_initupvals(L, cl);
  lua_pushglobaltable(L);
  lua_setupvalue(L, -2, 1);
  return p;
}

/* Call the function on top with nargs arguments (pushed after it);
 * returns the status and leaves results or the message. */
static int call(lua_State *L, int nargs, int nres) {
  return lua_pcall(L, nargs, nres, 0);
}

/* ---- Tests ---- */

/* sum of 1..100 with an integer for loop; feedback of ADD */
static void test_forloop(lua_State *L) {
  static const Instruction code[] = {
    AsBx(LOADI, 0, 0),
    AsBx(LOADI, 1, 1),
    AsBx(LOADI, 2, 100),
    AsBx(LOADI, 3, 1),
    ABx(FORPREP, 1, 2),
    0, /* ADD 0 0 4, slot 0 (filled below) */
    ABC(MMBIN, 0, 4, TM_ADD),
    ABx(FORLOOP, 1, 3),
    ABC(RETURN1, 0, 0, 0),
  };
  Instruction c[9];
  memcpy(c, code, sizeof c);
  c[5] = withF(ABC(ADD, 0, 0, 4), 0);
  Asm a = { c, 9, 0, 0, 6, 1, {NULL}, {0}, 0 };
  Proto *p = push_proto(L, &a);
  CHECK(call(L, 0, 1) == LUA_OK);
  CHECK(lua_tointeger(L, -1) == 5050);
  CHECK(p->feedback[0].types.seen == TP_INT);
  lua_pop(L, 1);
}

/* float loop, an empty loop, and 'for' errors */
static void test_forprep_errors(lua_State *L) {
  /* function(i, l, s) local n = 0; for _ = i, l, s do n = n + 1 end return n end */
  static const Instruction fc[] = {
    AsBx(LOADI, 3, 0),
    ABC(MOVE, 4, 0, 0),
    ABC(MOVE, 5, 1, 0),
    ABC(MOVE, 6, 2, 0),
    ABx(FORPREP, 4, 2),
    ABC(ADDI, 3, 3, sI(1)),
    ABC(MMBINI, 3, sI(1), TM_ADD),
    ABx(FORLOOP, 4, 3),
    ABC(RETURN1, 3, 0, 0),
  };
  Asm a = { fc, 9, 3, 0, 8, 0, {NULL}, {0}, 0 };
  struct { const char *i, *l, *s; lua_Integer n; const char *err; } cases[] = {
    { "1", "3", "1", 3, NULL },
    { "1.0", "2", "0.5", 3, NULL },
    { "3", "1", "1", 0, NULL },
    { "'1'", "2", "1", 2, NULL },
    { "math.maxinteger - 1", "math.maxinteger", "1", 2, NULL },
    { "1", "math.huge", "math.maxinteger", 1, NULL },
    { "1", "2", "0", 0, "'for' step is zero" },
    { "1", "2", "0.0", 0, "'for' step is zero" },
    { "{}", "2", "1", 0, "bad 'for' initial value (number expected, got table)" },
    { "1", "nil", "1", 0, "bad 'for' limit (number expected, got nil)" },
    { "1.5", "2", "'x'", 0, "bad 'for' step (number expected, got string)" },
  };
  for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
    char src[200];
    snprintf(src, sizeof src, "return %s, %s, %s", cases[t].i, cases[t].l,
             cases[t].s);
    push_proto(L, &a);
    CHECK(luaL_loadstring(L, src) == LUA_OK);
    CHECK(lua_pcall(L, 0, 3, 0) == LUA_OK);
    int st = call(L, 3, 1);
    if (cases[t].err == NULL) {
      CHECK(st == LUA_OK);
      if (lua_tointeger(L, -1) != cases[t].n) {
        failures++;
        fprintf(stderr, "for case %zu: %lld iterations\n", t,
                (long long)lua_tointeger(L, -1));
      }
    } else {
      CHECK(st == LUA_ERRRUN);
      const char *m = lua_tostring(L, -1);
      /* "?:-1:" prefix: the unit proto has no line information */
      CHECK(m != NULL && strstr(m, cases[t].err) != NULL);
      if (m == NULL || strstr(m, cases[t].err) == NULL)
        fprintf(stderr, "  got: %s\n", m ? m : "(null)");
    }
    lua_pop(L, 1);
  }
}

/* loads, skips, tests and conditional jumps */
static void test_tests(lua_State *L) {
  static const Instruction code[] = {
    AsBx(LOADI, 0, 5),
    ABCk(EQI, 0, sI(5), 0, 1),     /* 5 == 5 is k: take the jump */
    sJ(1),
    AsBx(LOADI, 1, 111),           /* skipped */
    ABC(LFALSESKIP, 1, 0, 0),      /* R1 = false, skip next */
    ABC(LOADTRUE, 1, 0, 0),        /* skipped */
    ABC(LOADNIL, 2, 3, 0),         /* R2..R5 = nil */
    ABCk(GTI, 0, sI(4), 0, 0),     /* (5 > 4) ~= 0: skip the jump */
    sJ(1),
    ABC(LOADTRUE, 2, 0, 0),        /* runs */
    ABCk(GEI, 0, sI(6), 0, 0),     /* (5 >= 6) == 0: take the jump */
    sJ(1),
    ABC(LOADTRUE, 3, 0, 0),        /* skipped */
    ABCk(TESTSET, 4, 0, 0, 1),     /* R0 is true (k): R4 := R0, jump */
    sJ(1),
    ABC(LOADFALSE, 5, 0, 0),
    ABC(RETURN, 0, 7, 0),          /* return R0..R5 */
  };
  Asm a = { code, 17, 0, 0, 8, 0, {NULL}, {0}, 0 };
  push_proto(L, &a);
  CHECK(call(L, 0, 6) == LUA_OK);
  CHECK(lua_tointeger(L, -6) == 5);
  CHECK(lua_isboolean(L, -5) && !lua_toboolean(L, -5));
  CHECK(lua_toboolean(L, -4) == 1);
  CHECK(lua_isnil(L, -3));
  CHECK(lua_tointeger(L, -2) == 5);  /* TESTSET copied, LOADFALSE skipped */
  CHECK(lua_isnil(L, -1));
  lua_pop(L, 6);
}

/* GETFIELD inline cache: mono -> poly -> mega, and the no-slot site */
static void test_field_ic(lua_State *L) {
  static const Instruction code[] = {
    0,  /* GETFIELD 1 0 K0, slot 0 */
    ABC(GETFIELD, 2, 0, 0),        /* F = NO_FEEDBACK: the shared slot */
    ABC(RETURN, 1, 3, 0),
  };
  Instruction c[3];
  memcpy(c, code, sizeof c);
  c[0] = withF(ABC(GETFIELD, 1, 0, 0), 0);
  Asm a = { c, 3, 1, 0, 4, 1, {"x", NULL}, {0}, 0 };
  Proto *p = push_proto(L, &a);
  lua_setglobal(L, "getx");
  const char *objs[] = { "{x = 1}", "{x = 2}", "{y = 0, x = 3}",
                         "{z = 0, x = 4}", "{w = 0, x = 5}", "{v = 0, x = 6}" };
  const int want[] = { IC_MONO, IC_MONO, IC_POLY, IC_POLY, IC_POLY, IC_MEGA };
  for (int t = 0; t < 6; t++) {
    char src[100];
    snprintf(src, sizeof src, "return getx(%s)", objs[t]);
    CHECK(luaL_dostring(L, src) == LUA_OK);
    CHECK(lua_tointeger(L, -2) == t + 1 && lua_tointeger(L, -1) == t + 1);
    lua_pop(L, 2);
    CHECK(p->feedback[0].field.state == want[t]);
  }
  CHECK(fb_ismega(fb_noslot.field.state));
  /* absent keys and dictionary tables are looked up, never cached */
  CHECK(luaL_dostring(L, "return getx({})") == LUA_OK);
  CHECK(lua_isnil(L, -1));
  lua_pop(L, 2);
}

/* SELF through a class: the class entry and its revalidation */
static void test_self_class(lua_State *L) {
  static const Instruction code[] = {
    0,  /* SELF 1 0 K0 (k), slot 0 */
    ABC(CALL, 1, 2, 2),
    ABC(RETURN1, 1, 0, 0),
  };
  Instruction c[3];
  memcpy(c, code, sizeof c);
  c[0] = withF(ABCk(SELF, 1, 0, 0, 1), 0);
  Asm a = { c, 3, 1, 0, 4, 1, {"get", NULL}, {0}, 0 };
  Proto *p = push_proto(L, &a);
  lua_setglobal(L, "callget");
  CHECK(luaL_dostring(L,
    "C = {} C.__index = C "
    "function C.get(o) return o.v end "
    "objs = {} for i = 1, 3 do objs[i] = setmetatable({v = i}, C) end") == LUA_OK);
  CHECK(luaL_dostring(L, "return callget(objs[1]) + callget(objs[2])") == LUA_OK);
  CHECK(lua_tointeger(L, -1) == 3);
  lua_pop(L, 1);
  CHECK(p->feedback[0].field.state == IC_MONO);
  CHECK((p->feedback[0].field.index[0] & FB_IX_CLASS) != 0);  /* a class entry */
  /* the class changes: the entry must not return the old method */
  CHECK(luaL_dostring(L, "function C.get(o) return -o.v end "
                         "return callget(objs[3])") == LUA_OK);
  CHECK(lua_tointeger(L, -1) == -3);
  lua_pop(L, 1);
  /* a new key in the class (new shape) and __index replaced */
  CHECK(luaL_dostring(L, "C.extra = 1 return callget(objs[1])") == LUA_OK);
  CHECK(lua_tointeger(L, -1) == -1);
  lua_pop(L, 1);
  CHECK(luaL_dostring(L, "C.__index = {get = function() return 'D' end} "
                         "return callget(objs[2])") == LUA_OK);
  CHECK(strcmp(lua_tostring(L, -1), "D") == 0);
  lua_pop(L, 1);
  /* an own field shadows the class */
  CHECK(luaL_dostring(L, "objs[3].get = function() return 'own' end "
                         "return callget(objs[3])") == LUA_OK);
  CHECK(strcmp(lua_tostring(L, -1), "own") == 0);
  lua_pop(L, 1);
}

/* call-target cache and hotness, in the interpreter alone: with the
 * baseline JIT on, a hot function is compiled and Proto.hotness becomes
 * the compiled code's warm-up counter (src/host/stencil_ops.c) */
static void test_call_and_hotness(lua_State *L) {
  crescent_set_option(L, "jit", "off");
  crescent_set_option(L, "jit-threshold", "10");
  static const Instruction code[] = {
    0,  /* CALL 0 1 2, slot 0: call the argument */
    ABC(RETURN1, 0, 0, 0),
  };
  Instruction c[2];
  c[0] = withF(ABC(CALL, 0, 1, 2), 0);
  c[1] = code[1];
  Asm a = { c, 2, 1, 0, 2, 1, {NULL}, {0}, 0 };
  Proto *p = push_proto(L, &a);
  lua_setglobal(L, "callit");
  CHECK(luaL_dostring(L, "function one() return 1 end "
                         "for i = 1, 3 do callit(one) end") == LUA_OK);
  CHECK(p->feedback[0].call.state == IC_MONO);
  CHECK(p->feedback[0].call.target != NULL);  /* one's Proto */
  /* the counter was armed at the first call and counts down per entry */
  CHECK(p->hotness > 0 && p->hotness < 10);
  CHECK(luaL_dostring(L, "function two() return 2 end callit(two)") == LUA_OK);
  CHECK(p->feedback[0].call.state == IC_MEGA);
  CHECK(luaL_dostring(L, "for i = 1, 20 do callit(one) end") == LUA_OK);
  CHECK(p->hotness == FB_HOT_DONE);  /* hot: profiling is over */
  crescent_set_option(L, "jit-threshold", "1000");
  crescent_set_option(L, "jit", "baseline");
}

/* arithmetic fast paths, the MMBIN fallbacks, and their type profiles */
static void test_arith(lua_State *L) {
  /* function(a, b) return a + b, a // b, a % b, a / b, a & b end */
  Instruction c[] = {
    withF(ABC(ADD, 2, 0, 1), 0),  ABC(MMBIN, 0, 1, TM_ADD),
    withF(ABC(IDIV, 3, 0, 1), 1), ABC(MMBIN, 0, 1, TM_IDIV),
    withF(ABC(MOD, 4, 0, 1), 2),  ABC(MMBIN, 0, 1, TM_MOD),
    withF(ABC(DIV, 5, 0, 1), 3),  ABC(MMBIN, 0, 1, TM_DIV),
    withF(ABC(BAND, 6, 0, 1), 4), ABC(MMBIN, 0, 1, TM_BAND),
    ABC(RETURN, 2, 6, 0),
  };
  Asm a = { c, 11, 2, 0, 8, 5, {NULL}, {0}, 0 };
  Proto *p = push_proto(L, &a);
  lua_setglobal(L, "ops");
  CHECK(luaL_dostring(L, "local r = {ops(7, -2)} return table.concat(r, ' ')") == LUA_OK);
  CHECK(strcmp(lua_tostring(L, -1), "5 -4 -1 -3.5 6") == 0);
  lua_pop(L, 1);
  CHECK(p->feedback[0].types.seen == TP_INT);
  CHECK(luaL_dostring(L, "return select('#', ops(7.0, 2))") == LUA_OK);
  lua_pop(L, 1);
  CHECK(p->feedback[0].types.seen == (TP_INT | TP_MIXED));
  /* strings: arithmetic coerces them (in the metamethod), & does not */
  CHECK(luaL_dostring(L, "return ops('3', 2)") != LUA_OK);
  CHECK(strstr(lua_tostring(L, -1),
               "attempt to perform bitwise operation on a string value") != NULL);
  lua_pop(L, 1);
  CHECK(p->feedback[0].types.seen & TP_STRING);
  CHECK(luaL_dostring(L, "return ops('3', 2.0)") != LUA_OK);
  lua_pop(L, 1);

  CHECK(luaL_dostring(L, "return ops(1, 0)") != LUA_OK);     /* 1 // 0 */
  CHECK(strstr(lua_tostring(L, -1), "attempt to divide by zero") != NULL);
  lua_pop(L, 1);
}

int main(void) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  test_forloop(L);
  test_forprep_errors(L);
  test_tests(L);
  test_field_ic(L);
  test_self_class(L);
  test_call_and_hotness(L);
  test_arith(L);
  CHECK(lua_gettop(L) == 0);
  lua_close(L);
  printf("test_interp: %d checks, %d failed\n", checks, failures);
  printf("%d passed, %d failed\n", checks - failures, failures);
  return failures != 0;
}
