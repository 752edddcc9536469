/*
 * options.c — crescent_set_option and the default option record.
 *
 * Options are set once, before any Lua code runs, and read on slow paths
 * only (an inline cache changing state, a function becoming hot), so a
 * plain struct behind a pointer is enough. A state created without an
 * options record gets the process-wide default one: embedders that never
 * touch options pay nothing, and nobody has to free it at lua_close.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/options.h"

static EngineOptions options_default = {
#define X(field, spelling, kind, def, doc) .field = (def),
  ENGINE_OPTIONS(X)
#undef X
};

static void options_from_env(lua_State *L);

EngineOptions *options_get(lua_State *L) {
  global_State *g = G(L);
  if (CR_UNLIKELY(g->options == NULL)) {
    g->options = &options_default;
    options_from_env(L);
  }
  return g->options;
}

static const char *const options_jit_spelling[JIT_MODE_COUNT] = {
#define X(name, spelling, avail) spelling,
  ENGINE_JIT_MODES(X)
#undef X
};
static const unsigned char options_jit_available[JIT_MODE_COUNT] = {
#define X(name, spelling, avail) avail,
  ENGINE_JIT_MODES(X)
#undef X
};

/* Parse `value` for an option of `kind` into *out; 0 if it is not valid. */
static int options_parse(const char *name, int kind, const char *value,
                         int *out) {
  switch (kind) {
    case OPTKIND_FLAG:
      *out = 1;
      return 1;
    case OPTKIND_COUNT: {
      char *end;
      long n;
      if (value == NULL || *value == '\0') return 0;
      n = strtol(value, &end, 10);
      if (*end != '\0' || n < 0 || n > INT32_MAX) return 0;
      *out = (int)n;
      return 1;
    }
    case OPTKIND_JITMODE:
      for (int m = 0; m < JIT_MODE_COUNT; m++) {
        if (value != NULL && strcmp(value, options_jit_spelling[m]) == 0) {
          if (!options_jit_available[m]) {
            fprintf(stderr, "crescent: --%s=%s: %s JIT not available "
                    "(running with --%s=off)\n", name, value, value, name);
            *out = JIT_MODE_OFF;
            return 1;
          }
          *out = m;
          return 1;
        }
      }
      return 0;
  }
  return 0;
}

void crescent_set_option(lua_State *L, const char *name, const char *value) {
  EngineOptions *o = options_get(L);
#define X(field, spelling, kind, def, doc)                               \
  if (strcmp(name, spelling) == 0) {                                     \
    if (!options_parse(spelling, OPTKIND_##kind, value, &o->field))      \
      fprintf(stderr, "crescent: bad value '%s' for option --%s\n",      \
              value ? value : "", spelling);                             \
    return;                                                              \
  }
  ENGINE_OPTIONS(X)
#undef X
  fprintf(stderr, "crescent: unknown engine option --%s\n", name);
}

/*
 * CRESCENT_OPTIONS lets a program that embeds Crescent (and so has no
 * command line of ours) choose engine options: the same spellings as the
 * `crescent` program's switches, separated by spaces or commas, with or
 * without the leading "--", e.g. CRESCENT_OPTIONS="--jit=baseline
 * --jit-threshold=0". It is read once per process, when the first state
 * asks for its options; the test runners use it to run the embedding hosts
 * in every tier.
 */
static void options_from_env(lua_State *L) {
  static int done;
  const char *env;
  char buf[512];
  if (done) return;
  done = 1;
  env = getenv("CRESCENT_OPTIONS");
  if (env == NULL || strlen(env) >= sizeof buf) return;
  strcpy(buf, env);
  for (char *save = NULL, *tok = strtok_r(buf, " ,", &save); tok != NULL;
       tok = strtok_r(NULL, " ,", &save)) {
    char *eq;
    while (*tok == '-') tok++;
    eq = strchr(tok, '=');
    if (eq != NULL) *eq++ = '\0';
    crescent_set_option(L, tok, eq);
  }
}
