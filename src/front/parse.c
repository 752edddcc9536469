/*
 * parse.c — the parser's infrastructure: token helpers, scopes and
 * variables, gotos and labels, opening and closing functions, and the
 * chunk entry point.
 *
 * Variables. Every open function's active locals live in one array
 * (dyd->actvar); fs->firstlocal is where the current function's start.
 * A local normally owns a register (ridx); a <const> whose initial value
 * is a compile-time constant (RDKCTC) owns none and is replaced by its
 * value at each use. Names resolve innermost first: locals of the current
 * function, then its upvalues, then (recursively) the enclosing functions,
 * where a local found becomes a new upvalue in every function in between;
 * a name found nowhere is a global, i.e. _ENV.name.
 *
 * Gotos and labels (manual §3.3.4). A goto to a visible label is a
 * backward jump, resolved at once. Any other goto stays pending until a
 * label with its name is declared in an enclosing block of the same
 * function; when a block closes, its pending gotos move out to the
 * enclosing block (and remember whether they left a scope whose locals
 * were captured, which makes the jump close upvalues). A pending goto
 * left at the end of the function is an error. A goto may not jump into
 * the scope of a local: the label's active-locals count must not exceed
 * the goto's, except that a label at the end of its block sees the block's
 * locals as already dead. 'break' is a goto to the invisible label "break"
 * that every loop block declares at its end.
 */
#include "front/parse_impl.h"
#include "front/grow.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/numconv.h"
#include "obj/state.h"
#include "gc/gc.h"
#include "gc/mem.h"
#include "vm/do.h"
#include "vm/func.h"

/* Lua 5.4's limits: locals per function and upvalues per function. */
#define PARSE_MAXVARS   CR_MAX_LOCALS
#define PARSE_MAXUPVAL  CR_MAX_UPVALUES

#define parse_eqstr(a, b) ((a) == (b))

/* ------------------------------------------------------------------ */
/* Errors and tokens                                                   */
/* ------------------------------------------------------------------ */

void parse_enterlevel(LexState *ls) {
  state_incCstack(ls->L);
}

void parse_semerror(LexState *ls, const char *msg) {
  ls->t.token = 0;                    /* no "near <token>" */
  lex_syntaxerror(ls, msg);
}

void parse_error_expected(LexState *ls, int token) {
  lex_syntaxerror(ls, obj_pushfstring(ls->L, "%s expected",
                                      lex_token2str(ls, token)));
}

static CR_NORETURN void parse_errorlimit(FuncState *fs, int limit,
                                         const char *what) {
  lua_State *L = fs->ls->L;
  int line = fs->f->linedefined;
  const char *where = (line == 0)
      ? "main function"
      : obj_pushfstring(L, "function at line %d", line);
  const char *msg = obj_pushfstring(L, "too many %s (limit is %d) in %s",
                                    what, limit, where);
  lex_syntaxerror(fs->ls, msg);
}

void parse_checklimit(FuncState *fs, int v, int limit, const char *what) {
  if (v > limit)
    parse_errorlimit(fs, limit, what);
}

int parse_testnext(LexState *ls, int c) {
  if (ls->t.token == c) {
    lex_next(ls);
    return 1;
  }
  return 0;
}

void parse_check(LexState *ls, int c) {
  if (ls->t.token != c)
    parse_error_expected(ls, c);
}

void parse_checknext(LexState *ls, int c) {
  parse_check(ls, c);
  lex_next(ls);
}

/* Expects the token closing a construct opened by 'who' at line 'where'. */
void parse_checkmatch(LexState *ls, int what, int who, int where) {
  if (CR_UNLIKELY(!parse_testnext(ls, what))) {
    if (where == ls->linenumber)
      parse_error_expected(ls, what);
    else
      lex_syntaxerror(ls, obj_pushfstring(ls->L,
          "%s expected (to close %s at line %d)",
          lex_token2str(ls, what), lex_token2str(ls, who), where));
  }
}

TString *parse_checkname(LexState *ls) {
  TString *ts;
  parse_check(ls, TK_NAME);
  ts = ls->t.seminfo.ts;
  lex_next(ls);
  return ts;
}

void parse_initexp(ExpDesc *e, ExpKind k, int info) {
  e->f = e->t = NO_JUMP;
  e->k = k;
  e->u.info = info;
}

