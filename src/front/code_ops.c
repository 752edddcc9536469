/*
 * code_ops.c — code for unary and binary operators.
 *
 * Arithmetic and bitwise operators have three forms: two registers (ADD),
 * a register and a constant (ADDK, K[C] a number), and a register and a
 * small immediate (ADDI, SHRI, SHLI; sC). Each is followed by the matching
 * MMBIN/MMBINI/MMBINK that the VM runs only when the fast path fails, to
 * call the metamethod with the operands in their source order (k = 1 says
 * they were swapped to reach a K/immediate form). Comparisons become a test
 * followed by a JMP (EXP_JMP); "a > b" is compiled as "b < a", and
 * comparisons with small numeric constants use the immediate forms
 * (LTI, GTI, EQI, ...) whose C records whether the literal was a float.
 */
#include "front/code.h"
#include "vm/tm.h"

/* The operator enums run parallel to the op, LUA_OP* and TM_* orders. */
_Static_assert(OPR_SHR - OPR_ADD == OP_SHR - OP_ADD, "BinOpr ~ OP_ADD..");
_Static_assert(OPR_BXOR - OPR_ADD == OP_BXORK - OP_ADDK, "BinOpr ~ OP_ADDK..");
_Static_assert(OPR_SHR - OPR_ADD == LUA_OPSHR - LUA_OPADD, "BinOpr ~ LUA_OP*");
_Static_assert(OPR_SHR - OPR_ADD == TM_SHR - TM_ADD, "BinOpr ~ TM_*");
_Static_assert(OPR_POW - OPR_ADD == OP_POW - OP_ADD, "arith order");
_Static_assert(OP_BNOT == OP_UNM + OPR_BNOT && OP_NOT == OP_UNM + OPR_NOT &&
               OP_LEN == OP_UNM + OPR_LEN, "UnOpr ~ OP_UNM..");
_Static_assert(LUA_OPBNOT - LUA_OPUNM == OPR_BNOT, "UnOpr ~ LUA_OPUNM..");
_Static_assert(OP_LE - OP_LT == OPR_LE - OPR_LT &&
               OP_LEI - OP_LTI == OPR_LE - OPR_LT, "order comparisons");

static void ops_swap(ExpDesc *e1, ExpDesc *e2) {
  ExpDesc temp = *e1;
  *e1 = *e2;
  *e2 = temp;
}

/* UNM, BNOT, LEN: the operand must be in a register. */
static void ops_unary(FuncState *fs, enum OpCode op, ExpDesc *e, int line) {
  int r = code_exp2anyreg(fs, e);
  code_freeexp(fs, e);
  e->u.info = code_ABC(fs, op, 0, r, 0);
  e->k = EXP_RELOC;
  code_fixline(fs, line);
}

/* Emits "op A v1 v2" with A open, then the metamethod fallback. */
static void ops_finishbin(FuncState *fs, ExpDesc *e1, ExpDesc *e2,
                          enum OpCode op, int v2, int flip, int line,
                          enum OpCode mmop, int event) {
  int v1 = code_exp2anyreg(fs, e1);
  int pc = code_ABCk(fs, op, 0, v1, v2, 0);
  code_freeexps(fs, e1, e2);
  e1->u.info = pc;
  e1->k = EXP_RELOC;
  code_fixline(fs, line);
  code_ABCk(fs, mmop, v1, v2, event, flip);
  code_fixline(fs, line);
}

/* Both operands in registers. */
static void ops_binregs(FuncState *fs, enum OpCode op, ExpDesc *e1,
                        ExpDesc *e2, int line) {
  int v2 = code_exp2anyreg(fs, e2);
  cr_assert(OP_ADD <= op && op <= OP_SHR, "register arithmetic");
  ops_finishbin(fs, e1, e2, op, v2, 0, line, OP_MMBIN,
                (int)(op - OP_ADD) + TM_ADD);
}

/* Second operand an immediate integer (e2 is EXP_KINT that fits sC). */
static void ops_binimm(FuncState *fs, enum OpCode op, ExpDesc *e1,
                       ExpDesc *e2, int flip, int line, int event) {
  int v2 = int2sC((int)e2->u.ival);
  cr_assert(e2->k == EXP_KINT, "immediate");
  ops_finishbin(fs, e1, e2, op, v2, flip, line, OP_MMBINI, event);
}

/* Second operand a K constant (e2 is EXP_K). */
static void ops_binK(FuncState *fs, BinOpr opr, ExpDesc *e1, ExpDesc *e2,
                     int flip, int line) {
  int event = (int)opr + TM_ADD;
  int v2 = e2->u.info;
  enum OpCode op = (enum OpCode)((int)opr + OP_ADDK);
  ops_finishbin(fs, e1, e2, op, v2, flip, line, OP_MMBINK, event);
}

/* "x - I" as "x + (-I)" (and "x << I" as "x >> -I"); the metamethod still
 * gets the original I. */
