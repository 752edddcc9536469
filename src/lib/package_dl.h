/*
 * package_dl.h - dynamic libraries for the package library
 * (package_dl.c): loading shared objects, finding their functions, and
 * the registry table that keeps them loaded until the state closes.
 */
#ifndef crescent_lib_package_dl_h
#define crescent_lib_package_dl_h

#include "lua.h"

/* Outcomes of package_dl_find_function besides 0 (success). */
enum package_dl_failure {
	PACKAGE_DL_NO_LIBRARY = 1,	/* the library could not be loaded */
	PACKAGE_DL_NO_FUNCTION = 2	/* it has no such function */
};

/* Creates the registry table of loaded libraries (once per state). */
extern void package_dl_create_library_table(lua_State *L);

/*
 * Loads the library 'path' (once per state) and pushes its C function
 * 'symbol', or true when symbol is "*" (which also makes the library's
 * symbols global).  On failure pushes the system's message and returns a
 * package_dl_failure.
 */
extern int package_dl_find_function(lua_State *L, const char *path,
				    const char *symbol);

/* package.loadlib */
extern int package_dl_loadlib(lua_State *L);

#endif
