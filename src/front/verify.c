/*
 * verify.c — checks that a loaded function is one the code generator could
 * have produced, as far as the interpreter's safety depends on it.
 *
 * The interpreter trusts its bytecode: it indexes registers, constants,
 * upvalues and nested prototypes without bounds checks, follows jumps
 * blindly, and relies on pairings the code generator always emits (a test
 * is followed by its JMP, an arithmetic op by its MMBIN*, a FORPREP by its
 * FORLOOP, an op that leaves an open top by one that consumes it). Source
 * compiled by this front end satisfies all of that by construction; a
 * binary chunk is just bytes, so undump runs this check on every function
 * before the chunk can run. Each rule below names the invariant it
 * protects; the first violation is reported and the load fails.
 */
#include "front/verify.h"
#include "front/lineinfo.h"
#include "front/parse.h"
#include "obj/numconv.h"
#include "vm/ops.h"
#include "vm/tm.h"

#include <stdarg.h>

typedef struct VerifyState {
  lua_State *L;
  const Proto *f;
  int pc;                /* instruction being checked (-1: the function) */
  int failed;
  int needclose;         /* returns must close upvalues / tbc variables */
} VerifyState;

static void verify_fail(VerifyState *V, const char *fmt, ...) {
  va_list ap;
  const char *what;
  if (V->failed)
    return;
  V->failed = 1;
  va_start(ap, fmt);
  what = obj_pushvfstring(V->L, fmt, ap);
  va_end(ap);
  if (V->pc >= 0) {
    enum OpCode op = GET_OPCODE(V->f->code[V->pc]);
    obj_pushfstring(V->L, "function at line %d, instruction %d (%s): %s",
                    V->f->linedefined, V->pc + 1,
                    (unsigned)op < NUM_OPCODES ? op_names[op] : "?", what);
  }
  else
    obj_pushfstring(V->L, "function at line %d: %s", V->f->linedefined, what);
}

#define CHECK(V, cond, ...) \
  do { if (!(cond)) { verify_fail(V, __VA_ARGS__); return; } } while (0)

/* ------------------------------------------------------------------ */
/* Operand checks                                                      */
/* ------------------------------------------------------------------ */

static int verify_reg(VerifyState *V, int r) {
  if (r < 0 || r >= V->f->maxstacksize) {
    verify_fail(V, "register %d out of range", r);
    return 0;
  }
  return 1;
}

/* Registers first .. first+n-1 (n may be 0). */
static int verify_regs(VerifyState *V, int first, int n) {
  if (n > 0 && first + n > V->f->maxstacksize) {
    verify_fail(V, "registers %d..%d out of range", first, first + n - 1);
    return 0;
  }
  return verify_reg(V, first);
}

static int verify_k(VerifyState *V, int64_t k) {
  if (k < 0 || k >= V->f->sizek) {
    verify_fail(V, "constant %d out of range", (int)k);
    return 0;
  }
  return 1;
}

static int verify_kshort(VerifyState *V, int k) {
  if (!verify_k(V, k))
    return 0;
  if (!ttisshrstring(&V->f->k[k])) {
    verify_fail(V, "constant %d is not a short string", k);
    return 0;
  }
  return 1;
}

static int verify_rk(VerifyState *V, Instruction i, int v) {
  return GETARG_k(i) ? verify_k(V, v) : verify_reg(V, v);
}

static int verify_upval(VerifyState *V, int u) {
  if (u >= V->f->sizeupvalues) {
    verify_fail(V, "upvalue %d out of range", u);
    return 0;
  }
  return 1;
}

static int verify_isIT(Instruction i);

/* A jump target. In a vararg function nothing may jump back to the
 * VARARGPREP at pc 0: running it twice would shift the frame again. */
