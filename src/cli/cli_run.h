/*
 * cli_run.h - running chunks for the `crescent` program (cli_run.c):
 * protected calls with a traceback handler and Ctrl-C interruption, and
 * error reports on stderr.  Shared by the argument handling (cli_main.c)
 * and the interactive loop (cli_repl.c).
 */
#ifndef crescent_cli_run_h
#define crescent_cli_run_h

#include "lua.h"

/* Starts every error report ("crescent: msg"); NULL in interactive mode,
 * where reports carry no program name. */
extern const char *cli_run_progname;

/* Writes "progname: message" (or just the message) and a newline to
 * stderr; a NULL message is written as "(null)", as lua5.4 does. */
extern void cli_run_message(const char *progname, const char *message);

/* Reports the error on top of the stack (and pops it) unless status is
 * LUA_OK.  Returns status. */
extern int cli_run_report(lua_State *L, int status);

/*
 * Calls the function below the 'nargs' arguments on top of the stack
 * like lua_pcall, but errors come back with a traceback appended and
 * SIGINT interrupts the running code with an "interrupted!" error.
 */
extern int cli_run_call(lua_State *L, int nargs, int nresults);

/* Runs a loaded chunk (or reports the load error in 'status'). */
extern int cli_run_chunk(lua_State *L, int status);

/* Writes the version banner to stdout. */
extern void cli_run_print_version(void);

#endif
