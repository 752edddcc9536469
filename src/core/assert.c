/*
 * assert.c — the failure path of cr_assert (test and sanitizer builds).
 *
 * Kept out of line and cold so an assertion costs one compare and a
 * never-taken branch at its site.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/common.h"

#if defined(CRESCENT_ASSERT) && CRESCENT_ASSERT
void cr_assert_fail(const char *cond, const char *msg, const char *file,
                    int line) {
  fprintf(stderr, "crescent: internal assertion failed at %s:%d: %s (%s)\n",
          file, line, msg ? msg : "", cond);
  fflush(stderr);
  abort();
}
#endif
