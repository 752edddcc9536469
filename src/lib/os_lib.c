/*
 * os_lib.c - the operating system library (luaopen_os), except for the
 * calendar functions (os.date, os.time, os.difftime) in os_date.c.
 *
 * Everything maps onto ISO C or POSIX calls; results and errors go
 * through luaL_fileresult / luaL_execresult so messages carry strerror
 * text exactly as lua5.4's do.
 */
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "lib/os_date.h"


static int oslib_execute(lua_State *L)
{
	const char *command = luaL_optstring(L, 1, NULL);
	errno = 0;
	int status = system(command);
	if (command != NULL)
		return luaL_execresult(L, status);
	/* Without a command, system() only says whether a shell exists. */
	lua_pushboolean(L, status);
	return 1;
}

static int oslib_remove(lua_State *L)
{
	const char *filename = luaL_checkstring(L, 1);
	return luaL_fileresult(L, remove(filename) == 0, filename);
}

static int oslib_rename(lua_State *L)
{
	const char *from = luaL_checkstring(L, 1);
	const char *to = luaL_checkstring(L, 2);
	return luaL_fileresult(L, rename(from, to) == 0, NULL);
}

/* mkstemp both picks the name and creates the file, so no other process
 * can take the name between the two steps (the race tmpnam() has). */
static int oslib_tmpname(lua_State *L)
{
	char name[] = "/tmp/lua_XXXXXX";
	int fd = mkstemp(name);
	if (fd == -1)
		return luaL_error(L, "unable to generate a unique filename");
	close(fd);
	lua_pushstring(L, name);
	return 1;
}

static int oslib_getenv(lua_State *L)
{
	lua_pushstring(L, getenv(luaL_checkstring(L, 1)));
	return 1;
}

static int oslib_clock(lua_State *L)
{
	lua_pushnumber(L, (lua_Number)clock() / (lua_Number)CLOCKS_PER_SEC);
	return 1;
}

/* The locale categories os.setlocale accepts, in the order of the name
 * list given to luaL_checkoption. */
#define OSLIB_LOCALE_CATEGORIES(X) \
	X("all",      LC_ALL) \
	X("collate",  LC_COLLATE) \
	X("ctype",    LC_CTYPE) \
	X("monetary", LC_MONETARY) \
	X("numeric",  LC_NUMERIC) \
	X("time",     LC_TIME)

#define OSLIB_CATEGORY_NAME(name, category) name,
#define OSLIB_CATEGORY_VALUE(name, category) category,
static const char *const oslib_category_names[] = {
	OSLIB_LOCALE_CATEGORIES(OSLIB_CATEGORY_NAME) NULL
};
static const int oslib_category_values[] = {
	OSLIB_LOCALE_CATEGORIES(OSLIB_CATEGORY_VALUE)
};

static int oslib_setlocale(lua_State *L)
{
	const char *locale = luaL_optstring(L, 1, NULL);
	int which = luaL_checkoption(L, 2, "all", oslib_category_names);
	lua_pushstring(L, setlocale(oslib_category_values[which], locale));
	return 1;
}

static int oslib_exit(lua_State *L)
{
	int status;
	if (lua_isboolean(L, 1))
		status = lua_toboolean(L, 1) ? EXIT_SUCCESS : EXIT_FAILURE;
	else
		status = (int)luaL_optinteger(L, 1, EXIT_SUCCESS);
	if (lua_toboolean(L, 2))
		lua_close(L);
	/* exit() also flushes and closes every C stream. */
	exit(status);
	return 0;
}

static const luaL_Reg oslib_functions[] = {
	{"clock", oslib_clock},
	{"date", os_date_date},
	{"difftime", os_date_difftime},
	{"execute", oslib_execute},
	{"exit", oslib_exit},
	{"getenv", oslib_getenv},
	{"remove", oslib_remove},
	{"rename", oslib_rename},
	{"setlocale", oslib_setlocale},
	{"time", os_date_time},
	{"tmpname", oslib_tmpname},
	{NULL, NULL}
};

LUAMOD_API int luaopen_os(lua_State *L)
{
	luaL_newlib(L, oslib_functions);
	return 1;
}