static int verify_target(VerifyState *V, int64_t target) {
  int64_t first = V->f->is_vararg ? 1 : 0;
  if (target < first || target >= V->f->sizecode) {
    verify_fail(V, "jump to %d outside the code", (int)target + 1);
    return 0;
  }
  /* L->top is set only by the op just before a consumer of an open top:
   * arriving by a jump, the consumer would read a stale top */
  if (verify_isIT(V->f->code[target])) {
    verify_fail(V, "jump to %d into an open result count", (int)target + 1);
    return 0;
  }
  return 1;
}

static int verify_next_is(VerifyState *V, enum OpCode want) {
  int next = V->pc + 1;
  if (next >= V->f->sizecode || GET_OPCODE(V->f->code[next]) != want) {
    verify_fail(V, "must be followed by %s", op_names[want]);
    return 0;
  }
  return 1;
}

/* Ops that leave the number of values in L->top for the next op. */
static int verify_isOT(Instruction i) {
  enum OpCode op = GET_OPCODE(i);
  return (unsigned)op < NUM_OPCODES &&
         ((op_has(op, OPF_OTOP) && GETARG_C(i) == 0) || op == OP_TAILCALL);
}

/* Ops that take the number of values from L->top. */
static int verify_isIT(Instruction i) {
  /* also asked about jump targets not checked yet: any opcode may come */
  return (unsigned)GET_OPCODE(i) < NUM_OPCODES &&
         op_has(GET_OPCODE(i), OPF_ITOP) && GETARG_B(i) == 0;
}

/* The first register an open-top consumer reads up to L->top: RETURN
 * returns R[A].., a call passes R[A+1].. to R[A], SETLIST stores R[A+1]..
 * into R[A]. The producer (CALL, TAILCALL, VARARG) leaves its values from
 * its R[A] on, so L->top >= producer's A; a consumer reading from below
 * that (plus fixed registers in between) always sees a count >= 0. */
static int verify_open_first(Instruction i) {
  return GETARG_A(i) + (GET_OPCODE(i) == OP_RETURN ? 0 : 1);
}

/* ------------------------------------------------------------------ */
/* One instruction                                                     */
/* ------------------------------------------------------------------ */

static void verify_fields(VerifyState *V, Instruction i) {
  enum OpCode op = GET_OPCODE(i);
  switch (op_format[op]) {
    case FMT_ABC: {
      unsigned fb = GETARG_F(i);
      CHECK(V, ((i >> 33) & 0x7FFF) == 0, "unused bits set");
      if (op_feedback[op] == FB_NONE)
        CHECK(V, fb == NO_FEEDBACK, "feedback slot on an op without one");
      else
        CHECK(V, fb == NO_FEEDBACK || (int)fb < V->f->nfeedback,
              "feedback slot %d out of range", (int)fb);
      break;
    }
    case FMT_ABx:
      CHECK(V, GETARG_B(i) == 0 || op == OP_NEWTABLE || op == OP_SETLIST,
            "unused bits set");
      break;
    case FMT_AsBx:
      CHECK(V, GETARG_B(i) == 0, "unused bits set");
      break;
    case FMT_sJ:
      CHECK(V, GETARG_A(i) == 0 && GETARG_B(i) == 0, "unused bits set");
      break;
  }
}

/* Arithmetic ops must be followed by their metamethod fallback, and the
 * fallback must repeat the operands (the VM calls it with them). */
static void verify_arith(VerifyState *V, Instruction i) {
  enum OpCode op = GET_OPCODE(i);
  int a = GETARG_A(i), b = GETARG_B(i), c = GETARG_C(i);
  enum OpCode mm;
  Instruction next;
  if (!verify_reg(V, a) || !verify_reg(V, b))
    return;
  if (op >= OP_ADD && op <= OP_SHR) {
    if (!verify_reg(V, c))
      return;
    mm = OP_MMBIN;
  }
  else if (op >= OP_ADDK && op <= OP_BXORK) {
    if (!verify_k(V, c))
      return;
    if (op >= OP_BANDK)
      CHECK(V, ttisinteger(&V->f->k[c]), "constant %d is not an integer", c);
    else
      CHECK(V, ttisnumber(&V->f->k[c]), "constant %d is not a number", c);
    mm = OP_MMBINK;
  }
  else
    mm = OP_MMBINI;                   /* ADDI, SHRI, SHLI */
  if (!verify_next_is(V, mm))
    return;
  next = V->f->code[V->pc + 1];
  CHECK(V, GETARG_A(next) == b, "metamethod operand differs");
}

