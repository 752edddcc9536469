/*
 * code.c — instruction emission, registers, constants, and moving
 * expression values into registers, variables and tables.
 *
 * Invariants kept here:
 *  - registers below parse_nvarstack(fs) belong to active locals; above it
 *    they are temporaries, allocated and freed in stack order (code_freereg
 *    asserts the order);
 *  - every emitted instruction gets a lineinfo entry (lineinfo.h) for the
 *    line of the last token read, so runtime errors point at the right line;
 *  - constants are deduplicated through ls->kcache, which maps a constant's
 *    key to an index in *some* function's k; a hit is trusted only after
 *    checking that this function's k holds the same value with the same tag.
 */
#include "front/code.h"
#include "front/grow.h"
#include "front/lineinfo.h"
#include "obj/tab.h"
#include "obj/numconv.h"
#include "gc/gc.h"
#include "gc/mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A register operand is one byte and 255 is NO_REG. */
#define CODE_MAXREGS 255
/* K operands in B/C are one byte. */
#define CODE_MAXINDEXRK MAXARG_B

/* ------------------------------------------------------------------ */
/* Emission and line information                                       */
/* ------------------------------------------------------------------ */

static void code_savelineinfo(FuncState *fs, Proto *f, int line) {
  int linedif = line - fs->previousline;
  int pc = fs->pc - 1;
  if (abs(linedif) >= LINEINFO_LIMDIFF ||
      fs->iwthabs++ >= LINEINFO_MAXWITHOUTABS) {
    grow_vector(fs->ls->L, f->abslineinfo, fs->nabslineinfo,
                f->sizeabslineinfo, AbsLineInfo, INT_MAX, "lines");
    f->abslineinfo[fs->nabslineinfo].pc = pc;
    f->abslineinfo[fs->nabslineinfo++].line = line;
    linedif = ABSLINEINFO;
    fs->iwthabs = 1;
  }
  grow_vector(fs->ls->L, f->lineinfo, pc, f->sizelineinfo, signed char,
              INT_MAX, "opcodes");
  f->lineinfo[pc] = (signed char)linedif;
  fs->previousline = line;
}

/* Forgets the line of the last instruction. An absolute entry is dropped
 * and the next line forced absolute, which keeps the MAXWITHOUTABS rule. */
static void code_removelastlineinfo(FuncState *fs) {
  Proto *f = fs->f;
  int pc = fs->pc - 1;
  if (f->lineinfo[pc] != ABSLINEINFO) {
    fs->previousline -= f->lineinfo[pc];
    fs->iwthabs--;
  }
  else {
    cr_assert(f->abslineinfo[fs->nabslineinfo - 1].pc == pc, "last abs");
    fs->nabslineinfo--;
    fs->iwthabs = LINEINFO_MAXWITHOUTABS + 1;
  }
}

void code_removelast(FuncState *fs) {
  code_removelastlineinfo(fs);
  fs->pc--;
}

void code_fixline(FuncState *fs, int line) {
  code_removelastlineinfo(fs);
  code_savelineinfo(fs, fs->f, line);
}

int code_emit(FuncState *fs, Instruction i) {
  Proto *f = fs->f;
  grow_vector(fs->ls->L, f->code, fs->pc, f->sizecode, Instruction,
              INT_MAX, "opcodes");
  f->code[fs->pc++] = i;
  code_savelineinfo(fs, f, fs->ls->lastline);
  return fs->pc - 1;
}

int code_ABCk(FuncState *fs, enum OpCode op, int a, int b, int c, int k) {
  cr_assert(op_format[op] == FMT_ABC, "ABC op");
  cr_assert(a <= MAXARG_A && b <= MAXARG_B && c <= MAXARG_C && (k & ~1) == 0,
            "operands fit");
  return code_emit(fs, CREATE_ABCk(op, a, b, c, k));
}

int code_ABx(FuncState *fs, enum OpCode op, int a, unsigned int bx) {
  cr_assert(op_format[op] == FMT_ABx, "ABx op");
  return code_emit(fs, CREATE_ABx(op, a, bx));
}

