/*
 * parse_stat.c — statements (manual §3.3): blocks, assignment, control
 * structures, local declarations with attributes, function definitions,
 * return, goto and labels.
 *
 * Multiple assignment evaluates every expression on the right before
 * storing anything, and then stores right to left (lua5.4's order, which
 * tests observe through __newindex). When an earlier target's table or key
 * is a local or upvalue that a later target assigns, the earlier target
 * reads a copy taken before the stores (check_conflict below).
 */
#include "front/parse_impl.h"
#include "obj/str.h"
#include "obj/numconv.h"

#include <string.h>

static void parse_statement(LexState *ls);

/* Does the current token end a block? 'until' only for repeat bodies. */
static int parse_blockfollow(LexState *ls, int withuntil) {
  switch (ls->t.token) {
    case TK_ELSE: case TK_ELSEIF: case TK_END: case TK_EOS:
      return 1;
    case TK_UNTIL:
      return withuntil;
    default:
      return 0;
  }
}

/* statlist -> { stat [';'] }; 'return' must be the last statement. */
void parse_statlist(LexState *ls) {
  while (!parse_blockfollow(ls, 1)) {
    if (ls->t.token == TK_RETURN) {
      parse_statement(ls);
      return;
    }
    parse_statement(ls);
  }
}

static void parse_block(LexState *ls) {
  FuncState *fs = ls->fs;
  BlockCnt bl;
  parse_enterblock(fs, &bl, 0);
  parse_statlist(ls);
  parse_leaveblock(fs);
}

/* Makes nexps values (the last one e) fill exactly nvars registers. */
static void parse_adjustassign(LexState *ls, int nvars, int nexps, ExpDesc *e) {
  FuncState *fs = ls->fs;
  int needed = nvars - nexps;
  if (exp_hasmultret(e->k)) {
    int extra = needed + 1;           /* the open expression itself counts */
    if (extra < 0)
      extra = 0;
    code_setreturns(fs, e, extra);
  }
  else {
    if (e->k != EXP_VOID)
      code_exp2nextreg(fs, e);
    if (needed > 0)
      code_nil(fs, fs->freereg, needed);
  }
  if (needed > 0)
    code_reserveregs(fs, needed);
  else
    fs->freereg = (lu_byte)(fs->freereg + needed);  /* drop extra values */
}

/* ------------------------------------------------------------------ */
/* Assignment                                                          */
/* ------------------------------------------------------------------ */

typedef struct LhsAssign {
  struct LhsAssign *prev;
  ExpDesc v;
} LhsAssign;

/* v (a local or upvalue) is about to be a target; earlier indexed targets
 * that use it as table or key must use a copy taken now. */
static void parse_checkconflict(LexState *ls, LhsAssign *lh, ExpDesc *v) {
  FuncState *fs = ls->fs;
  int extra = fs->freereg;            /* where the copy will go */
  int conflict = 0;
  for (; lh; lh = lh->prev) {
    if (!exp_isindexed(lh->v.k))
      continue;
    if (lh->v.k == EXP_INDEXUP) {
      if (v->k == EXP_UPVAL && lh->v.u.ind.t == v->u.info) {
        conflict = 1;
        lh->v.k = EXP_INDEXSTR;       /* table now read from the copy */
        lh->v.u.ind.t = (lu_byte)extra;
      }
    }
    else {
      if (v->k == EXP_LOCAL && lh->v.u.ind.t == v->u.var.ridx) {
        conflict = 1;
        lh->v.u.ind.t = (lu_byte)extra;
      }
      if (lh->v.k == EXP_INDEXED && v->k == EXP_LOCAL &&
          lh->v.u.ind.idx == v->u.var.ridx) {
        conflict = 1;
        lh->v.u.ind.idx = (short)extra;
      }
    }
  }
  if (conflict) {
    if (v->k == EXP_LOCAL)
      code_ABC(fs, OP_MOVE, extra, v->u.var.ridx, 0);
    else
      code_ABC(fs, OP_GETUPVAL, extra, v->u.info, 0);
    code_reserveregs(fs, 1);
  }
}

