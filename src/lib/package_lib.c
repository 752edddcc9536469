/*
 * package_lib.c - the package library (luaopen_package): require, the
 * four standard searchers, package.searchpath and the search paths.
 *
 * require asks each function in package.searchers in turn for a loader;
 * every searcher that fails returns a piece of explanation, and the pieces
 * make up the "module 'x' not found:" message.  The searchers and require
 * keep the package table as an upvalue, so they keep working when the
 * global 'package' is replaced.  Dynamic libraries are in package_dl.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "lib/package_dl.h"


/* Prefix of a C module's entry point: luaopen_a_b for module "a.b". */
#define PACKAGE_OPEN_PREFIX "luaopen_"
/* Replaces the dots of a module name in the entry point's name. */
#define PACKAGE_OPEN_SEP "_"
/* In a module name, marks the end of the part used for the entry point:
 * "mod-v2" is opened by luaopen_mod. */
#define PACKAGE_IGNORE_MARK "-"

/* Environment variables holding the search paths; the versioned name
 * (with LUA_VERSUFFIX) is tried first. */
#define PACKAGE_PATH_VAR "LUA_PATH"
#define PACKAGE_CPATH_VAR "LUA_CPATH"


/* ===================================================================
 * Searching a path
 * =================================================================== */

static int package_readable(const char *filename)
{
	FILE *f = fopen(filename, "r");
	if (f == NULL)
		return 0;
	fclose(f);
	return 1;
}

/*
 * Splits the writable list of file names at *cursor (the ';' separators
 * become '\0' one by one) and returns the next name, or NULL at 'end'.
 * The separator zeroed in the previous call is restored first, so the
 * whole list can still be used for the error message afterwards.
 */
static const char *package_next_template(char **cursor, char *end)
{
	char *name = *cursor;
	if (name == end)
		return NULL;
	if (*name == '\0') {
		*name = *LUA_PATH_SEP;
		name++;
	}
	char *separator = strchr(name, *LUA_PATH_SEP);
	if (separator == NULL)
		separator = end;
	*separator = '\0';
	*cursor = separator;
	return name;
}

/* "no file 'a'\n\tno file 'b'..." for every name of the list 'names'. */
static void package_push_not_found(lua_State *L, const char *names)
{
	luaL_Buffer message;
	luaL_buffinit(L, &message);
	luaL_addstring(&message, "no file '");
	luaL_addgsub(&message, names, LUA_PATH_SEP, "'\n\tno file '");
	luaL_addstring(&message, "'");
	luaL_pushresult(&message);
}

/*
 * Looks for 'name' in 'path': every 'sep' in the name becomes 'dirsep',
 * then the name replaces each '?' and the first readable file wins.
 * Pushes and returns its name; otherwise pushes the list of files tried
 * (as package_push_not_found words it) and returns NULL.
 */
static const char *package_search_path(lua_State *L, const char *name,
				       const char *path, const char *sep,
				       const char *dirsep)
{
	if (*sep != '\0' && strchr(name, *sep) != NULL)
		name = luaL_gsub(L, name, sep, dirsep);
	luaL_Buffer names;
	luaL_buffinit(L, &names);
	luaL_addgsub(&names, path, LUA_PATH_MARK, name);
	luaL_addchar(&names, '\0');
	char *cursor = luaL_buffaddr(&names);
	char *end = cursor + luaL_bufflen(&names) - 1;
	const char *filename;
	while ((filename = package_next_template(&cursor, end)) != NULL) {
		if (package_readable(filename))
			return lua_pushstring(L, filename);
	}
	luaL_pushresult(&names);
	package_push_not_found(L, lua_tostring(L, -1));
	return NULL;
}

/* The arguments are checked from the last to the first: which bad
 * argument gets reported must match lua5.4, whose compiler evaluates
 * them in that order. */
static int package_searchpath(lua_State *L)
{
	const char *dirsep = luaL_optstring(L, 4, LUA_DIRSEP);
	const char *sep = luaL_optstring(L, 3, ".");
	const char *path = luaL_checkstring(L, 2);
	const char *name = luaL_checkstring(L, 1);
	const char *found = package_search_path(L, name, path, sep, dirsep);
	if (found != NULL)
		return 1;
	luaL_pushfail(L);
	lua_insert(L, -2);
	return 2;
}

/* Searches package[field] ("path" or "cpath") for module 'name'. */
static const char *package_find_file(lua_State *L, const char *name,
				     const char *field, const char *dirsep)
{
	lua_getfield(L, lua_upvalueindex(1), field);
	const char *path = lua_tostring(L, -1);
	if (path == NULL)
		luaL_error(L, "'package.%s' must be a string", field);
	return package_search_path(L, name, path, ".", dirsep);
}


