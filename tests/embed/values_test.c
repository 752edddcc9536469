/*
 * values_test.c - embedding host for pushing C values and reading them
 * back: every basic type, the number/string coercions of lua_tonumberx,
 * lua_tointegerx and lua_tolstring (which converts a number in place),
 * lua_pushfstring's formats, C functions and closures, lua_rawlen,
 * lua_topointer identity, and the operators of the API (lua_arith,
 * lua_concat, lua_len, lua_compare, lua_rawequal, lua_stringtonumber),
 * with and without metamethods.
 *
 * The .expected file was recorded with the same host linked against
 * Debian's liblua5.4.
 */
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

/* The value at idx as text without changing the slot. */
static const char *show(lua_State *L, int idx)
{
	static char buf[8][128];
	static int next;
	char *b = buf[next++ & 7];
	idx = lua_absindex(L, idx);
	switch (lua_type(L, idx)) {
	case LUA_TNUMBER:
		if (lua_isinteger(L, idx))
			snprintf(b, 128, "int:%lld", (long long)lua_tointeger(L, idx));
		else
			snprintf(b, 128, "flt:%.17g", lua_tonumber(L, idx));
		break;
	case LUA_TSTRING: {
		size_t len;
		const char *s = lua_tolstring(L, idx, &len);
		snprintf(b, 128, "str(%zu):%.*s", len, (int)len, s);
		break;
	}
	case LUA_TBOOLEAN:
		snprintf(b, 128, "%s", lua_toboolean(L, idx) ? "true" : "false");
		break;
	default:
		snprintf(b, 128, "%s", luaL_typename(L, idx));
	}
	return b;
}

static void test_types(lua_State *L)
{
	printf("== push and type\n");
	static int anchor;
	lua_pushnil(L);
	lua_pushboolean(L, 42);
	lua_pushboolean(L, 0);
	lua_pushinteger(L, -7);
	lua_pushnumber(L, 2.5);
	lua_pushliteral(L, "lit");
	lua_pushlstring(L, "a\0b", 3);
	lua_pushlstring(L, NULL, 0);
	lua_pushstring(L, NULL);
	lua_pushlightuserdata(L, &anchor);
	lua_newtable(L);
	lua_newuserdatauv(L, 8, 0);
	printf("pushthread main=%d\n", lua_pushthread(L));
	for (int i = 1; i <= lua_gettop(L); i++) {
		int t = lua_type(L, i);
		printf("%2d %-13s %-14s num=%d str=%d int=%d ud=%d cf=%d bool=%d\n",
		       i, lua_typename(L, t), show(L, i), lua_isnumber(L, i),
		       lua_isstring(L, i), lua_isinteger(L, i),
		       lua_isuserdata(L, i), lua_iscfunction(L, i),
		       lua_toboolean(L, i));
	}
	printf("typename(NONE)=%s\n", lua_typename(L, LUA_TNONE));
	printf("touserdata light ok=%d\n", lua_touserdata(L, 10) == &anchor);
	printf("tothread ok=%d\n", lua_tothread(L, -1) == L);
	printf("topointer light=%d string=%d nil=%d\n",
	       lua_topointer(L, 10) == &anchor, lua_topointer(L, 6) != NULL,
	       lua_topointer(L, 1) == NULL);
	printf("touserdata full=%d\n",
	       lua_touserdata(L, 12) == lua_topointer(L, 12));
	lua_settop(L, 0);
}