static void verify_forloop_pair(VerifyState *V, int prep, enum OpCode loopop) {
  const Proto *f = V->f;
  Instruction i = f->code[prep];
  int64_t loop = (int64_t)prep + 1 + GETARG_Bx(i);
  if (loopop == OP_TFORLOOP)          /* TFORPREP jumps to the TFORCALL */
    loop++;
  CHECK(V, loop < f->sizecode && GET_OPCODE(f->code[loop]) == loopop &&
           GETARG_A(f->code[loop]) == GETARG_A(i),
        "loop preparation without its %s", op_names[loopop]);
  CHECK(V, loop + 1 - (int64_t)GETARG_Bx(f->code[loop]) == prep + 1,
        "loop does not return to its body");
  CHECK(V, loop + 1 < f->sizecode, "loop exit outside the code");
}

static void verify_instruction(VerifyState *V) {
  const Proto *f = V->f;
  int pc = V->pc;
  Instruction i = f->code[pc];
  enum OpCode op = GET_OPCODE(i);
  int a = GETARG_A(i), b = GETARG_B(i), c = GETARG_C(i);
  int64_t bx = GETARG_Bx(i);
  CHECK(V, (unsigned)op < NUM_OPCODES, "unknown opcode %d", (int)op);
  verify_fields(V, i);
  if (V->failed)
    return;
  /* an open top is produced only for the next op, which consumes it */
  CHECK(V, (pc > 0 && verify_isOT(f->code[pc - 1])) == verify_isIT(i),
        "open result count not paired");
  CHECK(V, !verify_isIT(i) ||
           verify_open_first(i) <= GETARG_A(f->code[pc - 1]),
        "open results start above the first register their consumer reads");
  if (op_has(op, OPF_TEST))
    if (!verify_next_is(V, OP_JMP))
      return;
  switch (op) {
    case OP_MOVE:
      verify_reg(V, a) && verify_reg(V, b);
      break;
    case OP_LOADI: case OP_LOADF: case OP_LOADFALSE: case OP_LOADTRUE:
    case OP_TBC:
      verify_reg(V, a);
      break;
    case OP_LFALSESKIP:
      if (verify_reg(V, a) && pc + 2 < f->sizecode)
        verify_target(V, pc + 2);
      else
        CHECK(V, pc + 2 < f->sizecode, "skips past the end");
      break;
    case OP_LOADK:
      verify_reg(V, a) && verify_k(V, bx);
      break;
    case OP_LOADNIL:
      verify_regs(V, a, b + 1);
      break;
    case OP_GETUPVAL: case OP_SETUPVAL:
      verify_reg(V, a) && verify_upval(V, b);
      break;
    case OP_GETTABUP:
      verify_reg(V, a) && verify_upval(V, b) && verify_kshort(V, c);
      break;
    case OP_GETTABLE:
      verify_reg(V, a) && verify_reg(V, b) && verify_reg(V, c);
      break;
    case OP_GETI:
      verify_reg(V, a) && verify_reg(V, b);
      break;
    case OP_GETFIELD:
      verify_reg(V, a) && verify_reg(V, b) && verify_kshort(V, c);
      break;
    case OP_SETTABUP:
      verify_upval(V, a) && verify_kshort(V, b) && verify_rk(V, i, c);
      break;
    case OP_SETTABLE:
      verify_reg(V, a) && verify_reg(V, b) && verify_rk(V, i, c);
      break;
    case OP_SETI:
      verify_reg(V, a) && verify_rk(V, i, c);
      break;
    case OP_SETFIELD:
      verify_reg(V, a) && verify_kshort(V, b) && verify_rk(V, i, c);
      break;
    case OP_NEWTABLE:
      /* Sizes are counts of constructor items, each of which took at least
       * one instruction: bounding them by the code keeps a corrupt chunk
       * from asking for gigabytes. */
      if (verify_reg(V, a))
        CHECK(V, (b == 0 || (b <= 32 && ((uint64_t)1 << (b - 1)) < 2 * (uint64_t)f->sizecode)) &&
                 bx <= f->sizecode, "table size out of range");
      break;
    case OP_SELF:
      if (verify_regs(V, a, 2) && verify_reg(V, b) && verify_rk(V, i, c) &&
          GETARG_k(i))
        CHECK(V, ttisstring(&f->k[c]), "method name is not a string");
      break;
    case OP_ADDI: case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_MODK:
    case OP_POWK: case OP_DIVK: case OP_IDIVK: case OP_BANDK: case OP_BORK:
    case OP_BXORK: case OP_SHRI: case OP_SHLI: case OP_ADD: case OP_SUB:
    case OP_MUL: case OP_MOD: case OP_POW: case OP_DIV: case OP_IDIV:
    case OP_BAND: case OP_BOR: case OP_BXOR: case OP_SHL: case OP_SHR:
      verify_arith(V, i);
      break;
    case OP_MMBIN: case OP_MMBINI: case OP_MMBINK: {
      enum OpCode prev = (pc > 0) ? GET_OPCODE(f->code[pc - 1]) : OP_MOVE;
      int ok;
      if (op == OP_MMBIN)
        ok = prev >= OP_ADD && prev <= OP_SHR && verify_reg(V, b);
      else if (op == OP_MMBINK)
        ok = prev >= OP_ADDK && prev <= OP_BXORK && verify_k(V, b);
      else
        ok = prev == OP_ADDI || prev == OP_SHRI || prev == OP_SHLI;
      if (V->failed)
        return;
      CHECK(V, ok, "metamethod fallback without its arithmetic op");
      CHECK(V, c >= TM_ADD && c <= TM_SHR, "bad metamethod event %d", c);
      verify_reg(V, a);
      break;
    }
    case OP_UNM: case OP_BNOT: case OP_NOT: case OP_LEN:
      verify_reg(V, a) && verify_reg(V, b);
      break;
    case OP_CONCAT:
      if (verify_reg(V, a))
        CHECK(V, b >= 2 && a + b <= f->maxstacksize, "bad concatenation range");
      break;
    case OP_CLOSE:
      CHECK(V, a <= f->maxstacksize, "register %d out of range", a);
      break;
    case OP_JMP:
      verify_target(V, (int64_t)pc + 1 + GETARG_sJ(i));
      break;
    case OP_EQ: case OP_LT: case OP_LE:
      verify_reg(V, a) && verify_reg(V, b);
      break;
    case OP_EQK:
      verify_reg(V, a) && verify_k(V, b);
      break;
    case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI:
      if (verify_reg(V, a))
        CHECK(V, c <= 1, "bad float flag");
      break;
    case OP_TEST:
      verify_reg(V, a);
      break;
    case OP_TESTSET:
      verify_reg(V, a) && verify_reg(V, b);
      break;
    case OP_CALL: case OP_TAILCALL:
      if (!verify_regs(V, a, b))      /* function and b-1 arguments */
        return;
      if (op == OP_CALL) {
        CHECK(V, c == 0 || a + c - 1 <= f->maxstacksize, "too many results");
      }
      else {
        CHECK(V, c == (f->is_vararg ? f->numparams + 1 : 0), "bad vararg flag");
        CHECK(V, GETARG_k(i) || !V->needclose, "must close upvalues");
      }
      break;
    case OP_RETURN:
      CHECK(V, b == 0 || a + b - 1 <= f->maxstacksize, "registers out of range");
      CHECK(V, a <= f->maxstacksize, "register %d out of range", a);
      CHECK(V, c == (f->is_vararg ? f->numparams + 1 : 0), "bad vararg flag");
      CHECK(V, GETARG_k(i) || !V->needclose, "must close upvalues");
      break;
    case OP_RETURN0: case OP_RETURN1:
      CHECK(V, !f->is_vararg && !V->needclose,
            "short return in a function that needs RETURN");
      if (op == OP_RETURN1)
        verify_reg(V, a);
      break;
    case OP_FORPREP:
      if (verify_regs(V, a, 4))
        verify_forloop_pair(V, pc, OP_FORLOOP);
      break;
    case OP_TFORPREP:
      if (verify_regs(V, a, 4))
        verify_forloop_pair(V, pc, OP_TFORLOOP);
      break;
    case OP_FORLOOP: case OP_TFORLOOP: {
      int64_t body = (int64_t)pc + 1 - bx;
      enum OpCode prep = (op == OP_FORLOOP) ? OP_FORPREP : OP_TFORPREP;
      if (!verify_regs(V, a, op == OP_FORLOOP ? 4 : 5))
        return;
      CHECK(V, body >= 1 && body <= pc && GET_OPCODE(f->code[body - 1]) == prep &&
               GETARG_A(f->code[body - 1]) == a, "loop without its %s",
            op_names[prep]);
      if (op == OP_TFORLOOP)
        CHECK(V, GET_OPCODE(f->code[pc - 1]) == OP_TFORCALL &&
                 GETARG_A(f->code[pc - 1]) == a, "TFORLOOP without its TFORCALL");
      break;
    }
    case OP_TFORCALL:
      /* results at a+4.., and the call itself is set up at a+4..a+6 */
      if (verify_regs(V, a, 7))
        CHECK(V, c >= 1 && a + 4 + c <= f->maxstacksize, "too many results");
      if (!V->failed)
        verify_next_is(V, OP_TFORLOOP);
      break;
    case OP_SETLIST:
      if (verify_regs(V, a, b + 1))
        CHECK(V, bx <= f->sizecode, "list position out of range");
      break;
    case OP_CLOSURE:
      if (verify_reg(V, a))
        CHECK(V, bx < f->sizep, "function %d out of range", (int)bx);
      break;
    case OP_VARARG:
      CHECK(V, f->is_vararg, "vararg in a fixed-arity function");
      CHECK(V, c == 0 || a + c - 1 <= f->maxstacksize, "too many results");
      verify_reg(V, a);
      break;
    case OP_VARARGPREP:
      CHECK(V, pc == 0 && f->is_vararg && a == f->numparams,
            "VARARGPREP only starts a vararg function");
      break;
    default:
      verify_fail(V, "unknown opcode");
      break;
  }
}