/* restassign -> ',' suffixedexp restassign | '=' explist */
static void parse_restassign(LexState *ls, LhsAssign *lh, int nvars) {
  ExpDesc e;
  parse_condition(ls, exp_isvar(lh->v.k), "syntax error");
  parse_checkreadonly(ls, &lh->v);
  if (parse_testnext(ls, ',')) {
    LhsAssign nv;
    nv.prev = lh;
    parse_suffixedexp(ls, &nv.v);
    if (!exp_isindexed(nv.v.k))
      parse_checkconflict(ls, lh, &nv.v);
    parse_enterlevel(ls);             /* each target is a level of C recursion */
    parse_restassign(ls, &nv, nvars + 1);
    parse_leavelevel(ls);
  }
  else {
    int nexps;
    parse_checknext(ls, '=');
    nexps = parse_explist(ls, &e);
    if (nexps != nvars)
      parse_adjustassign(ls, nvars, nexps, &e);
    else {
      code_setoneret(ls->fs, &e);
      code_storevar(ls->fs, &lh->v, &e);
      return;
    }
  }
  parse_initexp(&e, EXP_NONRELOC, ls->fs->freereg - 1);  /* top value */
  code_storevar(ls->fs, &lh->v, &e);
}

/* stat -> func | assignment */
static void parse_exprstat(LexState *ls) {
  FuncState *fs = ls->fs;
  LhsAssign v;
  parse_suffixedexp(ls, &v.v);
  if (ls->t.token == '=' || ls->t.token == ',') {
    v.prev = NULL;
    parse_restassign(ls, &v, 1);
  }
  else {
    parse_condition(ls, v.v.k == EXP_CALL, "syntax error");
    SETARG_C(code_instr(fs, &v.v), 1);  /* a call statement keeps no result */
  }
}

/* ------------------------------------------------------------------ */
/* Control structures                                                  */
/* ------------------------------------------------------------------ */

/* cond -> exp; returns the jumps taken when it is false. */
static int parse_cond(LexState *ls) {
  ExpDesc v;
  parse_expr(ls, &v);
  if (v.k == EXP_NIL)
    v.k = EXP_FALSE;                  /* all falses are equal here */
  code_goiftrue(ls->fs, &v);
  return v.f;
}

static void parse_gotostat(LexState *ls) {
  FuncState *fs = ls->fs;
  int line = ls->linenumber;
  TString *name = parse_checkname(ls);
  Labeldesc *lb = parse_findlabel(ls, name);
  if (lb == NULL)                     /* forward: resolved at the label */
    parse_newgotoentry(ls, name, line, code_jump(fs));
  else {                              /* backward: resolved now */
    int lblevel = parse_reglevel(fs, lb->nactvar);
    if (parse_nvarstack(fs) > lblevel)
      code_ABC(fs, OP_CLOSE, lblevel, 0, 0);
    code_patchlist(fs, code_jump(fs), lb->pc);
  }
}

static void parse_breakstat(LexState *ls) {
  int line = ls->linenumber;
  lex_next(ls);
  parse_newgotoentry(ls, str_newlit(ls->L, "break"), line, code_jump(ls->fs));
}

static void parse_checkrepeated(LexState *ls, TString *name) {
  Labeldesc *lb = parse_findlabel(ls, name);
  if (CR_UNLIKELY(lb != NULL))
    parse_semerror(ls, obj_pushfstring(ls->L,
        "label '%s' already defined on line %d", getstr(name), lb->line));
}

/* label -> '::' NAME '::' */
static void parse_labelstat(LexState *ls, TString *name, int line) {
  parse_checknext(ls, TK_DBCOLON);
  while (ls->t.token == ';' || ls->t.token == TK_DBCOLON)
    parse_statement(ls);              /* other no-op statements */
  parse_checkrepeated(ls, name);
  parse_createlabel(ls, name, line, parse_blockfollow(ls, 0));
}

/* whilestat -> WHILE cond DO block END */
static void parse_whilestat(LexState *ls, int line) {
  FuncState *fs = ls->fs;
  int whileinit, condexit;
  BlockCnt bl;
  lex_next(ls);
  whileinit = code_getlabel(fs);
  condexit = parse_cond(ls);
  parse_enterblock(fs, &bl, 1);
  parse_checknext(ls, TK_DO);
  parse_block(ls);
  code_jumpto(fs, whileinit);
  parse_checkmatch(ls, TK_END, TK_WHILE, line);
  parse_leaveblock(fs);
  code_patchtohere(fs, condexit);
}

/* repeatstat -> REPEAT block UNTIL cond; the condition sees the body's
 * locals, so when they are captured each new iteration must close them. */
