/*
 * debuginfo.c — line numbers, names recovered from bytecode, runtime
 * errors, and the line/count hooks.
 *
 * Names ("global 'x'", "method 'm'", ...) are not stored anywhere: they are
 * recovered by reading the function's bytecode backwards from the failing
 * instruction to the one that last set the register in question, the way
 * lua5.4 does, so messages match it word for word. That reading relies on
 * the front end emitting the same instruction shapes as lua5.4's code
 * generator for the same source (GETTABUP on _ENV for globals, SELF for
 * methods, LOADK for string constants, ...).
 */
#include <string.h>

#include "vm/debuginfo.h"
#include "vm/arith.h"
#include "vm/func.h"
#include "gc/gc.h"
#include "obj/numconv.h"
#include "obj/tab.h"
#include "vm/do.h"
#include "vm/tm.h"

/* ------------------------------------------------------------------ */
/* Lines                                                               */
/* ------------------------------------------------------------------ */

int debug_currentpc(CallInfo *ci) {
  cr_assert(isLua(ci), "only Lua frames have a pc");
  return debug_pcrel(ci->u.l.savedpc, debug_ci_func(ci)->p);
}

/*
 * lineinfo[pc] is the line change from instruction pc-1 to pc (from
 * linedefined for pc 0), or ABSLINEINFO when the absolute line of pc is in
 * abslineinfo (sorted by pc). Start from the last absolute entry at or
 * before pc, found by binary search, and add the deltas after it.
 */
static int debug_baseline(const Proto *f, int pc, int *basepc) {
  if (f->sizeabslineinfo == 0 || pc < f->abslineinfo[0].pc) {
    *basepc = -1;
    return f->linedefined;
  }
  int lo = 0, hi = f->sizeabslineinfo - 1;   /* abslineinfo[lo].pc <= pc */
  while (lo < hi) {
    int mid = lo + (hi - lo + 1) / 2;
    if (f->abslineinfo[mid].pc <= pc)
      lo = mid;
    else
      hi = mid - 1;
  }
  *basepc = f->abslineinfo[lo].pc;
  return f->abslineinfo[lo].line;
}

int debug_getfuncline(const Proto *f, int pc) {
  if (f->lineinfo == NULL)
    return -1;
  int basepc;
  int line = debug_baseline(f, pc, &basepc);
  while (basepc++ < pc) {
    cr_assert(f->lineinfo[basepc] != ABSLINEINFO, "anchors are found");
    line += f->lineinfo[basepc];
  }
  return line;
}

int debug_currentline(CallInfo *ci) {
  return debug_getfuncline(debug_ci_func(ci)->p, debug_currentpc(ci));
}

/* Line of instruction pc given the line of pc-1 (walks lines in order). */
static int debug_nextline(const Proto *p, int currentline, int pc) {
  if (p->lineinfo[pc] != ABSLINEINFO)
    return currentline + p->lineinfo[pc];
  return debug_getfuncline(p, pc);
}

/* ------------------------------------------------------------------ */
/* Names from bytecode                                                 */
/* ------------------------------------------------------------------ */

static const char *debug_upvalname(const Proto *p, int uv) {
  cr_assert(uv < p->sizeupvalues, "upvalue index in range");
  TString *s = p->upvalues[uv].name;
  return s == NULL ? "?" : getstr(s);
}

/*
 * The instruction (before lastpc) that last set register reg, or -1 when
 * it cannot be known: a jump forward over lastpc's region makes every
 * write before its target conditional.
 */
static int debug_findsetreg(const Proto *p, int lastpc, int reg) {
  int setreg = -1;
  int jmptarget = 0;   /* code before this pc ran only conditionally */
  /* an MMBIN's arithmetic op did not complete: look before it */
  if (op_has(GET_OPCODE(p->code[lastpc]), OPF_MM))
    lastpc--;
  for (int pc = 0; pc < lastpc; pc++) {
    Instruction i = p->code[pc];
    enum OpCode op = GET_OPCODE(i);
    int a = GETARG_A(i);
    int change;
    switch (op) {
      case OP_LOADNIL:
        change = (a <= reg && reg <= a + GETARG_B(i));
        break;
      case OP_TFORCALL:
        change = (reg >= a + 2);
        break;
      case OP_CALL: case OP_TAILCALL:
        change = (reg >= a);
        break;
      case OP_JMP: {
        int dest = pc + 1 + GETARG_sJ(i);
        if (dest <= lastpc && dest > jmptarget)
          jmptarget = dest;
        change = 0;
        break;
      }
      default:
        change = op_has(op, OPF_SETA) && reg == a;
        break;
    }
    if (change)
      setreg = (pc < jmptarget) ? -1 : pc;
  }
  return setreg;
}

