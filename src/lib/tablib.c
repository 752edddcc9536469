/*
 * tablib.c - the 'table' library: concat, insert, move, pack, remove,
 * sort, unpack.
 *
 * Every element access goes through lua_geti/lua_seti and every length
 * through luaL_len, so __index, __newindex and __len are honoured exactly
 * where lua5.4 honours them.  A non-table argument is accepted when its
 * metatable provides the metamethods the function needs.
 *
 * sort is lua5.4's quicksort step for step (the same comparisons and
 * element moves in the same order), because the result of sorting with
 * ties, the calls made to a comparison function, and where an invalid
 * order function is detected are all visible to programs.
 */
#include <limits.h>
#include <time.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"


/* ===================================================================
 * Table-like arguments
 * =================================================================== */

/* What a function needs from its table argument. */
#define TABLIB_READ 1    /* __index */
#define TABLIB_WRITE 2   /* __newindex */
#define TABLIB_LENGTH 4  /* __len */

/* Pushes mt[event] and reports whether it is not nil. */
static int tablib_hasfield(lua_State *L, int mt, const char *event)
{
  lua_pushstring(L, event);
  return lua_rawget(L, mt) != LUA_TNIL;
}

/*
 * Accepts a table, or any value whose metatable has every metamethod in
 * 'needs'; otherwise raises "table expected".
 */
static void tablib_checktable(lua_State *L, int arg, int needs)
{
  if (lua_type(L, arg) == LUA_TTABLE)
    return;
  int top = lua_gettop(L);
  int ok = lua_getmetatable(L, arg);
  if (ok) {
    int mt = lua_gettop(L);
    if ((needs & TABLIB_READ) && !tablib_hasfield(L, mt, "__index"))
      ok = 0;
    else if ((needs & TABLIB_WRITE) && !tablib_hasfield(L, mt, "__newindex"))
      ok = 0;
    else if ((needs & TABLIB_LENGTH) && !tablib_hasfield(L, mt, "__len"))
      ok = 0;
  }
  lua_settop(L, top);
  if (!ok)
    luaL_checktype(L, arg, LUA_TTABLE);  /* raises the error */
}

static lua_Integer tablib_length(lua_State *L, int arg, int needs)
{
  tablib_checktable(L, arg, needs | TABLIB_LENGTH);
  return luaL_len(L, arg);
}


/* ===================================================================
 * insert, remove, move
 * =================================================================== */

static int tablib_insert(lua_State *L)
{
  lua_Integer size = tablib_length(L, 1, TABLIB_READ | TABLIB_WRITE);
  lua_Integer first_free = luaL_intop(+, size, 1);
  lua_Integer pos;
  switch (lua_gettop(L)) {
  case 2:
    pos = first_free;
    break;
  case 3:
    pos = luaL_checkinteger(L, 2);
    /* 1 <= pos <= first_free, with one unsigned comparison */
    luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)first_free, 2,
                  "position out of bounds");
    for (lua_Integer i = first_free; i > pos; i--) {
      lua_geti(L, 1, i - 1);
      lua_seti(L, 1, i);
    }
    break;
  default:
    return luaL_error(L, "wrong number of arguments to 'insert'");
  }
  lua_seti(L, 1, pos);  /* the value is on top */
  return 0;
}

static int tablib_remove(lua_State *L)
{
  lua_Integer size = tablib_length(L, 1, TABLIB_READ | TABLIB_WRITE);
  lua_Integer pos = luaL_optinteger(L, 2, size);
  /* An explicit position may also be size + 1 (or 0 when empty).
     lua5.4.4 blames argument #1 for a bad position; so do we. */
  if (pos != size)
    luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 1,
                  "position out of bounds");
  lua_geti(L, 1, pos);
  for (; pos < size; pos++) {
    lua_geti(L, 1, pos + 1);
    lua_seti(L, 1, pos);
  }
  lua_pushnil(L);
  lua_seti(L, 1, pos);
  return 1;
}

static int tablib_move(lua_State *L)
{
  lua_Integer first = luaL_checkinteger(L, 2);
  lua_Integer last = luaL_checkinteger(L, 3);
  lua_Integer dest = luaL_checkinteger(L, 4);
  int target = lua_isnoneornil(L, 5) ? 1 : 5;
  tablib_checktable(L, 1, TABLIB_READ);
  tablib_checktable(L, target, TABLIB_WRITE);
  if (last >= first) {
    luaL_argcheck(L, first > 0 || last < LUA_MAXINTEGER + first, 3,
                  "too many elements to move");
    lua_Integer count = last - first + 1;
    luaL_argcheck(L, dest <= LUA_MAXINTEGER - count + 1, 4,
                  "destination wrap around");
    /* Copy backwards only when the ranges overlap in the same table with
       the destination inside the source, so no element is overwritten
       before it is read. */
    if (dest > last || dest <= first ||
        (target != 1 && !lua_compare(L, 1, target, LUA_OPEQ))) {
      for (lua_Integer i = 0; i < count; i++) {
        lua_geti(L, 1, first + i);
        lua_seti(L, target, dest + i);
      }
    } else {
      for (lua_Integer i = count - 1; i >= 0; i--) {
        lua_geti(L, 1, first + i);
        lua_seti(L, target, dest + i);
      }
    }
  }
  lua_pushvalue(L, target);
  return 1;
}


