/*
 * zio.c — the reader-driven byte stream behind lua_load and the lexer's
 * growable token buffer (see zio.h for why they exist).
 */
#include "front/zio.h"
#include "gc/mem.h"

#include <string.h>

void zio_init(lua_State *L, ZIO *z, lua_Reader reader, void *data) {
  z->L = L;
  z->reader = reader;
  z->data = data;
  z->n = 0;
  z->p = NULL;
}

int zio_fill(ZIO *z) {
  size_t size;
  const char *block = z->reader(z->L, z->data, &size);
  if (block == NULL || size == 0)
    return ZIO_EOZ;
  z->n = size - 1;       /* the byte returned below is consumed now */
  z->p = block;
  return (int)(unsigned char)(*(z->p++));
}

size_t zio_read(ZIO *z, void *b, size_t n) {
  char *out = (char *)b;
  while (n > 0) {
    size_t chunk;
    if (z->n == 0) {
      /* Refill; zio_fill consumes the first byte, so give it back. */
      if (zio_fill(z) == ZIO_EOZ)
        return n;
      z->n++;
      z->p--;
    }
    chunk = (n <= z->n) ? n : z->n;
    memcpy(out, z->p, chunk);
    z->n -= chunk;
    z->p += chunk;
    out += chunk;
    n -= chunk;
  }
  return 0;
}

void zio_resizebuffer(lua_State *L, Mbuffer *b, size_t size) {
  b->buffer = (char *)mem_realloc(L, b->buffer, b->buffsize, size);
  b->buffsize = size;
  if (b->n > size)
    b->n = size;
}
