/*
 * cli_main.c - the `crescent` program: `crescent [options] [script
 * [args]]`, option for option the behaviour of lua5.4's `lua`, plus the
 * engine options of cli_option_list.h.
 *
 * Order of events, as in lua5.4: parse the options (a bad one prints the
 * usage text and fails), pass the engine options on, open the libraries,
 * build the global 'arg', run LUA_INIT (unless -E), run the -e and -l
 * options and -W in command-line order, run the script, then enter the
 * interactive loop if -i was given or nothing else was asked for.  Every
 * step after the options runs inside a protected call, so even a memory
 * error ends with a message instead of a crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "cli/cli_options.h"
#include "cli/cli_repl.h"
#include "cli/cli_run.h"


/* Environment variables with code to run first ("@file" runs a file);
 * the versioned name is tried first. */
#define CLI_INIT_VAR "LUA_INIT"
#define CLI_INIT_VAR_VERSIONED CLI_INIT_VAR LUA_VERSUFFIX


/* ===================================================================
 * Command-line options
 * =================================================================== */

/* What the options asked for, as bits. */
enum cli_request {
	CLI_BAD_OPTION = 1,
	CLI_INTERACTIVE = 2,	/* -i */
	CLI_VERSION = 4,	/* -v (implied by -i) */
	CLI_EXECUTE = 8,	/* at least one -e */
	CLI_IGNORE_ENV = 16	/* -E */
};

struct cli_command_line {
	int argc;
	char **argv;
	int requests;		/* enum cli_request bits */
	/* Index of the script in argv; argc when there is none.  With
	 * CLI_BAD_OPTION, the index of the offending option. */
	int script;
	struct crescent_options engine;
};

/* A one-letter option that must stand alone ("-v", not "-vx"). */
static int cli_is_bare(const char *arg)
{
	return arg[2] == '\0';
}

/* Scans the options in front of the script name.  Only their syntax is
 * checked here; -e and -l are run later, in order, by cli_run_options. */
static void cli_parse(struct cli_command_line *cmd)
{
	char **argv = cmd->argv;
	int i;
	for (i = 1; i < cmd->argc; i++) {
		cmd->script = i;
		const char *arg = argv[i];
		if (arg[0] != '-')
			return;
		switch (arg[1]) {
		case '-':
			if (arg[2] == '\0') {
				cmd->script = i + 1;
				return;
			}
			if (!cli_options_parse(arg, &cmd->engine))
				goto bad_option;
			break;
		case '\0':
			return;	/* "-": the script is stdin */
		case 'E':
			if (!cli_is_bare(arg))
				goto bad_option;
			cmd->requests |= CLI_IGNORE_ENV;
			break;
		case 'W':
			if (!cli_is_bare(arg))
				goto bad_option;
			break;
		case 'i':
			if (!cli_is_bare(arg))
				goto bad_option;
			cmd->requests |= CLI_INTERACTIVE | CLI_VERSION;
			break;
		case 'v':
			if (!cli_is_bare(arg))
				goto bad_option;
			cmd->requests |= CLI_VERSION;
			break;
		case 'e':
		case 'l':
			if (arg[1] == 'e')
				cmd->requests |= CLI_EXECUTE;
			/* The argument is glued on ("-lmod") or the next word,
			 * which may not look like an option. */
			if (arg[2] == '\0') {
				i++;
				if (i >= cmd->argc || argv[i][0] == '-')
					goto bad_option;
			}
			break;
		default:
			goto bad_option;
		}
	}
	cmd->script = i;
	return;
bad_option:
	cmd->requests = CLI_BAD_OPTION;
}

