/*
 * os_date.c - os.date, os.time and os.difftime: conversions between Lua
 * integers (seconds of time_t) and broken-down calendar time.
 *
 * os.date formats with strftime one conversion at a time, after checking
 * each against the conversions C99 defines, so a bad specifier is an error
 * instead of undefined behaviour in the C library.  os.time goes through
 * mktime, which also normalises out-of-range fields; the table passed in is
 * updated with the normalised values.
 */
#include <limits.h>
#include <string.h>
#include <time.h>

#include "lua.h"
#include "lauxlib.h"

#include "lib/os_date.h"


/* ===================================================================
 * Reading and writing date tables
 * =================================================================== */

/* Field names of a date table with the offset between the Lua value and
 * the struct tm member (years count from 1900, months and days of the
 * year and week from 0 in C).  isdst is handled apart: it is a boolean. */
#define OS_DATE_FIELDS(X) \
	X("year",  tm_year, 1900) \
	X("month", tm_mon,  1) \
	X("day",   tm_mday, 0) \
	X("hour",  tm_hour, 0) \
	X("min",   tm_min,  0) \
	X("sec",   tm_sec,  0) \
	X("yday",  tm_yday, 1) \
	X("wday",  tm_wday, 1)

/* Stores every field of 'tm' into the table on top of the stack. */
static void os_date_set_fields(lua_State *L, const struct tm *tm)
{
#define OS_DATE_SET_FIELD(name, member, offset) \
	lua_pushinteger(L, (lua_Integer)tm->member + (offset)); \
	lua_setfield(L, -2, name);
	OS_DATE_FIELDS(OS_DATE_SET_FIELD)
#undef OS_DATE_SET_FIELD
	/* A negative tm_isdst means "unknown": the field is left out. */
	if (tm->tm_isdst >= 0) {
		lua_pushboolean(L, tm->tm_isdst);
		lua_setfield(L, -2, "isdst");
	}
}

/*
 * Reads integer field 'key' of the table on top of the stack and converts
 * it to its struct tm value by subtracting 'offset'.  'fallback' is used
 * when the field is absent; a negative fallback means it is required.
 */
static int os_date_get_field(lua_State *L, const char *key, int fallback,
			     int offset)
{
	int type = lua_getfield(L, -1, key);
	int is_integer;
	lua_Integer value = lua_tointegerx(L, -1, &is_integer);
	if (!is_integer) {
		if (type != LUA_TNIL)
			return luaL_error(L, "field '%s' is not an integer", key);
		if (fallback < 0)
			return luaL_error(L, "field '%s' missing in date table", key);
		value = fallback;
	} else {
		int fits = value >= 0 ? value - offset <= INT_MAX
				      : INT_MIN + offset <= value;
		if (!fits)
			return luaL_error(L, "field '%s' is out-of-bound", key);
		value -= offset;
	}
	lua_pop(L, 1);
	return (int)value;
}

/* isdst as mktime wants it: -1 (let the C library decide) when absent. */
static int os_date_get_dst_field(lua_State *L)
{
	int result = lua_getfield(L, -1, "isdst") == LUA_TNIL
		     ? -1 : lua_toboolean(L, -1);
	lua_pop(L, 1);
	return result;
}

static time_t os_date_check_time(lua_State *L, int arg)
{
	lua_Integer value = luaL_checkinteger(L, arg);
	luaL_argcheck(L, (time_t)value == value, arg, "time out-of-bounds");
	return (time_t)value;
}


/* ===================================================================
 * os.date
 * =================================================================== */

/* The conversions strftime may be given: C99's single letters, then the
 * E- and O-modified forms, which are two characters long. */
static const char os_date_single_conversions[] =
	"aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
static const char *const os_date_modified_conversions[] = {
	"Ec", "EC", "Ex", "EX", "Ey", "EY",
	"Od", "Oe", "OH", "OI", "Om", "OM", "OS", "Ou", "OU", "OV", "Ow",
	"OW", "Oy", NULL
};

/* Room for one conversion's result; lua5.4 uses the same bound, so a
 * longer expansion (which strftime reports as 0) is dropped alike. */
