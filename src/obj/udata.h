/*
 * udata.h — full userdata: a block of C memory owned by the collector, with
 * an optional metatable and `nuvalue` user values (lua_newuserdatauv).
 * The layout (user values first, then the block aligned to 16) is in
 * obj/object.h; the collector frees a userdata with mem_free and
 * udata_size(nuvalue, len).
 */
#ifndef CRESCENT_UDATA_H
#define CRESCENT_UDATA_H

#include "obj/object.h"

/* Most user values one userdata may have (nuvalue is an unsigned short;
 * lua5.4 has the same bound). */
#define UDATA_MAX_UVALUES USHRT_MAX

/* New userdata with a block of `size` bytes and nuvalue nil user values. */
Udata *udata_new(lua_State *L, size_t size, int nuvalue);

#endif
