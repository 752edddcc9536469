/*
 * bytecode_print.c — human-readable listing of compiled functions.
 *
 * The layout is `luac -l -l`'s so that listings can be diffed against
 * luac5.4 (tests/unit/front_luacdiff.sh does): a header per function with
 * its source and line range, one line per instruction (index, [line], op
 * name, operands, "; comment" naming the constant, upvalue or jump
 * target), then the constants, locals and upvalues. Where our encoding
 * differs (no EXTRAARG; NEWTABLE/SETLIST carry sizes in Bx; LOADI takes
 * any 32-bit integer) the listing shows our instruction. BCPRINT_FEEDBACK
 * adds each instruction's feedback slot ("{fb N}").
 */
#include "front/bytecode_print.h"
#include "front/lineinfo.h"
#include "vm/ops.h"
#include "vm/tm.h"

#include <string.h>

/* Metamethod event names, in MMBIN's C operand order. */
static const char *const bcprint_events[] = {
#define X(name, key) key,
  TM_EVENTS(X)
#undef X
};
#define BCPRINT_NEVENTS ((int)(sizeof(bcprint_events) / sizeof(bcprint_events[0])))

static const char *bcprint_event(int e) {
  return (e >= 0 && e < BCPRINT_NEVENTS) ? bcprint_events[e] : "?";
}

static void bcprint_string(FILE *out, const TString *ts) {
  const char *s = getstr(ts);
  size_t n = tsslen(ts);
  fputc('"', out);
  for (size_t i = 0; i < n; i++) {
    int c = (unsigned char)s[i];
    switch (c) {
      case '"': fputs("\\\"", out); break;
      case '\\': fputs("\\\\", out); break;
      case '\a': fputs("\\a", out); break;
      case '\b': fputs("\\b", out); break;
      case '\f': fputs("\\f", out); break;
      case '\n': fputs("\\n", out); break;
      case '\r': fputs("\\r", out); break;
      case '\t': fputs("\\t", out); break;
      case '\v': fputs("\\v", out); break;
      default:
        if (c >= 32 && c < 127)
          fputc(c, out);
        else
          fprintf(out, "\\%03d", c);
    }
  }
  fputc('"', out);
}

static void bcprint_constant(FILE *out, const Proto *f, int i) {
  const TValue *o;
  if (i < 0 || i >= f->sizek) {
    fprintf(out, "?k%d", i);
    return;
  }
  o = &f->k[i];
  switch (rawtt(o)) {
    case VT_NIL: fputs("nil", out); break;
    case VT_FALSE: fputs("false", out); break;
    case VT_TRUE: fputs("true", out); break;
    case VT_FLOAT: {
      char buff[64];
      snprintf(buff, sizeof(buff), "%.14g", val_(o).n);
      fputs(buff, out);
      if (buff[strspn(buff, "-0123456789")] == '\0')
        fputs(".0", out);             /* looks like an integer */
      break;
    }
    case VT_INT: fprintf(out, "%lld", (long long)val_(o).i); break;
    case VT_SHRSTR: case VT_LNGSTR: bcprint_string(out, tsvalue(o)); break;
    default: fprintf(out, "?%d", rawtt(o)); break;
  }
}

static const char *bcprint_ktype(const TValue *o) {
  switch (rawtt(o)) {
    case VT_NIL: return "N";
    case VT_FALSE: case VT_TRUE: return "B";
    case VT_FLOAT: return "F";
    case VT_INT: return "I";
    case VT_SHRSTR: case VT_LNGSTR: return "S";
    default: return "?";
  }
}

static const char *bcprint_upvalname(const Proto *f, int i) {
  if (i >= 0 && i < f->sizeupvalues && f->upvalues[i].name != NULL)
    return getstr(f->upvalues[i].name);
  return "-";
}

#define COMMENT "\t; "

