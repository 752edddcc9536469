/*
 * parse_expr.c — expressions (manual §3.4): operators by precedence
 * climbing, primary and suffixed expressions, calls, table constructors
 * and function bodies.
 *
 * Evaluation order is left to right, as lua5.4's: each operand is brought
 * to a register (or kept as a constant, for folding and K/immediate forms)
 * before the next one is parsed.
 */
#include "front/parse_impl.h"

static void parse_constructor(LexState *ls, ExpDesc *t);

/* ------------------------------------------------------------------ */
/* Indexing                                                            */
/* ------------------------------------------------------------------ */

/* fieldsel -> ['.' | ':'] NAME */
void parse_fieldsel(LexState *ls, ExpDesc *v) {
  FuncState *fs = ls->fs;
  ExpDesc key;
  code_exp2anyregup(fs, v);
  lex_next(ls);                       /* '.' or ':' */
  parse_codename(ls, &key);
  code_indexed(fs, v, &key);
}

/* index -> '[' expr ']' */
static void parse_index(LexState *ls, ExpDesc *v) {
  lex_next(ls);
  parse_expr(ls, v);
  code_exp2val(ls->fs, v);
  parse_checknext(ls, ']');
}

/* ------------------------------------------------------------------ */
/* Table constructors                                                  */
/* ------------------------------------------------------------------ */

typedef struct ConsControl {
  ExpDesc v;             /* last list item read (not yet stored) */
  ExpDesc *t;            /* the table */
  int nh;                /* record fields */
  int na;                /* list items already stored */
  int tostore;           /* list items waiting for a SETLIST */
} ConsControl;

/* recfield -> (NAME | '[' exp ']') '=' exp */
static void parse_recfield(LexState *ls, ConsControl *cc) {
  FuncState *fs = ls->fs;
  int reg = ls->fs->freereg;
  ExpDesc tab, key, val;
  if (ls->t.token == TK_NAME) {
    parse_checklimit(fs, cc->nh, INT_MAX, "items in a constructor");
    parse_codename(ls, &key);
  }
  else
    parse_index(ls, &key);
  cc->nh++;
  parse_checknext(ls, '=');
  tab = *cc->t;
  code_indexed(fs, &tab, &key);
  parse_expr(ls, &val);
  code_storevar(fs, &tab, &val);
  fs->freereg = (lu_byte)reg;
}

static void parse_closelistfield(FuncState *fs, ConsControl *cc) {
  if (cc->v.k == EXP_VOID)
    return;
  code_exp2nextreg(fs, &cc->v);
  cc->v.k = EXP_VOID;
  if (cc->tostore == CODE_FIELDS_PER_FLUSH) {
    code_setlist(fs, cc->t->u.info, cc->na, cc->tostore);
    cc->na += cc->tostore;
    cc->tostore = 0;
  }
}

static void parse_lastlistfield(FuncState *fs, ConsControl *cc) {
  if (cc->tostore == 0)
    return;
  if (exp_hasmultret(cc->v.k)) {
    code_setmultret(fs, &cc->v);
    code_setlist(fs, cc->t->u.info, cc->na, LUA_MULTRET);
    cc->na--;                         /* the open item's count is unknown */
  }
  else {
    if (cc->v.k != EXP_VOID)
      code_exp2nextreg(fs, &cc->v);
    code_setlist(fs, cc->t->u.info, cc->na, cc->tostore);
  }
  cc->na += cc->tostore;
}

static void parse_listfield(LexState *ls, ConsControl *cc) {
  parse_expr(ls, &cc->v);
  cc->tostore++;
}

static void parse_field(LexState *ls, ConsControl *cc) {
  switch (ls->t.token) {
    case TK_NAME:
      if (lex_lookahead(ls) != '=')
        parse_listfield(ls, cc);
      else
        parse_recfield(ls, cc);
      break;
    case '[':
      parse_recfield(ls, cc);
      break;
    default:
      parse_listfield(ls, cc);
      break;
  }
}

/* constructor -> '{' [ field { sep field } [sep] ] '}'   sep -> ',' | ';' */
static void parse_constructor(LexState *ls, ExpDesc *t) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  int pc = code_emit(fs, CREATE_ABBx(OP_NEWTABLE, 0, 0, 0));  /* sized later */
  ConsControl cc;
  cc.na = cc.nh = cc.tostore = 0;
  cc.t = t;
  parse_initexp(t, EXP_NONRELOC, fs->freereg);
  code_reserveregs(fs, 1);
  parse_initexp(&cc.v, EXP_VOID, 0);
  parse_checknext(ls, '{');
  do {
    if (ls->t.token == '}')
      break;
    parse_closelistfield(fs, &cc);
    parse_field(ls, &cc);
  } while (parse_testnext(ls, ',') || parse_testnext(ls, ';'));
  parse_checkmatch(ls, '}', '{', line);
  parse_lastlistfield(fs, &cc);
  code_settablesize(fs, pc, t->u.info, cc.na, cc.nh);
}

