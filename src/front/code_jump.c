/*
 * code_jump.c — jump lists and the code for conditions.
 *
 * A jump list is threaded through the JMP instructions themselves: each
 * unpatched JMP's offset points to the next JMP of the list, and NO_JUMP
 * (an offset of -1, "jump to itself") ends it. An ExpDesc carries two lists:
 * t (jumps taken when the expression is true) and f (when false). A test
 * that may also need to deliver its value (the 'x' in "x or y") is a
 * TESTSET; when it turns out no value is needed it becomes a plain TEST.
 *
 * Every test op (OPF_TEST) is immediately followed by the JMP it controls;
 * the VM executes that JMP or skips it.
 */
#include "front/code.h"

/* ------------------------------------------------------------------ */
/* Jump lists                                                          */
/* ------------------------------------------------------------------ */

static int code_getjump(FuncState *fs, int pc) {
  int offset = GETARG_sJ(fs->f->code[pc]);
  if (offset == NO_JUMP)
    return NO_JUMP;
  return (pc + 1) + offset;
}

void code_fixjump(FuncState *fs, int pc, int dest) {
  Instruction *jmp = &fs->f->code[pc];
  int64_t offset = (int64_t)dest - (pc + 1);
  cr_assert(dest != NO_JUMP, "patched to a real target");
  if (offset < INT32_MIN || offset > INT32_MAX)
    lex_syntaxerror(fs->ls, "control structure too long");
  cr_assert(GET_OPCODE(*jmp) == OP_JMP, "a jump");
  SETARG_sJ(*jmp, (int32_t)offset);
}

void code_concat(FuncState *fs, int *l1, int l2) {
  if (l2 == NO_JUMP)
    return;
  if (*l1 == NO_JUMP)
    *l1 = l2;
  else {
    int list = *l1, next;
    while ((next = code_getjump(fs, list)) != NO_JUMP)
      list = next;
    code_fixjump(fs, list, l2);
  }
}

int code_jump(FuncState *fs) {
  return code_emit(fs, CREATE_sJ(OP_JMP, NO_JUMP));
}

void code_ret(FuncState *fs, int first, int nret) {
  enum OpCode op;
  switch (nret) {
    case 0: op = OP_RETURN0; break;
    case 1: op = OP_RETURN1; break;
    default: op = OP_RETURN; break;
  }
  code_ABC(fs, op, first, nret + 1, 0);
}

int code_condjump(FuncState *fs, enum OpCode op, int a, int b, int c, int k) {
  code_ABCk(fs, op, a, b, c, k);
  return code_jump(fs);
}

/* Marks the current pc as a jump target: instructions on both sides of it
 * are in different basic blocks and must not be merged (code_nil). */
int code_getlabel(FuncState *fs) {
  fs->lasttarget = fs->pc;
  return fs->pc;
}

/* The test controlling the jump at pc, or the jump itself. */
static Instruction *code_jumpcontrol(FuncState *fs, int pc) {
  Instruction *pi = &fs->f->code[pc];
  if (pc >= 1 && op_has(GET_OPCODE(*(pi - 1)), OPF_TEST))
    return pi - 1;
  return pi;
}

/* Sets the destination of a TESTSET (or makes it a TEST when no value is
 * wanted or the value is already in place). 0 if the control is not a
 * TESTSET. */
static int code_patchtestreg(FuncState *fs, int node, int reg) {
  Instruction *i = code_jumpcontrol(fs, node);
  if (GET_OPCODE(*i) != OP_TESTSET)
    return 0;
  if (reg != NO_REG && reg != GETARG_B(*i))
    SETARG_A(*i, reg);
  else
    *i = CREATE_ABCk(OP_TEST, GETARG_B(*i), 0, 0, GETARG_k(*i));
  return 1;
}

static void code_removevalues(FuncState *fs, int list) {
  for (; list != NO_JUMP; list = code_getjump(fs, list))
    code_patchtestreg(fs, list, NO_REG);
}

/* Value-producing tests go to vtarget with their value in reg; the others
 * go to dtarget. */
static void code_patchlistaux(FuncState *fs, int list, int vtarget, int reg,
                              int dtarget) {
  while (list != NO_JUMP) {
    int next = code_getjump(fs, list);
    if (code_patchtestreg(fs, list, reg))
      code_fixjump(fs, list, vtarget);
    else
      code_fixjump(fs, list, dtarget);
    list = next;
  }
}

void code_patchlist(FuncState *fs, int list, int target) {
  cr_assert(target <= fs->pc, "targets are known positions");
  code_patchlistaux(fs, list, target, NO_REG, target);
}

void code_patchtohere(FuncState *fs, int list) {
  int here = code_getlabel(fs);
  code_patchlist(fs, list, here);
}

/* ------------------------------------------------------------------ */
/* Values of conditions                                                */
/* ------------------------------------------------------------------ */

static int code_loadbool(FuncState *fs, int a, enum OpCode op) {
  code_getlabel(fs);                  /* jumps land here */
  return code_ABC(fs, op, a, 0, 0);
}

