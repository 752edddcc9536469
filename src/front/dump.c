/*
 * dump.c — serialises a function tree as a Crescent binary chunk.
 *
 * Layout (all multi-byte numbers in the host's byte order, which the
 * header's test values pin; "varint" = unsigned LEB128):
 *
 *   header   "\x1bLua" DUMP_MARK "Crescent" DUMP_FORMAT DUMP_DATA
 *            sizeof(Instruction) sizeof(lua_Integer) sizeof(lua_Number)
 *            DUMP_TESTINT DUMP_TESTNUM
 *            nupvalues of the main closure (byte)
 *   function source (string; absent = same as the enclosing function)
 *            linedefined lastlinedefined (varints)
 *            numparams is_vararg maxstacksize (bytes)
 *            code: n, then n raw instructions
 *            nfeedback (varint; the slots themselves start empty)
 *            constants: n, then per constant a tag byte (VT_*) and the
 *              payload (8 bytes for numbers, a string for strings)
 *            upvalues: n, then instack idx kind (bytes)
 *            functions: n, then each function
 *            debug: lineinfo (n + bytes), abslineinfo (n + pc,line
 *              varints), locvars (n + name,startpc,endpc), upvalue
 *              names (n + strings) — all counts 0 when stripped
 *   string   varint size+1 then the bytes; 0 = no string
 */
#include "front/dump.h"

#include <string.h>

typedef struct DumpState {
  lua_State *L;
  lua_Writer writer;
  void *data;
  int strip;
  int status;
} DumpState;

static void dump_block(DumpState *D, const void *b, size_t size) {
  if (D->status == 0 && size > 0)
    D->status = (*D->writer)(D->L, b, size, D->data);
}

static void dump_byte(DumpState *D, int y) {
  lu_byte x = (lu_byte)y;
  dump_block(D, &x, 1);
}

static void dump_varint(DumpState *D, size_t x) {
  lu_byte buff[16];
  int n = 0;
  do {
    lu_byte b = (lu_byte)(x & 0x7f);
    x >>= 7;
    if (x != 0)
      b |= 0x80;
    buff[n++] = b;
  } while (x != 0);
  dump_block(D, buff, (size_t)n);
}

static void dump_int(DumpState *D, int x) {
  dump_varint(D, (size_t)(unsigned int)x);
}

static void dump_string(DumpState *D, const TString *s) {
  if (s == NULL)
    dump_varint(D, 0);
  else {
    dump_varint(D, tsslen(s) + 1);
    dump_block(D, getstr(s), tsslen(s));
  }
}

static void dump_constants(DumpState *D, const Proto *f) {
  dump_int(D, f->sizek);
  for (int i = 0; i < f->sizek; i++) {
    const TValue *o = &f->k[i];
    int tt = rawtt(o);
    dump_byte(D, tt);
    switch (tt) {
      case VT_INT: {
        lua_Integer x = ivalue(o);
        dump_block(D, &x, sizeof(x));
        break;
      }
      case VT_FLOAT: {
        lua_Number x = fltvalue(o);
        dump_block(D, &x, sizeof(x));
        break;
      }
      case VT_SHRSTR: case VT_LNGSTR:
        dump_string(D, tsvalue(o));
        break;
      default:                        /* nil, false, true: the tag says all */
        break;
    }
  }
}

static void dump_upvalues(DumpState *D, const Proto *f) {
  dump_int(D, f->sizeupvalues);
  for (int i = 0; i < f->sizeupvalues; i++) {
    dump_byte(D, f->upvalues[i].instack);
    dump_byte(D, f->upvalues[i].idx);
    dump_byte(D, f->upvalues[i].kind);
  }
}

static void dump_debug(DumpState *D, const Proto *f) {
  int n;
  n = D->strip ? 0 : f->sizelineinfo;
  dump_int(D, n);
  dump_block(D, f->lineinfo, (size_t)n);
  n = D->strip ? 0 : f->sizeabslineinfo;
  dump_int(D, n);
  for (int i = 0; i < n; i++) {
    dump_int(D, f->abslineinfo[i].pc);
    dump_int(D, f->abslineinfo[i].line);
  }
  n = D->strip ? 0 : f->sizelocvars;
  dump_int(D, n);
  for (int i = 0; i < n; i++) {
    dump_string(D, f->locvars[i].varname);
    dump_int(D, f->locvars[i].startpc);
    dump_int(D, f->locvars[i].endpc);
  }
  n = D->strip ? 0 : f->sizeupvalues;
  dump_int(D, n);
  for (int i = 0; i < n; i++)
    dump_string(D, f->upvalues[i].name);
}

static void dump_proto(DumpState *D, const Proto *f, const TString *psource) {
  if (D->strip || f->source == psource)
    dump_string(D, NULL);
  else
    dump_string(D, f->source);
  dump_int(D, f->linedefined);
  dump_int(D, f->lastlinedefined);
  dump_byte(D, f->numparams);
  dump_byte(D, f->is_vararg);
  dump_byte(D, f->maxstacksize);
  dump_int(D, f->sizecode);
  dump_block(D, f->code, sizeof(Instruction) * (size_t)f->sizecode);
  dump_int(D, f->nfeedback);
  dump_constants(D, f);
  dump_upvalues(D, f);
  dump_int(D, f->sizep);
  for (int i = 0; i < f->sizep; i++)
    dump_proto(D, f->p[i], f->source);
  dump_debug(D, f);
}

static void dump_header(DumpState *D) {
  lua_Integer ti = DUMP_TESTINT;
  lua_Number tn = DUMP_TESTNUM;
  dump_block(D, LUA_SIGNATURE, sizeof(LUA_SIGNATURE) - 1);
  dump_byte(D, DUMP_MARK);
  dump_block(D, DUMP_ENGINE, sizeof(DUMP_ENGINE) - 1);
  dump_byte(D, DUMP_FORMAT);
  dump_block(D, DUMP_DATA, sizeof(DUMP_DATA) - 1);
  dump_byte(D, sizeof(Instruction));
  dump_byte(D, sizeof(lua_Integer));
  dump_byte(D, sizeof(lua_Number));
  dump_block(D, &ti, sizeof(ti));
  dump_block(D, &tn, sizeof(tn));
}

int dump_function(lua_State *L, const Proto *f, lua_Writer w, void *data,
                  int strip) {
  DumpState D;
  D.L = L;
  D.writer = w;
  D.data = data;
  D.strip = strip;
  D.status = 0;
  dump_header(&D);
  dump_byte(&D, f->sizeupvalues);
  dump_proto(&D, f, NULL);
  return D.status;
}