void parse_codestring(ExpDesc *e, TString *s) {
  e->f = e->t = NO_JUMP;
  e->k = EXP_KSTR;
  e->u.strval = s;
}

void parse_codename(LexState *ls, ExpDesc *e) {
  parse_codestring(e, parse_checkname(ls));
}

/* ------------------------------------------------------------------ */
/* Local variables                                                     */
/* ------------------------------------------------------------------ */

static int parse_registerlocalvar(LexState *ls, FuncState *fs,
                                  TString *varname) {
  Proto *f = fs->f;
  int oldsize = f->sizelocvars;
  grow_vector(ls->L, f->locvars, fs->ndebugvars, f->sizelocvars, LocVar,
              SHRT_MAX, "local variables");
  while (oldsize < f->sizelocvars)
    f->locvars[oldsize++].varname = NULL;
  f->locvars[fs->ndebugvars].varname = varname;
  f->locvars[fs->ndebugvars].startpc = fs->pc;
  gc_objbarrier(ls->L, obj2gco(f), obj2gco(varname));
  return fs->ndebugvars++;
}

/* Declares a local (not yet active: see parse_adjustlocalvars); returns
 * its index among the function's locals. */
int parse_newlocalvar(LexState *ls, TString *name) {
  lua_State *L = ls->L;
  FuncState *fs = ls->fs;
  Dyndata *dyd = ls->dyd;
  Vardesc *var;
  parse_checklimit(fs, dyd->actvar.n + 1 - fs->firstlocal, PARSE_MAXVARS,
                   "local variables");
  grow_vector(L, dyd->actvar.arr, dyd->actvar.n + 1, dyd->actvar.size,
              Vardesc, USHRT_MAX, "local variables");
  var = &dyd->actvar.arr[dyd->actvar.n++];
  var->kind = VDKREG;
  var->name = name;
  setnilvalue(&var->k);
  return dyd->actvar.n - 1 - fs->firstlocal;
}

Vardesc *parse_localvardesc(FuncState *fs, int vidx) {
  return &fs->ls->dyd->actvar.arr[fs->firstlocal + vidx];
}

/* Registers used by the first nvar locals (compile-time constants have
 * none). */
int parse_reglevel(FuncState *fs, int nvar) {
  while (nvar-- > 0) {
    Vardesc *vd = parse_localvardesc(fs, nvar);
    if (vd->kind != RDKCTC)
      return vd->ridx + 1;
  }
  return 0;
}

int parse_nvarstack(FuncState *fs) {
  return parse_reglevel(fs, fs->nactvar);
}

LocVar *parse_localdebuginfo(FuncState *fs, int vidx) {
  Vardesc *vd = parse_localvardesc(fs, vidx);
  if (vd->kind == RDKCTC)
    return NULL;                      /* constants have no debug entry */
  return &fs->f->locvars[vd->pidx];
}

static void parse_initvar(FuncState *fs, ExpDesc *e, int vidx) {
  e->f = e->t = NO_JUMP;
  e->k = EXP_LOCAL;
  e->u.var.vidx = (unsigned short)vidx;
  e->u.var.ridx = parse_localvardesc(fs, vidx)->ridx;
}

/* Raises "attempt to assign to const variable 'x'" for read-only targets. */
void parse_checkreadonly(LexState *ls, ExpDesc *e) {
  FuncState *fs = ls->fs;
  TString *varname = NULL;
  switch (e->k) {
    case EXP_CONST:
      varname = ls->dyd->actvar.arr[e->u.info].name;
      break;
    case EXP_LOCAL: {
      Vardesc *vd = parse_localvardesc(fs, e->u.var.vidx);
      if (vd->kind != VDKREG)
        varname = vd->name;
      break;
    }
    case EXP_UPVAL: {
      Upvaldesc *up = &fs->f->upvalues[e->u.info];
      if (up->kind != VDKREG)
        varname = up->name;
      break;
    }
    default:
      return;
  }
  if (varname)
    parse_semerror(ls, obj_pushfstring(ls->L,
        "attempt to assign to const variable '%s'", getstr(varname)));
}

/* Activates the last nvars declared locals (their scope starts now). */
void parse_adjustlocalvars(LexState *ls, int nvars) {
  FuncState *fs = ls->fs;
  int reglevel = parse_nvarstack(fs);
  for (int i = 0; i < nvars; i++) {
    int vidx = fs->nactvar++;
    Vardesc *var = parse_localvardesc(fs, vidx);
    var->ridx = (lu_byte)reglevel++;
    var->pidx = (short)parse_registerlocalvar(ls, fs, var->name);
  }
}

