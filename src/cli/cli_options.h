/*
 * cli_options.h - engine options of the `crescent` program and the hook
 * that hands them to the engine.
 *
 * The command line is parsed before the engine runs any Lua code; each
 * engine option given is recorded in struct crescent_options and then
 * passed on, in table order, through crescent_set_option.  The CLI only
 * checks an option's syntax; what it means is the engine's business.
 */
#ifndef crescent_cli_options_h
#define crescent_cli_options_h

#include "lua.h"

#include "cli/cli_option_list.h"

enum cli_option_kind {
	CLI_OPTION_FLAG,
	CLI_OPTION_CHOICE,
	CLI_OPTION_COUNT
};

/* One option's setting: 'value' is NULL for a flag (and when not given). */
struct crescent_option_setting {
	int given;
	const char *value;
};

struct crescent_options {
#define CLI_OPTION_FIELD(field, name, kind, choices, help) \
	struct crescent_option_setting field;
	CRESCENT_ENGINE_OPTIONS(CLI_OPTION_FIELD)
#undef CLI_OPTION_FIELD
};

/*
 * Implemented by the engine, not by the CLI: applies engine option 'name'
 * (spelled as in the table, without "--") with 'value' (NULL for a flag)
 * to the state L.  Called after the state is created and before any
 * library is opened or any Lua code runs.
 */
extern void crescent_set_option(lua_State *L, const char *name,
				const char *value);

/*
 * Recognises "--name" / "--name=value" in 'arg' and records it in
 * 'options'.  Returns 0 when 'arg' is no engine option or its value is
 * not acceptable (the CLI then reports it as an unrecognised option).
 * The recorded value points into 'arg'.
 */
extern int cli_options_parse(const char *arg, struct crescent_options *options);

/* Calls crescent_set_option for every option recorded in 'options'. */
extern void cli_options_apply(lua_State *L, const struct crescent_options *options);

#endif
