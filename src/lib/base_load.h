/*
 * base_load.h - the chunk loaders of the basic library (load, loadfile,
 * dofile), kept in base_load.c and registered by luaopen_base.
 */
#ifndef crescent_lib_base_load_h
#define crescent_lib_base_load_h

#include "lua.h"

extern int base_load_load(lua_State *L);
extern int base_load_loadfile(lua_State *L);
extern int base_load_dofile(lua_State *L);

#endif
