/*
 * undump.h — loading a binary chunk written by dump.c. Every loaded
 * function is checked by the verifier before it can run.
 */
#ifndef CRESCENT_UNDUMP_H
#define CRESCENT_UNDUMP_H

#include "obj/object.h"
#include "front/zio.h"

/* Loads the chunk whose first byte (LUA_SIGNATURE[0]) was already read
 * from z. The closure is pushed on the stack and returned; its upvalues
 * are left for the caller to initialise (func_initupvals). Errors
 * ("<name>: bad binary format (...)") are raised with LUA_ERRSYNTAX. */
LClosure *undump_chunk(lua_State *L, ZIO *z, const char *name);

#endif
