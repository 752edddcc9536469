/*
 * api_check.c — the report printed when a CRESCENT_ASSERT build catches a
 * misuse of the C API (see api_check.h). Release builds compile nothing
 * here.
 */
#include "api/api_check.h"

#if defined(CRESCENT_ASSERT) && CRESCENT_ASSERT

#include <stdio.h>
#include <stdlib.h>

void api_check_fail(lua_State *L, const char *cond, const char *msg,
                    const char *file, int line) {
  (void)L;
  fprintf(stderr, "crescent: C API misuse: %s\n  (check '%s' failed at %s:%d)\n",
          msg, cond, file, line);
  fflush(stderr);
  abort();
}

#endif
