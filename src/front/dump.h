/*
 * dump.h — writing a function as a binary chunk (string.dump, lua_dump).
 * The format is Crescent's own (see dump.c); undump.c reads it back.
 */
#ifndef CRESCENT_DUMP_H
#define CRESCENT_DUMP_H

#include "obj/object.h"

/* The header, shared by dump.c and undump.c. A PUC Lua chunk has its
 * version byte (0x54 for 5.4) where ours has DUMP_MARK, so neither engine
 * mistakes the other's chunks for its own. */
#define DUMP_MARK      0xC5
#define DUMP_ENGINE    "Crescent"
#define DUMP_FORMAT    1          /* bump on any change of the layout */
#define DUMP_DATA      "\x19\x93\r\n\x1a\n"   /* catches text-mode mangling */
#define DUMP_TESTINT   ((lua_Integer)0x5678)
#define DUMP_TESTNUM   ((lua_Number)370.5)

/* Writes f (and its nested functions) through w; strip drops debug
 * information. Returns the first nonzero status of w, else 0. */
int dump_function(lua_State *L, const Proto *f, lua_Writer w, void *data,
                  int strip);

#endif
