/*
 * zio.h — buffered input for the loader and a growable byte buffer.
 *
 * lua_load hands the engine a reader callback that returns the chunk in
 * pieces of any size. ZIO turns those pieces into a stream of bytes with a
 * one-macro fast path (zgetc), so the lexer and the binary loader never see
 * block boundaries. Mbuffer is the lexer's token buffer: it grows by
 * doubling and is owned by the protected parser (vm/do.c), which frees it
 * even when parsing fails.
 */
#ifndef CRESCENT_ZIO_H
#define CRESCENT_ZIO_H

#include "core/common.h"

/* End of stream: what zgetc returns when the reader has nothing left. */
#define ZIO_EOZ (-1)

typedef struct ZIO {
  size_t n;              /* bytes still unread in the current block */
  const char *p;         /* next unread byte */
  lua_Reader reader;
  void *data;            /* the reader's argument */
  lua_State *L;          /* passed to the reader */
} ZIO;

/* Next byte of the stream as an unsigned char, or ZIO_EOZ. */
#define zgetc(z) (((z)->n--) > 0 ? (int)(unsigned char)(*(z)->p++) : zio_fill(z))

void zio_init(lua_State *L, ZIO *z, lua_Reader reader, void *data);
/* Refills from the reader and returns the first byte (or ZIO_EOZ). */
int zio_fill(ZIO *z);
/* Reads n bytes into b; returns how many could NOT be read (0 = all). */
size_t zio_read(ZIO *z, void *b, size_t n);

/* ------------------------------------------------------------------ */
/* Mbuffer                                                             */
/* ------------------------------------------------------------------ */

typedef struct Mbuffer {
  char *buffer;
  size_t n;              /* bytes in use */
  size_t buffsize;       /* bytes allocated */
} Mbuffer;

#define zio_initbuffer(L, b)   ((b)->buffer = NULL, (b)->n = 0, (b)->buffsize = 0)
#define zio_buffer(b)          ((b)->buffer)
#define zio_bufflen(b)         ((b)->n)
#define zio_buffsize(b)        ((b)->buffsize)
#define zio_buffremove(b, i)   ((b)->n -= (i))
#define zio_resetbuffer(b)     ((b)->n = 0)

/* Reallocates the buffer to exactly size bytes (keeps min(n, size)). */
void zio_resizebuffer(lua_State *L, Mbuffer *b, size_t size);
#define zio_freebuffer(L, b)   zio_resizebuffer(L, b, 0)

#endif
