/*
 * options.h — the engine's tunable switches (DESIGN.md, decision 14:
 * an observable engine), defined once as an X-macro table.
 *
 * The CLI parses "--name[=value]" (src/cli/cli_option_list.h) and hands each
 * option to crescent_set_option; embedders may call it too. Every switch
 * lives in one struct EngineOptions per global state (G(L)->options). A
 * state whose creator did not allocate one shares a static default record,
 * so reading options never allocates and never fails.
 */
#ifndef CRESCENT_OPTIONS_H
#define CRESCENT_OPTIONS_H

#include "obj/object.h"

/* JIT modes: X(NAME, spelling, available in this build). */
#define ENGINE_JIT_MODES(X) \
  X(OFF,      "off",      1) \
  X(BASELINE, "baseline", 1)

enum EngineJitMode {
#define X(name, spelling, avail) JIT_MODE_##name,
  ENGINE_JIT_MODES(X)
#undef X
  JIT_MODE_COUNT
};

/* Value kinds of options. */
#define OPTION_KINDS(X) X(FLAG) X(JITMODE) X(COUNT)
enum EngineOptionKind {
#define X(k) OPTKIND_##k,
  OPTION_KINDS(X)
#undef X
};

/*
 * X(field, spelling, kind, default, doc)
 *   field     member of struct EngineOptions (an int)
 *   spelling  the name crescent_set_option receives ("--" removed)
 *   kind      OPTKIND_FLAG: 1 when given; OPTKIND_JITMODE: "off"|"baseline";
 *             OPTKIND_COUNT: a decimal integer >= 0
 */
#define ENGINE_OPTIONS(X)                                                   \
  X(print_bytecode, "print-bytecode", FLAG, 0,                              \
    "print the bytecode of every function as it is compiled")               \
  X(trace_ic, "trace-ic", FLAG, 0,                                          \
    "print every inline cache state change to stderr")                      \
  X(jit, "jit", JITMODE, JIT_MODE_BASELINE,                                 \
    "highest tier a function may reach")                                    \
  X(jit_threshold, "jit-threshold", COUNT, 1000,                            \
    "entries + loop back-edges before a function counts as hot")            \
  X(jit_warmup, "jit-warmup", COUNT, 1000,                                  \
    "entries + back-edges in profiling code before the plain recompile "    \
    "(1..1000, jit.h's JIT_WARMUP)")                                        \
  X(trace_opt, "trace-opt", FLAG, 0,                                        \
    "report tier-up decisions to stderr")                                   \
  X(print_code, "print-code", FLAG, 0,                                      \
    "print the machine code of every compiled function")                    \
  X(perf_map, "perf-map", FLAG, 0,                                          \
    "append compiled functions to /tmp/perf-PID.map for perf")

typedef struct EngineOptions {
#define X(field, spelling, kind, def, doc) int field;
  ENGINE_OPTIONS(X)
#undef X
} EngineOptions;

/* The options of L's state (never NULL). */
EngineOptions *options_get(lua_State *L);

/* Apply option `name` (without "--") with `value` (NULL for a flag).
 * Unknown names and bad values are reported on stderr and ignored. The
 * declaration the CLI sees is in src/cli/cli_options.h. */
void crescent_set_option(lua_State *L, const char *name, const char *value);

#endif