static int code_AsBx(FuncState *fs, enum OpCode op, int a, int sbx) {
  cr_assert(op_format[op] == FMT_AsBx, "AsBx op");
  return code_emit(fs, CREATE_ABx(op, a, (uint32_t)sbx));
}

/* ------------------------------------------------------------------ */
/* Registers                                                           */
/* ------------------------------------------------------------------ */

void code_checkstack(FuncState *fs, int n) {
  int newstack = fs->freereg + n;
  if (newstack > fs->f->maxstacksize) {
    if (newstack >= CODE_MAXREGS)
      lex_syntaxerror(fs->ls, "function or expression needs too many registers");
    fs->f->maxstacksize = (lu_byte)newstack;
  }
}

void code_reserveregs(FuncState *fs, int n) {
  code_checkstack(fs, n);
  fs->freereg = (lu_byte)(fs->freereg + n);
}

/* Frees reg if it is a temporary (locals keep theirs). */
void code_freereg(FuncState *fs, int reg) {
  if (reg >= parse_nvarstack(fs)) {
    fs->freereg--;
    cr_assert(reg == fs->freereg, "temporaries are freed in stack order");
  }
}

static void code_freeregs(FuncState *fs, int r1, int r2) {
  if (r1 > r2) {
    code_freereg(fs, r1);
    code_freereg(fs, r2);
  }
  else {
    code_freereg(fs, r2);
    code_freereg(fs, r1);
  }
}

void code_freeexp(FuncState *fs, ExpDesc *e) {
  if (e->k == EXP_NONRELOC)
    code_freereg(fs, e->u.info);
}

void code_freeexps(FuncState *fs, ExpDesc *e1, ExpDesc *e2) {
  int r1 = (e1->k == EXP_NONRELOC) ? e1->u.info : -1;
  int r2 = (e2->k == EXP_NONRELOC) ? e2->u.info : -1;
  code_freeregs(fs, r1, r2);
}

/* ------------------------------------------------------------------ */
/* Constants                                                           */
/* ------------------------------------------------------------------ */

static int code_samek(const TValue *a, const TValue *b) {
  if (rawtt(a) != rawtt(b))
    return 0;                         /* 1 and 1.0 are different constants */
  switch (rawtt(a)) {
    case VT_NIL: case VT_FALSE: case VT_TRUE: return 1;
    case VT_INT: return val_(a).i == val_(b).i;
    case VT_FLOAT: return val_(a).n == val_(b).n;
    default: return val_(a).gc == val_(b).gc; /* strings are canonical */
  }
}

/* Adds v to k, or finds it there. key is what kcache is indexed by: the
 * value itself when it is a valid, unambiguous table key. */
static int code_addk(FuncState *fs, TValue *key, TValue *v) {
  lua_State *L = fs->ls->L;
  Proto *f = fs->f;
  const TValue *slot = tab_get(fs->ls->kcache, key);
  TValue index;
  int k, oldsize;
  if (ttisinteger(slot)) {
    k = (int)ivalue(slot);
    if (k < fs->nk && code_samek(&f->k[k], v))
      return k;
  }
  oldsize = f->sizek;
  k = fs->nk;
  setivalue(&index, k);
  tab_finishset(L, fs->ls->kcache, key, slot, &index);
  grow_vector(L, f->k, k, f->sizek, TValue, INT_MAX, "constants");
  while (oldsize < f->sizek)
    setnilvalue(&f->k[oldsize++]);    /* the collector may look at them */
  setobj(L, &f->k[k], v);
  fs->nk++;
  gc_barrier(L, obj2gco(f), v);
  return k;
}

static int code_stringK(FuncState *fs, TString *s) {
  TValue o;
  setsvalue(fs->ls->L, &o, s);
  return code_addk(fs, &o, &o);
}

/* Integer keys would collide with floats of the same value in the cache
 * table, so integers are cached under a light userdata with their bits. */
