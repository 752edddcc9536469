/*
 * aux_meta.c - metatables, typed userdata and conversion to string.
 *
 * C modules give their userdata a type by giving them a metatable stored in
 * the registry under the type's name (luaL_newmetatable); the "__name"
 * field of that metatable is what error messages and tostring show.
 * luaL_tolstring is the conversion `tostring` and `print` use.
 */
#include "lua.h"
#include "lauxlib.h"


/* ===================================================================
 * Metafields
 * =================================================================== */

LUALIB_API int luaL_getmetafield(lua_State *L, int obj, const char *event)
{
	if (!lua_getmetatable(L, obj))
		return LUA_TNIL;
	lua_pushstring(L, event);
	int type = lua_rawget(L, -2);
	if (type == LUA_TNIL)
		lua_pop(L, 2);		/* nil and the metatable */
	else
		lua_remove(L, -2);	/* the metatable */
	return type;
}

LUALIB_API int luaL_callmeta(lua_State *L, int obj, const char *event)
{
	obj = lua_absindex(L, obj);
	if (luaL_getmetafield(L, obj, event) == LUA_TNIL)
		return 0;
	lua_pushvalue(L, obj);
	lua_call(L, 1, 1);
	return 1;
}


/* ===================================================================
 * Typed userdata
 * =================================================================== */

LUALIB_API int luaL_newmetatable(lua_State *L, const char *tname)
{
	if (luaL_getmetatable(L, tname) != LUA_TNIL)
		return 0;	/* already registered; it stays pushed */
	lua_pop(L, 1);
	lua_createtable(L, 0, 2);
	lua_pushstring(L, tname);
	lua_setfield(L, -2, "__name");
	lua_pushvalue(L, -1);
	lua_setfield(L, LUA_REGISTRYINDEX, tname);
	return 1;
}

LUALIB_API void luaL_setmetatable(lua_State *L, const char *tname)
{
	luaL_getmetatable(L, tname);
	lua_setmetatable(L, -2);
}

LUALIB_API void *luaL_testudata(lua_State *L, int ud, const char *tname)
{
	void *block = lua_touserdata(L, ud);
	if (block == NULL || !lua_getmetatable(L, ud))
		return NULL;
	luaL_getmetatable(L, tname);
	if (!lua_rawequal(L, -1, -2))
		block = NULL;
	lua_pop(L, 2);
	return block;
}

LUALIB_API void *luaL_checkudata(lua_State *L, int ud, const char *tname)
{
	void *block = luaL_testudata(L, ud, tname);
	luaL_argexpected(L, block != NULL, ud, tname);
	return block;
}


/* ===================================================================
 * Conversion to string
 * =================================================================== */

LUALIB_API const char *luaL_tolstring(lua_State *L, int idx, size_t *len)
{
	idx = lua_absindex(L, idx);
	if (luaL_callmeta(L, idx, "__tostring")) {
		if (!lua_isstring(L, -1))
			luaL_error(L, "'__tostring' must return a string");
		return lua_tolstring(L, -1, len);
	}
	switch (lua_type(L, idx)) {
	case LUA_TNUMBER:
		/* a copy converted in place: the text lua_pushfstring's "%I"
		 * and "%f" give, without parsing a format */
		lua_pushvalue(L, idx);
		lua_tolstring(L, -1, NULL);
		break;
	case LUA_TSTRING:
		lua_pushvalue(L, idx);
		break;
	case LUA_TBOOLEAN:
		lua_pushstring(L, lua_toboolean(L, idx) ? "true" : "false");
		break;
	case LUA_TNIL:
		lua_pushliteral(L, "nil");
		break;
	default: {
		/* "kind: 0x...", kind being __name when it is a string */
		int name_type = luaL_getmetafield(L, idx, "__name");
		const char *kind = name_type == LUA_TSTRING
			? lua_tostring(L, -1) : luaL_typename(L, idx);
		lua_pushfstring(L, "%s: %p", kind, lua_topointer(L, idx));
		if (name_type != LUA_TNIL)
			lua_remove(L, -2);
		break;
	}
	}
	return lua_tolstring(L, -1, len);
}