static void cli_print_usage(const char *progname, const char *bad_option)
{
	if (bad_option[1] == 'e' || bad_option[1] == 'l')
		fprintf(stderr, "%s: '%s' needs argument\n", progname, bad_option);
	else
		fprintf(stderr, "%s: unrecognized option '%s'\n", progname,
			bad_option);
	fprintf(stderr,
		"usage: %s [options] [script [args]]\n"
		"Available options are:\n"
		"  -e stat   execute string 'stat'\n"
		"  -i        enter interactive mode after executing 'script'\n"
		"  -l mod    require library 'mod' into global 'mod'\n"
		"  -l g=mod  require library 'mod' into global 'g'\n"
		"  -v        show version information\n"
		"  -E        ignore environment variables\n"
		"  -W        turn warnings on\n"
		"  --        stop handling options\n"
		"  -         stop handling options and execute stdin\n",
		progname);
	fflush(stderr);
}


/* ===================================================================
 * Running what the command line asks for
 * =================================================================== */

/*
 * The global 'arg': the script name at index 0, its arguments at 1, 2,
 * ..., and everything before it (program name, options) at negative
 * indices.  Without a script the program name is at 0.  Engine options
 * are left out, so a program sees the same 'arg' in every tier mode as
 * under lua5.4, which has no such options.
 */
static int cli_is_engine_option(const char *arg)
{
	struct crescent_options scratch;
	memset(&scratch, 0, sizeof scratch);
	return cli_options_parse(arg, &scratch);
}

static void cli_create_arg_table(lua_State *L, const struct cli_command_line *cmd)
{
	int has_script = cmd->script < cmd->argc;
	int visible_options = 0;
	for (int i = 1; i < cmd->script; i++) {
		if (!cli_is_engine_option(cmd->argv[i]))
			visible_options++;
	}
	/* argv[0] sits at 0 without a script, else before the options. */
	int index = has_script ? -(visible_options + 1) : 0;
	int npositive = has_script ? cmd->argc - cmd->script - 1 : visible_options;
	lua_createtable(L, npositive, visible_options + 1);
	for (int i = 0; i < cmd->argc; i++) {
		if (i > 0 && i < cmd->script && cli_is_engine_option(cmd->argv[i]))
			continue;
		lua_pushstring(L, cmd->argv[i]);
		lua_rawseti(L, -2, index++);
	}
	lua_setglobal(L, "arg");
}

static int cli_run_string(lua_State *L, const char *code, const char *chunkname)
{
	return cli_run_chunk(L, luaL_loadbuffer(L, code, strlen(code), chunkname));
}

static int cli_run_file(lua_State *L, const char *filename)
{
	return cli_run_chunk(L, luaL_loadfile(L, filename));
}

/* -l mod sets global 'mod' to require("mod"); -l g=mod sets 'g'. */
static int cli_require(lua_State *L, char *spec)
{
	char *modname = strchr(spec, '=');
	if (modname == NULL) {
		modname = spec;
	} else {
		*modname = '\0';
		modname++;
	}
	lua_getglobal(L, "require");
	lua_pushstring(L, modname);
	int status = cli_run_call(L, 1, 1);
	if (status == LUA_OK)
		lua_setglobal(L, spec);
	return cli_run_report(L, status);
}

/* Runs -e, -l and -W in order.  Returns 0 after the first failure. */
static int cli_run_options(lua_State *L, char **argv, int limit)
{
	for (int i = 1; i < limit; i++) {
		char option = argv[i][1];
		if (option == 'W') {
			lua_warning(L, "@on", 0);
			continue;
		}
		if (option != 'e' && option != 'l')
			continue;
		char *value = argv[i] + 2;
		if (*value == '\0')
			value = argv[++i];
		int status = option == 'e'
			     ? cli_run_string(L, value, "=(command line)")
			     : cli_require(L, value);
		if (status != LUA_OK)
			return 0;
	}
	return 1;
}

static int cli_run_init_code(lua_State *L)
{
	const char *chunkname = "=" CLI_INIT_VAR_VERSIONED;
	const char *code = getenv(chunkname + 1);
	if (code == NULL) {
		chunkname = "=" CLI_INIT_VAR;
		code = getenv(chunkname + 1);
	}
	if (code == NULL)
		return LUA_OK;
	if (code[0] == '@')
		return cli_run_file(L, code + 1);
	return cli_run_string(L, code, chunkname);
}

