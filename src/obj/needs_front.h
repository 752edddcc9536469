/*
 * needs_front.h — the one function of owner "front" that lua_newstate
 * calls: front/lex.h when it exists, else CORE.md's declaration.
 */
#ifndef CRESCENT_NEEDS_FRONT_H
#define CRESCENT_NEEDS_FRONT_H

#include "obj/object.h"

#if __has_include("front/lex.h")
#include "front/lex.h"
#else
/* Create the reserved words as fixed short strings (extra = index + 1). */
void lex_init(lua_State *L);
#endif

#endif