static void test_conversions(lua_State *L)
{
	printf("== conversions\n");
	const char *inputs[] = { "10", "  0x1F  ", "1e2", "3.0", "3.5", "-0",
		"0x7fffffffffffffff", "9223372036854775808", "abc", "",
		"1 2", "0x", " inf", "nan", "5\0 7", NULL };
	for (int i = 0; inputs[i] != NULL; i++) {
		int isnum, isint;
		lua_pushstring(L, inputs[i]);
		lua_Number n = lua_tonumberx(L, -1, &isnum);
		lua_Integer k = lua_tointegerx(L, -1, &isint);
		printf("'%s': number %d %.17g integer %d %lld still string %d\n",
		       inputs[i], isnum, n, isint, (long long)k,
		       lua_type(L, -1) == LUA_TSTRING);
		lua_pop(L, 1);
	}
	lua_pushlstring(L, "12\0", 3);
	printf("embedded zero: isnumber=%d\n", lua_isnumber(L, -1));
	lua_pop(L, 1);

	double floats[] = { 3.0, -0.0, 1e15, 1e16, 0.1, 1.0 / 0.0, -1.0 / 0.0,
		2.0e100, 123456789012345.0 };
	for (unsigned i = 0; i < sizeof floats / sizeof floats[0]; i++) {
		int isint;
		lua_pushnumber(L, floats[i]);
		lua_Integer k = lua_tointegerx(L, -1, &isint);
		size_t len;
		const char *s = lua_tolstring(L, -1, &len);
		printf("float %.17g: integer %d %lld tostring '%s' len %zu, now %s\n",
		       floats[i], isint, isint ? (long long)k : 0LL, s, len,
		       luaL_typename(L, -1));
		lua_pop(L, 1);
	}
	lua_pushinteger(L, LUA_MININTEGER);
	printf("minint tostring '%s' type now %s\n", lua_tostring(L, -1),
	       luaL_typename(L, -1));
	lua_pop(L, 1);
	lua_pushboolean(L, 1);
	size_t len = 99;
	int isnull = lua_tolstring(L, -1, &len) == NULL;
	printf("boolean tolstring NULL=%d len=%zu\n", isnull, len);
	lua_pop(L, 1);

	const char *numerals[] = { "42", "0x10", "  -3.25e1 ", "1e", "z", NULL };
	for (int i = 0; numerals[i] != NULL; i++) {
		int before = lua_gettop(L);
		size_t sz = lua_stringtonumber(L, numerals[i]);
		printf("stringtonumber('%s')=%zu pushed %d", numerals[i], sz,
		       lua_gettop(L) - before);
		if (lua_gettop(L) > before)
			printf(" %s", show(L, -1));
		printf("\n");
		lua_settop(L, before);
	}
}

static void test_fstring(lua_State *L)
{
	printf("== pushfstring\n");
	const char *s = lua_pushfstring(L, "%s|%d|%I|%f|%c|%%|%s",
	    "str", -12, (lua_Integer)1 << 40, 1.5, 'Z', "end");
	printf("%s (same pointer as stack: %d)\n", s, s == lua_tostring(L, -1));
	lua_pushfstring(L, "%f %f %f", 1e100, 0.1, 100.0);
	printf("%s\n", lua_tostring(L, -1));
	lua_pushfstring(L, "no args");
	printf("%s\n", lua_tostring(L, -1));
	size_t len;
	s = lua_pushfstring(L, "%U|%U|%U|%U", 0x7FL, 0x20ACL, 0x10FFFFL,
	                    0x7FFFFFFFL);
	s = lua_tolstring(L, -1, &len);
	printf("%%U bytes:");
	for (size_t i = 0; i < len; i++)
		printf(" %02x", (unsigned char)s[i]);
	printf("\n");
	lua_settop(L, 0);
}

static int add_upvalues(lua_State *L)
{
	lua_Integer sum = 0;
	for (int i = 1; !lua_isnone(L, lua_upvalueindex(i)); i++)
		sum += lua_tointeger(L, lua_upvalueindex(i));
	lua_pushinteger(L, sum + lua_gettop(L));
	return 1;
}

