/*
 * lualib.h - the Lua 5.4 standard libraries as provided by Crescent.
 *
 * Each luaopen_* function is a lua_CFunction that builds one library and
 * returns it (the base library returns the global table).  They are meant
 * to be called through luaL_requiref, which also records the result in
 * package.loaded; luaL_openlibs does that for all of them.
 */
#ifndef lualib_h
#define lualib_h

#include "lua.h"


/* Suffix of versioned environment variables (LUA_PATH_5_4, LUA_INIT_5_4). */
#define LUA_VERSUFFIX	"_" LUA_VERSION_MAJOR "_" LUA_VERSION_MINOR

/* Module names, as they appear in package.loaded and as globals. */
#define LUA_COLIBNAME	"coroutine"
#define LUA_TABLIBNAME	"table"
#define LUA_IOLIBNAME	"io"
#define LUA_OSLIBNAME	"os"
#define LUA_STRLIBNAME	"string"
#define LUA_UTF8LIBNAME	"utf8"
#define LUA_MATHLIBNAME	"math"
#define LUA_DBLIBNAME	"debug"
#define LUA_LOADLIBNAME	"package"

LUAMOD_API int (luaopen_base)(lua_State *L);
LUAMOD_API int (luaopen_coroutine)(lua_State *L);
LUAMOD_API int (luaopen_table)(lua_State *L);
LUAMOD_API int (luaopen_io)(lua_State *L);
LUAMOD_API int (luaopen_os)(lua_State *L);
LUAMOD_API int (luaopen_string)(lua_State *L);
LUAMOD_API int (luaopen_utf8)(lua_State *L);
LUAMOD_API int (luaopen_math)(lua_State *L);
LUAMOD_API int (luaopen_debug)(lua_State *L);
LUAMOD_API int (luaopen_package)(lua_State *L);

/* Opens every standard library into the state L. */
LUALIB_API void (luaL_openlibs)(lua_State *L);

#endif