static const char *debug_objname(const Proto *p, int lastpc, int reg,
                                 const char **name);

static void debug_kname(const Proto *p, int c, const char **name) {
  const TValue *kv = &p->k[c];
  *name = ttisstring(kv) ? svalue(kv) : "?";
}

/* Name of a register used as a key: only constant strings count. */
static void debug_rname(const Proto *p, int pc, int c, const char **name) {
  const char *what = debug_objname(p, pc, c, name);
  if (!(what && *what == 'c'))        /* not "constant" */
    *name = "?";
}

static void debug_rkname(const Proto *p, int pc, Instruction i,
                         const char **name) {
  if (GETARG_k(i))
    debug_kname(p, GETARG_C(i), name);
  else
    debug_rname(p, pc, GETARG_C(i), name);
}

/* The name the front end gives the environment upvalue/local. */
#define DEBUG_ENVNAME "_ENV"

/* "global" when the indexed table is the _ENV variable, else "field". */
static const char *debug_gxf(const Proto *p, int pc, Instruction i,
                             int isup) {
  int t = GETARG_B(i);
  const char *name = NULL;
  if (isup)
    name = debug_upvalname(p, t);
  else
    debug_objname(p, pc, t, &name);
  return (name && strcmp(name, DEBUG_ENVNAME) == 0) ? "global" : "field";
}

static const char *debug_objname(const Proto *p, int lastpc, int reg,
                                 const char **name) {
  *name = func_getlocalname(p, reg + 1, lastpc);
  if (*name)
    return "local";
  int pc = debug_findsetreg(p, lastpc, reg);
  if (pc == -1)
    return NULL;
  Instruction i = p->code[pc];
  switch (GET_OPCODE(i)) {
    case OP_MOVE: {
      int b = GETARG_B(i);
      if (b < GETARG_A(i))            /* copy of a lower (older) register */
        return debug_objname(p, pc, b, name);
      break;
    }
    case OP_GETTABUP:
      debug_kname(p, GETARG_C(i), name);
      return debug_gxf(p, pc, i, 1);
    case OP_GETTABLE:
      debug_rname(p, pc, GETARG_C(i), name);
      return debug_gxf(p, pc, i, 0);
    case OP_GETI:
      *name = "integer index";
      return "field";
    case OP_GETFIELD:
      debug_kname(p, GETARG_C(i), name);
      return debug_gxf(p, pc, i, 0);
    case OP_GETUPVAL:
      *name = debug_upvalname(p, GETARG_B(i));
      return "upvalue";
    case OP_LOADK: {
      uint32_t b = GETARG_Bx(i);
      if (ttisstring(&p->k[b])) {
        *name = svalue(&p->k[b]);
        return "constant";
      }
      break;
    }
    case OP_SELF:
      debug_rkname(p, pc, i, name);
      return "method";
    default:
      break;
  }
  return NULL;
}

/* How the instruction at pc called a function: directly (its name) or
 * through a metamethod (the event's name without "__"). */
