/*
 * io_read.h - the reading half of the io library (io_read.c): the read
 * formats shared by io.read, file:read and the iterators of lines.
 */
#ifndef crescent_lib_io_read_h
#define crescent_lib_io_read_h

#include <stdio.h>

#include "lua.h"

/*
 * Reads from 'f' following the 'count' formats at stack indices first ..
 * first + count - 1 (one line when count is 0) and pushes one value per
 * format.  Stops at the first format that fails, whose value becomes
 * fail.  On a read error pushes luaL_fileresult's triple instead.
 * Returns the number of values pushed.
 */
extern int io_read_formats(lua_State *L, FILE *f, int first, int count);

#endif
