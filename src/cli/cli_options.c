/*
 * cli_options.c - recognising the engine options of the `crescent`
 * program (the table in cli_option_list.h) and handing them to the
 * engine through crescent_set_option.
 */
#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "lua.h"

#include "cli/cli_options.h"


/* The option table as data: what parsing and applying walk over. */
struct cli_option_spec {
	const char *name;
	enum cli_option_kind kind;
	const char *choices;
	size_t offset;		/* of the setting in struct crescent_options */
};

static const struct cli_option_spec cli_option_specs[] = {
#define CLI_OPTION_SPEC(field, name, kind, choices, help) \
	{ name, kind, choices, offsetof(struct crescent_options, field) },
	CRESCENT_ENGINE_OPTIONS(CLI_OPTION_SPEC)
#undef CLI_OPTION_SPEC
};

#define CLI_OPTION_COUNT_OF_SPECS \
	(sizeof cli_option_specs / sizeof cli_option_specs[0])

/* Whether 'value' is one of the '|'-separated words of 'choices'. */
static int cli_options_is_choice(const char *value, const char *choices)
{
	size_t len = strlen(value);
	const char *word = choices;
	for (;;) {
		const char *bar = strchr(word, '|');
		size_t word_len = bar ? (size_t)(bar - word) : strlen(word);
		if (word_len == len && memcmp(word, value, len) == 0)
			return 1;
		if (bar == NULL)
			return 0;
		word = bar + 1;
	}
}

static int cli_options_is_count(const char *value)
{
	if (*value == '\0')
		return 0;
	for (; *value != '\0'; value++) {
		if (!isdigit((unsigned char)*value))
			return 0;
	}
	return 1;
}

static int cli_options_value_ok(const struct cli_option_spec *spec,
				const char *value)
{
	switch (spec->kind) {
	case CLI_OPTION_FLAG:
		return value == NULL;
	case CLI_OPTION_CHOICE:
		return value != NULL && cli_options_is_choice(value, spec->choices);
	case CLI_OPTION_COUNT:
		return value != NULL && cli_options_is_count(value);
	}
	return 0;
}

int cli_options_parse(const char *arg, struct crescent_options *options)
{
	if (arg[0] != '-' || arg[1] != '-')
		return 0;
	const char *name = arg + 2;
	const char *equals = strchr(name, '=');
	size_t name_len = equals ? (size_t)(equals - name) : strlen(name);
	const char *value = equals ? equals + 1 : NULL;
	for (size_t i = 0; i < CLI_OPTION_COUNT_OF_SPECS; i++) {
		const struct cli_option_spec *spec = &cli_option_specs[i];
		if (strlen(spec->name) != name_len
		    || memcmp(spec->name, name, name_len) != 0)
			continue;
		if (!cli_options_value_ok(spec, value))
			return 0;
		struct crescent_option_setting *setting =
			(struct crescent_option_setting *)((char *)options
							   + spec->offset);
		setting->given = 1;
		setting->value = value;
		return 1;
	}
	return 0;
}

void cli_options_apply(lua_State *L, const struct crescent_options *options)
{
	for (size_t i = 0; i < CLI_OPTION_COUNT_OF_SPECS; i++) {
		const struct cli_option_spec *spec = &cli_option_specs[i];
		const struct crescent_option_setting *setting =
			(const struct crescent_option_setting *)
			((const char *)options + spec->offset);
		if (setting->given)
			crescent_set_option(L, spec->name, setting->value);
	}
}
