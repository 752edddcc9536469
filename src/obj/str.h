/*
 * str.h — Lua strings: creation, interning, hashing and equality.
 *
 * Short strings (len <= CR_MAX_SHORT_LEN) are interned in the global string
 * table (g->strt, a chained hash table keyed by a seeded hash), so two equal
 * short strings are one object and compare by pointer: table lookups with
 * short-string keys and shape lookups never look at the characters. Long
 * strings are made fresh each time; their hash is computed only when one is
 * first used as a table key (TString.extra records that it is done).
 */
#ifndef CRESCENT_STR_H
#define CRESCENT_STR_H

#include "obj/object.h"

/* Bytes of a string object holding l characters (plus the '\0'). */
#define str_size(l)  (offsetof(TString, contents) + (size_t)(l) + 1)

/* Message of LUA_ERRMEM errors; preallocated so raising it cannot fail. */
#define STR_MEMERRMSG "not enough memory"

TString *str_new(lua_State *L, const char *s, size_t len);
/* A '\0'-terminated C string, through a small cache keyed by the pointer
 * (lua_pushstring of literals hits it). */
TString *str_newz(lua_State *L, const char *s);
#define str_newlit(L, s) (str_new(L, "" s, sizeof(s) - 1))
/* A long string of len bytes whose contents the caller fills in (buffers,
 * concatenation). contents[len] is already '\0'. */
TString *str_newlong(lua_State *L, size_t len);

uint32_t str_hash(const char *s, size_t len, uint32_t seed);
/* Hash of a long string, computed on first use. */
uint32_t str_hashlong(TString *ts);

#define str_eqshr(a, b) ((a) == (b))
int str_eqlng(TString *a, TString *b);
int str_eq(TString *a, TString *b);

/* Is ts a reserved word of the lexer? (short strings only) */
#define str_isreserved(ts) ((ts)->tt == VT_SHRSTR && (ts)->extra > 0)

/* Build the string table, the memory-error message and the api cache. */
void str_init(lua_State *L);
/* Rehash the string table into nsize buckets (a power of 2). */
void str_resize(lua_State *L, int nsize);
/* Unlink a dead short string from the string table (the sweep frees it). */
void str_remove(lua_State *L, TString *ts);
/* Ask the cache for the bucket str_remove will read first, some time
 * before removing ts (the sweeps do, gc_sweep.c). */
#define str_prefetchremove(g, ts) \
  __builtin_prefetch(&(g)->strt.hash[(ts)->hash & \
                                     (uint32_t)((g)->strt.size - 1)], 1)
/* Drop cache entries about to be collected (called in the atomic phase). */
void str_clearcache(global_State *g);
/* Shrink the string table when it is mostly empty (after a sweep). */
void str_checksize(lua_State *L);
/* How many strings the table's chains hold, or -1 when a string sits in
 * the wrong bucket or a link's tag or last-in-chain bit is wrong (for
 * tests and heap checks: the links are private to str.c). */
int str_countchains(global_State *g);

#endif