/* ------------------------------------------------------------------ */
/* One function                                                        */
/* ------------------------------------------------------------------ */

static void verify_header(VerifyState *V) {
  const Proto *f = V->f;
  CHECK(V, f->sizecode >= 1, "no code");
  CHECK(V, f->maxstacksize >= 2 && f->numparams <= f->maxstacksize,
        "bad frame size");
  CHECK(V, f->is_vararg <= 1, "bad vararg flag");
  CHECK(V, (GET_OPCODE(f->code[0]) == OP_VARARGPREP) == (f->is_vararg != 0),
        "vararg functions start with VARARGPREP");
  CHECK(V, f->nfeedback >= 0 && f->nfeedback <= (int)MAX_FEEDBACK_SLOTS &&
           (f->nfeedback == 0 || f->feedback != NULL), "bad feedback vector");
  for (int i = 0; i < f->sizek; i++) {
    int tt = rawtt(&f->k[i]);
    CHECK(V, tt <= VT_LNGSTR && tt != VT_LIGHTUD && tt != VT_LCF,
          "bad constant %d", i);
  }
  for (int i = 0; i < f->sizeupvalues; i++)
    CHECK(V, f->upvalues[i].instack <= 1 && f->upvalues[i].kind <= RDKCTC,
          "bad upvalue %d", i);
  {
    /* the last instruction must not fall off the end */
    enum OpCode last = GET_OPCODE(f->code[f->sizecode - 1]);
    CHECK(V, last == OP_RETURN || last == OP_RETURN0 || last == OP_RETURN1 ||
             last == OP_JMP, "code does not end in a return or a jump");
  }
}