/* ===================================================================
 * concat, pack, unpack
 * =================================================================== */

static void tablib_addelement(lua_State *L, luaL_Buffer *buf, lua_Integer i)
{
  if (lua_geti(L, 1, i) != LUA_TSTRING && !lua_isstring(L, -1))
    luaL_error(L, "invalid value (%s) at index %I in table for 'concat'",
               luaL_typename(L, -1), (LUAI_UACINT)i);
  luaL_addvalue(buf);
}

static int tablib_concat(lua_State *L)
{
  lua_Integer last = tablib_length(L, 1, TABLIB_READ);
  size_t seplen;
  const char *sep = luaL_optlstring(L, 2, "", &seplen);
  lua_Integer i = luaL_optinteger(L, 3, 1);
  last = luaL_optinteger(L, 4, last);
  luaL_Buffer buf;
  luaL_buffinit(L, &buf);
  /* The loop stops before 'last' so that i + 1 never overflows. */
  if (seplen == 0) {  /* the common table.concat(t): no separators */
    for (; i < last; i++)
      tablib_addelement(L, &buf, i);
  }
  for (; i < last; i++) {
    tablib_addelement(L, &buf, i);
    luaL_addlstring(&buf, sep, seplen);
  }
  if (i == last)
    tablib_addelement(L, &buf, i);
  luaL_pushresult(&buf);
  return 1;
}

static int tablib_pack(lua_State *L)
{
  int count = lua_gettop(L);
  lua_createtable(L, count, 1);
  lua_insert(L, 1);
  /* a new table has no metatable: raw stores are what lua_seti does */
  for (int i = count; i >= 1; i--)
    lua_rawseti(L, 1, i);
  lua_pushinteger(L, count);
  lua_setfield(L, 1, "n");
  return 1;
}

static int tablib_unpack(lua_State *L)
{
  lua_Integer first = luaL_optinteger(L, 2, 1);
  lua_Integer last = luaL_opt(L, luaL_checkinteger, 3, luaL_len(L, 1));
  if (first > last)
    return 0;
  /* count - 1, computed unsigned so that huge ranges do not overflow */
  lua_Unsigned span = (lua_Unsigned)last - (lua_Unsigned)first;
  if (span >= (unsigned int)INT_MAX || !lua_checkstack(L, (int)(span + 1)))
    return luaL_error(L, "too many results to unpack");
  for (lua_Integer i = first; i < last; i++)
    lua_geti(L, 1, i);
  lua_geti(L, 1, last);
  return (int)(span + 1);
}


/* ===================================================================
 * sort
 * =================================================================== */

/*
 * Indices are unsigned ints: sort refuses arrays of INT_MAX elements or
 * more ("array too big"), so every index and midpoint fits.
 */
typedef unsigned int tablib_Index;

/* Below this many elements the pivot is the middle element; larger ranges
   may use a randomised pivot once a partition came out too unbalanced. */
#define TABLIB_RANDOM_PIVOT_MIN 100u

/* Pops two values from the stack into t[i] (top) and t[j] (below it). */
static void tablib_store2(lua_State *L, tablib_Index i, tablib_Index j)
{
  lua_seti(L, 1, i);
  lua_seti(L, 1, j);
}

/* Is the value at index a less than the value at index b (both negative
   stack indices)?  Uses the order function (argument 2) if cmp is set
   (decided once per sort: argument 2 is nil or a function throughout).
   With drop set, a true result also pops the value on top (the partition
   scans' element, dropped on every step that goes on): with an order
   function its result and that value go in one pop. */
static inline int tablib_lessx(lua_State *L, int cmp, int a, int b, int drop)
{
  int result;
  if (!cmp) {
    result = lua_compare(L, a, b, LUA_OPLT);
    if (drop && result)
      lua_pop(L, 1);
    return result;
  }
  lua_pushvalue(L, 2);
  lua_pushvalue(L, a - 1);  /* indices shift as values are pushed */
  lua_pushvalue(L, b - 2);
  lua_call(L, 2, 1);
  result = lua_toboolean(L, -1);
  lua_pop(L, drop && result ? 2 : 1);
  return result;
}

#define tablib_less(L, cmp, a, b)      tablib_lessx(L, cmp, a, b, 0)
#define tablib_less_drop(L, cmp, a, b) tablib_lessx(L, cmp, a, b, 1)

/* Some randomness for pivots that is cheap and needs no seeding. */
static unsigned int tablib_randomness(void)
{
  clock_t c = clock();
  time_t t = time(NULL);
  unsigned int mix = 0;
  const unsigned char *bytes = (const unsigned char *)&c;
  for (size_t i = 0; i < sizeof c; i++)
    mix += bytes[i];
  bytes = (const unsigned char *)&t;
  unsigned int mix2 = 0;
  for (size_t i = 0; i < sizeof t; i++)
    mix2 += bytes[i];
  return mix + mix2;
}