#define OS_DATE_CONVERSION_ROOM 250

/*
 * Checks the conversion starting at 'spec' ('left' bytes remain, just
 * after the '%') and copies it, with its '%', into 'format'.  Returns
 * where the text continues.  The error message quotes the whole rest of
 * the format, as lua5.4's does.
 */
static const char *os_date_take_conversion(lua_State *L, const char *spec,
					   size_t left, char *format)
{
	size_t length = 0;
	if (left >= 1 && spec[0] != '\0'
	    && memchr(os_date_single_conversions, spec[0],
		      sizeof os_date_single_conversions - 1) != NULL) {
		length = 1;
	} else if (left >= 2) {
		for (int i = 0; os_date_modified_conversions[i] != NULL; i++) {
			if (memcmp(spec, os_date_modified_conversions[i], 2) == 0) {
				length = 2;
				break;
			}
		}
	}
	if (length == 0) {
		luaL_argerror(L, 1, lua_pushfstring(L,
			"invalid conversion specifier '%%%s'", spec));
		return spec;
	}
	format[0] = '%';
	memcpy(format + 1, spec, length);
	format[length + 1] = '\0';
	return spec + length;
}

int os_date_date(lua_State *L)
{
	size_t length;
	const char *format = luaL_optlstring(L, 1, "%c", &length);
	const char *end = format + length;
	time_t when = lua_isnoneornil(L, 2) ? time(NULL)
					    : os_date_check_time(L, 2);
	struct tm storage;
	struct tm *tm;
	if (*format == '!') {
		tm = gmtime_r(&when, &storage);
		format++;
	} else {
		tm = localtime_r(&when, &storage);
	}
	if (tm == NULL)
		return luaL_error(L,
			"date result cannot be represented in this installation");
	if (strcmp(format, "*t") == 0) {
		lua_createtable(L, 0, 9);
		os_date_set_fields(L, tm);
		return 1;
	}
	luaL_Buffer out;
	luaL_buffinit(L, &out);
	while (format < end) {
		if (*format != '%') {
			luaL_addchar(&out, *format++);
			continue;
		}
		char conversion[4];
		format = os_date_take_conversion(L, format + 1,
						 (size_t)(end - format - 1),
						 conversion);
		char *room = luaL_prepbuffsize(&out, OS_DATE_CONVERSION_ROOM);
		luaL_addsize(&out, strftime(room, OS_DATE_CONVERSION_ROOM,
					    conversion, tm));
	}
	luaL_pushresult(&out);
	return 1;
}


/* ===================================================================
 * os.time and os.difftime
 * =================================================================== */

int os_date_time(lua_State *L)
{
	time_t result;
	if (lua_isnoneornil(L, 1)) {
		result = time(NULL);
	} else {
		struct tm tm;
		memset(&tm, 0, sizeof tm);
		luaL_checktype(L, 1, LUA_TTABLE);
		lua_settop(L, 1);
		/* Read in this order: it decides which missing field is named. */
		tm.tm_year = os_date_get_field(L, "year", -1, 1900);
		tm.tm_mon = os_date_get_field(L, "month", -1, 1);
		tm.tm_mday = os_date_get_field(L, "day", -1, 0);
		tm.tm_hour = os_date_get_field(L, "hour", 12, 0);
		tm.tm_min = os_date_get_field(L, "min", 0, 0);
		tm.tm_sec = os_date_get_field(L, "sec", 0, 0);
		tm.tm_isdst = os_date_get_dst_field(L);
		result = mktime(&tm);
		os_date_set_fields(L, &tm);
	}
	if (result == (time_t)-1)
		return luaL_error(L,
			"time result cannot be represented in this installation");
	lua_pushinteger(L, (lua_Integer)result);
	return 1;
}

int os_date_difftime(lua_State *L)
{
	time_t later = os_date_check_time(L, 1);
	time_t earlier = os_date_check_time(L, 2);
	lua_pushnumber(L, (lua_Number)difftime(later, earlier));
	return 1;
}