static void parse_removevars(FuncState *fs, int tolevel) {
  fs->ls->dyd->actvar.n -= (fs->nactvar - tolevel);
  while (fs->nactvar > tolevel) {
    LocVar *var = parse_localdebuginfo(fs, --fs->nactvar);
    if (var)
      var->endpc = fs->pc;
  }
}

/* ------------------------------------------------------------------ */
/* Upvalues and name resolution                                        */
/* ------------------------------------------------------------------ */

static int parse_searchupvalue(FuncState *fs, TString *name) {
  Upvaldesc *up = fs->f->upvalues;
  for (int i = 0; i < fs->nups; i++)
    if (parse_eqstr(up[i].name, name))
      return i;
  return -1;
}

static Upvaldesc *parse_allocupvalue(FuncState *fs) {
  Proto *f = fs->f;
  int oldsize = f->sizeupvalues;
  parse_checklimit(fs, fs->nups + 1, PARSE_MAXUPVAL, "upvalues");
  grow_vector(fs->ls->L, f->upvalues, fs->nups, f->sizeupvalues, Upvaldesc,
              PARSE_MAXUPVAL, "upvalues");
  while (oldsize < f->sizeupvalues)
    f->upvalues[oldsize++].name = NULL;
  return &f->upvalues[fs->nups++];
}

/* v is a local or upvalue of the enclosing function. */
static int parse_newupvalue(FuncState *fs, TString *name, ExpDesc *v) {
  Upvaldesc *up = parse_allocupvalue(fs);
  FuncState *prev = fs->prev;
  if (v->k == EXP_LOCAL) {
    up->instack = 1;
    up->idx = v->u.var.ridx;
    up->kind = parse_localvardesc(prev, v->u.var.vidx)->kind;
  }
  else {
    up->instack = 0;
    up->idx = (lu_byte)v->u.info;
    up->kind = prev->f->upvalues[v->u.info].kind;
  }
  up->name = name;
  gc_objbarrier(fs->ls->L, obj2gco(fs->f), obj2gco(name));
  return fs->nups - 1;
}

/* Looks name up among the active locals of fs; returns the ExpKind found
 * (EXP_LOCAL or EXP_CONST) or -1. */
static int parse_searchvar(FuncState *fs, TString *n, ExpDesc *var) {
  for (int i = (int)fs->nactvar - 1; i >= 0; i--) {
    Vardesc *vd = parse_localvardesc(fs, i);
    if (parse_eqstr(n, vd->name)) {
      if (vd->kind == RDKCTC)
        parse_initexp(var, EXP_CONST, fs->firstlocal + i);
      else
        parse_initvar(fs, var, i);
      return (int)var->k;
    }
  }
  return -1;
}

/* The block where local 'level' was declared must close its upvalues. */
static void parse_markupval(FuncState *fs, int level) {
  BlockCnt *bl = fs->bl;
  while (bl->nactvar > level)
    bl = bl->previous;
  bl->upval = 1;
  fs->needclose = 1;
}

void parse_marktobeclosed(FuncState *fs) {
  BlockCnt *bl = fs->bl;
  bl->upval = 1;
  bl->insidetbc = 1;
  fs->needclose = 1;
}

static void parse_singlevaraux(FuncState *fs, TString *n, ExpDesc *var,
                               int base) {
  if (fs == NULL)
    parse_initexp(var, EXP_VOID, 0);  /* not found anywhere: global */
  else {
    int v = parse_searchvar(fs, n, var);
    if (v >= 0) {
      if (v == EXP_LOCAL && !base)
        parse_markupval(fs, var->u.var.vidx);  /* captured by an inner function */
    }
    else {
      int idx = parse_searchupvalue(fs, n);
      if (idx < 0) {
        parse_singlevaraux(fs->prev, n, var, 0);
        if (var->k == EXP_LOCAL || var->k == EXP_UPVAL)
          idx = parse_newupvalue(fs, n, var);
        else
          return;                     /* global or compile-time constant */
      }
      parse_initexp(var, EXP_UPVAL, idx);
    }
  }
}