/* ===================================================================
 * Searchers
 * =================================================================== */

/* Ends a searcher that found 'filename': the loader on the stack plus
 * the file name as loader data, or an error if loading failed. */
static int package_loaded_from(lua_State *L, int ok, const char *filename)
{
	if (!ok)
		return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s",
				  lua_tostring(L, 1), filename, lua_tostring(L, -1));
	lua_pushstring(L, filename);
	return 2;
}

static int package_search_preload(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	lua_getfield(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
	if (lua_getfield(L, -1, name) == LUA_TNIL) {
		lua_pushfstring(L, "no field package.preload['%s']", name);
		return 1;
	}
	lua_pushliteral(L, ":preload:");
	return 2;
}

static int package_search_lua(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	const char *filename = package_find_file(L, name, "path", LUA_DIRSEP);
	if (filename == NULL)
		return 1;
	return package_loaded_from(L, luaL_loadfile(L, filename) == LUA_OK,
				   filename);
}

/*
 * Pushes the entry point of module 'modname' from library 'filename'.
 * With a '-' in the name, luaopen_<part before it> is tried first, then
 * luaopen_<part after it> (the Lua 5.1 convention).
 */
static int package_load_entry_point(lua_State *L, const char *filename,
				    const char *modname)
{
	modname = luaL_gsub(L, modname, ".", PACKAGE_OPEN_SEP);
	const char *mark = strchr(modname, *PACKAGE_IGNORE_MARK);
	if (mark != NULL) {
		const char *base = lua_pushlstring(L, modname, (size_t)(mark - modname));
		const char *entry = lua_pushfstring(L, PACKAGE_OPEN_PREFIX "%s", base);
		int failure = package_dl_find_function(L, filename, entry);
		if (failure != PACKAGE_DL_NO_FUNCTION)
			return failure;
		modname = mark + 1;
	}
	const char *entry = lua_pushfstring(L, PACKAGE_OPEN_PREFIX "%s", modname);
	return package_dl_find_function(L, filename, entry);
}

static int package_search_c(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	const char *filename = package_find_file(L, name, "cpath", LUA_DIRSEP);
	if (filename == NULL)
		return 1;
	return package_loaded_from(L, package_load_entry_point(L, filename, name) == 0,
				   filename);
}

/* The all-in-one searcher: a submodule "a.b.c" may live in the library
 * of its root "a", as the function luaopen_a_b_c. */
static int package_search_croot(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	const char *dot = strchr(name, '.');
	if (dot == NULL)
		return 0;
	lua_pushlstring(L, name, (size_t)(dot - name));
	const char *filename = package_find_file(L, lua_tostring(L, -1), "cpath",
						 LUA_DIRSEP);
	if (filename == NULL)
		return 1;
	int failure = package_load_entry_point(L, filename, name);
	if (failure == PACKAGE_DL_NO_FUNCTION) {
		lua_pushfstring(L, "no module '%s' in file '%s'", name, filename);
		return 1;
	}
	if (failure != 0)
		return package_loaded_from(L, 0, filename);
	lua_pushstring(L, filename);
	return 2;
}


/* ===================================================================
 * require
 * =================================================================== */

/*
 * Leaves a loader and its data on the stack, or raises "module not
 * found" with every searcher's explanation.  Each explanation is added
 * after a "\n\t" that is taken back when a searcher has nothing to say.
 */
static void package_find_loader(lua_State *L, const char *name)
{
	if (lua_getfield(L, lua_upvalueindex(1), "searchers") != LUA_TTABLE)
		luaL_error(L, "'package.searchers' must be a table");
	int searchers = lua_gettop(L);
	luaL_Buffer message;
	luaL_buffinit(L, &message);
	for (int i = 1;; i++) {
		luaL_addstring(&message, "\n\t");
		if (lua_rawgeti(L, searchers, i) == LUA_TNIL) {
			lua_pop(L, 1);
			luaL_buffsub(&message, 2);
			luaL_pushresult(&message);
			luaL_error(L, "module '%s' not found:%s", name,
				   lua_tostring(L, -1));
		}
		lua_pushstring(L, name);
		lua_call(L, 1, 2);
		if (lua_isfunction(L, -2))
			return;
		if (lua_isstring(L, -2)) {
			lua_pop(L, 1);
			luaL_addvalue(&message);
		} else {
			lua_pop(L, 2);
			luaL_buffsub(&message, 2);
		}
	}
}

/* The module's value: what the loader returned, else what it stored in
 * package.loaded, else true.  A second result is the loader data. */
static int package_require(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	lua_settop(L, 1);
	lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);	/* index 2 */
	lua_getfield(L, 2, name);
	if (lua_toboolean(L, -1))
		return 1;
	lua_pop(L, 1);
	package_find_loader(L, name);
	/* Stack: ..., loader, data; call loader(name, data), keeping data. */
	lua_rotate(L, -2, 1);
	lua_pushvalue(L, 1);
	lua_pushvalue(L, -3);
	lua_call(L, 2, 1);
	if (!lua_isnil(L, -1))
		lua_setfield(L, 2, name);
	else
		lua_pop(L, 1);
	if (lua_getfield(L, 2, name) == LUA_TNIL) {
		lua_pushboolean(L, 1);
		lua_copy(L, -1, -2);
		lua_setfield(L, 2, name);
	}
	lua_rotate(L, -2, 1);
	return 2;
}


