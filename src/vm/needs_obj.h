/*
 * needs_obj.h — functions of owner "obj" (src/obj, src/gc) that vm-B's files
 * call, with the names and signatures fixed in CORE.md. Each group uses the
 * owner's real header when it exists and falls back to these declarations
 * until then (the lead reconciles and can delete this file once every
 * header is in place).
 */
#ifndef CRESCENT_VM_NEEDS_OBJ_H
#define CRESCENT_VM_NEEDS_OBJ_H

#include <stdarg.h>

#include "obj/object.h"

#if __has_include("obj/str.h")
#include "obj/str.h"
#else
TString *str_new(lua_State *L, const char *s, size_t len);
TString *str_newz(lua_State *L, const char *s);
TString *str_newlong(lua_State *L, size_t len);
int str_eqlng(TString *a, TString *b);
#define str_newlit(L, s) (str_new(L, "" s, sizeof(s) - 1))
#endif

#if __has_include("obj/tab.h")
#include "obj/tab.h"
#else
extern const TValue tab_absentkey;
Table *tab_new(lua_State *L);
const TValue *tab_get(Table *t, const TValue *key);
const TValue *tab_getint(Table *t, lua_Integer key);
const TValue *tab_getshortstr(Table *t, TString *key);
const TValue *tab_getstr(Table *t, TString *key);
void tab_finishset(lua_State *L, Table *t, const TValue *key,
                   const TValue *slot, TValue *value);
void tab_setint(lua_State *L, Table *t, lua_Integer key, TValue *value);
lua_Unsigned tab_getn(Table *t);
#endif

#if __has_include("obj/numconv.h")
#include "obj/numconv.h"
#else
#define NUM_MAXSTR 44
size_t num_str2num(const char *s, TValue *o);
int num_tostringbuff(const TValue *o, char *buff);
void num_tostring(lua_State *L, TValue *o);
const char *obj_pushvfstring(lua_State *L, const char *fmt, va_list argp);
const char *obj_pushfstring(lua_State *L, const char *fmt, ...);
void obj_chunkid(char *out, const char *source, size_t srclen);
#endif

#if __has_include("gc/mem.h")
#include "gc/mem.h"
#else
void *mem_alloc(lua_State *L, size_t size);
void mem_free(lua_State *L, void *block, size_t osize);
#endif

#if __has_include("gc/gc.h")
#include "gc/gc.h"
#else
GCObject *gc_newobj(lua_State *L, int tt, size_t size);
void gc_fix(lua_State *L, GCObject *o);
void gc_barrier(lua_State *L, GCObject *p, const TValue *v);
void gc_barrierback(lua_State *L, GCObject *p, const TValue *v);
void gc_objbarrier(lua_State *L, GCObject *p, GCObject *o);
void gc_step(lua_State *L);
#define gc_check(L) (G(L)->GCdebt > 0 ? gc_step(L) : (void)0)
#endif

#endif
