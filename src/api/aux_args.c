/*
 * aux_args.c - checking the arguments of C functions (luaL_check*, opt*).
 *
 * Every library function reports a bad argument through luaL_argerror, so
 * the wording here is what users see for most runtime type errors:
 *   bad argument #2 to 'insert' (number expected, got nil)
 *   calling 'write' on bad self (FILE* expected, got table)
 * Argument numbers are positions in the call, except that in a method call
 * (obj:f(...)) the receiver does not count.
 */
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "api/aux_shared.h"


/* ===================================================================
 * Error reports
 * =================================================================== */

LUALIB_API int luaL_argerror(lua_State *L, int arg, const char *extramsg)
{
	lua_Debug ar;
	if (!lua_getstack(L, 0, &ar))	/* called outside any function */
		return luaL_error(L, "bad argument #%d (%s)", arg, extramsg);
	lua_getinfo(L, "n", &ar);
	if (strcmp(ar.namewhat, "method") == 0) {
		arg--;	/* the receiver was passed implicitly */
		if (arg == 0)
			return luaL_error(L, "calling '%s' on bad self (%s)",
					  ar.name, extramsg);
	}
	if (ar.name == NULL)
		ar.name = aux_push_global_funcname(L, &ar)
			? lua_tostring(L, -1) : "?";
	return luaL_error(L, "bad argument #%d to '%s' (%s)", arg, ar.name,
			  extramsg);
}

LUALIB_API int luaL_typeerror(lua_State *L, int arg, const char *tname)
{
	const char *actual;
	if (luaL_getmetafield(L, arg, "__name") == LUA_TSTRING)
		actual = lua_tostring(L, -1);	/* a named userdata type */
	else if (lua_type(L, arg) == LUA_TLIGHTUSERDATA)
		actual = "light userdata";	/* lua_typename says "userdata" */
	else
		actual = luaL_typename(L, arg);
	const char *msg = lua_pushfstring(L, "%s expected, got %s", tname,
					  actual);
	return luaL_argerror(L, arg, msg);
}

/* Type error naming a basic type by its code. */
static int args_tag_error(lua_State *L, int arg, int type)
{
	return luaL_typeerror(L, arg, lua_typename(L, type));
}


/* ===================================================================
 * Strings
 * =================================================================== */

LUALIB_API const char *luaL_checklstring(lua_State *L, int arg, size_t *len)
{
	const char *s = lua_tolstring(L, arg, len);
	if (luai_unlikely(s == NULL))
		args_tag_error(L, arg, LUA_TSTRING);
	return s;
}

LUALIB_API const char *luaL_optlstring(lua_State *L, int arg,
				       const char *def, size_t *len)
{
	if (!lua_isnoneornil(L, arg))
		return luaL_checklstring(L, arg, len);
	if (len != NULL)
		*len = def != NULL ? strlen(def) : 0;
	return def;
}

LUALIB_API int luaL_checkoption(lua_State *L, int arg, const char *def,
				const char *const lst[])
{
	const char *name = def != NULL ? luaL_optstring(L, arg, def)
				       : luaL_checkstring(L, arg);
	for (int i = 0; lst[i] != NULL; i++)
		if (strcmp(lst[i], name) == 0)
			return i;
	return luaL_argerror(L, arg,
			     lua_pushfstring(L, "invalid option '%s'", name));
}


/* ===================================================================
 * Numbers
 * =================================================================== */

LUALIB_API lua_Number luaL_checknumber(lua_State *L, int arg)
{
	int ok;
	lua_Number n = lua_tonumberx(L, arg, &ok);
	if (luai_unlikely(!ok))
		args_tag_error(L, arg, LUA_TNUMBER);
	return n;
}

LUALIB_API lua_Number luaL_optnumber(lua_State *L, int arg, lua_Number def)
{
	return luaL_opt(L, luaL_checknumber, arg, def);
}

LUALIB_API lua_Integer luaL_checkinteger(lua_State *L, int arg)
{
	int ok;
	lua_Integer i = lua_tointegerx(L, arg, &ok);
	if (luai_unlikely(!ok)) {
		/* a float like 1.5 (or "1.5") is a number, just not integral */
		if (lua_isnumber(L, arg))
			luaL_argerror(L, arg,
				      "number has no integer representation");
		else
			args_tag_error(L, arg, LUA_TNUMBER);
	}
	return i;
}

LUALIB_API lua_Integer luaL_optinteger(lua_State *L, int arg,
				       lua_Integer def)
{
	return luaL_opt(L, luaL_checkinteger, arg, def);
}


/* ===================================================================
 * Presence, type and stack space
 * =================================================================== */

LUALIB_API void luaL_checktype(lua_State *L, int arg, int t)
{
	if (luai_unlikely(lua_type(L, arg) != t))
		args_tag_error(L, arg, t);
}

LUALIB_API void luaL_checkany(lua_State *L, int arg)
{
	if (luai_unlikely(lua_type(L, arg) == LUA_TNONE))
		luaL_argerror(L, arg, "value expected");
}

LUALIB_API void luaL_checkstack(lua_State *L, int space, const char *msg)
{
	if (luai_unlikely(!lua_checkstack(L, space))) {
		if (msg != NULL)
			luaL_error(L, "stack overflow (%s)", msg);
		else
			luaL_error(L, "stack overflow");
	}
}
