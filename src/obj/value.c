/*
 * value.c — the per-tag tables declared in value.h.
 *
 * Both tables are derived from VALUE_TAGS / the LUA_T* numbering, so adding
 * a tag in value.h cannot leave them out of step.
 */
#include "obj/value.h"

const lu_byte value_basic_type[VT_COUNT] = {
#define X(name, basic) (lu_byte)(basic),
  VALUE_TAGS(X)
#undef X
};

/* Indexed by LUA_T* + 1, so LUA_TNONE (-1) lands on "no value". Light and
 * full userdata share the name lua5.4 prints for both. */
const char *const value_type_names[LUA_NUMTYPES + 1] = {
  "no value", "nil", "boolean", "userdata", "number", "string", "table",
  "function", "userdata", "thread"
};

_Static_assert(LUA_TNIL == 0 && LUA_TTHREAD == 8 && LUA_NUMTYPES == 9,
               "value_type_names follows the LUA_T* numbering");
