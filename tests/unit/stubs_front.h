/*
 * stubs_front.h — the stub state used by the front end's unit driver
 * (see stubs_front.c).
 */
#ifndef CRESCENT_TEST_STUBS_FRONT_H
#define CRESCENT_TEST_STUBS_FRONT_H

#include "obj/object.h"

#define STUB_STACK_SIZE 4096

lua_State *stub_newstate(void);
/* Runs f(L, ud) with errors caught; on error the message is left on top
 * of the stack and the status is returned. */
int stub_protected(lua_State *L, void (*f)(lua_State *, void *), void *ud);

#endif
