/*
 * cli_run.c - running chunks for the `crescent` program: the message
 * handler that turns errors into "message + traceback", interruption by
 * Ctrl-C, and error reports.
 *
 * SIGINT cannot stop Lua code directly (a signal handler may not raise a
 * Lua error), so the handler only installs a hook that fires at the very
 * next hook event and raises the error there, from inside the VM.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "cli/cli_run.h"


#define CLI_RUN_VERSION_BANNER "Crescent 0.1 (Lua 5.4)"

const char *cli_run_progname = "crescent";

/* The state being run, for the signal handler (which gets no argument). */
static lua_State *cli_run_signalled_state = NULL;


/* ===================================================================
 * Reports
 * =================================================================== */

void cli_run_message(const char *progname, const char *message)
{
	if (progname != NULL)
		fprintf(stderr, "%s: ", progname);
	fprintf(stderr, "%s\n", message != NULL ? message : "(null)");
	fflush(stderr);
}

int cli_run_report(lua_State *L, int status)
{
	if (status != LUA_OK) {
		cli_run_message(cli_run_progname, lua_tostring(L, -1));
		lua_pop(L, 1);
	}
	return status;
}

void cli_run_print_version(void)
{
	fwrite(CLI_RUN_VERSION_BANNER "\n", 1, strlen(CLI_RUN_VERSION_BANNER) + 1,
	       stdout);
	fflush(stdout);
}


/* ===================================================================
 * Interruption
 * =================================================================== */

static void cli_run_set_signal(int signal_number, void (*handler)(int))
{
	struct sigaction action;
	action.sa_handler = handler;
	action.sa_flags = 0;
	sigemptyset(&action.sa_mask);
	sigaction(signal_number, &action, NULL);
}

static void cli_run_interrupt_hook(lua_State *L, lua_Debug *info)
{
	(void)info;
	lua_sethook(L, NULL, 0, 0);
	luaL_error(L, "interrupted!");
}

/* lua_sethook is the one API function safe to call from a signal
 * handler.  A second Ctrl-C, before the hook ran, kills the process. */
static void cli_run_on_sigint(int signal_number)
{
	cli_run_set_signal(signal_number, SIG_DFL);
	lua_sethook(cli_run_signalled_state, cli_run_interrupt_hook,
		    LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT, 1);
}


/* ===================================================================
 * Protected calls
 * =================================================================== */

/* Error objects that are not strings are described by __tostring when
 * they have one (then without traceback), otherwise by their type. */
static int cli_run_message_handler(lua_State *L)
{
	const char *message = lua_tostring(L, 1);
	if (message == NULL) {
		if (luaL_callmeta(L, 1, "__tostring")
		    && lua_type(L, -1) == LUA_TSTRING)
			return 1;
		message = lua_pushfstring(L, "(error object is a %s value)",
					  luaL_typename(L, 1));
	}
	luaL_traceback(L, L, message, 1);
	return 1;
}

int cli_run_call(lua_State *L, int nargs, int nresults)
{
	int handler = lua_gettop(L) - nargs;
	lua_pushcfunction(L, cli_run_message_handler);
	lua_insert(L, handler);
	cli_run_signalled_state = L;
	cli_run_set_signal(SIGINT, cli_run_on_sigint);
	int status = lua_pcall(L, nargs, nresults, handler);
	cli_run_set_signal(SIGINT, SIG_DFL);
	lua_remove(L, handler);
	return status;
}

int cli_run_chunk(lua_State *L, int status)
{
	if (status == LUA_OK)
		status = cli_run_call(L, 0, 0);
	return cli_run_report(L, status);
}