/* Pushes arg[1] .. arg[#arg] (as the table is now: the init code and
 * the options may have changed it) and returns how many. */
static int cli_push_script_args(lua_State *L)
{
	if (lua_getglobal(L, "arg") != LUA_TTABLE)
		luaL_error(L, "'arg' is not a table");
	int n = (int)luaL_len(L, -1);
	luaL_checkstack(L, n + 3, "too many arguments to script");
	for (int i = 1; i <= n; i++)
		lua_rawgeti(L, -i, i);
	lua_remove(L, -n - 1);
	return n;
}

/* "-" is stdin, unless it came after "--" (then it is a file name). */
static int cli_run_script(lua_State *L, const struct cli_command_line *cmd)
{
	const char *filename = cmd->argv[cmd->script];
	if (strcmp(filename, "-") == 0
	    && strcmp(cmd->argv[cmd->script - 1], "--") != 0)
		filename = NULL;
	int status = luaL_loadfile(L, filename);
	if (status == LUA_OK) {
		int nargs = cli_push_script_args(L);
		status = cli_run_call(L, nargs, LUA_MULTRET);
	}
	return cli_run_report(L, status);
}

/* The body of the program, run as a protected call.  Leaves true when
 * everything succeeded. */
static int cli_protected_main(lua_State *L)
{
	struct cli_command_line *cmd =
		(struct cli_command_line *)lua_touserdata(L, 1);
	cli_parse(cmd);
	luaL_checkversion(L);
	if (cmd->requests == CLI_BAD_OPTION) {
		cli_print_usage(cli_run_progname, cmd->argv[cmd->script]);
		return 0;
	}
	cli_options_apply(L, &cmd->engine);
	if (cmd->requests & CLI_VERSION)
		cli_run_print_version();
	if (cmd->requests & CLI_IGNORE_ENV) {
		lua_pushboolean(L, 1);
		lua_setfield(L, LUA_REGISTRYINDEX, "LUA_NOENV");
	}
	luaL_openlibs(L);
	cli_create_arg_table(L, cmd);
	lua_gc(L, LUA_GCGEN, 0, 0);
	if (!(cmd->requests & CLI_IGNORE_ENV) && cli_run_init_code(L) != LUA_OK)
		return 0;
	if (!cli_run_options(L, cmd->argv, cmd->script))
		return 0;
	if (cmd->script < cmd->argc && cli_run_script(L, cmd) != LUA_OK)
		return 0;
	if (cmd->requests & CLI_INTERACTIVE) {
		cli_repl_run(L);
	} else if (cmd->script == cmd->argc
		   && !(cmd->requests & (CLI_EXECUTE | CLI_VERSION))) {
		if (isatty(STDIN_FILENO)) {
			cli_run_print_version();
			cli_repl_run(L);
		} else {
			cli_run_file(L, NULL);
		}
	}
	lua_pushboolean(L, 1);
	return 1;
}

int main(int argc, char **argv)
{
	struct cli_command_line cmd;
	memset(&cmd, 0, sizeof cmd);
	cmd.argc = argc;
	cmd.argv = argv;
	cmd.script = argc;
	if (argc > 0 && argv[0][0] != '\0')
		cli_run_progname = argv[0];
	lua_State *L = luaL_newstate();
	if (L == NULL) {
		cli_run_message(argc > 0 ? argv[0] : NULL,
				"cannot create state: not enough memory");
		return EXIT_FAILURE;
	}
	lua_pushcfunction(L, cli_protected_main);
	lua_pushlightuserdata(L, &cmd);
	/* lua5.4's program passes two values (argc, argv) to its protected
	 * main; passing the same number keeps scripts at the same stack depth,
	 * so "stack overflow" strikes at exactly the same recursion level. */
	lua_pushinteger(L, argc);
	int status = lua_pcall(L, 2, 1, 0);
	int ok = lua_toboolean(L, -1);
	cli_run_report(L, status);
	lua_close(L);
	return ok && status == LUA_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}
