/*
 * strlib.c - the 'string' library: registration, the metatable shared by
 * all strings, and the functions that work byte by byte (len, sub, upper,
 * lower, rep, reverse, byte, char, dump).
 *
 * The metatable gives strings their method syntax (__index = the library)
 * and arithmetic: Lua 5.4 no longer coerces strings to numbers inside the
 * VM's arithmetic, it calls these metamethods, which convert with
 * lua_stringtonumber and redo the operation with lua_arith.  When a
 * conversion fails they defer to the other operand's metamethod and
 * otherwise raise lua5.4's "attempt to add a 'string' with a 'table'".
 */
#include <ctype.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "lib/strlib.h"


/* ===================================================================
 * Positions
 * =================================================================== */

size_t strlib_startpos(lua_Integer pos, size_t len)
{
  if (pos > 0)
    return (size_t)pos;
  if (pos == 0 || pos < -(lua_Integer)len)
    return 1;
  return len - (size_t)(-pos) + 1;
}

/* An end position clamped to [0, len]. */
static size_t strlib_clampend(lua_Integer pos, size_t len)
{
  if (pos > (lua_Integer)len)
    return len;
  if (pos >= 0)
    return (size_t)pos;
  if (pos < -(lua_Integer)len)
    return 0;
  return len - (size_t)(-pos) + 1;
}

size_t strlib_endpos(lua_State *L, int arg, lua_Integer def, size_t len)
{
  /* s:sub(i) and s:byte(i) mostly omit it: no argument there is the default */
  lua_Integer pos = lua_gettop(L) < arg ? def : luaL_optinteger(L, arg, def);
  return strlib_clampend(pos, len);
}


/* ===================================================================
 * Byte-level functions
 * =================================================================== */

static int strlib_len(lua_State *L)
{
  size_t len;
  luaL_checklstring(L, 1, &len);
  lua_pushinteger(L, (lua_Integer)len);
  return 1;
}

static int strlib_sub(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  size_t first = strlib_startpos(luaL_checkinteger(L, 2), len);
  size_t last = strlib_endpos(L, 3, -1, len);
  if (first <= last)
    lua_pushlstring(L, s + first - 1, last - first + 1);
  else
    lua_pushliteral(L, "");
  return 1;
}

/* Maps every byte of the argument through 'convert' (toupper/tolower). */
static int strlib_mapbytes(lua_State *L, int (*convert)(int))
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_Buffer buf;
  char *out = luaL_buffinitsize(L, &buf, len);
  for (size_t i = 0; i < len; i++)
    out[i] = (char)convert((unsigned char)s[i]);
  luaL_pushresultsize(&buf, len);
  return 1;
}

static int strlib_lower(lua_State *L) { return strlib_mapbytes(L, tolower); }
static int strlib_upper(lua_State *L) { return strlib_mapbytes(L, toupper); }

static int strlib_reverse(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_Buffer buf;
  char *out = luaL_buffinitsize(L, &buf, len);
  for (size_t i = 0; i < len; i++)
    out[i] = s[len - 1 - i];
  luaL_pushresultsize(&buf, len);
  return 1;
}

