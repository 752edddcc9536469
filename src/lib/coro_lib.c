/*
 * coro_lib.c - the coroutine library (luaopen_coroutine).
 *
 * A coroutine is a Lua thread; everything here goes through lua_resume,
 * lua_yield and lua_resetthread.  The status rules (what counts as
 * suspended, normal or dead) are derived from the public API alone, so
 * they hold for any core with the 5.4 API.
 */
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"


/* The four states a coroutine can be in, with the names that
 * coroutine.status reports and close's error message uses. */
#define CORO_STATES(X) \
	X(CORO_RUNNING,   "running") \
	X(CORO_DEAD,      "dead") \
	X(CORO_SUSPENDED, "suspended") \
	X(CORO_NORMAL,    "normal")

#define CORO_STATE_ENUM(id, name) id,
#define CORO_STATE_NAME(id, name) name,
enum coro_state { CORO_STATES(CORO_STATE_ENUM) };
static const char *const coro_state_names[] = { CORO_STATES(CORO_STATE_NAME) };

static lua_State *coro_check(lua_State *L, int arg)
{
	lua_State *co = lua_tothread(L, arg);
	luaL_argexpected(L, co != NULL, arg, "thread");
	return co;
}

/*
 * The state of 'co' as seen from the running thread L.  A thread whose
 * status is OK is either running something (it has frames: it resumed
 * another coroutine, so it is normal), finished (empty stack: dead), or
 * not started yet (only its body function on the stack: suspended).
 */
static enum coro_state coro_state_of(lua_State *L, lua_State *co)
{
	if (L == co)
		return CORO_RUNNING;
	switch (lua_status(co)) {
	case LUA_YIELD:
		return CORO_SUSPENDED;
	case LUA_OK: {
		lua_Debug frame;
		if (lua_getstack(co, 0, &frame))
			return CORO_NORMAL;
		return lua_gettop(co) == 0 ? CORO_DEAD : CORO_SUSPENDED;
	}
	default:
		return CORO_DEAD;
	}
}

/*
 * Resumes 'co' with the top 'nargs' values of L.  Returns the number of
 * results moved onto L, or -1 with an error value on top of L.  With
 * 'flag' set, a true goes onto L before the results (coroutine.resume's
 * first result), so nothing has to be rotated under them afterwards.
 */
static int coro_resume_with(lua_State *L, lua_State *co, int nargs, int flag)
{
	int status = lua_status(co);
	if (status != LUA_YIELD || L == co) {
		enum coro_state state = coro_state_of(L, co);
		if (state != CORO_SUSPENDED) {
			lua_pushstring(L, state == CORO_DEAD
					  ? "cannot resume dead coroutine"
					  : "cannot resume non-suspended coroutine");
			return -1;
		}
	}
	/* Generators are mostly resumed with no values: no moving then. */
	if (nargs > 0) {
		if (!lua_checkstack(co, nargs)) {
			lua_pushliteral(L, "too many arguments to resume");
			return -1;
		}
		lua_xmove(L, co, nargs);
	}
	int nresults;
	status = lua_resume(co, L, nargs, &nresults);
	if (status != LUA_OK && status != LUA_YIELD) {
		lua_xmove(co, L, 1);
		return -1;
	}
	/* Room for the results, the boolean and the thread coroutine.resume
	 * keeps at index 1: the arguments have left, so the LUA_MINSTACK
	 * slots every C call gets are free but for that one. */
	if (nresults + 2 > LUA_MINSTACK && !lua_checkstack(L, nresults + 2)) {
		lua_pop(co, nresults);
		lua_pushliteral(L, "too many results to resume");
		return -1;
	}
	if (flag)
		lua_pushboolean(L, 1);
	if (nresults > 0)
		lua_xmove(co, L, nresults);
	return nresults;
}

static int coro_resume(lua_State *L)
{
	lua_State *co = coro_check(L, 1);
	int nresults = coro_resume_with(L, co, lua_gettop(L) - 1, 1);
	if (nresults < 0) {
		lua_pushboolean(L, 0);
		lua_insert(L, -2);
		return 2;
	}
	return nresults + 1;
}

/*
 * The function made by coroutine.wrap.  An error inside the coroutine
 * first closes its pending to-be-closed variables (which may replace the
 * error), then propagates; a string error gains the position of the
 * caller of the wrapping function, as lua5.4 reports it.
 */
static int coro_wrapped_call(lua_State *L)
{
	lua_State *co = lua_tothread(L, lua_upvalueindex(1));
	int nresults = coro_resume_with(L, co, lua_gettop(L), 0);
	if (nresults >= 0)
		return nresults;
	int status = lua_status(co);
	if (status != LUA_OK && status != LUA_YIELD) {
		status = lua_resetthread(co);
		lua_xmove(co, L, 1);
	}
	if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
		luaL_where(L, 1);
		lua_insert(L, -2);
		lua_concat(L, 2);
	}
	return lua_error(L);
}

static int coro_create(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TFUNCTION);
	lua_State *co = lua_newthread(L);
	lua_pushvalue(L, 1);
	lua_xmove(L, co, 1);
	return 1;
}

static int coro_wrap(lua_State *L)
{
	coro_create(L);
	lua_pushcclosure(L, coro_wrapped_call, 1);
	return 1;
}

static int coro_yield(lua_State *L)
{
	return lua_yield(L, lua_gettop(L));
}

/* The names are the closure's upvalues, in enum order: pushing one is a
 * copy, where lua_pushstring would hash and look the name up every time
 * (schedulers ask for the status after every resume). */
static int coro_status(lua_State *L)
{
	lua_State *co = coro_check(L, 1);
	lua_pushvalue(L, lua_upvalueindex(1 + (int)coro_state_of(L, co)));
	return 1;
}

static int coro_isyieldable(lua_State *L)
{
	lua_State *co = lua_isnone(L, 1) ? L : coro_check(L, 1);
	lua_pushboolean(L, lua_isyieldable(co));
	return 1;
}

static int coro_running(lua_State *L)
{
	int is_main = lua_pushthread(L);
	lua_pushboolean(L, is_main);
	return 2;
}

/* Closing a suspended or dead coroutine runs its pending to-be-closed
 * variables; an error from them (or the error that killed it) is
 * returned after false. */
static int coro_close(lua_State *L)
{
	lua_State *co = coro_check(L, 1);
	enum coro_state state = coro_state_of(L, co);
	if (state != CORO_DEAD && state != CORO_SUSPENDED)
		return luaL_error(L, "cannot close a %s coroutine",
				  coro_state_names[state]);
	if (lua_resetthread(co) == LUA_OK) {
		lua_pushboolean(L, 1);
		return 1;
	}
	lua_pushboolean(L, 0);
	lua_xmove(co, L, 1);
	return 2;
}

static const luaL_Reg coro_functions[] = {
	{"create", coro_create},
	{"resume", coro_resume},
	{"running", coro_running},
	{"status", NULL},	/* a closure: luaopen_coroutine */
	{"wrap", coro_wrap},
	{"yield", coro_yield},
	{"isyieldable", coro_isyieldable},
	{"close", coro_close},
	{NULL, NULL}
};

LUAMOD_API int luaopen_coroutine(lua_State *L)
{
	luaL_newlib(L, coro_functions);
	for (int i = 0; i < (int)(sizeof coro_state_names /
				  sizeof coro_state_names[0]); i++)
		lua_pushstring(L, coro_state_names[i]);
	lua_pushcclosure(L, coro_status, (int)(sizeof coro_state_names /
					       sizeof coro_state_names[0]));
	lua_setfield(L, -2, "status");
	return 1;
}
