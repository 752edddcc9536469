/*
 * parse_impl.h — functions shared by the parser's files (not for other
 * modules; they use parse.h).
 *   parse.c       token helpers, scopes, locals/upvalues, gotos and labels,
 *                 opening and closing functions, the chunk entry point
 *   parse_expr.c  expressions, calls, table constructors, function bodies
 *   parse_stat.c  statements
 */
#ifndef CRESCENT_PARSE_IMPL_H
#define CRESCENT_PARSE_IMPL_H

#include "front/parse.h"
#include "front/code.h"

/* Syntactic nesting is counted like C calls (lua5.4: "C stack overflow"
 * once the count reaches CR_MAX_CCALLS). */
void parse_enterlevel(LexState *ls);
#define parse_leavelevel(ls) ((ls)->L->nCcalls--)

/* ---- tokens ---- */
CR_NORETURN void parse_error_expected(LexState *ls, int token);
void parse_checklimit(FuncState *fs, int v, int limit, const char *what);
int parse_testnext(LexState *ls, int c);
void parse_check(LexState *ls, int c);
void parse_checknext(LexState *ls, int c);
void parse_checkmatch(LexState *ls, int what, int who, int where);
#define parse_condition(ls, c, msg) \
  { if (!(c)) lex_syntaxerror(ls, msg); }
TString *parse_checkname(LexState *ls);
void parse_initexp(ExpDesc *e, ExpKind k, int info);
void parse_codestring(ExpDesc *e, TString *s);
void parse_codename(LexState *ls, ExpDesc *e);

/* ---- variables ---- */
int parse_newlocalvar(LexState *ls, TString *name);
#define parse_newlocalvarlit(ls, v) \
  parse_newlocalvar(ls, lex_newstring(ls, "" v, sizeof(v) - 1))
Vardesc *parse_localvardesc(FuncState *fs, int vidx);
int parse_reglevel(FuncState *fs, int nvar);
LocVar *parse_localdebuginfo(FuncState *fs, int vidx);
void parse_adjustlocalvars(LexState *ls, int nvars);
void parse_checkreadonly(LexState *ls, ExpDesc *e);
void parse_singlevar(LexState *ls, ExpDesc *var);
void parse_marktobeclosed(FuncState *fs);

/* ---- gotos and labels ---- */
int parse_newgotoentry(LexState *ls, TString *name, int line, int pc);
Labeldesc *parse_findlabel(LexState *ls, TString *name);
int parse_createlabel(LexState *ls, TString *name, int line, int last);

/* ---- blocks and functions ---- */
void parse_enterblock(FuncState *fs, BlockCnt *bl, lu_byte isloop);
void parse_leaveblock(FuncState *fs);
Proto *parse_addprototype(LexState *ls);
void parse_openfunc(LexState *ls, FuncState *fs, BlockCnt *bl);
void parse_closefunc(LexState *ls);
void parse_codeclosure(LexState *ls, ExpDesc *v);
void parse_setvararg(FuncState *fs, int nparams);

/* ---- parse_expr.c ---- */
void parse_expr(LexState *ls, ExpDesc *v);
int parse_explist(LexState *ls, ExpDesc *v);
void parse_suffixedexp(LexState *ls, ExpDesc *v);
void parse_fieldsel(LexState *ls, ExpDesc *v);
void parse_body(LexState *ls, ExpDesc *e, int ismethod, int line);

/* ---- parse_stat.c ---- */
void parse_statlist(LexState *ls);

#endif
