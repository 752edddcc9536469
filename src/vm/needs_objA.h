/*
 * needs_objA.h — what vm-A's files (interpreter, calls, errors, feedback)
 * use from owner "obj" (src/obj, src/gc), with the names and signatures
 * fixed in CORE.md. Each group includes the owner's real header when it
 * exists and falls back to these declarations until then; the lead can
 * delete this file once every header is in place. (vm-B keeps its own
 * list in needs_obj.h; the two overlap, which C allows.)
 */
#ifndef CRESCENT_VM_NEEDS_OBJA_H
#define CRESCENT_VM_NEEDS_OBJA_H

#include <stdarg.h>

#include "obj/object.h"
#include "vm/needs_obj.h"

#if __has_include("obj/tab.h")
#include "obj/tab.h"
#else
void tab_resize(lua_State *L, Table *t, unsigned asize, unsigned hsize);
void tab_resizearray(lua_State *L, Table *t, unsigned asize);
#endif

#if __has_include("obj/shape.h")
#include "obj/shape.h"
#else
int shape_lookup(const Shape *s, const TString *key);
#endif

#if __has_include("obj/state.h")
#include "obj/state.h"
#else
CallInfo *state_extendci(lua_State *L);
void state_shrinkci(lua_State *L);
#endif

#include "gc/mem.h"

#endif
