/*
 * cli_repl.h - the interactive read-eval-print loop of `crescent`
 * (cli_repl.c).
 */
#ifndef crescent_cli_repl_h
#define crescent_cli_repl_h

#include "lua.h"

/* Reads, runs and prints until the end of standard input. */
extern void cli_repl_run(lua_State *L);

#endif