static void test_functions(lua_State *L)
{
	printf("== C functions\n");
	lua_pushcfunction(L, add_upvalues);
	lua_pushinteger(L, 1);
	lua_pushinteger(L, 20);
	lua_pushinteger(L, 300);
	lua_pushcclosure(L, add_upvalues, 3);
	printf("light: cf=%d tocfunction ok=%d\n", lua_iscfunction(L, 1),
	       lua_tocfunction(L, 1) == add_upvalues);
	printf("closure: cf=%d tocfunction ok=%d\n", lua_iscfunction(L, 2),
	       lua_tocfunction(L, 2) == add_upvalues);
	printf("same pointer for light functions: %d\n",
	       lua_topointer(L, 1) == lua_topointer(L, 1));
	lua_pushvalue(L, 1);
	lua_pushcfunction(L, add_upvalues);
	printf("two pushes of a light function rawequal: %d\n",
	       lua_rawequal(L, -1, -2));
	lua_pop(L, 2);
	lua_pushvalue(L, 2);
	lua_pushinteger(L, 0);
	lua_pushinteger(L, 0);
	lua_call(L, 2, 1);
	printf("closure result %s\n", show(L, -1));
	lua_pop(L, 1);
	lua_getglobal(L, "string");
	lua_getfield(L, -1, "len");
	printf("string.len: cf=%d\n", lua_iscfunction(L, -1));
	luaL_loadstring(L, "return 1");
	printf("Lua function: cf=%d tocfunction NULL=%d\n",
	       lua_iscfunction(L, -1), lua_tocfunction(L, -1) == NULL);
	lua_settop(L, 0);
}

static void test_rawlen(lua_State *L)
{
	printf("== rawlen\n");
	luaL_dostring(L, "return {1,2,3,nil,5}, setmetatable({1,2}, {__len=function() return 99 end}), 'hello', 17");
	lua_newuserdatauv(L, 33, 2);
	for (int i = 1; i <= 5; i++)
		printf("rawlen(%d)=%llu\n", i, (unsigned long long)lua_rawlen(L, i));
	lua_len(L, 2);
	printf("len(2)=%s\n", show(L, -1));
	lua_len(L, 3);
	printf("len(3)=%s\n", show(L, -1));
	printf("luaL_len(1)=%lld\n", (long long)luaL_len(L, 1));
	lua_settop(L, 0);
}

static int try_len_of_number(lua_State *L)
{
	lua_pushinteger(L, 3);
	lua_len(L, -1);
	return 1;
}