static tablib_Index tablib_pickpivot(tablib_Index lo, tablib_Index up,
                                     unsigned int rnd)
{
  /* somewhere in the middle half of [lo, up] */
  tablib_Index quarter = (up - lo) / 4;
  return rnd % (quarter * 2) + (lo + quarter);
}

/*
 * Partitions a[lo..up] around the pivot P, which is on the stack top and
 * also stored at a[up - 1]; a[lo] <= P <= a[up] already hold.  Returns
 * P's final position.  The sentinels a[lo] and a[up - 1] keep both scans
 * inside the range unless the order function is inconsistent, which is
 * detected and reported.
 */
static tablib_Index tablib_partition(lua_State *L, int cmp, tablib_Index lo,
                                     tablib_Index up)
{
  tablib_Index i = lo;
  tablib_Index j = up - 1;
  for (;;) {
    /* advance i while a[i] < P */
    while (lua_geti(L, 1, ++i), tablib_less_drop(L, cmp, -1, -2)) {
      if (i == up - 1)
        luaL_error(L, "invalid order function for sorting");
    }
    /* retreat j while P < a[j] */
    while (lua_geti(L, 1, --j), tablib_less_drop(L, cmp, -3, -1)) {
      if (j < i)
        luaL_error(L, "invalid order function for sorting");
    }
    if (j < i) {
      lua_pop(L, 1);  /* a[j] */
      tablib_store2(L, up - 1, i);  /* the pivot goes to its place */
      return i;
    }
    tablib_store2(L, i, j);  /* swap a[i] and a[j] */
  }
}

static void tablib_quicksort(lua_State *L, int cmp, tablib_Index lo,
                             tablib_Index up, unsigned int rnd)
{
  while (lo < up) {
    /* Order a[lo] and a[up]. */
    lua_geti(L, 1, lo);
    lua_geti(L, 1, up);
    if (tablib_less(L, cmp, -1, -2))
      tablib_store2(L, lo, up);
    else
      lua_pop(L, 2);
    if (up - lo == 1)
      break;
    /* Median of three: order a[p] against a[lo] and a[up]. */
    tablib_Index p;
    if (up - lo < TABLIB_RANDOM_PIVOT_MIN || rnd == 0)
      p = (lo + up) / 2;
    else
      p = tablib_pickpivot(lo, up, rnd);
    lua_geti(L, 1, p);
    lua_geti(L, 1, lo);
    if (tablib_less(L, cmp, -2, -1)) {
      tablib_store2(L, p, lo);
    } else {
      lua_pop(L, 1);
      lua_geti(L, 1, up);
      if (tablib_less(L, cmp, -1, -2))
        tablib_store2(L, p, up);
      else
        lua_pop(L, 2);
    }
    if (up - lo == 2)
      break;
    /* Park the pivot at a[up - 1] and keep a copy on the stack. */
    lua_geti(L, 1, p);
    lua_pushvalue(L, -1);
    lua_geti(L, 1, up - 1);
    tablib_store2(L, p, up - 1);
    p = tablib_partition(L, cmp, lo, up);
    /* Recurse into the smaller side, loop on the larger one, so the C
       stack depth stays logarithmic. */
    tablib_Index smaller;
    if (p - lo < up - p) {
      tablib_quicksort(L, cmp, lo, p - 1, rnd);
      smaller = p - lo;
      lo = p + 1;
    } else {
      tablib_quicksort(L, cmp, p + 1, up, rnd);
      smaller = up - p;
      up = p - 1;
    }
    if ((up - lo) / 128 > smaller)  /* badly unbalanced: randomise */
      rnd = tablib_randomness();
  }
}

static int tablib_sort(lua_State *L)
{
  lua_Integer size = tablib_length(L, 1, TABLIB_READ | TABLIB_WRITE);
  if (size > 1) {
    luaL_argcheck(L, size < INT_MAX, 1, "array too big");
    if (!lua_isnoneornil(L, 2))
      luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    tablib_quicksort(L, !lua_isnil(L, 2), 1, (tablib_Index)size, 0);
  }
  return 0;
}


/* ===================================================================
 * Registration
 * =================================================================== */

#define TABLIB_FUNCTIONS(X) \
  X(concat, tablib_concat)  \
  X(insert, tablib_insert)  \
  X(pack, tablib_pack)      \
  X(unpack, tablib_unpack)  \
  X(remove, tablib_remove)  \
  X(move, tablib_move)      \
  X(sort, tablib_sort)

static const luaL_Reg tablib_functions[] = {
#define TABLIB_ENTRY(name, fn) {#name, fn},
  TABLIB_FUNCTIONS(TABLIB_ENTRY)
#undef TABLIB_ENTRY
  {NULL, NULL}
};

LUAMOD_API int luaopen_table(lua_State *L)
{
  luaL_newlib(L, tablib_functions);
  return 1;
}