static const char *debug_funcnamefromcode(lua_State *L, const Proto *p,
                                          int pc, const char **name) {
  int tm;
  Instruction i = p->code[pc];
  switch (GET_OPCODE(i)) {
    case OP_CALL: case OP_TAILCALL:
      return debug_objname(p, pc, GETARG_A(i), name);
    case OP_TFORCALL:
      *name = "for iterator";
      return "for iterator";
    case OP_SELF: case OP_GETTABUP: case OP_GETTABLE:
    case OP_GETI: case OP_GETFIELD:
      tm = TM_INDEX;
      break;
    case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD:
      tm = TM_NEWINDEX;
      break;
    case OP_MMBIN: case OP_MMBINI: case OP_MMBINK:
      tm = GETARG_C(i);
      break;
    case OP_UNM:    tm = TM_UNM; break;
    case OP_BNOT:   tm = TM_BNOT; break;
    case OP_LEN:    tm = TM_LEN; break;
    case OP_CONCAT: tm = TM_CONCAT; break;
    case OP_EQ:     tm = TM_EQ; break;
    /* EQK and EQI never call metamethods */
    case OP_LT: case OP_LTI: case OP_GTI: tm = TM_LT; break;
    case OP_LE: case OP_LEI: case OP_GEI: tm = TM_LE; break;
    case OP_CLOSE: case OP_RETURN: tm = TM_CLOSE; break;
    default:
      return NULL;
  }
  *name = getstr(G(L)->tmname[tm]) + 2;     /* skip the "__" */
  return "metamethod";
}

/* How the function called from frame ci was called. */
static const char *debug_funcnamefromcall(lua_State *L, CallInfo *ci,
                                          const char **name) {
  if (ci->callstatus & CIST_HOOKED) {
    *name = "?";
    return "hook";
  }
  if (ci->callstatus & CIST_FIN) {
    *name = "__gc";
    return "metamethod";
  }
  if (isLua(ci))
    return debug_funcnamefromcode(L, debug_ci_func(ci)->p,
                                  debug_currentpc(ci), name);
  return NULL;
}