/* ------------------------------------------------------------------ */
/* Function bodies                                                     */
/* ------------------------------------------------------------------ */

/* parlist -> [ {NAME ','} (NAME | '...') ] */
static void parse_parlist(LexState *ls) {
  FuncState *fs = ls->fs;
  Proto *f = fs->f;
  int nparams = 0;
  int isvararg = 0;
  if (ls->t.token != ')') {
    do {
      switch (ls->t.token) {
        case TK_NAME:
          parse_newlocalvar(ls, parse_checkname(ls));
          nparams++;
          break;
        case TK_DOTS:
          lex_next(ls);
          isvararg = 1;
          break;
        default:
          lex_syntaxerror(ls, "<name> or '...' expected");
      }
    } while (!isvararg && parse_testnext(ls, ','));
  }
  parse_adjustlocalvars(ls, nparams);
  f->numparams = fs->nactvar;
  if (isvararg)
    parse_setvararg(fs, f->numparams);
  code_reserveregs(fs, fs->nactvar);
}

/* body -> '(' parlist ')' block END */
void parse_body(LexState *ls, ExpDesc *e, int ismethod, int line) {
  FuncState new_fs;
  BlockCnt bl;
  new_fs.f = parse_addprototype(ls);
  new_fs.f->linedefined = line;
  parse_openfunc(ls, &new_fs, &bl);
  if (ismethod) {
    parse_newlocalvarlit(ls, "self");
    parse_adjustlocalvars(ls, 1);
  }
  parse_checknext(ls, '(');
  parse_parlist(ls);
  parse_checknext(ls, ')');
  parse_statlist(ls);
  new_fs.f->lastlinedefined = ls->linenumber;
  parse_checkmatch(ls, TK_END, TK_FUNCTION, line);
  parse_codeclosure(ls, e);
  parse_closefunc(ls);
}

/* ------------------------------------------------------------------ */
/* Calls                                                               */
/* ------------------------------------------------------------------ */

/* explist -> expr { ',' expr }; all but the last go to registers. */
int parse_explist(LexState *ls, ExpDesc *v) {
  int n = 1;
  parse_expr(ls, v);
  while (parse_testnext(ls, ',')) {
    code_exp2nextreg(ls->fs, v);
    parse_expr(ls, v);
    n++;
  }
  return n;
}

static void parse_funcargs(LexState *ls, ExpDesc *f, int line) {
  FuncState *fs = ls->fs;
  ExpDesc args;
  int base, nparams;
  switch (ls->t.token) {
    case '(':
      lex_next(ls);
      if (ls->t.token == ')')
        args.k = EXP_VOID;
      else {
        parse_explist(ls, &args);
        if (exp_hasmultret(args.k))
          code_setmultret(fs, &args);
      }
      parse_checkmatch(ls, ')', '(', line);
      break;
    case '{':
      parse_constructor(ls, &args);
      break;
    case TK_STRING:
      parse_codestring(&args, ls->t.seminfo.ts);
      lex_next(ls);
      break;
    default:
      lex_syntaxerror(ls, "function arguments expected");
  }
  cr_assert(f->k == EXP_NONRELOC, "function in a register");
  base = f->u.info;
  if (exp_hasmultret(args.k))
    nparams = LUA_MULTRET;            /* open call: up to the top */
  else {
    if (args.k != EXP_VOID)
      code_exp2nextreg(fs, &args);
    nparams = fs->freereg - (base + 1);
  }
  parse_initexp(f, EXP_CALL, code_ABC(fs, OP_CALL, base, nparams + 1, 2));
  code_fixline(fs, line);
  fs->freereg = (lu_byte)(base + 1);  /* the call leaves one value there */
}

/* ------------------------------------------------------------------ */
/* Primary and suffixed expressions                                    */
/* ------------------------------------------------------------------ */

/* primaryexp -> NAME | '(' expr ')' */
static void parse_primaryexp(LexState *ls, ExpDesc *v) {
  switch (ls->t.token) {
    case '(': {
      int line = ls->linenumber;
      lex_next(ls);
      parse_expr(ls, v);
      parse_checkmatch(ls, ')', '(', line);
      code_dischargevars(ls->fs, v);  /* "(f())" is one value, not a variable */
      return;
    }
    case TK_NAME:
      parse_singlevar(ls, v);
      return;
    default:
      lex_syntaxerror(ls, "unexpected symbol");
  }
}

/* suffixedexp -> primaryexp { '.' NAME | '[' exp ']' | ':' NAME funcargs
 *                             | funcargs } */
