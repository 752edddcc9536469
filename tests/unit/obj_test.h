/*
 * obj_test.h — what the obj/gc unit tests share: the stub error buffer,
 * a checking macro, and a counting allocator that can be told to fail.
 */
#ifndef CRESCENT_OBJ_TEST_H
#define CRESCENT_OBJ_TEST_H

#include <stdio.h>
#include <stdlib.h>

#include "obj/object.h"

extern char stub_lasterror[256];
void stub_warn(void *ud, const char *msg, int tocont);

#define ttypename(t) (value_type_names[(t) + 1])

extern int test_failures;
extern int test_checks;
#define CHECK(c) \
  do { test_checks++; if (!(c)) { test_failures++; \
    fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); } \
  } while (0)

/* Counting allocator: bytes in use, and fail_after = N makes the N-th next
 * allocation fail (0 = never). */
typedef struct TestAlloc {
  size_t inuse;
  long nallocs;
  long fail_after;
  size_t limit;          /* fail growth beyond this many bytes (0: none) */
  long failures;         /* allocations refused so far */
} TestAlloc;
void *test_alloc(void *ud, void *ptr, size_t osize, size_t nsize);
lua_State *test_newstate(TestAlloc *a);

#endif
