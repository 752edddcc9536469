/*
 * obj_testlib.c — shared helpers of the obj/gc unit tests: check counters
 * and a counting allocator (tests check that lua_close gives every byte
 * back; it can fail the N-th allocation or growth beyond a limit).
 */
#include <stdlib.h>

#include "obj_test.h"

int test_failures;
int test_checks;

void *test_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
  TestAlloc *a = ud;
  if (nsize == 0) {
    if (ptr != NULL)
      a->inuse -= osize;
    free(ptr);
    return NULL;
  }
  if (a->fail_after > 0 && --a->fail_after == 0) {
    a->failures++;
    return NULL;
  }
  if (a->limit > 0 && nsize > osize && ptr != NULL &&
      a->inuse + nsize - osize > a->limit) {
    a->failures++;
    return NULL;
  }
  if (a->limit > 0 && ptr == NULL && a->inuse + nsize > a->limit) {
    a->failures++;
    return NULL;
  }
  void *p = realloc(ptr, nsize);
  if (p == NULL)
    return NULL;
  a->inuse += nsize - (ptr != NULL ? osize : 0);
  a->nallocs++;
  return p;
}

lua_State *test_newstate(TestAlloc *a)
{
  a->inuse = 0;
  a->nallocs = 0;
  a->fail_after = 0;
  a->limit = 0;
  a->failures = 0;
  return lua_newstate(test_alloc, a);
}

/* The assertion handler of test builds (core/common.h). */
void cr_assert_fail(const char *cond, const char *msg, const char *file,
                    int line)
{
  fprintf(stderr, "%s:%d: assertion failed: %s (%s)\n", file, line, cond, msg);
  abort();
}
