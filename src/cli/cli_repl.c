/*
 * cli_repl.c - the interactive read-eval-print loop of `crescent`, as
 * lua5.4's: prompts "> " and ">> " (or the globals _PROMPT / _PROMPT2),
 * lines tried first as an expression ("return <line>;") whose values are
 * printed, statements continued over several lines while the parser's
 * complaint ends at "<eof>", readline for line editing and history.
 *
 * The stack discipline follows lua5.4 closely because one of its quirks
 * is visible: when input ends inside an unfinished statement, the value
 * left on the stack (the continuation prompt) is what gets reported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "cli/cli_repl.h"
#include "cli/cli_run.h"

#if !defined(CRESCENT_NO_READLINE)
#include <readline/history.h>
#include <readline/readline.h>
#endif


#define CLI_REPL_PROMPT "> "
#define CLI_REPL_CONTINUATION_PROMPT ">> "

/* The parser ends its message with this token when the input stopped
 * too early, which is how an unfinished statement is recognised. */
#define CLI_REPL_EOF_MARK "<eof>"

/* Longest line read without readline (lua5.4's bound). */
#define CLI_REPL_LINE_MAX 512


/* ===================================================================
 * Line input
 * =================================================================== */

#if !defined(CRESCENT_NO_READLINE)

static void cli_repl_init_input(void)
{
	rl_readline_name = "crescent";
}

/* A line without its newline (malloc'ed), or NULL at end of input. */
static char *cli_repl_read(const char *prompt)
{
	return readline(prompt);
}

static void cli_repl_remember(const char *line)
{
	add_history(line);
}

static void cli_repl_release(char *line)
{
	free(line);
}

#else

static char cli_repl_line[CLI_REPL_LINE_MAX];

static void cli_repl_init_input(void)
{
}

static char *cli_repl_read(const char *prompt)
{
	fputs(prompt, stdout);
	fflush(stdout);
	return fgets(cli_repl_line, sizeof cli_repl_line, stdin);
}

static void cli_repl_remember(const char *line)
{
	(void)line;
}

static void cli_repl_release(char *line)
{
	(void)line;
}

#endif


/* ===================================================================
 * Reading statements
 * =================================================================== */

/* Pushes the prompt to show: the global's value converted by tostring,
 * or nil (and returns the default) when it is not set. */
static const char *cli_repl_push_prompt(lua_State *L, int first_line)
{
	if (lua_getglobal(L, first_line ? "_PROMPT" : "_PROMPT2") == LUA_TNIL)
		return first_line ? CLI_REPL_PROMPT : CLI_REPL_CONTINUATION_PROMPT;
	const char *prompt = luaL_tolstring(L, -1, NULL);
	lua_remove(L, -2);
	return prompt;
}

/*
 * Reads one line and pushes it.  Returns 0 at end of input, leaving the
 * prompt value on the stack for the caller to clear.  On the first line,
 * "=expr" means "return expr", as in Lua 5.2.
 */
static int cli_repl_push_line(lua_State *L, int first_line)
{
	const char *prompt = cli_repl_push_prompt(L, first_line);
	char *line = cli_repl_read(prompt);
	if (line == NULL)
		return 0;
	lua_pop(L, 1);
	size_t len = strlen(line);
	if (len > 0 && line[len - 1] == '\n')
		line[--len] = '\0';
	if (first_line && line[0] == '=')
		lua_pushfstring(L, "return %s", line + 1);
	else
		lua_pushlstring(L, line, len);
	cli_repl_release(line);
	return 1;
}

/* Tries the line on top as an expression; on success replaces it by the
 * compiled chunk. */
static int cli_repl_try_expression(lua_State *L)
{
	const char *line = lua_tostring(L, -1);
	const char *code = lua_pushfstring(L, "return %s;", line);
	int status = luaL_loadbuffer(L, code, strlen(code), "=stdin");
	if (status == LUA_OK) {
		lua_remove(L, -2);
		if (line[0] != '\0')
			cli_repl_remember(line);
	} else {
		lua_pop(L, 2);
	}
	return status;
}

/* Whether a load 'status' failed only because the input ended early;
 * if so the message is popped. */
static int cli_repl_incomplete(lua_State *L, int status)
{
	if (status != LUA_ERRSYNTAX)
		return 0;
	size_t len;
	const char *message = lua_tolstring(L, -1, &len);
	size_t mark_len = sizeof CLI_REPL_EOF_MARK - 1;
	if (len < mark_len || strcmp(message + len - mark_len, CLI_REPL_EOF_MARK) != 0)
		return 0;
	lua_pop(L, 1);
	return 1;
}

/* Compiles the text at index 1 as a statement, reading more lines while
 * it is unfinished. */
static int cli_repl_compile_statement(lua_State *L)
{
	for (;;) {
		size_t len;
		const char *text = lua_tolstring(L, 1, &len);
		int status = luaL_loadbuffer(L, text, len, "=stdin");
		if (!cli_repl_incomplete(L, status) || !cli_repl_push_line(L, 0)) {
			cli_repl_remember(text);
			return status;
		}
		lua_pushliteral(L, "\n");
		lua_insert(L, -2);
		lua_concat(L, 3);
	}
}

/* Leaves one compiled chunk (or error) on an emptied stack.  Returns -1
 * at end of input. */
static int cli_repl_read_chunk(lua_State *L)
{
	lua_settop(L, 0);
	if (!cli_repl_push_line(L, 1))
		return -1;
	int status = cli_repl_try_expression(L);
	if (status != LUA_OK)
		status = cli_repl_compile_statement(L);
	lua_remove(L, 1);
	return status;
}


/* ===================================================================
 * The loop
 * =================================================================== */

/* Prints every value left on the stack with the global print. */
static void cli_repl_print_results(lua_State *L)
{
	int n = lua_gettop(L);
	if (n == 0)
		return;
	luaL_checkstack(L, LUA_MINSTACK, "too many results to print");
	lua_getglobal(L, "print");
	lua_insert(L, 1);
	if (lua_pcall(L, n, 0, 0) != LUA_OK)
		cli_run_message(cli_run_progname,
				lua_pushfstring(L, "error calling 'print' (%s)",
						lua_tostring(L, -1)));
}

void cli_repl_run(lua_State *L)
{
	const char *saved_progname = cli_run_progname;
	cli_run_progname = NULL;
	cli_repl_init_input();
	int status;
	while ((status = cli_repl_read_chunk(L)) != -1) {
		if (status == LUA_OK)
			status = cli_run_call(L, 0, LUA_MULTRET);
		if (status == LUA_OK)
			cli_repl_print_results(L);
		else
			cli_run_report(L, status);
	}
	lua_settop(L, 0);
	fwrite("\n", 1, 1, stdout);
	fflush(stdout);
	cli_run_progname = saved_progname;
}