static void parse_repeatstat(LexState *ls, int line) {
  int condexit;
  FuncState *fs = ls->fs;
  int repeat_init = code_getlabel(fs);
  BlockCnt bl1, bl2;
  parse_enterblock(fs, &bl1, 1);      /* loop block */
  parse_enterblock(fs, &bl2, 0);      /* scope block */
  lex_next(ls);
  parse_statlist(ls);
  parse_checkmatch(ls, TK_UNTIL, TK_REPEAT, line);
  condexit = parse_cond(ls);
  parse_leaveblock(fs);
  if (bl2.upval) {
    int exit = code_jump(fs);         /* normal exit jumps over the fix */
    code_patchtohere(fs, condexit);
    code_ABC(fs, OP_CLOSE, parse_reglevel(fs, bl2.nactvar), 0, 0);
    condexit = code_jump(fs);
    code_patchtohere(fs, exit);
  }
  code_patchlist(fs, condexit, repeat_init);
  parse_leaveblock(fs);
}

/* One expression into the next register. */
static void parse_exp1(LexState *ls) {
  ExpDesc e;
  parse_expr(ls, &e);
  code_exp2nextreg(ls->fs, &e);
}

/* Patches the Bx of a FORPREP/FORLOOP-style instruction at pc. */
static void parse_fixforjump(FuncState *fs, int pc, int dest, int back) {
  Instruction *jmp = &fs->f->code[pc];
  int64_t offset = (int64_t)dest - (pc + 1);
  if (back)
    offset = -offset;
  if (CR_UNLIKELY(offset > (int64_t)MAXARG_Bx))
    lex_syntaxerror(fs->ls, "control structure too long");
  SETARG_Bx(*jmp, (uint32_t)offset);
}

/* forbody -> DO block */
static void parse_forbody(LexState *ls, int base, int line, int nvars,
                          int isgen) {
  static const enum OpCode forprep[2] = {OP_FORPREP, OP_TFORPREP};
  static const enum OpCode forloop[2] = {OP_FORLOOP, OP_TFORLOOP};
  BlockCnt bl;
  FuncState *fs = ls->fs;
  int prep, endfor;
  parse_checknext(ls, TK_DO);
  prep = code_ABx(fs, forprep[isgen], base, 0);
  parse_enterblock(fs, &bl, 0);       /* scope of the declared variables */
  parse_adjustlocalvars(ls, nvars);
  code_reserveregs(fs, nvars);
  parse_block(ls);
  parse_leaveblock(fs);
  parse_fixforjump(fs, prep, code_getlabel(fs), 0);
  if (isgen) {
    code_ABC(fs, OP_TFORCALL, base, 0, nvars);
    code_fixline(fs, line);
  }
  endfor = code_ABx(fs, forloop[isgen], base, 0);
  parse_fixforjump(fs, endfor, prep + 1, 1);
  code_fixline(fs, line);
}

/* fornum -> NAME = exp ',' exp [',' exp] forbody */
static void parse_fornum(LexState *ls, TString *varname, int line) {
  FuncState *fs = ls->fs;
  int base = fs->freereg;
  parse_newlocalvarlit(ls, "(for state)");
  parse_newlocalvarlit(ls, "(for state)");
  parse_newlocalvarlit(ls, "(for state)");
  parse_newlocalvar(ls, varname);
  parse_checknext(ls, '=');
  parse_exp1(ls);                     /* initial value */
  parse_checknext(ls, ',');
  parse_exp1(ls);                     /* limit */
  if (parse_testnext(ls, ','))
    parse_exp1(ls);                   /* step */
  else {
    code_int(fs, fs->freereg, 1);
    code_reserveregs(fs, 1);
  }
  parse_adjustlocalvars(ls, 3);
  parse_forbody(ls, base, line, 1, 0);
}

/* forlist -> NAME {',' NAME} IN explist forbody. The four hidden
 * variables are the iterator, the state, the control and the closing
 * value (a to-be-closed variable). */
static void parse_forlist(LexState *ls, TString *indexname) {
  FuncState *fs = ls->fs;
  ExpDesc e;
  int nvars = 5;
  int line;
  int base = fs->freereg;
  parse_newlocalvarlit(ls, "(for state)");
  parse_newlocalvarlit(ls, "(for state)");
  parse_newlocalvarlit(ls, "(for state)");
  parse_newlocalvarlit(ls, "(for state)");
  parse_newlocalvar(ls, indexname);
  while (parse_testnext(ls, ',')) {
    parse_newlocalvar(ls, parse_checkname(ls));
    nvars++;
  }
  parse_checknext(ls, TK_IN);
  line = ls->linenumber;
  parse_adjustassign(ls, 4, parse_explist(ls, &e), &e);
  parse_adjustlocalvars(ls, 4);
  parse_marktobeclosed(fs);
  code_checkstack(fs, 3);             /* room to call the iterator */
  parse_forbody(ls, base, line, nvars - 4, 1);
}