static void test_arith(lua_State *L)
{
	printf("== arith\n");
	static const char *names[] = { "ADD", "SUB", "MUL", "MOD", "POW",
		"DIV", "IDIV", "BAND", "BOR", "BXOR", "SHL", "SHR", "UNM",
		"BNOT" };
	struct { int isint; double a, b; } pairs[] = {
		{ 1, 7, 3 }, { 1, -7, 3 }, { 0, 7.5, 2 }, { 0, -7.5, 2 },
	};
	for (unsigned p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
		printf("operands %g %g (%s):", pairs[p].a, pairs[p].b,
		       pairs[p].isint ? "int" : "float");
		for (int op = LUA_OPADD; op <= LUA_OPBNOT; op++) {
			if (!pairs[p].isint && op >= LUA_OPBAND && op != LUA_OPUNM)
				continue;
			if (pairs[p].isint) {
				lua_pushinteger(L, (lua_Integer)pairs[p].a);
				if (op != LUA_OPUNM && op != LUA_OPBNOT)
					lua_pushinteger(L, (lua_Integer)pairs[p].b);
			} else {
				lua_pushnumber(L, pairs[p].a);
				if (op != LUA_OPUNM && op != LUA_OPBNOT)
					lua_pushnumber(L, pairs[p].b);
			}
			lua_arith(L, op);
			printf(" %s=%s", names[op], show(L, -1));
			lua_pop(L, 1);
		}
		printf("\n");
	}
	lua_pushstring(L, "10");
	lua_pushinteger(L, 5);
	lua_arith(L, LUA_OPADD);
	printf("'10'+5 = %s\n", show(L, -1));
	lua_pushstring(L, "3");
	lua_arith(L, LUA_OPMUL);
	printf("15*'3' = %s\n", show(L, -1));
	lua_pop(L, 1);
	luaL_dostring(L, "return setmetatable({}, {__add=function(a,b) return 'added' end, __unm=function(a,b) return rawequal(a,b) end, __concat=function(a,b) return 'cat' end, __lt=function() return true end, __le=function() return false end, __eq=function() return true end})");
	lua_pushvalue(L, -1);
	lua_pushinteger(L, 1);
	lua_arith(L, LUA_OPADD);
	printf("mt + 1 = %s\n", show(L, -1));
	lua_pop(L, 1);
	lua_pushvalue(L, -1);
	lua_arith(L, LUA_OPUNM);
	printf("-mt (operand twice) = %s\n", show(L, -1));
	lua_pop(L, 1);
	lua_newtable(L);
	printf("compare mt,t EQ=%d LT=%d LE=%d rawequal=%d\n",
	       lua_compare(L, -2, -1, LUA_OPEQ), lua_compare(L, -2, -1, LUA_OPLT),
	       lua_compare(L, -2, -1, LUA_OPLE), lua_rawequal(L, -2, -1));
	lua_pushinteger(L, 1);
	lua_pushnumber(L, 1.0);
	printf("1 == 1.0: compare=%d rawequal=%d; 1 < 1.0: %d; 1 <= 1.0: %d\n",
	       lua_compare(L, -2, -1, LUA_OPEQ), lua_rawequal(L, -2, -1),
	       lua_compare(L, -2, -1, LUA_OPLT), lua_compare(L, -2, -1, LUA_OPLE));
	lua_pushstring(L, "a");
	lua_pushstring(L, "b");
	printf("'a' < 'b': %d\n", lua_compare(L, -2, -1, LUA_OPLT));
	lua_settop(L, 0);

	printf("-- errors\n");
	const char *bad[] = {
		"local a = ... ; return a + {}",
		"return 1 // 0",
		"return 1 % 0",
		"return 2^53 | 0.5",
		"return '1' < 1",
		"return {} < {}",
		"return 'x' .. {}",
		NULL
	};
	for (int i = 0; bad[i] != NULL; i++) {
		luaL_loadstring(L, bad[i]);
		int st = lua_pcall(L, 0, 1, 0);
		printf("%s -> %d %s\n", bad[i], st, lua_tostring(L, -1));
		lua_pop(L, 1);
	}
	lua_pushcfunction(L, try_len_of_number);
	int st = lua_pcall(L, 0, 1, 0);
	printf("lua_len(3) -> %d %s\n", st, lua_tostring(L, -1));
	lua_pop(L, 1);
}

static void test_concat(lua_State *L)
{
	printf("== concat\n");
	lua_concat(L, 0);
	printf("concat 0 -> %s\n", show(L, -1));
	lua_pushinteger(L, 5);
	lua_concat(L, 1);
	printf("concat 1 -> %s\n", show(L, -1));
	lua_pushstring(L, "-");
	lua_pushnumber(L, 2.0);
	lua_pushstring(L, "-");
	lua_pushinteger(L, 3);
	lua_concat(L, 5);
	printf("concat 5 -> %s top=%d\n", show(L, -1), lua_gettop(L));
	luaL_dostring(L, "return setmetatable({}, {__concat=function(a,b) return type(a)..'&'..type(b) end})");
	lua_pushstring(L, "x");
	lua_insert(L, -2);
	lua_pushstring(L, "y");
	lua_concat(L, 3);
	printf("concat with __concat -> %s\n", show(L, -1));
	lua_settop(L, 0);
}

int main(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	test_types(L);
	test_conversions(L);
	test_fstring(L);
	test_functions(L);
	test_rawlen(L);
	test_arith(L);
	test_concat(L);
	printf("final top=%d\n", lua_gettop(L));
	lua_close(L);
	return 0;
}