void parse_singlevar(LexState *ls, ExpDesc *var) {
  TString *varname = parse_checkname(ls);
  FuncState *fs = ls->fs;
  parse_singlevaraux(fs, varname, var, 1);
  if (var->k == EXP_VOID) {           /* global: _ENV[varname] */
    ExpDesc key;
    parse_singlevaraux(fs, ls->envn, var, 1);
    cr_assert(var->k != EXP_VOID, "_ENV is always visible");
    code_exp2anyregup(fs, var);
    parse_codestring(&key, varname);
    code_indexed(fs, var, &key);
  }
}

/* ------------------------------------------------------------------ */
/* Gotos and labels                                                    */
/* ------------------------------------------------------------------ */

static CR_NORETURN void parse_jumpscopeerror(LexState *ls, Labeldesc *gt) {
  const char *varname = getstr(parse_localvardesc(ls->fs, gt->nactvar)->name);
  parse_semerror(ls, obj_pushfstring(ls->L,
      "<goto %s> at line %d jumps into the scope of local '%s'",
      getstr(gt->name), gt->line, varname));
}

/* Resolves pending goto g to label and removes it from the list. */
static void parse_solvegoto(LexState *ls, int g, Labeldesc *label) {
  Labellist *gl = &ls->dyd->gt;
  Labeldesc *gt = &gl->arr[g];
  if (CR_UNLIKELY(gt->nactvar < label->nactvar))
    parse_jumpscopeerror(ls, gt);
  code_patchlist(ls->fs, gt->pc, label->pc);
  for (int i = g; i < gl->n - 1; i++)
    gl->arr[i] = gl->arr[i + 1];
  gl->n--;
}

Labeldesc *parse_findlabel(LexState *ls, TString *name) {
  Dyndata *dyd = ls->dyd;
  for (int i = ls->fs->firstlabel; i < dyd->label.n; i++) {
    Labeldesc *lb = &dyd->label.arr[i];
    if (parse_eqstr(lb->name, name))
      return lb;
  }
  return NULL;
}

static int parse_newlabelentry(LexState *ls, Labellist *l, TString *name,
                               int line, int pc) {
  int n = l->n;
  grow_vector(ls->L, l->arr, n, l->size, Labeldesc, SHRT_MAX, "labels/gotos");
  l->arr[n].name = name;
  l->arr[n].line = line;
  l->arr[n].nactvar = ls->fs->nactvar;
  l->arr[n].close = 0;
  l->arr[n].pc = pc;
  l->n = n + 1;
  return n;
}

int parse_newgotoentry(LexState *ls, TString *name, int line, int pc) {
  return parse_newlabelentry(ls, &ls->dyd->gt, name, line, pc);
}

/* Resolves the pending gotos of the current block that target lb;
 * returns whether any of them must close upvalues. */
static int parse_solvegotos(LexState *ls, Labeldesc *lb) {
  Labellist *gl = &ls->dyd->gt;
  int i = ls->fs->bl->firstgoto;
  int needsclose = 0;
  while (i < gl->n) {
    if (parse_eqstr(gl->arr[i].name, lb->name)) {
      needsclose |= gl->arr[i].close;
      parse_solvegoto(ls, i, lb);     /* removes entry i */
    }
    else
      i++;
  }
  return needsclose;
}

/* Declares a label at the current pc. 'last': the label ends its block,
 * so the block's locals are already out of scope there. Returns whether
 * a CLOSE was emitted for gotos that need one. */
int parse_createlabel(LexState *ls, TString *name, int line, int last) {
  FuncState *fs = ls->fs;
  Labellist *ll = &ls->dyd->label;
  int l = parse_newlabelentry(ls, ll, name, line, code_getlabel(fs));
  if (last)
    ll->arr[l].nactvar = fs->bl->nactvar;
  if (parse_solvegotos(ls, &ll->arr[l])) {
    code_ABC(fs, OP_CLOSE, parse_nvarstack(fs), 0, 0);
    return 1;
  }
  return 0;
}

/* The block is closing: its pending gotos now belong to the enclosing
 * block, at its level of active locals. */
static void parse_movegotosout(FuncState *fs, BlockCnt *bl) {
  Labellist *gl = &fs->ls->dyd->gt;
  for (int i = bl->firstgoto; i < gl->n; i++) {
    Labeldesc *gt = &gl->arr[i];
    if (parse_reglevel(fs, gt->nactvar) > parse_reglevel(fs, bl->nactvar))
      gt->close |= bl->upval;         /* leaves a scope with captured locals */
    gt->nactvar = bl->nactvar;
  }
}