static int code_intK(FuncState *fs, lua_Integer n) {
  TValue key, o;
  setpvalue(&key, (void *)(uintptr_t)(lua_Unsigned)n);
  setivalue(&o, n);
  return code_addk(fs, &key, &o);
}

static int code_numberK(FuncState *fs, lua_Number r) {
  TValue o;
  setfltvalue(&o, r);
  return code_addk(fs, &o, &o);
}

static int code_boolK(FuncState *fs, int b) {
  TValue o;
  setbvalue(&o, b);
  return code_addk(fs, &o, &o);
}

/* nil cannot be a key: the cache table itself stands for it. */
static int code_nilK(FuncState *fs) {
  TValue key, v;
  setnilvalue(&v);
  sethvalue(fs->ls->L, &key, fs->ls->kcache);
  return code_addk(fs, &key, &v);
}

static void code_loadk(FuncState *fs, int reg, int k) {
  code_ABx(fs, OP_LOADK, reg, (unsigned int)k);
}

/* Exact float -> integer conversion (no rounding), as lua5.4's F2Ieq. */
int code_flt2int(lua_Number n, lua_Integer *p) {
  lua_Number fl = floor(n);
  if (fl != n)
    return 0;
  if (!(fl >= -9223372036854775808.0 && fl < 9223372036854775808.0))
    return 0;
  *p = (lua_Integer)fl;
  return 1;
}

/* sBx is a signed 32-bit field, so LOADI/LOADF cover every int32. */
static int code_fitsBx(lua_Integer i) {
  return i >= INT32_MIN && i <= INT32_MAX;
}

void code_int(FuncState *fs, int reg, lua_Integer i) {
  if (code_fitsBx(i))
    code_AsBx(fs, OP_LOADI, reg, (int)i);
  else
    code_loadk(fs, reg, code_intK(fs, i));
}

static void code_float(FuncState *fs, int reg, lua_Number n) {
  lua_Integer fi;
  if (code_flt2int(n, &fi) && code_fitsBx(fi) && !(n == 0 && signbit(n)))
    code_AsBx(fs, OP_LOADF, reg, (int)fi);
  else
    code_loadk(fs, reg, code_numberK(fs, n));
}

int code_tonumeral(const ExpDesc *e, TValue *v) {
  if (code_hasjumps(e))
    return 0;
  switch (e->k) {
    case EXP_KINT:
      if (v) setivalue(v, e->u.ival);
      return 1;
    case EXP_KFLT:
      if (v) setfltvalue(v, e->u.nval);
      return 1;
    default:
      return 0;
  }
}

static TValue *code_const2val(FuncState *fs, const ExpDesc *e) {
  cr_assert(e->k == EXP_CONST, "compile-time constant");
  return &fs->ls->dyd->actvar.arr[e->u.info].k;
}

int code_exp2const(FuncState *fs, const ExpDesc *e, TValue *v) {
  if (code_hasjumps(e))
    return 0;
  switch (e->k) {
    case EXP_FALSE: setbfvalue(v); return 1;
    case EXP_TRUE: setbtvalue(v); return 1;
    case EXP_NIL: setnilvalue(v); return 1;
    case EXP_KSTR: setsvalue(fs->ls->L, v, e->u.strval); return 1;
    case EXP_CONST: setobj(fs->ls->L, v, code_const2val(fs, e)); return 1;
    default: return code_tonumeral(e, v);
  }
}

static void code_const2exp(const TValue *v, ExpDesc *e) {
  switch (rawtt(v)) {
    case VT_INT: e->k = EXP_KINT; e->u.ival = ivalue(v); break;
    case VT_FLOAT: e->k = EXP_KFLT; e->u.nval = fltvalue(v); break;
    case VT_FALSE: e->k = EXP_FALSE; break;
    case VT_TRUE: e->k = EXP_TRUE; break;
    case VT_NIL: e->k = EXP_NIL; break;
    case VT_SHRSTR: case VT_LNGSTR:
      e->k = EXP_KSTR;
      e->u.strval = tsvalue(v);
      break;
    default: cr_assert(0, "constant kind");
  }
}