const char *debug_funcname(lua_State *L, CallInfo *ci, const char **name) {
  /* a tail call left no trace of its caller */
  if (ci != NULL && !(ci->callstatus & CIST_TAIL))
    return debug_funcnamefromcall(L, ci->previous, name);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Naming an operand for an error message                              */
/* ------------------------------------------------------------------ */

static const char *debug_upvalkind(CallInfo *ci, const TValue *o,
                                   const char **name) {
  LClosure *c = debug_ci_func(ci);
  for (int i = 0; i < c->nupvalues; i++) {
    if (c->upvals[i] != NULL && c->upvals[i]->v == o) {
      *name = debug_upvalname(c->p, i);
      return "upvalue";
    }
  }
  return NULL;
}

/* Register number of o in frame ci, or -1 if o is not one of its slots.
 * (Compared as addresses: o may point anywhere, e.g. into a constant.) */
static int debug_regindex(CallInfo *ci, const TValue *o) {
  uintptr_t base = (uintptr_t)(ci->func + 1);
  uintptr_t at = (uintptr_t)o;
  if (at < base || at >= (uintptr_t)ci->top)
    return -1;
  if ((at - base) % sizeof(TValue) != 0)
    return -1;
  return (int)((at - base) / sizeof(TValue));
}

static const char *debug_formatvarinfo(lua_State *L, const char *kind,
                                       const char *name) {
  if (kind == NULL)
    return "";
  return obj_pushfstring(L, " (%s '%s')", kind, name);
}

static const char *debug_varinfo(lua_State *L, const TValue *o) {
  CallInfo *ci = L->ci;
  const char *name = NULL;
  const char *kind = NULL;
  if (isLua(ci)) {
    kind = debug_upvalkind(ci, o, &name);
    if (kind == NULL) {
      int reg = debug_regindex(ci, o);
      if (reg >= 0)
        kind = debug_objname(debug_ci_func(ci)->p, debug_currentpc(ci), reg,
                             &name);
    }
  }
  return debug_formatvarinfo(L, kind, name);
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

static CR_NORETURN void debug_typeerror_(lua_State *L, const TValue *o,
                                         const char *op, const char *extra) {
  const char *t = tm_objtypename(L, o);
  debug_runerror(L, "attempt to %s a %s value%s", op, t, extra);
}

void debug_typeerror(lua_State *L, const TValue *o, const char *op) {
  debug_typeerror_(L, o, op, debug_varinfo(L, o));
}

/* Calls name the function by how it was called when the calling
 * instruction says (e.g. a metamethod), else by the called value. */
void debug_callerror(lua_State *L, const TValue *o) {
  const char *name = NULL;
  const char *kind = debug_funcnamefromcall(L, L->ci, &name);
  const char *extra = kind ? debug_formatvarinfo(L, kind, name)
                           : debug_varinfo(L, o);
  debug_typeerror_(L, o, "call", extra);
}

void debug_forerror(lua_State *L, const TValue *o, const char *what) {
  debug_runerror(L, "bad 'for' %s (number expected, got %s)", what,
                 tm_objtypename(L, o));
}

void debug_concaterror(lua_State *L, const TValue *p1, const TValue *p2) {
  if (ttisstring(p1) || ttisnumber(p1))
    p1 = p2;                          /* the first one was fine */
  debug_typeerror(L, p1, "concatenate");
}

void debug_opinterror(lua_State *L, const TValue *p1, const TValue *p2,
                      const char *msg) {
  if (!ttisnumber(p1))                /* blame the first bad operand */
    p2 = p1;
  debug_typeerror(L, p2, msg);
}

void debug_tointerror(lua_State *L, const TValue *p1, const TValue *p2) {
  lua_Integer tmp;
  if (!arith_tointegerns(p1, &tmp, F2I_EQ))
    p2 = p1;
  debug_runerror(L, "number%s has no integer representation",
                 debug_varinfo(L, p2));
}

void debug_ordererror(lua_State *L, const TValue *p1, const TValue *p2) {
  const char *t1 = tm_objtypename(L, p1);
  const char *t2 = tm_objtypename(L, p2);
  if (strcmp(t1, t2) == 0)
    debug_runerror(L, "attempt to compare two %s values", t1);
  else
    debug_runerror(L, "attempt to compare %s with %s", t1, t2);
}

const char *debug_addinfo(lua_State *L, const char *msg, TString *src,
                          int line) {
  char buff[LUA_IDSIZE];
  if (src)
    obj_chunkid(buff, getstr(src), tsslen(src));
  else {
    buff[0] = '?';
    buff[1] = '\0';
  }
  return obj_pushfstring(L, "%s:%d: %s", buff, line, msg);
}

void debug_errormsg(lua_State *L) {
  if (L->errfunc != 0) {
    StkId errfunc = restorestack(L, L->errfunc);
    /* handler(msg): the message moves up, the handler goes below it */
    setobjs2s(L, L->top, L->top - 1);
    setobjs2s(L, L->top - 1, errfunc);
    L->top++;                         /* within CR_EXTRA_STACK */
    do_callnoyield(L, L->top - 2, 1);
  }
  do_throw(L, LUA_ERRRUN);
}

void debug_runerror(lua_State *L, const char *fmt, ...) {
  CallInfo *ci = L->ci;
  va_list argp;
  gc_check(L);                        /* the message needs memory */
  va_start(argp, fmt);
  const char *msg = obj_pushvfstring(L, fmt, argp);
  va_end(argp);
  if (isLua(ci)) {
    debug_addinfo(L, msg, debug_ci_func(ci)->p->source,
                  debug_currentline(ci));
    /* keep only the full message */
    setobjs2s(L, L->top - 2, L->top - 1);
    L->top--;
  }
  debug_errormsg(L);
}

/* ------------------------------------------------------------------ */
/* Locals of a frame                                                   */
/* ------------------------------------------------------------------ */

static const char *debug_findvararg(CallInfo *ci, int n, StkId *pos) {
  if (debug_ci_func(ci)->p->is_vararg) {
    int nextra = ci->u.l.nextraargs;
    if (n >= -nextra) {               /* n is -1, -2, ... */
      *pos = ci->func - nextra - (n + 1);
      return "(vararg)";
    }
  }
  return NULL;
}

const char *debug_findlocal(lua_State *L, CallInfo *ci, int n, StkId *pos) {
  StkId base = ci->func + 1;
  const char *name = NULL;
  if (isLua(ci)) {
    if (n < 0)
      return debug_findvararg(ci, n, pos);
    name = func_getlocalname(debug_ci_func(ci)->p, n, debug_currentpc(ci));
  }
  if (name == NULL) {
    /* unnamed but valid slots of the frame still get a generic name */
    StkId limit = (ci == L->ci) ? L->top : ci->next->func;
    if (limit - base >= n && n > 0)
      name = isLua(ci) ? "(temporary)" : "(C temporary)";
    else
      return NULL;
  }
  if (pos)
    *pos = base + (n - 1);
  return name;
}

/* ------------------------------------------------------------------ */
/* Hooks                                                               */
/* ------------------------------------------------------------------ */

/* Largest number of instructions between two absolute line anchors the
 * front end emits (as lua5.4's MAXIWTHABS); beyond half of it, computing
 * both lines is cheaper than summing deltas. */
#define DEBUG_MAXIWTHABS 128

/* Did the line change between instructions oldpc and newpc? */
static int debug_changedline(const Proto *p, int oldpc, int newpc) {
  if (p->lineinfo == NULL)
    return 0;
  if (newpc - oldpc < DEBUG_MAXIWTHABS / 2) {
    int delta = 0;
    int pc = oldpc;
    for (;;) {
      int li = p->lineinfo[++pc];
      if (li == ABSLINEINFO)
        break;
      delta += li;
      if (pc == newpc)
        return delta != 0;
    }
  }
  return debug_getfuncline(p, oldpc) != debug_getfuncline(p, newpc);
}

void debug_settraps(CallInfo *ci) {
  for (; ci != NULL; ci = ci->previous)
    if (isLua(ci))
      ci->u.l.trap = 1;
}

/* Does instruction i take its operand count from L->top (B == 0 forms)? */
static int debug_usestop(Instruction i) {
  return op_has(GET_OPCODE(i), OPF_ITOP) && GETARG_B(i) == 0;
}

int debug_traceexec(lua_State *L, const Instruction *pc) {
  CallInfo *ci = L->ci;
  int mask = L->hookmask;
  const Proto *p = debug_ci_func(ci)->p;
  if (!(mask & (LUA_MASKLINE | LUA_MASKCOUNT))) {
    ci->u.l.trap = 0;                 /* nothing to trace any more */
    return 0;
  }
  pc++;                               /* savedpc convention: one past */
  ci->u.l.savedpc = pc;
  int counthook = (--L->hookcount == 0 && (mask & LUA_MASKCOUNT));
  if (counthook)
    L->hookcount = L->basehookcount;
  else if (!(mask & LUA_MASKLINE))
    return 1;                         /* count not reached, no line hook */
  if (ci->callstatus & CIST_HOOKYIELD) {
    /* the hook yielded last time at this very instruction: do not call it
     * again on resume */
    ci->callstatus &= ~CIST_HOOKYIELD;
    return 1;
  }
  if (!debug_usestop(*(ci->u.l.savedpc - 1)))
    L->top = ci->top;                 /* protect the frame's registers */
  if (counthook)
    do_hook(L, LUA_HOOKCOUNT, -1, 0, 0);
  if (mask & LUA_MASKLINE) {
    /* L->oldpc may belong to another function; then start from 0 */
    int oldpc = (L->oldpc < p->sizecode) ? L->oldpc : 0;
    int npci = debug_pcrel(pc, p);
    if (npci <= oldpc ||              /* jumped back (a loop): new line */
        debug_changedline(p, oldpc, npci)) {
      int newline = debug_getfuncline(p, npci);
      do_hook(L, LUA_HOOKLINE, newline, 0, 0);
    }
    L->oldpc = npci;
  }
  if (L->status == LUA_YIELD) {       /* the hook yielded */
    if (counthook)
      L->hookcount = 1;               /* count this instruction again */
    ci->u.l.savedpc--;                /* resume re-executes it */
    ci->callstatus |= CIST_HOOKYIELD;
    do_throw(L, LUA_YIELD);
  }
  return 1;
}

/* Valid lines of a function (for lua_getinfo 'L'), as a table of trues;
 * used by debug_api.c. */
void debug_collectlines(lua_State *L, const Proto *p, Table *t) {
  TValue v;
  int line = p->linedefined;
  int i = 0;
  setbtvalue(&v);
  if (p->lineinfo == NULL)
    return;
  if (p->is_vararg) {
    /* VARARGPREP is not a line of the source */
    cr_assert(GET_OPCODE(p->code[0]) == OP_VARARGPREP, "vararg prologue");
    line = debug_nextline(p, line, 0);
    i = 1;
  }
  for (; i < p->sizelineinfo; i++) {
    line = debug_nextline(p, line, i);
    tab_setint(L, t, line, &v);
  }
}
