/*
 * code.h — the code generator's interface to the parser.
 *
 * The parser describes expressions with ExpDesc (parse.h) and asks these
 * functions to turn them into instructions at the last possible moment.
 * The instruction set is vm/ops.h; the semantics of each op, and therefore
 * the shapes of code emitted here, are Lua 5.4.4's (see CODEGEN_NOTES.md for
 * the few encoding decisions). Files:
 *   code.c       emission, line info, registers, constants, loads/stores,
 *                the final pass (returns, jump threading, feedback slots)
 *   code_jump.c  jump lists, conditions, 'not', values of tests
 *   code_ops.c   unary and binary operators (immediate/K forms, MMBIN*)
 *   code_fold.c  constant folding (never changes what the program does)
 */
#ifndef CRESCENT_CODE_H
#define CRESCENT_CODE_H

#include "front/parse.h"
#include "vm/ops.h"

/* Binary operators: X(NAME, left priority, right priority). The arithmetic
 * and bitwise ones come first, in the order of LUA_OP*, of OP_ADD..OP_SHR,
 * of OP_ADDK.. and of the TM_ADD.. events (checked in code_ops.c). */
#define CODE_BINOPRS(X)                                                      \
  X(ADD, 10, 10) X(SUB, 10, 10) X(MUL, 11, 11) X(MOD, 11, 11)                \
  X(POW, 14, 13)  /* right associative */                                    \
  X(DIV, 11, 11) X(IDIV, 11, 11)                                             \
  X(BAND, 6, 6) X(BOR, 4, 4) X(BXOR, 5, 5) X(SHL, 7, 7) X(SHR, 7, 7)         \
  X(CONCAT, 9, 8) /* right associative */                                    \
  X(EQ, 3, 3) X(LT, 3, 3) X(LE, 3, 3) X(NE, 3, 3) X(GT, 3, 3) X(GE, 3, 3)    \
  X(AND, 2, 2) X(OR, 1, 1)

typedef enum BinOpr {
#define X(name, left, right) OPR_##name,
  CODE_BINOPRS(X)
#undef X
  OPR_NOBINOPR
} BinOpr;

/* Unary operators, in the order of OP_UNM, OP_BNOT, OP_NOT, OP_LEN. */
typedef enum UnOpr { OPR_MINUS, OPR_BNOT, OPR_NOT, OPR_LEN, OPR_NOUNOPR } UnOpr;

/* Priority of unary operators: above every binary one but '^'. */
#define CODE_UNARY_PRIORITY 12

/* Array items stored per SETLIST while building a table constructor. */
#define CODE_FIELDS_PER_FLUSH 50

#define code_instr(fs, e)   ((fs)->f->code[(e)->u.info])
#define code_hasjumps(e)    ((e)->t != (e)->f)

/* ---- emission ---- */
int code_emit(FuncState *fs, Instruction i);
int code_ABCk(FuncState *fs, enum OpCode op, int a, int b, int c, int k);
#define code_ABC(fs, op, a, b, c) code_ABCk(fs, op, a, b, c, 0)
int code_ABx(FuncState *fs, enum OpCode op, int a, unsigned int bx);
void code_fixline(FuncState *fs, int line);
void code_removelast(FuncState *fs);

/* ---- registers ---- */
void code_checkstack(FuncState *fs, int n);
void code_reserveregs(FuncState *fs, int n);
void code_freereg(FuncState *fs, int reg);
void code_freeexp(FuncState *fs, ExpDesc *e);
void code_freeexps(FuncState *fs, ExpDesc *e1, ExpDesc *e2);

/* ---- constants and loads ---- */
void code_nil(FuncState *fs, int from, int n);
void code_int(FuncState *fs, int reg, lua_Integer i);
int code_exp2K(FuncState *fs, ExpDesc *e);
int code_exp2RK(FuncState *fs, ExpDesc *e);
int code_exp2const(FuncState *fs, const ExpDesc *e, TValue *v);
int code_tonumeral(const ExpDesc *e, TValue *v);
int code_isKint(const ExpDesc *e);
int code_isSCint(const ExpDesc *e);
int code_isSCnumber(const ExpDesc *e, int *imm, int *isfloat);
int code_flt2int(lua_Number n, lua_Integer *p);

/* ---- expressions to registers ---- */
void code_dischargevars(FuncState *fs, ExpDesc *e);
void code_discharge2reg(FuncState *fs, ExpDesc *e, int reg);
void code_discharge2anyreg(FuncState *fs, ExpDesc *e);
void code_exp2reg(FuncState *fs, ExpDesc *e, int reg);
int code_exp2anyreg(FuncState *fs, ExpDesc *e);
void code_exp2anyregup(FuncState *fs, ExpDesc *e);
void code_exp2nextreg(FuncState *fs, ExpDesc *e);
void code_exp2val(FuncState *fs, ExpDesc *e);
void code_setreturns(FuncState *fs, ExpDesc *e, int nresults);
#define code_setmultret(fs, e) code_setreturns(fs, e, LUA_MULTRET)
void code_setoneret(FuncState *fs, ExpDesc *e);

/* ---- variables and tables ---- */
void code_storevar(FuncState *fs, ExpDesc *var, ExpDesc *ex);
void code_self(FuncState *fs, ExpDesc *e, ExpDesc *key);
void code_indexed(FuncState *fs, ExpDesc *t, ExpDesc *k);
void code_settablesize(FuncState *fs, int pc, int ra, int asize, int hsize);
void code_setlist(FuncState *fs, int base, int nelems, int tostore);

/* ---- jumps and conditions (code_jump.c) ---- */
int code_jump(FuncState *fs);
void code_ret(FuncState *fs, int first, int nret);
int code_getlabel(FuncState *fs);
void code_concat(FuncState *fs, int *l1, int l2);
void code_patchlist(FuncState *fs, int list, int target);
void code_patchtohere(FuncState *fs, int list);
#define code_jumpto(fs, t) code_patchlist(fs, code_jump(fs), t)
void code_fixjump(FuncState *fs, int pc, int dest);
int code_condjump(FuncState *fs, enum OpCode op, int a, int b, int c, int k);
void code_goiftrue(FuncState *fs, ExpDesc *e);
void code_goiffalse(FuncState *fs, ExpDesc *e);
void code_not(FuncState *fs, ExpDesc *e);

/* ---- operators (code_ops.c) ---- */
void code_prefix(FuncState *fs, UnOpr op, ExpDesc *e, int line);
void code_infix(FuncState *fs, BinOpr op, ExpDesc *v);
void code_posfix(FuncState *fs, BinOpr op, ExpDesc *e1, ExpDesc *e2, int line);

/* ---- constant folding (code_fold.c) ---- */
int code_constfold(FuncState *fs, int luaop, ExpDesc *e1, const ExpDesc *e2);

/* ---- end of a function ---- */
void code_finish(FuncState *fs);

#endif