static void code_str2K(FuncState *fs, ExpDesc *e) {
  cr_assert(e->k == EXP_KSTR, "string constant");
  e->u.info = code_stringK(fs, e->u.strval);
  e->k = EXP_K;
}

/* Turns a constant expression into a K operand that fits B/C. */
int code_exp2K(FuncState *fs, ExpDesc *e) {
  if (!code_hasjumps(e)) {
    int info;
    switch (e->k) {
      case EXP_TRUE: info = code_boolK(fs, 1); break;
      case EXP_FALSE: info = code_boolK(fs, 0); break;
      case EXP_NIL: info = code_nilK(fs); break;
      case EXP_KINT: info = code_intK(fs, e->u.ival); break;
      case EXP_KFLT: info = code_numberK(fs, e->u.nval); break;
      case EXP_KSTR: info = code_stringK(fs, e->u.strval); break;
      case EXP_K: info = e->u.info; break;
      default: return 0;
    }
    if (info <= CODE_MAXINDEXRK) {
      e->k = EXP_K;
      e->u.info = info;
      return 1;
    }
  }
  return 0;
}

/* Puts e in a K operand if possible, else in a register; 1 = constant. */
int code_exp2RK(FuncState *fs, ExpDesc *e) {
  if (code_exp2K(fs, e))
    return 1;
  code_exp2anyreg(fs, e);
  return 0;
}

static int code_isKstr(FuncState *fs, const ExpDesc *e) {
  return e->k == EXP_K && !code_hasjumps(e) && e->u.info <= MAXARG_B &&
         ttisshrstring(&fs->f->k[e->u.info]);
}

int code_isKint(const ExpDesc *e) {
  return e->k == EXP_KINT && !code_hasjumps(e);
}

static int code_isCint(const ExpDesc *e) {
  return code_isKint(e) && l_castS2U(e->u.ival) <= (lua_Unsigned)MAXARG_C;
}

int code_isSCint(const ExpDesc *e) {
  return code_isKint(e) && fitsC(e->u.ival);
}

