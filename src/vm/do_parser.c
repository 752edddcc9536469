/*
 * do_parser.c — loading a chunk in protected mode (lua_load's core).
 *
 * The parser's work arrays (the Mbuffer of the lexer, the Dyndata of the
 * parser) live here, outside the protected call, so they are freed whether
 * the chunk compiles or raises a syntax error. Loading cannot yield.
 * With --print-bytecode every compiled chunk is listed on stderr.
 */
#include <stdio.h>
#include <string.h>

#include "vm/do.h"
#include "front/parse.h"
#include "front/undump.h"
#include "front/zio.h"
#include "obj/numconv.h"
#include "vm/func.h"
#include "vm/options.h"
#include "front/bytecode_print.h"

struct ParserArgs {
  ZIO *z;
  Mbuffer buff;
  Dyndata dyd;
  const char *mode;
  const char *name;
};

/* mode is lua_load's: "b", "t" or "bt" (NULL: both). */
static void parser_checkmode(lua_State *L, const char *mode, const char *x) {
  if (mode != NULL && strchr(mode, x[0]) == NULL) {
    obj_pushfstring(L, "attempt to load a %s chunk (mode is '%s')", x, mode);
    do_throw(L, LUA_ERRSYNTAX);
  }
}

static void parser_body(lua_State *L, void *ud) {
  struct ParserArgs *a = (struct ParserArgs *)ud;
  LClosure *cl;
  int c = zgetc(a->z);
  if (c == LUA_SIGNATURE[0]) {
    parser_checkmode(L, a->mode, "binary");
    cl = undump_chunk(L, a->z, a->name);
  } else {
    parser_checkmode(L, a->mode, "text");
    cl = parse_chunk(L, a->z, &a->buff, &a->dyd, a->name, c);
    if (CR_UNLIKELY(options_get(L)->print_bytecode))  /* --print-bytecode */
      bytecode_print(stderr, cl->p, BCPRINT_NESTED | BCPRINT_FEEDBACK);
  }
  cr_assert(cl->nupvalues == cl->p->sizeupvalues, "closure matches proto");
  func_initupvals(L, cl);
}

int do_protectedparser(lua_State *L, ZIO *z, const char *name,
                       const char *mode) {
  struct ParserArgs a;
  int status;
  do_incnny(L);
  a.z = z;
  a.name = name;
  a.mode = mode;
  parse_initdyndata(&a.dyd);
  zio_initbuffer(L, &a.buff);
  status = do_pcall(L, parser_body, &a, savestack(L, L->top), L->errfunc);
  zio_freebuffer(L, &a.buff);
  parse_freedyndata(L, &a.dyd);
  do_decnny(L);
  return status;
}