/* ===================================================================
 * Search paths
 * =================================================================== */

/* -E on the command line sets registry.LUA_NOENV: ignore LUA_PATH etc. */
static int package_ignore_environment(lua_State *L)
{
	lua_getfield(L, LUA_REGISTRYINDEX, "LUA_NOENV");
	int ignore = lua_toboolean(L, -1);
	lua_pop(L, 1);
	return ignore;
}

/*
 * Sets package[field] from the environment variable 'var' (versioned
 * name first) or to 'fallback'.  A ";;" in the variable stands for the
 * fallback path, joined to what is around it with single separators.
 */
static void package_set_path(lua_State *L, const char *field, const char *var,
			     const char *fallback)
{
	const char *versioned = lua_pushfstring(L, "%s%s", var, LUA_VERSUFFIX);
	const char *path = getenv(versioned);
	if (path == NULL)
		path = getenv(var);
	const char *mark;
	if (path == NULL || package_ignore_environment(L)) {
		lua_pushstring(L, fallback);
	} else if ((mark = strstr(path, LUA_PATH_SEP LUA_PATH_SEP)) == NULL) {
		lua_pushstring(L, path);
	} else {
		size_t len = strlen(path);
		luaL_Buffer result;
		luaL_buffinit(L, &result);
		if (mark > path) {
			luaL_addlstring(&result, path, (size_t)(mark - path));
			luaL_addchar(&result, *LUA_PATH_SEP);
		}
		luaL_addstring(&result, fallback);
		if (mark < path + len - 2) {
			luaL_addchar(&result, *LUA_PATH_SEP);
			luaL_addlstring(&result, mark + 2,
					(size_t)((path + len - 2) - mark));
		}
		luaL_pushresult(&result);
	}
	lua_setfield(L, -3, field);
	lua_pop(L, 1);
}


/* ===================================================================
 * Opening the library
 * =================================================================== */

static const luaL_Reg package_functions[] = {
	{"loadlib", package_dl_loadlib},
	{"searchpath", package_searchpath},
	/* Placeholders: set by luaopen_package. */
	{"preload", NULL},
	{"cpath", NULL},
	{"path", NULL},
	{"searchers", NULL},
	{"loaded", NULL},
	{NULL, NULL}
};

static const lua_CFunction package_searcher_list[] = {
	package_search_preload,
	package_search_lua,
	package_search_c,
	package_search_croot,
	NULL
};

/* package.searchers; each searcher gets the package table as upvalue. */
static void package_create_searchers(lua_State *L)
{
	int count = (int)(sizeof package_searcher_list
			  / sizeof package_searcher_list[0]) - 1;
	lua_createtable(L, count, 0);
	for (int i = 0; package_searcher_list[i] != NULL; i++) {
		lua_pushvalue(L, -2);
		lua_pushcclosure(L, package_searcher_list[i], 1);
		lua_rawseti(L, -2, i + 1);
	}
	lua_setfield(L, -2, "searchers");
}

LUAMOD_API int luaopen_package(lua_State *L)
{
	package_dl_create_library_table(L);
	luaL_newlib(L, package_functions);
	package_create_searchers(L);
	package_set_path(L, "path", PACKAGE_PATH_VAR, LUA_PATH_DEFAULT);
	package_set_path(L, "cpath", PACKAGE_CPATH_VAR, LUA_CPATH_DEFAULT);
	lua_pushliteral(L, LUA_DIRSEP "\n" LUA_PATH_SEP "\n" LUA_PATH_MARK "\n"
			   LUA_EXEC_DIR "\n" PACKAGE_IGNORE_MARK "\n");
	lua_setfield(L, -2, "config");
	luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
	lua_setfield(L, -2, "loaded");
	luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
	lua_setfield(L, -2, "preload");
	/* require, with the package table as its upvalue. */
	lua_pushglobaltable(L);
	lua_pushvalue(L, -2);
	lua_pushcclosure(L, package_require, 1);
	lua_setfield(L, -2, "require");
	lua_pop(L, 1);
	return 1;
}