/* An integer, or a float with an integral value, that fits sB/sC. */
int code_isSCnumber(const ExpDesc *e, int *imm, int *isfloat) {
  lua_Integer i;
  if (e->k == EXP_KINT)
    i = e->u.ival;
  else if (e->k == EXP_KFLT && code_flt2int(e->u.nval, &i))
    *isfloat = 1;
  else
    return 0;
  if (!code_hasjumps(e) && fitsC(i)) {
    *imm = int2sC((int)i);
    return 1;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Loading values                                                      */
/* ------------------------------------------------------------------ */

/* LOADNIL, merged with an immediately preceding LOADNIL whose range
 * touches this one (only when no jump can land between them). */
void code_nil(FuncState *fs, int from, int n) {
  int last = from + n - 1;
  if (fs->pc > fs->lasttarget && fs->pc > 0) {
    Instruction *prev = &fs->f->code[fs->pc - 1];
    if (GET_OPCODE(*prev) == OP_LOADNIL) {
      int pfrom = GETARG_A(*prev);
      int plast = pfrom + GETARG_B(*prev);
      if ((pfrom <= from && from <= plast + 1) ||
          (from <= pfrom && pfrom <= last + 1)) {
        if (pfrom < from) from = pfrom;
        if (plast > last) last = plast;
        SETARG_A(*prev, from);
        SETARG_B(*prev, last - from);
        return;
      }
    }
  }
  code_ABC(fs, OP_LOADNIL, from, n - 1, 0);
}

void code_setreturns(FuncState *fs, ExpDesc *e, int nresults) {
  Instruction *pc = &code_instr(fs, e);
  if (e->k == EXP_CALL)
    SETARG_C(*pc, nresults + 1);
  else {
    cr_assert(e->k == EXP_VARARG, "multi-value expression");
    SETARG_C(*pc, nresults + 1);
    SETARG_A(*pc, fs->freereg);
    code_reserveregs(fs, 1);
  }
}

/* Calls are emitted returning one value, so only VARARG needs a change;
 * a call's value stays in its base register, a vararg's can move. */
void code_setoneret(FuncState *fs, ExpDesc *e) {
  if (e->k == EXP_CALL) {
    cr_assert(GETARG_C(code_instr(fs, e)) == 2, "call returns one value");
    e->k = EXP_NONRELOC;
    e->u.info = GETARG_A(code_instr(fs, e));
  }
  else if (e->k == EXP_VARARG) {
    SETARG_C(code_instr(fs, e), 2);
    e->k = EXP_RELOC;
  }
}

/* Makes e a value (not a variable): reads of upvalues and table fields are
 * emitted with their destination left open (EXP_RELOC). */
void code_dischargevars(FuncState *fs, ExpDesc *e) {
  switch (e->k) {
    case EXP_CONST:
      code_const2exp(code_const2val(fs, e), e);
      break;
    case EXP_LOCAL: {
      int reg = e->u.var.ridx;
      e->u.info = reg;
      e->k = EXP_NONRELOC;
      break;
    }
    case EXP_UPVAL:
      e->u.info = code_ABC(fs, OP_GETUPVAL, 0, e->u.info, 0);
      e->k = EXP_RELOC;
      break;
    case EXP_INDEXUP: {
      int t = e->u.ind.t, idx = e->u.ind.idx;
      e->u.info = code_ABC(fs, OP_GETTABUP, 0, t, idx);
      e->k = EXP_RELOC;
      break;
    }
    case EXP_INDEXI: {
      int t = e->u.ind.t, idx = e->u.ind.idx;
      code_freereg(fs, t);
      e->u.info = code_ABC(fs, OP_GETI, 0, t, idx);
      e->k = EXP_RELOC;
      break;
    }
    case EXP_INDEXSTR: {
      int t = e->u.ind.t, idx = e->u.ind.idx;
      code_freereg(fs, t);
      e->u.info = code_ABC(fs, OP_GETFIELD, 0, t, idx);
      e->k = EXP_RELOC;
      break;
    }
    case EXP_INDEXED: {
      int t = e->u.ind.t, idx = e->u.ind.idx;
      code_freeregs(fs, t, idx);
      e->u.info = code_ABC(fs, OP_GETTABLE, 0, t, idx);
      e->k = EXP_RELOC;
      break;
    }
    case EXP_VARARG: case EXP_CALL:
      code_setoneret(fs, e);
      break;
    default:
      break;                          /* already a value */
  }
}

/* Puts e's value (not its jump lists) in reg. */
void code_discharge2reg(FuncState *fs, ExpDesc *e, int reg) {
  code_dischargevars(fs, e);
  switch (e->k) {
    case EXP_NIL:
      code_nil(fs, reg, 1);
      break;
    case EXP_FALSE:
      code_ABC(fs, OP_LOADFALSE, reg, 0, 0);
      break;
    case EXP_TRUE:
      code_ABC(fs, OP_LOADTRUE, reg, 0, 0);
      break;
    case EXP_KSTR:
      code_str2K(fs, e);
      /* fall through */
    case EXP_K:
      code_loadk(fs, reg, e->u.info);
      break;
    case EXP_KFLT:
      code_float(fs, reg, e->u.nval);
      break;
    case EXP_KINT:
      code_int(fs, reg, e->u.ival);
      break;
    case EXP_RELOC:
      SETARG_A(code_instr(fs, e), reg);
      break;
    case EXP_NONRELOC:
      if (reg != e->u.info)
        code_ABC(fs, OP_MOVE, reg, e->u.info, 0);
      break;
    default:
      cr_assert(e->k == EXP_JMP, "only tests are left");
      return;
  }
  e->u.info = reg;
  e->k = EXP_NONRELOC;
}

void code_discharge2anyreg(FuncState *fs, ExpDesc *e) {
  if (e->k != EXP_NONRELOC) {
    code_reserveregs(fs, 1);
    code_discharge2reg(fs, e, fs->freereg - 1);
  }
}

void code_exp2nextreg(FuncState *fs, ExpDesc *e) {
  code_dischargevars(fs, e);
  code_freeexp(fs, e);
  code_reserveregs(fs, 1);
  code_exp2reg(fs, e, fs->freereg - 1);
}

int code_exp2anyreg(FuncState *fs, ExpDesc *e) {
  code_dischargevars(fs, e);
  if (e->k == EXP_NONRELOC) {
    if (!code_hasjumps(e))
      return e->u.info;
    if (e->u.info >= parse_nvarstack(fs)) {
      code_exp2reg(fs, e, e->u.info);  /* a temporary can take the jumps' values */
      return e->u.info;
    }
    /* a local's register cannot receive the values of the jumps */
  }
  code_exp2nextreg(fs, e);
  return e->u.info;
}

void code_exp2anyregup(FuncState *fs, ExpDesc *e) {
  if (e->k != EXP_UPVAL || code_hasjumps(e))
    code_exp2anyreg(fs, e);
}

void code_exp2val(FuncState *fs, ExpDesc *e) {
  if (code_hasjumps(e))
    code_exp2anyreg(fs, e);
  else
    code_dischargevars(fs, e);
}

/* ------------------------------------------------------------------ */
/* Variables and tables                                                */
/* ------------------------------------------------------------------ */

static void code_ABRK(FuncState *fs, enum OpCode op, int a, int b, ExpDesc *ec) {
  int k = code_exp2RK(fs, ec);
  code_ABCk(fs, op, a, b, ec->u.info, k);
}

void code_storevar(FuncState *fs, ExpDesc *var, ExpDesc *ex) {
  switch (var->k) {
    case EXP_LOCAL:
      code_freeexp(fs, ex);
      code_exp2reg(fs, ex, var->u.var.ridx);
      return;
    case EXP_UPVAL: {
      int e = code_exp2anyreg(fs, ex);
      code_ABC(fs, OP_SETUPVAL, e, var->u.info, 0);
      break;
    }
    case EXP_INDEXUP:
      code_ABRK(fs, OP_SETTABUP, var->u.ind.t, var->u.ind.idx, ex);
      break;
    case EXP_INDEXI:
      code_ABRK(fs, OP_SETI, var->u.ind.t, var->u.ind.idx, ex);
      break;
    case EXP_INDEXSTR:
      code_ABRK(fs, OP_SETFIELD, var->u.ind.t, var->u.ind.idx, ex);
      break;
    case EXP_INDEXED:
      code_ABRK(fs, OP_SETTABLE, var->u.ind.t, var->u.ind.idx, ex);
      break;
    default:
      cr_assert(0, "not an assignable expression");
  }
  code_freeexp(fs, ex);
}

/* obj:key( -> SELF: the method in a fresh register, obj right after it. */
void code_self(FuncState *fs, ExpDesc *e, ExpDesc *key) {
  int ereg;
  code_exp2anyreg(fs, e);
  ereg = e->u.info;
  code_freeexp(fs, e);
  e->u.info = fs->freereg;
  e->k = EXP_NONRELOC;
  code_reserveregs(fs, 2);
  code_ABRK(fs, OP_SELF, e->u.info, ereg, key);
  code_freeexp(fs, key);
}

/* t[k] where t is already in a register or an upvalue. Upvalues can only
 * be indexed by short-string constants (GETTABUP/SETTABUP). */
void code_indexed(FuncState *fs, ExpDesc *t, ExpDesc *k) {
  if (k->k == EXP_KSTR)
    code_str2K(fs, k);
  cr_assert(!code_hasjumps(t) && (t->k == EXP_LOCAL || t->k == EXP_NONRELOC ||
                                  t->k == EXP_UPVAL), "indexable");
  if (t->k == EXP_UPVAL && !code_isKstr(fs, k))
    code_exp2anyreg(fs, t);
  if (t->k == EXP_UPVAL) {
    int up = t->u.info;
    t->u.ind.t = (lu_byte)up;
    t->u.ind.idx = (short)k->u.info;
    t->k = EXP_INDEXUP;
  }
  else {
    int treg = (t->k == EXP_LOCAL) ? t->u.var.ridx : t->u.info;
    t->u.ind.t = (lu_byte)treg;
    if (code_isKstr(fs, k)) {
      t->u.ind.idx = (short)k->u.info;
      t->k = EXP_INDEXSTR;
    }
    else if (code_isCint(k)) {
      t->u.ind.idx = (short)k->u.ival;
      t->k = EXP_INDEXI;
    }
    else {
      t->u.ind.idx = (short)code_exp2anyreg(fs, k);
      t->k = EXP_INDEXED;
    }
  }
}

/* NEWTABLE sizes: B = ceil(log2(hash size)) + 1 (0 = empty), Bx = array
 * size; no EXTRAARG is needed because Bx has 32 bits. */
void code_settablesize(FuncState *fs, int pc, int ra, int asize, int hsize) {
  int rb = (hsize != 0) ? num_ceillog2((unsigned int)hsize) + 1 : 0;
  fs->f->code[pc] = CREATE_ABBx(OP_NEWTABLE, ra, rb, (uint32_t)asize);
}

/* SETLIST base tostore nelems: t[nelems+i] = R[base+i], 1 <= i <= tostore
 * (tostore = LUA_MULTRET: up to the top set by the previous op). */
void code_setlist(FuncState *fs, int base, int nelems, int tostore) {
  cr_assert(tostore != 0 && tostore <= CODE_FIELDS_PER_FLUSH, "list size");
  if (tostore == LUA_MULTRET)
    tostore = 0;
  code_emit(fs, CREATE_ABBx(OP_SETLIST, base, tostore, (uint32_t)nelems));
  fs->freereg = (lu_byte)(base + 1);
}

/* ------------------------------------------------------------------ */
/* The final pass                                                      */
/* ------------------------------------------------------------------ */

/* Follows chains of unconditional jumps (bounded, against cycles). */
static int code_finaltarget(Instruction *code, int i) {
  for (int count = 0; count < 100; count++) {
    Instruction ins = code[i];
    if (GET_OPCODE(ins) != OP_JMP)
      break;
    i += GETARG_sJ(ins) + 1;
  }
  return i;
}

/* Numbers the feedback slots in instruction order, after every other edit
 * of the code is done, so removed or rewritten instructions leave no gaps. */
static void code_assignfeedback(FuncState *fs) {
  Proto *f = fs->f;
  unsigned int n = 0;
  for (int i = 0; i < fs->pc; i++) {
    Instruction *ins = &f->code[i];
    enum OpCode op = GET_OPCODE(*ins);
    if (op_feedback[op] == FB_NONE)
      continue;
    if (n < MAX_FEEDBACK_SLOTS)
      SETARG_F(*ins, n++);
    else
      SETARG_F(*ins, NO_FEEDBACK);
  }
  if (n > 0) {
    size_t bytes = (size_t)n * sizeof(FeedbackSlot);
    f->feedback = (FeedbackSlot *)mem_realloc(fs->ls->L, NULL, 0, bytes);
    memset(f->feedback, 0, bytes);    /* every slot starts IC_UNINIT */
  }
  f->nfeedback = (int)n;
}

void code_finish(FuncState *fs) {
  Proto *p = fs->f;
  for (int i = 0; i < fs->pc; i++) {
    Instruction *pc = &p->code[i];
    switch (GET_OPCODE(*pc)) {
      case OP_RETURN0: case OP_RETURN1:
        if (!(fs->needclose || p->is_vararg))
          break;
        /* the short forms can neither close nor undo vararg frames */
        SET_OPCODE(*pc, OP_RETURN);
        /* fall through */
      case OP_RETURN: case OP_TAILCALL:
        if (fs->needclose)
          SETARG_k(*pc, 1);
        if (p->is_vararg)
          SETARG_C(*pc, p->numparams + 1);
        break;
      case OP_JMP: {
        int target = code_finaltarget(p->code, i);
        code_fixjump(fs, i, target);
        break;
      }
      default:
        break;
    }
  }
  code_assignfeedback(fs);
}