static void bcprint_code(FILE *out, const Proto *f, int flags) {
  for (int pc = 0; pc < f->sizecode; pc++) {
    Instruction i = f->code[pc];
    enum OpCode o = GET_OPCODE(i);
    int a = GETARG_A(i), b = GETARG_B(i), c = GETARG_C(i);
    int sb = GETARG_sB(i), sc = GETARG_sC(i), isk = GETARG_k(i);
    int64_t bx = GETARG_Bx(i);
    int sbx = GETARG_sBx(i);
    const char *ks = isk ? "k" : "";
    int line = lineinfo_getline(f, pc);
    fprintf(out, "\t%d\t", pc + 1);
    if (line > 0)
      fprintf(out, "[%d]\t", line);
    else
      fputs("[-]\t", out);
    if ((unsigned)o >= NUM_OPCODES) {
      fprintf(out, "?op%d\n", (int)o);
      continue;
    }
    fprintf(out, "%-9s\t", op_names[o]);
    switch (o) {
      case OP_MOVE:
        fprintf(out, "%d %d", a, b);
        break;
      case OP_LOADI: case OP_LOADF:
        fprintf(out, "%d %d", a, sbx);
        break;
      case OP_LOADK:
        fprintf(out, "%d %lld" COMMENT, a, (long long)bx);
        bcprint_constant(out, f, (int)bx);
        break;
      case OP_LOADFALSE: case OP_LFALSESKIP: case OP_LOADTRUE:
        fprintf(out, "%d", a);
        break;
      case OP_LOADNIL:
        fprintf(out, "%d %d" COMMENT "%d out", a, b, b + 1);
        break;
      case OP_GETUPVAL: case OP_SETUPVAL:
        fprintf(out, "%d %d" COMMENT "%s", a, b, bcprint_upvalname(f, b));
        break;
      case OP_GETTABUP:
        fprintf(out, "%d %d %d" COMMENT "%s ", a, b, c, bcprint_upvalname(f, b));
        bcprint_constant(out, f, c);
        break;
      case OP_GETTABLE: case OP_GETI:
        fprintf(out, "%d %d %d", a, b, c);
        break;
      case OP_GETFIELD:
        fprintf(out, "%d %d %d" COMMENT, a, b, c);
        bcprint_constant(out, f, c);
        break;
      case OP_SETTABUP:
        fprintf(out, "%d %d %d%s" COMMENT "%s ", a, b, c, ks,
                bcprint_upvalname(f, a));
        bcprint_constant(out, f, b);
        if (isk) {
          fputc(' ', out);
          bcprint_constant(out, f, c);
        }
        break;
      case OP_SETTABLE: case OP_SETI:
        fprintf(out, "%d %d %d%s", a, b, c, ks);
        if (isk) {
          fputs(COMMENT, out);
          bcprint_constant(out, f, c);
        }
        break;
      case OP_SETFIELD:
        fprintf(out, "%d %d %d%s" COMMENT, a, b, c, ks);
        bcprint_constant(out, f, b);
        if (isk) {
          fputc(' ', out);
          bcprint_constant(out, f, c);
        }
        break;
      case OP_NEWTABLE:
        fprintf(out, "%d %d %lld" COMMENT "%lld", a, b, (long long)bx,
                (long long)bx);
        break;
      case OP_SELF:
        fprintf(out, "%d %d %d%s", a, b, c, ks);
        if (isk) {
          fputs(COMMENT, out);
          bcprint_constant(out, f, c);
        }
        break;
      case OP_ADDI: case OP_SHRI: case OP_SHLI:
        fprintf(out, "%d %d %d", a, b, sc);
        break;
      case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_MODK: case OP_POWK:
      case OP_DIVK: case OP_IDIVK: case OP_BANDK: case OP_BORK: case OP_BXORK:
        fprintf(out, "%d %d %d" COMMENT, a, b, c);
        bcprint_constant(out, f, c);
        break;
      case OP_ADD: case OP_SUB: case OP_MUL: case OP_MOD: case OP_POW:
      case OP_DIV: case OP_IDIV: case OP_BAND: case OP_BOR: case OP_BXOR:
      case OP_SHL: case OP_SHR:
        fprintf(out, "%d %d %d", a, b, c);
        break;
      case OP_MMBIN:
        fprintf(out, "%d %d %d" COMMENT "%s", a, b, c, bcprint_event(c));
        break;
      case OP_MMBINI:
        fprintf(out, "%d %d %d %d" COMMENT "%s", a, sb, c, isk, bcprint_event(c));
        if (isk)
          fputs(" flip", out);
        break;
      case OP_MMBINK:
        fprintf(out, "%d %d %d %d" COMMENT "%s ", a, b, c, isk, bcprint_event(c));
        bcprint_constant(out, f, b);
        if (isk)
          fputs(" flip", out);
        break;
      case OP_UNM: case OP_BNOT: case OP_NOT: case OP_LEN: case OP_CONCAT:
        fprintf(out, "%d %d", a, b);
        break;
      case OP_CLOSE: case OP_TBC: case OP_RETURN1: case OP_VARARGPREP:
        fprintf(out, "%d", a);
        break;
      case OP_JMP: {
        int sj = GETARG_sJ(i);
        fprintf(out, "%d" COMMENT "to %d", sj, sj + pc + 2);
        break;
      }
      case OP_EQ: case OP_LT: case OP_LE:
        fprintf(out, "%d %d %d", a, b, isk);
        break;
      case OP_EQK:
        fprintf(out, "%d %d %d" COMMENT, a, b, isk);
        bcprint_constant(out, f, b);
        break;
      case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI:
        fprintf(out, "%d %d %d", a, sb, isk);
        break;
      case OP_TEST:
        fprintf(out, "%d %d", a, isk);
        break;
      case OP_TESTSET:
        fprintf(out, "%d %d %d", a, b, isk);
        break;
      case OP_CALL:
        fprintf(out, "%d %d %d" COMMENT, a, b, c);
        if (b == 0) fputs("all in ", out); else fprintf(out, "%d in ", b - 1);
        if (c == 0) fputs("all out", out); else fprintf(out, "%d out", c - 1);
        break;
      case OP_TAILCALL:
        fprintf(out, "%d %d %d%s" COMMENT "%d in", a, b, c, ks, b - 1);
        break;
      case OP_RETURN:
        fprintf(out, "%d %d %d%s" COMMENT, a, b, c, ks);
        if (b == 0) fputs("all out", out); else fprintf(out, "%d out", b - 1);
        break;
      case OP_RETURN0:
        break;
      case OP_FORLOOP: case OP_TFORLOOP:
        fprintf(out, "%d %lld" COMMENT "to %lld", a, (long long)bx,
                (long long)(pc - bx + 2));
        break;
      case OP_FORPREP:
        fprintf(out, "%d %lld" COMMENT "exit to %lld", a, (long long)bx,
                (long long)(pc + bx + 3));
        break;
      case OP_TFORPREP:
        fprintf(out, "%d %lld" COMMENT "to %lld", a, (long long)bx,
                (long long)(pc + bx + 2));
        break;
      case OP_TFORCALL:
        fprintf(out, "%d %d", a, c);
        break;
      case OP_SETLIST:
        fprintf(out, "%d %d %lld", a, b, (long long)bx);
        break;
      case OP_CLOSURE:
        fprintf(out, "%d %lld" COMMENT "%p", a, (long long)bx,
                (bx < (int64_t)f->sizep) ? (void *)f->p[bx] : NULL);
        break;
      case OP_VARARG:
        fprintf(out, "%d %d" COMMENT, a, c);
        if (c == 0) fputs("all out", out); else fprintf(out, "%d out", c - 1);
        break;
      default:
        break;
    }
    if ((flags & BCPRINT_FEEDBACK) && op_feedback[o] != FB_NONE) {
      unsigned fb = GETARG_F(i);
      if (fb == NO_FEEDBACK)
        fputs("\t{fb -}", out);
      else
        fprintf(out, "\t{fb %u}", fb);
    }
    fputc('\n', out);
  }
}