static CR_NORETURN void parse_undefgoto(LexState *ls, Labeldesc *gt) {
  const char *msg;
  if (parse_eqstr(gt->name, str_newlit(ls->L, "break")))
    msg = obj_pushfstring(ls->L, "break outside loop at line %d", gt->line);
  else
    msg = obj_pushfstring(ls->L, "no visible label '%s' for <goto> at line %d",
                          getstr(gt->name), gt->line);
  parse_semerror(ls, msg);
}

/* ------------------------------------------------------------------ */
/* Blocks                                                              */
/* ------------------------------------------------------------------ */

void parse_enterblock(FuncState *fs, BlockCnt *bl, lu_byte isloop) {
  bl->isloop = isloop;
  bl->nactvar = fs->nactvar;
  bl->firstlabel = fs->ls->dyd->label.n;
  bl->firstgoto = fs->ls->dyd->gt.n;
  bl->upval = 0;
  bl->insidetbc = (fs->bl != NULL && fs->bl->insidetbc);
  bl->previous = fs->bl;
  fs->bl = bl;
  cr_assert(fs->freereg == parse_nvarstack(fs), "no temporaries across blocks");
}

void parse_leaveblock(FuncState *fs) {
  BlockCnt *bl = fs->bl;
  LexState *ls = fs->ls;
  int hasclose = 0;
  int stklevel = parse_reglevel(fs, bl->nactvar);
  if (bl->isloop)
    hasclose = parse_createlabel(ls, str_newlit(ls->L, "break"), 0, 0);
  if (!hasclose && bl->previous && bl->upval)
    code_ABC(fs, OP_CLOSE, stklevel, 0, 0);
  fs->bl = bl->previous;
  parse_removevars(fs, bl->nactvar);
  cr_assert(bl->nactvar == fs->nactvar, "back to the entry level");
  fs->freereg = (lu_byte)stklevel;
  ls->dyd->label.n = bl->firstlabel;  /* the block's labels go out of sight */
  if (bl->previous)
    parse_movegotosout(fs, bl);
  else if (bl->firstgoto < ls->dyd->gt.n)
    parse_undefgoto(ls, &ls->dyd->gt.arr[bl->firstgoto]);
}

/* ------------------------------------------------------------------ */
/* Functions                                                           */
/* ------------------------------------------------------------------ */

Proto *parse_addprototype(LexState *ls) {
  Proto *clp;
  lua_State *L = ls->L;
  FuncState *fs = ls->fs;
  Proto *f = fs->f;
  if (fs->np >= f->sizep) {
    int oldsize = f->sizep;
    grow_vector(L, f->p, fs->np, f->sizep, Proto *, INT_MAX, "functions");
    while (oldsize < f->sizep)
      f->p[oldsize++] = NULL;
  }
  f->p[fs->np++] = clp = func_newproto(L);
  gc_objbarrier(L, obj2gco(f), obj2gco(clp));
  return clp;
}

/* CLOSURE for the function just compiled, in the enclosing function. */
void parse_codeclosure(LexState *ls, ExpDesc *v) {
  FuncState *fs = ls->fs->prev;
  parse_initexp(v, EXP_RELOC,
                code_ABx(fs, OP_CLOSURE, 0, (unsigned int)(fs->np - 1)));
  code_exp2nextreg(fs, v);
}

void parse_openfunc(LexState *ls, FuncState *fs, BlockCnt *bl) {
  Proto *f = fs->f;
  fs->prev = ls->fs;
  fs->ls = ls;
  ls->fs = fs;
  fs->pc = 0;
  fs->previousline = f->linedefined;
  fs->iwthabs = 0;
  fs->lasttarget = 0;
  fs->freereg = 0;
  fs->nk = 0;
  fs->nabslineinfo = 0;
  fs->np = 0;
  fs->nups = 0;
  fs->ndebugvars = 0;
  fs->nactvar = 0;
  fs->needclose = 0;
  fs->firstlocal = ls->dyd->actvar.n;
  fs->firstlabel = ls->dyd->label.n;
  fs->bl = NULL;
  f->source = ls->source;
  gc_objbarrier(ls->L, obj2gco(f), obj2gco(f->source));
  f->maxstacksize = 2;                /* registers 0 and 1 always exist */
  parse_enterblock(fs, bl, 0);
}