static int ops_binnegated(FuncState *fs, ExpDesc *e1, ExpDesc *e2,
                          enum OpCode op, int line, int event) {
  if (!code_isKint(e2))
    return 0;
  else {
    lua_Integer i2 = e2->u.ival;
    if (!(fitsC(i2) && fitsC(-i2)))
      return 0;
    else {
      int v2 = (int)i2;
      ops_finishbin(fs, e1, e2, op, int2sC(-v2), 0, line, OP_MMBINI, event);
      SETARG_B(fs->f->code[fs->pc - 1], int2sC(v2));
      return 1;
    }
  }
}

static void ops_binnoK(FuncState *fs, BinOpr opr, ExpDesc *e1, ExpDesc *e2,
                       int flip, int line) {
  if (flip)
    ops_swap(e1, e2);                 /* back to source order */
  ops_binregs(fs, (enum OpCode)((int)opr + OP_ADD), e1, e2, line);
}

static void ops_arith(FuncState *fs, BinOpr opr, ExpDesc *e1, ExpDesc *e2,
                      int flip, int line) {
  if (code_tonumeral(e2, NULL) && code_exp2K(fs, e2))
    ops_binK(fs, opr, e1, e2, flip, line);
  else
    ops_binnoK(fs, opr, e1, e2, flip, line);
}

/* '+' and '*': a numeric first operand is moved second, to reach the
 * immediate or K forms. */
static void ops_commutative(FuncState *fs, BinOpr op, ExpDesc *e1,
                            ExpDesc *e2, int line) {
  int flip = 0;
  if (code_tonumeral(e1, NULL)) {
    ops_swap(e1, e2);
    flip = 1;
  }
  if (op == OPR_ADD && code_isSCint(e2))
    ops_binimm(fs, OP_ADDI, e1, e2, flip, line, TM_ADD);
  else
    ops_arith(fs, op, e1, e2, flip, line);
}

static void ops_bitwise(FuncState *fs, BinOpr opr, ExpDesc *e1, ExpDesc *e2,
                        int line) {
  int flip = 0;
  if (e1->k == EXP_KINT) {
    ops_swap(e1, e2);
    flip = 1;
  }
  if (e2->k == EXP_KINT && code_exp2K(fs, e2))
    ops_binK(fs, opr, e1, e2, flip, line);
  else
    ops_binnoK(fs, opr, e1, e2, flip, line);
}

/* '<' and '<=' (callers turn '>' and '>=' around first). */
static void ops_order(FuncState *fs, BinOpr opr, ExpDesc *e1, ExpDesc *e2) {
  int r1, r2, imm, isfloat = 0;
  enum OpCode op = (enum OpCode)((int)(opr - OPR_LT) + OP_LT);
  if (code_isSCnumber(e2, &imm, &isfloat)) {
    r1 = code_exp2anyreg(fs, e1);
    r2 = imm;
    op = (enum OpCode)((int)(op - OP_LT) + OP_LTI);
  }
  else if (code_isSCnumber(e1, &imm, &isfloat)) {
    /* "I < x" is "x > I", "I <= x" is "x >= I" */
    r1 = code_exp2anyreg(fs, e2);
    r2 = imm;
    op = (op == OP_LT) ? OP_GTI : OP_GEI;
  }
  else {
    r1 = code_exp2anyreg(fs, e1);
    r2 = code_exp2anyreg(fs, e2);
  }
  code_freeexps(fs, e1, e2);
  e1->u.info = code_condjump(fs, op, r1, r2, isfloat, 1);
  e1->k = EXP_JMP;
}

/* '==' and '~='; e1 is already a register or a constant (code_infix). */
static void ops_eq(FuncState *fs, BinOpr opr, ExpDesc *e1, ExpDesc *e2) {
  int r1, r2, imm, isfloat = 0;
  enum OpCode op;
  if (e1->k != EXP_NONRELOC) {
    cr_assert(e1->k == EXP_K || e1->k == EXP_KINT || e1->k == EXP_KFLT,
              "constant first operand");
    ops_swap(e1, e2);
  }
  r1 = code_exp2anyreg(fs, e1);
  if (code_isSCnumber(e2, &imm, &isfloat)) {
    op = OP_EQI;
    r2 = imm;
  }
  else if (code_exp2RK(fs, e2)) {
    op = OP_EQK;
    r2 = e2->u.info;
  }
  else {
    op = OP_EQ;
    r2 = code_exp2anyreg(fs, e2);
  }
  code_freeexps(fs, e1, e2);
  e1->u.info = code_condjump(fs, op, r1, r2, isfloat, opr == OPR_EQ);
  e1->k = EXP_JMP;
}

/* "a .. b .. c" is "a .. (b .. c)": when e2 is itself a CONCAT just
 * emitted, it is widened to include e1 instead of emitting another. */