/* forstat -> FOR (fornum | forlist) END */
static void parse_forstat(LexState *ls, int line) {
  FuncState *fs = ls->fs;
  TString *varname;
  BlockCnt bl;
  parse_enterblock(fs, &bl, 1);       /* loop block, holds the hidden vars */
  lex_next(ls);
  varname = parse_checkname(ls);
  switch (ls->t.token) {
    case '=':
      parse_fornum(ls, varname, line);
      break;
    case ',': case TK_IN:
      parse_forlist(ls, varname);
      break;
    default:
      lex_syntaxerror(ls, "'=' or 'in' expected");
  }
  parse_checkmatch(ls, TK_END, TK_FOR, line);
  parse_leaveblock(fs);
}

/* test_then_block -> [IF | ELSEIF] cond THEN block */
static void parse_testthenblock(LexState *ls, int *escapelist) {
  BlockCnt bl;
  FuncState *fs = ls->fs;
  ExpDesc v;
  int jf;
  lex_next(ls);
  parse_expr(ls, &v);
  parse_checknext(ls, TK_THEN);
  if (ls->t.token == TK_BREAK) {      /* "if x then break": jump when true */
    int line = ls->linenumber;
    code_goiffalse(ls->fs, &v);
    lex_next(ls);
    parse_enterblock(fs, &bl, 0);
    parse_newgotoentry(ls, str_newlit(ls->L, "break"), line, v.t);
    while (parse_testnext(ls, ';')) {
    }
    if (parse_blockfollow(ls, 0)) {
      parse_leaveblock(fs);
      return;
    }
    jf = code_jump(fs);
  }
  else {
    code_goiftrue(ls->fs, &v);
    parse_enterblock(fs, &bl, 0);
    jf = v.f;
  }
  parse_statlist(ls);
  parse_leaveblock(fs);
  if (ls->t.token == TK_ELSE || ls->t.token == TK_ELSEIF)
    code_concat(fs, escapelist, code_jump(fs));
  code_patchtohere(fs, jf);
}

/* ifstat -> IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END */
static void parse_ifstat(LexState *ls, int line) {
  int escapelist = NO_JUMP;
  parse_testthenblock(ls, &escapelist);
  while (ls->t.token == TK_ELSEIF)
    parse_testthenblock(ls, &escapelist);
  if (parse_testnext(ls, TK_ELSE))
    parse_block(ls);
  parse_checkmatch(ls, TK_END, TK_IF, line);
  code_patchtohere(ls->fs, escapelist);
}

/* ------------------------------------------------------------------ */
/* Declarations                                                        */
/* ------------------------------------------------------------------ */

static void parse_localfunc(LexState *ls) {
  ExpDesc b;
  FuncState *fs = ls->fs;
  int fvar = fs->nactvar;
  parse_newlocalvar(ls, parse_checkname(ls));
  parse_adjustlocalvars(ls, 1);       /* visible inside its own body */
  parse_body(ls, &b, 0, ls->linenumber);
  /* for debug information the variable starts once it holds the closure */
  parse_localdebuginfo(fs, fvar)->startpc = fs->pc;
}

/* attrib -> ['<' NAME '>'] */
static int parse_localattribute(LexState *ls) {
  if (parse_testnext(ls, '<')) {
    const char *attr = getstr(parse_checkname(ls));
    parse_checknext(ls, '>');
    if (strcmp(attr, "const") == 0)
      return RDKCONST;
    if (strcmp(attr, "close") == 0)
      return RDKTOCLOSE;
    parse_semerror(ls, obj_pushfstring(ls->L, "unknown attribute '%s'", attr));
  }
  return VDKREG;
}

static void parse_checktoclose(FuncState *fs, int level) {
  if (level != -1) {
    parse_marktobeclosed(fs);
    code_ABC(fs, OP_TBC, parse_reglevel(fs, level), 0, 0);
  }
}