static int strlib_rep(lua_State *L)
{
  size_t len, seplen;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer count = luaL_checkinteger(L, 2);
  const char *sep = luaL_optlstring(L, 3, "", &seplen);
  if (count <= 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  /* Each copy but the last is followed by a separator; the test keeps
     count * (len + seplen) within STRLIB_MAXSIZE without overflowing. */
  if (len + seplen < len ||
      len + seplen > STRLIB_MAXSIZE / (size_t)count)
    return luaL_error(L, "resulting string too large");
  size_t total = (size_t)count * len + (size_t)(count - 1) * seplen;
  if (total == 0) {  /* empty pieces: do not loop 'count' times */
    lua_pushliteral(L, "");
    return 1;
  }
  luaL_Buffer buf;
  char *out = luaL_buffinitsize(L, &buf, total);
  for (lua_Integer i = 0; i < count; i++) {
    memcpy(out, s, len);
    out += len;
    if (seplen > 0 && i + 1 < count) {
      memcpy(out, sep, seplen);
      out += seplen;
    }
  }
  luaL_pushresultsize(&buf, total);
  return 1;
}

/* string.byte with a start and an end (out of line: the common calls in
 * strlib_byte then need only a small stack frame). */
static __attribute__((noinline)) int strlib_byterange(lua_State *L,
                                                     const char *s,
                                                     size_t len)
{
  lua_Integer start = luaL_optinteger(L, 2, 1);
  size_t first = strlib_startpos(start, len);
  size_t last = strlib_endpos(L, 3, start, len);
  if (first > last)
    return 0;
  /* Every byte becomes one result, and results are counted in an int. */
  if (last - first >= (size_t)INT_MAX)
    return luaL_error(L, "string slice too long");
  int count = (int)(last - first) + 1;
  if (count > 1)  /* one result fits the LUA_MINSTACK slots every call has */
    luaL_checkstack(L, count, "string slice too long");
  for (int i = 0; i < count; i++)
    lua_pushinteger(L, (unsigned char)s[first - 1 + (size_t)i]);
  return count;
}

static int strlib_byte(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  /* s:byte() and s:byte(i), the common calls, give one byte or none: the
   * general case with the end equal to the start */
  int top = lua_gettop(L);
  if (top <= 2) {
    int isnum = 1;
    lua_Integer pos = top == 2 ? lua_tointegerx(L, 2, &isnum) : 1;
    if (isnum) {  /* else luaL_optinteger decides (nil, errors) */
      size_t at = strlib_startpos(pos, len);
      if (at > strlib_clampend(pos, len))
        return 0;
      lua_pushinteger(L, (unsigned char)s[at - 1]);
      return 1;
    }
  }
  return strlib_byterange(L, s, len);
}

static int strlib_char(lua_State *L)
{
  int nargs = lua_gettop(L);
  luaL_Buffer buf;
  char *out = luaL_buffinitsize(L, &buf, (size_t)nargs);
  for (int i = 1; i <= nargs; i++) {
    lua_Unsigned code = (lua_Unsigned)luaL_checkinteger(L, i);
    luaL_argcheck(L, code <= (lua_Unsigned)UCHAR_MAX, i, "value out of range");
    out[i - 1] = (char)(unsigned char)code;
  }
  luaL_pushresultsize(&buf, (size_t)nargs);
  return 1;
}


/* ===================================================================
 * string.dump
 * =================================================================== */

/*
 * lua_dump needs the function on top of the stack when it starts, but a
 * luaL_Buffer may push a box onto the stack; so the buffer is only
 * initialised at the first write, when lua_dump has already taken the
 * function.
 */
typedef struct strlib_DumpState {
  int started;
  luaL_Buffer buf;
} strlib_DumpState;

static int strlib_dumpwriter(lua_State *L, const void *bytes, size_t size,
                             void *ud)
{
  strlib_DumpState *state = (strlib_DumpState *)ud;
  if (!state->started) {
    state->started = 1;
    luaL_buffinit(L, &state->buf);
  }
  luaL_addlstring(&state->buf, (const char *)bytes, size);
  return 0;
}

static int strlib_dump(lua_State *L)
{
  strlib_DumpState state;
  int strip = lua_toboolean(L, 2);
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, 1);
  state.started = 0;
  if (lua_dump(L, strlib_dumpwriter, &state, strip) != 0)
    return luaL_error(L, "unable to dump given function");
  if (!state.started) {
    /* A dump that wrote nothing still produces a string. */
    lua_pushliteral(L, "");
    return 1;
  }
  luaL_pushresult(&state.buf);
  return 1;
}


/* ===================================================================
 * Arithmetic metamethods of strings
 * =================================================================== */

/*
 * Pushes the numeric value of the operand at 'arg' and returns 1 when it is
 * a number or a string that reads entirely as one ("0x10", " 3 "); returns
 * 0 (pushing nothing) otherwise.  A string with an embedded zero is not a
 * number: lua_stringtonumber would stop at the zero.
 */
static int strlib_tonumber(lua_State *L, int arg)
{
  if (lua_type(L, arg) == LUA_TNUMBER) {
    lua_pushvalue(L, arg);
    return 1;
  }
  size_t len;
  const char *s = lua_tolstring(L, arg, &len);
  return s != NULL && lua_stringtonumber(L, s) == len + 1;
}