static void ops_concat(FuncState *fs, ExpDesc *e1, ExpDesc *e2, int line) {
  Instruction *ie2 = (fs->pc > fs->lasttarget && fs->pc > 0)
                         ? &fs->f->code[fs->pc - 1] : NULL;
  if (ie2 != NULL && GET_OPCODE(*ie2) == OP_CONCAT) {
    int n = GETARG_B(*ie2);
    cr_assert(e1->u.info + 1 == GETARG_A(*ie2), "adjacent operands");
    code_freeexp(fs, e2);
    SETARG_A(*ie2, e1->u.info);
    SETARG_B(*ie2, n + 1);
  }
  else {
    code_ABC(fs, OP_CONCAT, e1->u.info, 2, 0);
    code_freeexp(fs, e2);
    code_fixline(fs, line);
  }
}

void code_prefix(FuncState *fs, UnOpr opr, ExpDesc *e, int line) {
  static const ExpDesc zero = {EXP_KINT, {0}, NO_JUMP, NO_JUMP};
  code_dischargevars(fs, e);
  switch (opr) {
    case OPR_MINUS: case OPR_BNOT:
      if (code_constfold(fs, (int)opr + LUA_OPUNM, e, &zero))
        break;
      /* fall through */
    case OPR_LEN:
      ops_unary(fs, (enum OpCode)((int)opr + OP_UNM), e, line);
      break;
    case OPR_NOT:
      code_not(fs, e);
      break;
    default:
      cr_assert(0, "unary operator");
  }
}

/* Prepares the first operand before the second is parsed. */
void code_infix(FuncState *fs, BinOpr op, ExpDesc *v) {
  code_dischargevars(fs, v);
  switch (op) {
    case OPR_AND:
      code_goiftrue(fs, v);
      break;
    case OPR_OR:
      code_goiffalse(fs, v);
      break;
    case OPR_CONCAT:
      code_exp2nextreg(fs, v);        /* operands must be consecutive */
      break;
    case OPR_ADD: case OPR_SUB: case OPR_MUL: case OPR_DIV: case OPR_IDIV:
    case OPR_MOD: case OPR_POW: case OPR_BAND: case OPR_BOR: case OPR_BXOR:
    case OPR_SHL: case OPR_SHR:
      if (!code_tonumeral(v, NULL))
        code_exp2anyreg(fs, v);
      /* a numeral waits: it may fold with the second operand */
      break;
    case OPR_EQ: case OPR_NE:
      if (!code_tonumeral(v, NULL))
        code_exp2RK(fs, v);
      /* a numeral waits: it may become an immediate */
      break;
    case OPR_LT: case OPR_LE: case OPR_GT: case OPR_GE: {
      int dummy, dummy2;
      if (!code_isSCnumber(v, &dummy, &dummy2))
        code_exp2anyreg(fs, v);
      break;
    }
    default:
      cr_assert(0, "binary operator");
  }
}

void code_posfix(FuncState *fs, BinOpr opr, ExpDesc *e1, ExpDesc *e2,
                 int line) {
  code_dischargevars(fs, e2);
  if (opr <= OPR_SHR && code_constfold(fs, (int)opr + LUA_OPADD, e1, e2))
    return;
  switch (opr) {
    case OPR_AND:
      cr_assert(e1->t == NO_JUMP, "closed by code_infix");
      code_concat(fs, &e2->f, e1->f);
      *e1 = *e2;
      break;
    case OPR_OR:
      cr_assert(e1->f == NO_JUMP, "closed by code_infix");
      code_concat(fs, &e2->t, e1->t);
      *e1 = *e2;
      break;
    case OPR_CONCAT:
      code_exp2nextreg(fs, e2);
      ops_concat(fs, e1, e2, line);
      break;
    case OPR_ADD: case OPR_MUL:
      ops_commutative(fs, opr, e1, e2, line);
      break;
    case OPR_SUB:
      if (ops_binnegated(fs, e1, e2, OP_ADDI, line, TM_SUB))
        break;
      /* fall through */
    case OPR_DIV: case OPR_IDIV: case OPR_MOD: case OPR_POW:
      ops_arith(fs, opr, e1, e2, 0, line);
      break;
    case OPR_BAND: case OPR_BOR: case OPR_BXOR:
      ops_bitwise(fs, opr, e1, e2, line);
      break;
    case OPR_SHL:
      if (code_isSCint(e1)) {
        ops_swap(e1, e2);
        ops_binimm(fs, OP_SHLI, e1, e2, 1, line, TM_SHL);  /* I << x */
      }
      else if (ops_binnegated(fs, e1, e2, OP_SHRI, line, TM_SHL)) {
        /* x << I as x >> -I */
      }
      else
        ops_binregs(fs, OP_SHL, e1, e2, line);
      break;
    case OPR_SHR:
      if (code_isSCint(e2))
        ops_binimm(fs, OP_SHRI, e1, e2, 0, line, TM_SHR);
      else
        ops_binregs(fs, OP_SHR, e1, e2, line);
      break;
    case OPR_EQ: case OPR_NE:
      ops_eq(fs, opr, e1, e2);
      break;
    case OPR_GT: case OPR_GE:
      ops_swap(e1, e2);
      opr = (BinOpr)((opr - OPR_GT) + OPR_LT);
      /* fall through */
    case OPR_LT: case OPR_LE:
      ops_order(fs, opr, e1, e2);
      break;
    default:
      cr_assert(0, "binary operator");
  }
}
