/*
 * needs_front.h — what vm-A's protected parser (do_parser.c) uses from
 * owner "front", with CORE.md's names. front/parse.h and front/zio.h
 * exist; the binary-chunk loader's header does not yet, so undump_chunk is
 * declared here until it does (the lead reconciles).
 */
#ifndef CRESCENT_VM_NEEDS_FRONT_H
#define CRESCENT_VM_NEEDS_FRONT_H

#include "obj/object.h"
#include "front/zio.h"
#include "front/parse.h"

#if __has_include("front/undump.h")
#include "front/undump.h"
#else
/* Load a binary chunk (own format) from z; the closure is pushed. */
LClosure *undump_chunk(lua_State *L, ZIO *z, const char *name);
#endif

#endif
