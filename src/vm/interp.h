/*
 * interp.h — the T0 interpreter's entry point (see the essay in interp.c).
 */
#ifndef CRESCENT_INTERP_H
#define CRESCENT_INTERP_H

#include "obj/object.h"

/* Run the Lua frame ci (already L->ci) from ci->u.l.savedpc until a frame
 * marked CIST_FRESH returns. Lua-to-Lua calls made on the way run inside the
 * same invocation. */
void vm_execute(lua_State *L, CallInfo *ci);

#endif