/* Does some jump of the list need a boolean loaded (not a TESTSET)? */
static int code_needvalue(FuncState *fs, int list) {
  for (; list != NO_JUMP; list = code_getjump(fs, list)) {
    Instruction i = *code_jumpcontrol(fs, list);
    if (GET_OPCODE(i) != OP_TESTSET)
      return 1;
  }
  return 0;
}

/* Puts the whole value of e, including what its jump lists deliver, in
 * reg: jumps from comparisons land on LFALSESKIP/LOADTRUE, TESTSETs
 * deliver their operand directly. */
void code_exp2reg(FuncState *fs, ExpDesc *e, int reg) {
  code_discharge2reg(fs, e, reg);
  if (e->k == EXP_JMP)
    code_concat(fs, &e->t, e->u.info);
  if (code_hasjumps(e)) {
    int final;
    int p_f = NO_JUMP, p_t = NO_JUMP;
    if (code_needvalue(fs, e->t) || code_needvalue(fs, e->f)) {
      int fj = (e->k == EXP_JMP) ? NO_JUMP : code_jump(fs);
      p_f = code_loadbool(fs, reg, OP_LFALSESKIP);
      p_t = code_loadbool(fs, reg, OP_LOADTRUE);
      code_patchtohere(fs, fj);
    }
    final = code_getlabel(fs);
    code_patchlistaux(fs, e->f, final, reg, p_f);
    code_patchlistaux(fs, e->t, final, reg, p_t);
  }
  e->f = e->t = NO_JUMP;
  e->u.info = reg;
  e->k = EXP_NONRELOC;
}

/* ------------------------------------------------------------------ */
/* Conditions                                                          */
/* ------------------------------------------------------------------ */

static void code_negatecondition(FuncState *fs, ExpDesc *e) {
  Instruction *pc = code_jumpcontrol(fs, e->u.info);
  cr_assert(op_has(GET_OPCODE(*pc), OPF_TEST) && GET_OPCODE(*pc) != OP_TESTSET &&
            GET_OPCODE(*pc) != OP_TEST, "a comparison");
  SETARG_k(*pc, GETARG_k(*pc) ^ 1);
}

/* Emits a jump taken when e's truth equals cond. "not x" just emitted is
 * removed and its operand tested with the opposite sense. */
static int code_jumponcond(FuncState *fs, ExpDesc *e, int cond) {
  if (e->k == EXP_RELOC) {
    Instruction ie = code_instr(fs, e);
    if (GET_OPCODE(ie) == OP_NOT) {
      code_removelast(fs);
      return code_condjump(fs, OP_TEST, GETARG_B(ie), 0, 0, !cond);
    }
  }
  code_discharge2anyreg(fs, e);
  code_freeexp(fs, e);
  return code_condjump(fs, OP_TESTSET, NO_REG, e->u.info, 0, cond);
}

/* Falls through when e is true, jumps (via e->f) when false. */
void code_goiftrue(FuncState *fs, ExpDesc *e) {
  int pc;
  code_dischargevars(fs, e);
  switch (e->k) {
    case EXP_JMP:
      code_negatecondition(fs, e);
      pc = e->u.info;
      break;
    case EXP_K: case EXP_KFLT: case EXP_KINT: case EXP_KSTR: case EXP_TRUE:
      pc = NO_JUMP;                   /* always true */
      break;
    default:
      pc = code_jumponcond(fs, e, 0);
      break;
  }
  code_concat(fs, &e->f, pc);
  code_patchtohere(fs, e->t);
  e->t = NO_JUMP;
}

/* Falls through when e is false, jumps (via e->t) when true. */
void code_goiffalse(FuncState *fs, ExpDesc *e) {
  int pc;
  code_dischargevars(fs, e);
  switch (e->k) {
    case EXP_JMP:
      pc = e->u.info;
      break;
    case EXP_NIL: case EXP_FALSE:
      pc = NO_JUMP;                   /* always false */
      break;
    default:
      pc = code_jumponcond(fs, e, 1);
      break;
  }
  code_concat(fs, &e->t, pc);
  code_patchtohere(fs, e->f);
  e->f = NO_JUMP;
}

void code_not(FuncState *fs, ExpDesc *e) {
  switch (e->k) {
    case EXP_NIL: case EXP_FALSE:
      e->k = EXP_TRUE;
      break;
    case EXP_K: case EXP_KFLT: case EXP_KINT: case EXP_KSTR: case EXP_TRUE:
      e->k = EXP_FALSE;
      break;
    case EXP_JMP:
      code_negatecondition(fs, e);
      break;
    case EXP_RELOC: case EXP_NONRELOC:
      code_discharge2anyreg(fs, e);
      code_freeexp(fs, e);
      e->u.info = code_ABC(fs, OP_NOT, 0, e->u.info, 0);
      e->k = EXP_RELOC;
      break;
    default:
      cr_assert(0, "not a value");
  }
  {
    int temp = e->f;
    e->f = e->t;
    e->t = temp;
  }
  code_removevalues(fs, e->f);        /* negated values are not wanted */
  code_removevalues(fs, e->t);
}
