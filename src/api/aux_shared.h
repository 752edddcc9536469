/*
 * aux_shared.h - helpers shared between the files of the auxiliary library.
 *
 * The auxiliary library (aux_*.c) is written only against the public API in
 * lua.h and lauxlib.h, exactly like a third-party C module would be; this
 * header adds nothing but the few hidden functions its files share.
 */
#ifndef aux_shared_h
#define aux_shared_h

#include "lua.h"

/*
 * Looks the function of activation `ar` up in package.loaded (modules and
 * their fields, two levels deep) and, if found, pushes its dotted name
 * ("string.rep"; globals lose their "_G." prefix) and returns 1.  Returns 0
 * and leaves the stack unchanged otherwise.
 */
extern int aux_push_global_funcname(lua_State *L, lua_Debug *ar);

#endif