/* localstat -> LOCAL NAME attrib { ',' NAME attrib } ['=' explist] */
static void parse_localstat(LexState *ls) {
  FuncState *fs = ls->fs;
  int toclose = -1;
  Vardesc *var;
  int vidx, kind;
  int nvars = 0;
  int nexps;
  ExpDesc e;
  do {
    vidx = parse_newlocalvar(ls, parse_checkname(ls));
    kind = parse_localattribute(ls);
    parse_localvardesc(fs, vidx)->kind = (lu_byte)kind;
    if (kind == RDKTOCLOSE) {
      if (toclose != -1)
        parse_semerror(ls, "multiple to-be-closed variables in local list");
      toclose = fs->nactvar + nvars;
    }
    nvars++;
  } while (parse_testnext(ls, ','));
  if (parse_testnext(ls, '='))
    nexps = parse_explist(ls, &e);
  else {
    e.k = EXP_VOID;
    nexps = 0;
  }
  var = parse_localvardesc(fs, vidx);
  if (nvars == nexps && var->kind == RDKCONST &&
      code_exp2const(fs, &e, &var->k)) {
    /* the last variable is a compile-time constant: no register */
    var->kind = RDKCTC;
    parse_adjustlocalvars(ls, nvars - 1);
    fs->nactvar++;
  }
  else {
    parse_adjustassign(ls, nvars, nexps, &e);
    parse_adjustlocalvars(ls, nvars);
  }
  parse_checktoclose(fs, toclose);
}

/* funcname -> NAME {fieldsel} [':' NAME] */
static int parse_funcname(LexState *ls, ExpDesc *v) {
  int ismethod = 0;
  parse_singlevar(ls, v);
  while (ls->t.token == '.')
    parse_fieldsel(ls, v);
  if (ls->t.token == ':') {
    ismethod = 1;
    parse_fieldsel(ls, v);
  }
  return ismethod;
}

/* funcstat -> FUNCTION funcname body */
static void parse_funcstat(LexState *ls, int line) {
  int ismethod;
  ExpDesc v, b;
  lex_next(ls);
  ismethod = parse_funcname(ls, &v);
  parse_body(ls, &b, ismethod, line);
  parse_checkreadonly(ls, &v);
  code_storevar(ls->fs, &v, &b);
  code_fixline(ls->fs, line);         /* the definition "happens" here */
}

/* retstat -> RETURN [explist] [';'] */
static void parse_retstat(LexState *ls) {
  FuncState *fs = ls->fs;
  ExpDesc e;
  int nret;
  int first = parse_nvarstack(fs);
  if (parse_blockfollow(ls, 1) || ls->t.token == ';')
    nret = 0;
  else {
    nret = parse_explist(ls, &e);
    if (exp_hasmultret(e.k)) {
      code_setmultret(fs, &e);
      if (e.k == EXP_CALL && nret == 1 && !fs->bl->insidetbc) {
        /* a tail call (not inside the scope of a <close> variable) */
        SET_OPCODE(code_instr(fs, &e), OP_TAILCALL);
        cr_assert(GETARG_A(code_instr(fs, &e)) == parse_nvarstack(fs),
                  "tail call at the base");
      }
      nret = LUA_MULTRET;
    }
    else if (nret == 1)
      first = code_exp2anyreg(fs, &e);  /* return the value where it is */
    else {
      code_exp2nextreg(fs, &e);
      cr_assert(nret == fs->freereg - first, "values are consecutive");
    }
  }
  code_ret(fs, first, nret);
  parse_testnext(ls, ';');
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */
/* ------------------------------------------------------------------ */

static void parse_statement(LexState *ls) {
  int line = ls->linenumber;
  parse_enterlevel(ls);
  switch (ls->t.token) {
    case ';':
      lex_next(ls);
      break;
    case TK_IF:
      parse_ifstat(ls, line);
      break;
    case TK_WHILE:
      parse_whilestat(ls, line);
      break;
    case TK_DO:
      lex_next(ls);
      parse_block(ls);
      parse_checkmatch(ls, TK_END, TK_DO, line);
      break;
    case TK_FOR:
      parse_forstat(ls, line);
      break;
    case TK_REPEAT:
      parse_repeatstat(ls, line);
      break;
    case TK_FUNCTION:
      parse_funcstat(ls, line);
      break;
    case TK_LOCAL:
      lex_next(ls);
      if (parse_testnext(ls, TK_FUNCTION))
        parse_localfunc(ls);
      else
        parse_localstat(ls);
      break;
    case TK_DBCOLON:
      lex_next(ls);
      parse_labelstat(ls, parse_checkname(ls), line);
      break;
    case TK_RETURN:
      lex_next(ls);
      parse_retstat(ls);
      break;
    case TK_BREAK:
      parse_breakstat(ls);
      break;
    case TK_GOTO:
      lex_next(ls);
      parse_gotostat(ls);
      break;
    default:
      parse_exprstat(ls);
      break;
  }
  cr_assert(ls->fs->f->maxstacksize >= ls->fs->freereg &&
            ls->fs->freereg >= parse_nvarstack(ls->fs), "register level");
  ls->fs->freereg = (lu_byte)parse_nvarstack(ls->fs);  /* free temporaries */
  parse_leavelevel(ls);
}