/* Does the function need its returns to close (captured locals or
 * to-be-closed variables)? */
static int verify_needclose(const Proto *f) {
  for (int pc = 0; pc < f->sizecode; pc++) {
    enum OpCode op = GET_OPCODE(f->code[pc]);
    if (op == OP_TBC || op == OP_TFORPREP)
      return 1;
    if (op == OP_CLOSURE && GETARG_Bx(f->code[pc]) < (uint32_t)f->sizep) {
      const Proto *child = f->p[GETARG_Bx(f->code[pc])];
      for (int i = 0; i < child->sizeupvalues; i++)
        if (child->upvalues[i].instack)
          return 1;
    }
  }
  return 0;
}

/* Line information must be readable the way lineinfo.h describes. */
static void verify_lines(VerifyState *V) {
  const Proto *f = V->f;
  int nabs = 0;
  if (f->sizelineinfo == 0) {
    CHECK(V, f->sizeabslineinfo == 0, "absolute lines without lines");
    return;
  }
  CHECK(V, f->sizelineinfo == f->sizecode, "line information size");
  for (int pc = 0; pc < f->sizecode; pc++) {
    if (f->lineinfo[pc] == ABSLINEINFO) {
      CHECK(V, nabs < f->sizeabslineinfo && f->abslineinfo[nabs].pc == pc,
            "absolute line information out of step");
      nabs++;
    }
    if (f->sizeabslineinfo > 0 && pc >= f->abslineinfo[0].pc) {
      int est = pc / LINEINFO_MAXWITHOUTABS - 1;
      CHECK(V, est < 0 || (est < f->sizeabslineinfo &&
                           f->abslineinfo[est].pc <= pc),
            "absolute line information too sparse");
    }
  }
  CHECK(V, nabs == f->sizeabslineinfo, "extra absolute line information");
}

