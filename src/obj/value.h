/*
 * value.h — the tagged value: the one layout every part of Crescent shares.
 *
 * A TValue is 16 bytes: an 8-byte payload and a 1-byte tag (DESIGN.md,
 * decision 3). Lua 5.4 needs exact 64-bit integers beside doubles, so the
 * payload cannot be NaN-boxed without losing integers; 16 bytes keeps both
 * exact and keeps a value in two machine words for compiled code.
 *
 *   byte:  0               7   8    9                15
 *         +-----------------+----+--------------------+
 *         |  payload (8)    |tag |   unused (7)       |
 *         +-----------------+----+--------------------+
 *   payload: GCObject* | void* (light userdata) | lua_CFunction
 *            | lua_Integer | lua_Number | 0/unused for nil and booleans
 *
 * Tags are ordered so that the questions the interpreter asks most are one
 * unsigned compare each:
 *
 *   tag   0 NIL      1 FALSE    2 TRUE     3 LIGHTUD  4 LCF (light C func)
 *         5 INT      6 FLOAT
 *         7 SHRSTR   8 LNGSTR   9 TABLE   10 LCL (Lua closure)
 *        11 CCL     12 UDATA   13 THREAD
 *   internal objects, never stored in a TValue that Lua code can see:
 *        14 PROTO   15 UPVAL   16 SHAPE
 *
 *   falsy        : tag <= FALSE
 *   number       : (unsigned)(tag - INT) <= 1
 *   string       : (unsigned)(tag - SHRSTR) <= 1
 *   collectable  : tag >= SHRSTR
 *
 * The unused bytes carry no value: copies go through setobj, which moves
 * the payload and the tag only. One exception reads them on purpose: a
 * stack slot holding a to-be-closed variable keeps the distance to the
 * previous such slot in bytes 12-15 (vm/func.h, the tbc list); since
 * setobj never writes those bytes, moving a value into the slot keeps it.
 */
#ifndef CRESCENT_VALUE_H
#define CRESCENT_VALUE_H

#include "core/common.h"

/* X(NAME, basic Lua type) — the tag table, in tag order. */
#define VALUE_TAGS(X)                  \
  X(NIL,     LUA_TNIL)                 \
  X(FALSE,   LUA_TBOOLEAN)             \
  X(TRUE,    LUA_TBOOLEAN)             \
  X(LIGHTUD, LUA_TLIGHTUSERDATA)       \
  X(LCF,     LUA_TFUNCTION)            \
  X(INT,     LUA_TNUMBER)              \
  X(FLOAT,   LUA_TNUMBER)              \
  X(SHRSTR,  LUA_TSTRING)              \
  X(LNGSTR,  LUA_TSTRING)              \
  X(TABLE,   LUA_TTABLE)               \
  X(LCL,     LUA_TFUNCTION)            \
  X(CCL,     LUA_TFUNCTION)            \
  X(UDATA,   LUA_TUSERDATA)            \
  X(THREAD,  LUA_TTHREAD)              \
  X(PROTO,   LUA_NUMTYPES + 0)         \
  X(UPVAL,   LUA_NUMTYPES + 1)         \
  X(SHAPE,   LUA_NUMTYPES + 2)

enum ValueTag {
#define X(name, basic) VT_##name,
  VALUE_TAGS(X)
#undef X
  VT_COUNT
};

/* Basic Lua type (LUA_T*) of each tag; defined in value.c from VALUE_TAGS. */
extern const lu_byte value_basic_type[VT_COUNT];
/* Name of each basic type, indexed by LUA_T* + 1 ("no value" first). */
extern const char *const value_type_names[LUA_NUMTYPES + 1];

_Static_assert(VT_FALSE == 1 && VT_NIL == 0, "falsy test is tag <= VT_FALSE");
_Static_assert(VT_FLOAT == VT_INT + 1, "number test is one compare");
_Static_assert(VT_LNGSTR == VT_SHRSTR + 1, "string test is one compare");
_Static_assert(VT_SHRSTR == VT_FLOAT + 1, "collectable test is tag >= VT_SHRSTR");

typedef struct GCObject GCObject;

typedef union Value {
  GCObject *gc;
  void *p;
  lua_CFunction f;
  lua_Integer i;
  lua_Number n;
} Value;

typedef struct TValue {
  Value value_;
  lu_byte tt_;
} TValue;

_Static_assert(sizeof(TValue) == 16, "values are 16 bytes");

/* A stack slot is a TValue; StkId points into a thread's stack. */
typedef TValue *StkId;

/* ------------------------------------------------------------------ */
/* Tag tests                                                           */
/* ------------------------------------------------------------------ */