#define PLURAL(x) (x), ((x) == 1 ? "" : "s")

static void bcprint_header(FILE *out, const Proto *f, int flags) {
  const char *s = f->source ? getstr(f->source) : "=?";
  if (*s == '@' || *s == '=')
    s++;
  else if (*s == LUA_SIGNATURE[0])
    s = "(bstring)";
  else
    s = "(string)";
  fprintf(out, "\n%s <%s:%d,%d> (%d instruction%s at %p)\n",
          (f->linedefined == 0) ? "main" : "function", s, f->linedefined,
          f->lastlinedefined, PLURAL(f->sizecode), (const void *)f);
  fprintf(out, "%d%s param%s, %d slot%s, %d upvalue%s, ", (int)f->numparams,
          f->is_vararg ? "+" : "", f->numparams == 1 ? "" : "s",
          PLURAL((int)f->maxstacksize), PLURAL(f->sizeupvalues));
  fprintf(out, "%d local%s, %d constant%s, %d function%s", PLURAL(f->sizelocvars),
          PLURAL(f->sizek), PLURAL(f->sizep));
  if (flags & BCPRINT_FEEDBACK)
    fprintf(out, ", %d feedback slot%s", PLURAL(f->nfeedback));
  fputc('\n', out);
}

static void bcprint_debug(FILE *out, const Proto *f) {
  fprintf(out, "constants (%d) for %p:\n", f->sizek, (const void *)f);
  for (int i = 0; i < f->sizek; i++) {
    fprintf(out, "\t%d\t%s\t", i, bcprint_ktype(&f->k[i]));
    bcprint_constant(out, f, i);
    fputc('\n', out);
  }
  fprintf(out, "locals (%d) for %p:\n", f->sizelocvars, (const void *)f);
  for (int i = 0; i < f->sizelocvars; i++)
    fprintf(out, "\t%d\t%s\t%d\t%d\n", i,
            f->locvars[i].varname ? getstr(f->locvars[i].varname) : "?",
            f->locvars[i].startpc + 1, f->locvars[i].endpc + 1);
  fprintf(out, "upvalues (%d) for %p:\n", f->sizeupvalues, (const void *)f);
  for (int i = 0; i < f->sizeupvalues; i++)
    fprintf(out, "\t%d\t%s\t%d\t%d\n", i, bcprint_upvalname(f, i),
            f->upvalues[i].instack, f->upvalues[i].idx);
}

void bytecode_print(FILE *out, const Proto *f, int flags) {
  bcprint_header(out, f, flags);
  bcprint_code(out, f, flags);
  if (flags & BCPRINT_FULL)
    bcprint_debug(out, f);
  if (flags & BCPRINT_NESTED)
    for (int i = 0; i < f->sizep; i++)
      bytecode_print(out, f->p[i], flags);
}