void parse_closefunc(LexState *ls) {
  lua_State *L = ls->L;
  FuncState *fs = ls->fs;
  Proto *f = fs->f;
  code_ret(fs, parse_nvarstack(fs), 0);   /* final 'return' */
  parse_leaveblock(fs);
  cr_assert(fs->bl == NULL, "all blocks closed");
  code_finish(fs);
  grow_shrinkvector(L, f->code, f->sizecode, fs->pc, Instruction);
  grow_shrinkvector(L, f->lineinfo, f->sizelineinfo, fs->pc, signed char);
  grow_shrinkvector(L, f->abslineinfo, f->sizeabslineinfo, fs->nabslineinfo,
                    AbsLineInfo);
  grow_shrinkvector(L, f->k, f->sizek, fs->nk, TValue);
  grow_shrinkvector(L, f->p, f->sizep, fs->np, Proto *);
  grow_shrinkvector(L, f->locvars, f->sizelocvars, fs->ndebugvars, LocVar);
  grow_shrinkvector(L, f->upvalues, f->sizeupvalues, fs->nups, Upvaldesc);
  ls->fs = fs->prev;
  gc_check(L);
}

void parse_setvararg(FuncState *fs, int nparams) {
  fs->f->is_vararg = 1;
  code_ABC(fs, OP_VARARGPREP, nparams, 0, 0);
}

/* The main function: vararg, with _ENV as its only upvalue. */
static void parse_mainfunc(LexState *ls, FuncState *fs) {
  BlockCnt bl;
  Upvaldesc *env;
  parse_openfunc(ls, fs, &bl);
  parse_setvararg(fs, 0);
  env = parse_allocupvalue(fs);
  env->instack = 1;
  env->idx = 0;
  env->kind = VDKREG;
  env->name = ls->envn;
  gc_objbarrier(ls->L, obj2gco(fs->f), obj2gco(env->name));
  lex_next(ls);
  parse_statlist(ls);
  parse_check(ls, TK_EOS);
  parse_closefunc(ls);
}

/* Pushes a table on the stack (anchoring it) and returns it. */
static Table *parse_pushtable(lua_State *L) {
  Table *t = tab_new(L);
  sethvalue(L, L->top, t);
  do_inctop(L);
  return t;
}

LClosure *parse_chunk(lua_State *L, ZIO *z, Mbuffer *buff, Dyndata *dyd,
                      const char *name, int firstchar) {
  LexState lexstate;
  FuncState funcstate;
  LClosure *cl = func_newLclosure(L, 1);
  setclLvalue(L, L->top, cl);         /* anchored for the whole compilation */
  do_inctop(L);
  lexstate.h = parse_pushtable(L);
  lexstate.kcache = parse_pushtable(L);
  funcstate.f = cl->p = func_newproto(L);
  gc_objbarrier(L, obj2gco(cl), obj2gco(cl->p));
  funcstate.f->source = str_newz(L, name);
  gc_objbarrier(L, obj2gco(funcstate.f), obj2gco(funcstate.f->source));
  lexstate.buff = buff;
  lexstate.dyd = dyd;
  dyd->actvar.n = dyd->gt.n = dyd->label.n = 0;
  lex_setinput(L, &lexstate, z, funcstate.f->source, firstchar);
  parse_mainfunc(&lexstate, &funcstate);
  cr_assert(!funcstate.prev && funcstate.nups == 1 && !lexstate.fs,
            "main function closed");
  cr_assert(dyd->actvar.n == 0 && dyd->gt.n == 0 && dyd->label.n == 0,
            "all scopes finished");
  L->top -= 2;                        /* the two tables; the closure stays */
  return cl;
}

void parse_initdyndata(Dyndata *dyd) {
  dyd->actvar.arr = NULL;
  dyd->actvar.n = dyd->actvar.size = 0;
  dyd->gt.arr = NULL;
  dyd->gt.n = dyd->gt.size = 0;
  dyd->label.arr = NULL;
  dyd->label.n = dyd->label.size = 0;
}

void parse_freedyndata(lua_State *L, Dyndata *dyd) {
  mem_free(L, dyd->actvar.arr, (size_t)dyd->actvar.size * sizeof(Vardesc));
  mem_free(L, dyd->gt.arr, (size_t)dyd->gt.size * sizeof(Labeldesc));
  mem_free(L, dyd->label.arr, (size_t)dyd->label.size * sizeof(Labeldesc));
  parse_initdyndata(dyd);
}