static void verify_debug(VerifyState *V) {
  const Proto *f = V->f;
  for (int i = 0; i < f->sizelocvars; i++) {
    const LocVar *lv = &f->locvars[i];
    CHECK(V, lv->varname != NULL && lv->startpc >= 0 &&
             lv->startpc <= lv->endpc && lv->endpc <= f->sizecode,
          "bad local variable %d", i);
  }
  verify_lines(V);
}

/* Captured registers and upvalues must exist in the enclosing function. */
static void verify_upvalues(VerifyState *V, const Proto *parent) {
  const Proto *f = V->f;
  for (int i = 0; i < f->sizeupvalues; i++) {
    const Upvaldesc *up = &f->upvalues[i];
    if (up->instack)
      CHECK(V, up->idx < parent->maxstacksize, "upvalue %d captures no register", i);
    else
      CHECK(V, up->idx < parent->sizeupvalues, "upvalue %d out of range", i);
  }
}

static int verify_function(lua_State *L, const Proto *f, const Proto *parent) {
  VerifyState V;
  V.L = L;
  V.f = f;
  V.pc = -1;
  V.failed = 0;
  verify_header(&V);
  if (!V.failed && parent != NULL)
    verify_upvalues(&V, parent);
  if (!V.failed)
    verify_debug(&V);
  V.needclose = verify_needclose(f);
  for (V.pc = 0; V.pc < f->sizecode && !V.failed; V.pc++)
    verify_instruction(&V);
  if (V.failed)
    return 0;
  for (int i = 0; i < f->sizep; i++) {
    if (f->p[i] == NULL) {
      obj_pushfstring(L, "function at line %d: missing function %d",
                      f->linedefined, i);
      return 0;
    }
    if (!verify_function(L, f->p[i], f))
      return 0;
  }
  return 1;
}

int verify_proto(lua_State *L, const Proto *p) {
  return verify_function(L, p, NULL);
}