void parse_suffixedexp(LexState *ls, ExpDesc *v) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  parse_primaryexp(ls, v);
  for (;;) {
    switch (ls->t.token) {
      case '.':
        parse_fieldsel(ls, v);
        break;
      case '[': {
        ExpDesc key;
        code_exp2anyregup(fs, v);
        parse_index(ls, &key);
        code_indexed(fs, v, &key);
        break;
      }
      case ':': {
        ExpDesc key;
        lex_next(ls);
        parse_codename(ls, &key);
        code_self(fs, v, &key);
        parse_funcargs(ls, v, line);
        break;
      }
      case '(': case TK_STRING: case '{':
        code_exp2nextreg(fs, v);
        parse_funcargs(ls, v, line);
        break;
      default:
        return;
    }
  }
}

/* simpleexp -> FLT | INT | STRING | NIL | TRUE | FALSE | ... |
 *              constructor | FUNCTION body | suffixedexp */
static void parse_simpleexp(LexState *ls, ExpDesc *v) {
  switch (ls->t.token) {
    case TK_FLT:
      parse_initexp(v, EXP_KFLT, 0);
      v->u.nval = ls->t.seminfo.r;
      break;
    case TK_INT:
      parse_initexp(v, EXP_KINT, 0);
      v->u.ival = ls->t.seminfo.i;
      break;
    case TK_STRING:
      parse_codestring(v, ls->t.seminfo.ts);
      break;
    case TK_NIL:
      parse_initexp(v, EXP_NIL, 0);
      break;
    case TK_TRUE:
      parse_initexp(v, EXP_TRUE, 0);
      break;
    case TK_FALSE:
      parse_initexp(v, EXP_FALSE, 0);
      break;
    case TK_DOTS: {
      FuncState *fs = ls->fs;
      parse_condition(ls, fs->f->is_vararg,
                      "cannot use '...' outside a vararg function");
      parse_initexp(v, EXP_VARARG, code_ABC(fs, OP_VARARG, 0, 0, 1));
      break;
    }
    case '{':
      parse_constructor(ls, v);
      return;
    case TK_FUNCTION:
      lex_next(ls);
      parse_body(ls, v, 0, ls->linenumber);
      return;
    default:
      parse_suffixedexp(ls, v);
      return;
  }
  lex_next(ls);
}

/* ------------------------------------------------------------------ */
/* Operators                                                           */
/* ------------------------------------------------------------------ */

static UnOpr parse_unopr(int token) {
  switch (token) {
    case TK_NOT: return OPR_NOT;
    case '-': return OPR_MINUS;
    case '~': return OPR_BNOT;
    case '#': return OPR_LEN;
    default: return OPR_NOUNOPR;
  }
}

static BinOpr parse_binopr(int token) {
  switch (token) {
    case '+': return OPR_ADD;
    case '-': return OPR_SUB;
    case '*': return OPR_MUL;
    case '%': return OPR_MOD;
    case '^': return OPR_POW;
    case '/': return OPR_DIV;
    case TK_IDIV: return OPR_IDIV;
    case '&': return OPR_BAND;
    case '|': return OPR_BOR;
    case '~': return OPR_BXOR;
    case TK_SHL: return OPR_SHL;
    case TK_SHR: return OPR_SHR;
    case TK_CONCAT: return OPR_CONCAT;
    case TK_NE: return OPR_NE;
    case TK_EQ: return OPR_EQ;
    case '<': return OPR_LT;
    case TK_LE: return OPR_LE;
    case '>': return OPR_GT;
    case TK_GE: return OPR_GE;
    case TK_AND: return OPR_AND;
    case TK_OR: return OPR_OR;
    default: return OPR_NOBINOPR;
  }
}

static const struct { lu_byte left, right; } parse_priority[] = {
#define X(name, left, right) {left, right},
  CODE_BINOPRS(X)
#undef X
};

/* subexpr -> (simpleexp | unop subexpr) { binop subexpr }, where each
 * binop has a priority above 'limit'; returns the first operator left. */
static BinOpr parse_subexpr(LexState *ls, ExpDesc *v, int limit) {
  BinOpr op;
  UnOpr uop;
  parse_enterlevel(ls);
  uop = parse_unopr(ls->t.token);
  if (uop != OPR_NOUNOPR) {
    int line = ls->linenumber;
    lex_next(ls);
    parse_subexpr(ls, v, CODE_UNARY_PRIORITY);
    code_prefix(ls->fs, uop, v, line);
  }
  else
    parse_simpleexp(ls, v);
  op = parse_binopr(ls->t.token);
  while (op != OPR_NOBINOPR && parse_priority[op].left > limit) {
    ExpDesc v2;
    BinOpr nextop;
    int line = ls->linenumber;
    lex_next(ls);
    code_infix(ls->fs, op, v);
    nextop = parse_subexpr(ls, &v2, parse_priority[op].right);
    code_posfix(ls->fs, op, v, &v2, line);
    op = nextop;
  }
  parse_leavelevel(ls);
  return op;
}

void parse_expr(LexState *ls, ExpDesc *v) {
  parse_subexpr(ls, v, 0);
}
