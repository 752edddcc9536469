/*
 * os_date.h - the calendar functions of the os library (os.date, os.time,
 * os.difftime), kept in os_date.c and registered by luaopen_os.
 */
#ifndef crescent_lib_os_date_h
#define crescent_lib_os_date_h

#include "lua.h"

extern int os_date_date(lua_State *L);
extern int os_date_time(lua_State *L);
extern int os_date_difftime(lua_State *L);

#endif
