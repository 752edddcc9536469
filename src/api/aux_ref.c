/*
 * aux_ref.c - references: integer handles for values kept in a table.
 *
 * luaL_ref stores a value under a fresh positive integer key of a table
 * (usually the registry) and returns the key.  Released keys form a free
 * list threaded through the table itself: the slot FREE_LIST_KEY holds the
 * first free key (0: none) and each free key's slot holds the next one.
 * The head lives right after the registry's predefined entries, so in the
 * registry references start at LUA_RIDX_LAST + 2, as in liblua5.4.
 */
#include "lua.h"
#include "lauxlib.h"

#define FREE_LIST_KEY	(LUA_RIDX_LAST + 1)

LUALIB_API int luaL_ref(lua_State *L, int t)
{
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		return LUA_REFNIL;	/* nil is never stored */
	}
	t = lua_absindex(L, t);
	int ref;
	if (lua_rawgeti(L, t, FREE_LIST_KEY) == LUA_TNIL) {
		ref = 0;	/* first use of this table: create the list */
		lua_pushinteger(L, 0);
		lua_rawseti(L, t, FREE_LIST_KEY);
	} else {
		ref = (int)lua_tointeger(L, -1);
	}
	lua_pop(L, 1);
	if (ref != 0) {		/* reuse the head of the free list */
		lua_rawgeti(L, t, ref);
		lua_rawseti(L, t, FREE_LIST_KEY);
	} else {
		ref = (int)lua_rawlen(L, t) + 1;
	}
	lua_rawseti(L, t, ref);	/* pops the value */
	return ref;
}

LUALIB_API void luaL_unref(lua_State *L, int t, int ref)
{
	if (ref < 0)	/* LUA_NOREF and LUA_REFNIL own no slot */
		return;
	t = lua_absindex(L, t);
	lua_rawgeti(L, t, FREE_LIST_KEY);
	lua_rawseti(L, t, ref);		/* t[ref] = old head */
	lua_pushinteger(L, ref);
	lua_rawseti(L, t, FREE_LIST_KEY);	/* head = ref */
}