#define rawtt(o)           ((o)->tt_)
#define checktag(o, t)     (rawtt(o) == (t))
#define ttisnil(o)         checktag((o), VT_NIL)
#define ttisfalse(o)       checktag((o), VT_FALSE)
#define ttistrue(o)        checktag((o), VT_TRUE)
#define ttisboolean(o)     ((unsigned)(rawtt(o) - VT_FALSE) <= 1u)
#define l_isfalse(o)       (rawtt(o) <= VT_FALSE)
#define ttisinteger(o)     checktag((o), VT_INT)
#define ttisfloat(o)       checktag((o), VT_FLOAT)
#define ttisnumber(o)      ((unsigned)(rawtt(o) - VT_INT) <= 1u)
#define ttisshrstring(o)   checktag((o), VT_SHRSTR)
#define ttislngstring(o)   checktag((o), VT_LNGSTR)
#define ttisstring(o)      ((unsigned)(rawtt(o) - VT_SHRSTR) <= 1u)
#define ttistable(o)       checktag((o), VT_TABLE)
#define ttisLclosure(o)    checktag((o), VT_LCL)
#define ttisCclosure(o)    checktag((o), VT_CCL)
#define ttislcf(o)         checktag((o), VT_LCF)
#define ttisclosure(o)     (ttisLclosure(o) || ttisCclosure(o))
#define ttisfunction(o)    (ttisclosure(o) || ttislcf(o))
#define ttisfulluserdata(o) checktag((o), VT_UDATA)
#define ttislightuserdata(o) checktag((o), VT_LIGHTUD)
#define ttisthread(o)      checktag((o), VT_THREAD)
#define iscollectable(o)   (rawtt(o) >= VT_SHRSTR)
#define ttype(o)           (value_basic_type[rawtt(o)])

/* ------------------------------------------------------------------ */
/* Payload access (assert the tag in test builds)                      */
/* ------------------------------------------------------------------ */

#define val_(o)        ((o)->value_)
#define ivalue(o)      (cr_assert(ttisinteger(o), "integer"), val_(o).i)
#define fltvalue(o)    (cr_assert(ttisfloat(o), "float"), val_(o).n)
#define nvalue(o)      (ttisinteger(o) ? cast_num(val_(o).i) : val_(o).n)
#define gcvalue(o)     (cr_assert(iscollectable(o), "collectable"), val_(o).gc)
#define pvalue(o)      (val_(o).p)
#define fvalue(o)      (val_(o).f)
#define tsvalue(o)     ((struct TString *)gcvalue(o))
#define hvalue(o)      ((struct Table *)gcvalue(o))
#define clLvalue(o)    ((struct LClosure *)gcvalue(o))
#define clCvalue(o)    ((struct CClosure *)gcvalue(o))
#define uvalue(o)      ((struct Udata *)gcvalue(o))
#define thvalue(o)     ((struct lua_State *)gcvalue(o))

/* ------------------------------------------------------------------ */
/* Setters. setobj copies payload and tag, never the padding.          */
/* ------------------------------------------------------------------ */

#define settt_(o, t)      ((o)->tt_ = (lu_byte)(t))
#define setnilvalue(o)    settt_(o, VT_NIL)
#define setbfvalue(o)     settt_(o, VT_FALSE)
#define setbtvalue(o)     settt_(o, VT_TRUE)
#define setbvalue(o, b)   settt_(o, (b) ? VT_TRUE : VT_FALSE)
#define setivalue(o, x)   { TValue *io_ = (o); val_(io_).i = (x); settt_(io_, VT_INT); }
#define setfltvalue(o, x) { TValue *io_ = (o); val_(io_).n = (x); settt_(io_, VT_FLOAT); }
#define setpvalue(o, x)   { TValue *io_ = (o); val_(io_).p = (x); settt_(io_, VT_LIGHTUD); }
#define setfvalue(o, x)   { TValue *io_ = (o); val_(io_).f = (x); settt_(io_, VT_LCF); }
#define setgcovalue(o, x) { TValue *io_ = (o); GCObject *g_ = (GCObject *)(x); \
                            val_(io_).gc = g_; settt_(io_, g_->tt); }
#define setsvalue(L, o, x)   setgcovalue(o, x)
#define sethvalue(L, o, x)   setgcovalue(o, x)
#define setclLvalue(L, o, x) setgcovalue(o, x)
#define setclCvalue(L, o, x) setgcovalue(o, x)
#define setuvalue(L, o, x)   setgcovalue(o, x)
#define setthvalue(L, o, x)  setgcovalue(o, x)
#define setobj(L, dst, src)  { TValue *d_ = (dst); const TValue *s_ = (src); \
                               d_->value_ = s_->value_; d_->tt_ = s_->tt_; }
/* Aliases that say where the copy goes (kept for readability only). */
#define setobjs2s setobj
#define setobj2s  setobj
#define setobj2t  setobj
#define setobj2n  setobj

#endif
