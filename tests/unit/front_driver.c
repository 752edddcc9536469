/*
 * front_driver.c — compiles Lua source with the front end alone (the rest
 * of the engine is stubbed: stubs_front.c) and prints what it made, so the
 * lexer, parser and code generator can be tested before the interpreter
 * runs anything.
 *
 *   front_driver [options] FILE|-
 *     -l      listing of every function (default), like luac -l
 *     -ll     full listing: also constants, locals, upvalues (luac -l -l)
 *     -F      show feedback slots in the listing
 *     -e      print only "ok" or the error message (for message tests)
 *     -n NAME chunk name (default "@FILE"; with -e the source text itself,
 *             as load(s) names it)
 *     -s SRC  compile SRC instead of a file
 *     -D      round trip: dump, undump (which verifies), print the result
 *     -S      strip debug information when dumping (implies -D)
 *     -T N    keep only the first N bytes of the dump (implies -D)
 *     -X N    flip bit 0 of dump byte N before loading (implies -D)
 *     -Z      robustness: load every truncation of the dump and every
 *             single-bit corruption of it; prints counts (run it under
 *             SAN=1: a crash or sanitizer report is the failure)
 *
 * Exit status 0 when the chunk compiled (and loaded), 1 otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obj/object.h"
#include "front/zio.h"
#include "front/parse.h"
#include "front/lex.h"
#include "front/dump.h"
#include "front/undump.h"
#include "front/bytecode_print.h"
#include "stubs_front.h"

typedef struct Source {
  const char *text;
  size_t len;
  int done;
} Source;

static const char *driver_reader(lua_State *L, void *ud, size_t *size) {
  Source *s = (Source *)ud;
  (void)L;
  if (s->done) {
    *size = 0;
    return NULL;
  }
  s->done = 1;
  *size = s->len;
  return s->text;
}

typedef struct LoadArgs {
  Source src;
  const char *name;
  LClosure *cl;
  Mbuffer buff;
  Dyndata dyd;
} LoadArgs;

static void driver_load(lua_State *L, void *ud) {
  LoadArgs *a = (LoadArgs *)ud;
  ZIO z;
  int c;
  zio_init(L, &z, driver_reader, &a->src);
  c = zgetc(&z);
  if (c == LUA_SIGNATURE[0])
    a->cl = undump_chunk(L, &z, a->name);
  else
    a->cl = parse_chunk(L, &z, &a->buff, &a->dyd, a->name, c);
}

/* Loads text (source or binary); returns the closure or NULL with the
 * message printed. */
static LClosure *driver_compile(lua_State *L, const char *text, size_t len,
                                const char *name, int quiet_ok) {
  LoadArgs a;
  int status;
  (void)quiet_ok;
  a.src.text = text;
  a.src.len = len;
  a.src.done = 0;
  a.name = name;
  a.cl = NULL;
  parse_initdyndata(&a.dyd);
  zio_initbuffer(L, &a.buff);
  status = stub_protected(L, driver_load, &a);
  zio_freebuffer(L, &a.buff);
  parse_freedyndata(L, &a.dyd);
  if (status != LUA_OK) {
    const TValue *msg = L->top - 1;
    if (ttisstring(msg))
      printf("%s\n", svalue(msg));
    else
      printf("(error object is not a string)\n");
    L->top--;
    return NULL;
  }
  return a.cl;
}

typedef struct DumpBuf {
  char *b;
  size_t n, size;
} DumpBuf;

static int driver_writer(lua_State *L, const void *p, size_t sz, void *ud) {
  DumpBuf *d = (DumpBuf *)ud;
  (void)L;
  if (d->n + sz > d->size) {
    d->size = (d->n + sz) * 2;
    d->b = realloc(d->b, d->size);
  }
  memcpy(d->b + d->n, p, sz);
  d->n += sz;
  return 0;
}

/* Loads bytes quietly; 1 if they loaded. */
static int driver_tryload(lua_State *L, const char *b, size_t n, const char *name) {
  LoadArgs a;
  int status;
  a.src.text = b;
  a.src.len = n;
  a.src.done = 0;
  a.name = name;
  a.cl = NULL;
  parse_initdyndata(&a.dyd);
  zio_initbuffer(L, &a.buff);
  status = stub_protected(L, driver_load, &a);
  zio_freebuffer(L, &a.buff);
  parse_freedyndata(L, &a.dyd);
  L->top = L->stack;
  return status == LUA_OK;
}

