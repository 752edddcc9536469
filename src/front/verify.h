/*
 * verify.h — the bytecode verifier: proves that a loaded function cannot
 * make the interpreter read or write outside its frame, its constants, its
 * upvalues or its code, whatever the chunk's bytes were.
 */
#ifndef CRESCENT_VERIFY_H
#define CRESCENT_VERIFY_H

#include "obj/object.h"

/* Checks p and all nested functions. Returns 1 if valid; otherwise pushes
 * a message naming the first problem ("function at line 3, instruction 7
 * (GETFIELD): constant 9 out of range") and returns 0. */
int verify_proto(lua_State *L, const Proto *p);

#endif