/*
 * One operand is not numeric: give the second operand's own metamethod a
 * chance (the VM already chose ours because the first operand is a
 * string), else raise the error lua5.4 raises.
 */
static int strlib_trymeta(lua_State *L, const char *event)
{
  lua_settop(L, 2);
  if (lua_type(L, 2) == LUA_TSTRING || !luaL_getmetafield(L, 2, event))
    return luaL_error(L, "attempt to %s a '%s' with a '%s'", event + 2,
                      luaL_typename(L, -2), luaL_typename(L, -1));
  lua_insert(L, -3);
  lua_call(L, 2, 1);
  return 1;
}

static int strlib_arith(lua_State *L, int op, const char *event)
{
  if (strlib_tonumber(L, 1) && strlib_tonumber(L, 2))
    lua_arith(L, op);
  else
    strlib_trymeta(L, event);
  return 1;
}

/* The arithmetic events strings answer: (event name, lua_arith op).
   Unary minus arrives with the operand repeated, like every binary event,
   so lua_arith then uses only the copy on top. */
#define STRLIB_ARITH_EVENTS(X) \
  X(add, LUA_OPADD)            \
  X(sub, LUA_OPSUB)            \
  X(mul, LUA_OPMUL)            \
  X(mod, LUA_OPMOD)            \
  X(pow, LUA_OPPOW)            \
  X(div, LUA_OPDIV)            \
  X(idiv, LUA_OPIDIV)          \
  X(unm, LUA_OPUNM)

#define STRLIB_DEFINE_ARITH(name, op)                  \
  static int strlib_meta_##name(lua_State *L)          \
  {                                                    \
    return strlib_arith(L, op, "__" #name);            \
  }
STRLIB_ARITH_EVENTS(STRLIB_DEFINE_ARITH)
#undef STRLIB_DEFINE_ARITH

static const luaL_Reg strlib_metamethods[] = {
#define STRLIB_ARITH_ENTRY(name, op) {"__" #name, strlib_meta_##name},
  STRLIB_ARITH_EVENTS(STRLIB_ARITH_ENTRY)
#undef STRLIB_ARITH_ENTRY
  {"__index", NULL},  /* filled with the library table */
  {NULL, NULL}
};


/* ===================================================================
 * Registration
 * =================================================================== */

#define STRLIB_FUNCTIONS(X)  \
  X(byte, strlib_byte)       \
  X(char, strlib_char)       \
  X(dump, strlib_dump)       \
  X(find, strpat_find)       \
  X(format, strfmt_format)   \
  X(gmatch, strpat_gmatch)   \
  X(gsub, strpat_gsub)       \
  X(len, strlib_len)         \
  X(lower, strlib_lower)     \
  X(match, strpat_match)     \
  X(rep, strlib_rep)         \
  X(reverse, strlib_reverse) \
  X(sub, strlib_sub)         \
  X(upper, strlib_upper)     \
  X(pack, strpack_pack)      \
  X(packsize, strpack_packsize) \
  X(unpack, strpack_unpack)

static const luaL_Reg strlib_functions[] = {
#define STRLIB_FUNCTION_ENTRY(name, fn) {#name, fn},
  STRLIB_FUNCTIONS(STRLIB_FUNCTION_ENTRY)
#undef STRLIB_FUNCTION_ENTRY
  {NULL, NULL}
};

/* Expects the library table on top; installs the metatable of strings. */
static void strlib_setmetatable(lua_State *L)
{
  luaL_newlibtable(L, strlib_metamethods);
  luaL_setfuncs(L, strlib_metamethods, 0);
  lua_pushvalue(L, -2);
  lua_setfield(L, -2, "__index");
  lua_pushliteral(L, "");
  lua_pushvalue(L, -2);
  lua_setmetatable(L, -2);
  lua_pop(L, 2);
}

LUAMOD_API int luaopen_string(lua_State *L)
{
  luaL_newlib(L, strlib_functions);
  strlib_setmetatable(L);
  return 1;
}