static int driver_fuzz(lua_State *L, LClosure *cl, const char *name, int strip) {
  DumpBuf d = {NULL, 0, 0};
  long ok = 0, rejected = 0;
  dump_function(L, cl->p, driver_writer, &d, strip);
  for (size_t n = 1; n < d.n; n++) {   /* 0 bytes is an empty text chunk */
    if (driver_tryload(L, d.b, n, name)) {
      printf("truncation at %zu loaded!\n", n);
      return 1;
    }
  }
  for (size_t i = 0; i < d.n; i++)
    for (int bit = 0; bit < 8; bit++) {
      d.b[i] ^= (char)(1 << bit);
      if (driver_tryload(L, d.b, d.n, name)) ok++; else rejected++;
      d.b[i] ^= (char)(1 << bit);
    }
  printf("%zu bytes: all truncations rejected; bit flips: %ld loaded, %ld rejected\n",
         d.n, ok, rejected);
  return 0;
}

static char *driver_readfile(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  char *b = NULL;
  size_t n = 0, size = 0, r;
  if (f == NULL) {
    perror(path);
    exit(2);
  }
  do {
    if (n + 4096 > size) {
      size = (n + 4096) * 2;
      b = realloc(b, size);
    }
    r = fread(b + n, 1, 4096, f);
    n += r;
  } while (r > 0);
  if (f != stdin)
    fclose(f);
  b = realloc(b, n + 1);
  b[n] = '\0';                      /* the text doubles as a chunk name */
  *len = n;
  return b;
}

int main(int argc, char **argv) {
  int flags = BCPRINT_NESTED, errors_only = 0, roundtrip = 0, strip = 0;
  int fuzz = 0;
  long truncate = -1, flip = -1;
  const char *name = NULL, *src = NULL, *file = NULL;
  char *text;
  size_t len;
  char namebuf[4096];
  lua_State *L = stub_newstate();
  lex_init(L);
  LClosure *cl;
  for (int i = 1; i < argc; i++) {
    const char *o = argv[i];
    if (strcmp(o, "-l") == 0) ;
    else if (strcmp(o, "-ll") == 0) flags |= BCPRINT_FULL;
    else if (strcmp(o, "-F") == 0) flags |= BCPRINT_FEEDBACK;
    else if (strcmp(o, "-e") == 0) errors_only = 1;
    else if (strcmp(o, "-D") == 0) roundtrip = 1;
    else if (strcmp(o, "-S") == 0) roundtrip = strip = 1;
    else if (strcmp(o, "-Z") == 0) fuzz = 1;
    else if (strcmp(o, "-T") == 0 && i + 1 < argc) roundtrip = 1, truncate = atol(argv[++i]);
    else if (strcmp(o, "-X") == 0 && i + 1 < argc) roundtrip = 1, flip = atol(argv[++i]);
    else if (strcmp(o, "-n") == 0 && i + 1 < argc) name = argv[++i];
    else if (strcmp(o, "-s") == 0 && i + 1 < argc) src = argv[++i];
    else if (o[0] == '-' && o[1] != '\0') {
      fprintf(stderr, "front_driver: unknown option %s\n", o);
      return 2;
    }
    else file = o;
  }
  if (src != NULL) {
    text = (char *)src;
    len = strlen(src);
  }
  else if (file != NULL)
    text = driver_readfile(file, &len);
  else {
    fprintf(stderr, "usage: front_driver [-l|-ll] [-F] [-e] [-D|-S|-T N|-X N] [-n NAME] FILE|-s SRC\n");
    return 2;
  }
  if (name == NULL) {
    if (errors_only || src != NULL) {
      /* load(s) names the chunk by its text (up to a NUL) */
      name = text;
    }
    else {
      snprintf(namebuf, sizeof(namebuf), "@%s", file);
      name = namebuf;
    }
  }
  cl = driver_compile(L, text, len, name, errors_only);
  if (cl == NULL)
    return 1;
  if (fuzz)
    return driver_fuzz(L, cl, name, strip);
  if (roundtrip) {
    DumpBuf d = {NULL, 0, 0};
    dump_function(L, cl->p, driver_writer, &d, strip);
    if (truncate >= 0 && (size_t)truncate < d.n)
      d.n = (size_t)truncate;
    if (flip >= 0 && (size_t)flip < d.n)
      d.b[flip] ^= 1;
    cl = driver_compile(L, d.b, d.n, name, errors_only);
    if (cl == NULL)
      return 1;
  }
  if (errors_only)
    printf("ok\n");
  else
    bytecode_print(stdout, cl->p, flags);
  return 0;
}
