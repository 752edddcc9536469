/*
 * numconv.h — conversions between numbers and text with lua5.4's exact
 * rules, plus the engine's own small formatter (obj_pushfstring) and the
 * chunk-name shortener used in messages (obj_chunkid).
 */
#ifndef CRESCENT_NUMCONV_H
#define CRESCENT_NUMCONV_H

#include <stdarg.h>

#include "obj/object.h"

/* Buffer size that fits any number as text ("%.14g" of a double with sign
 * and exponent, or a 64-bit integer). */
#define NUM_MAXSTR 44
/* Bytes num_utf8esc may write. */
#define NUM_UTF8BUFSZ 8

/* Text -> number, as the lexer and string coercion see numerals: optional
 * leading/trailing whitespace, optional sign, decimal or hex ("0x") integers
 * (decimal ones that overflow become floats; hex ones wrap around), decimal
 * and hex floats with exponents; "inf"/"nan" are rejected. Returns the size
 * of the string including its '\0' (so callers can detect embedded zeros),
 * or 0 when s is not a numeral (o untouched then). */
size_t num_str2num(const char *s, TValue *o);
/* Value of a hex digit (c must be one). */
int num_hexavalue(int c);

/* Number -> text: integers with "%lld", floats with "%.14g", plus ".0"
 * when the float text looks like an integer. Returns the length; no '\0' is
 * guaranteed beyond it. */
int num_tostringbuff(const TValue *o, char *buff);
/* Replace the number in *o by its string (o must be a stack slot or
 * otherwise reachable). */
void num_tostring(lua_State *L, TValue *o);

/* UTF-8 (extended to 31 bits, as lua5.4) of x, written at the END of buff
 * (NUM_UTF8BUFSZ bytes): the result is buff[NUM_UTF8BUFSZ - n .. end).
 * Returns n. */
int num_utf8esc(char *buff, unsigned long x);

/* ceil(log2(x)) for x >= 1. */
int num_ceillog2(unsigned int x);

/* Format like lua_pushfstring and push the result on L->top (one slot of
 * EXTRA_STACK is enough). Options: %% %s %c %d %I (lua_Integer)
 * %f (lua_Number) %p %U (long as UTF-8). Returns the new string's text. */
const char *obj_pushvfstring(lua_State *L, const char *fmt, va_list argp);
const char *obj_pushfstring(lua_State *L, const char *fmt, ...);

/* Chunk name for messages (LUA_IDSIZE bytes at out): "=name" -> name,
 * "@file" -> file (keeping the end of long names after "..."), otherwise
 * [string "first line..."]. srclen = strlen(src). */
void obj_chunkid(char *out, const char *src, size_t srclen);

#endif
