/*
 * io_read.c - the read formats of the io library: "n" (a numeral), "l"
 * and "L" (a line without / with its newline), "a" (the rest of the file)
 * and a byte count.
 *
 * Reading a number cannot use fscanf: Lua numerals (hex floats, integer
 * versus float) differ from C's.  Instead the longest prefix that can
 * start a numeral is collected, at most IO_READ_NUMERAL_MAX bytes, with
 * one byte of look-ahead pushed back, and lua_stringtonumber decides.
 */
#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "lib/io_read.h"


/* ===================================================================
 * Numbers
 * =================================================================== */

/* Longest numeral "n" reads, as in lua5.4: a longer one is not a number
 * (the bytes already read are consumed). */
#define IO_READ_NUMERAL_MAX 200

struct io_numeral {
	FILE *file;
	int lookahead;		/* the current byte, not yet accepted */
	int length;
	char text[IO_READ_NUMERAL_MAX + 1];
};

/* Accepts the look-ahead byte and reads the next one.  Fails (and
 * invalidates the numeral) when the numeral would be too long. */
static int io_numeral_accept(struct io_numeral *num)
{
	if (num->length >= IO_READ_NUMERAL_MAX) {
		num->text[0] = '\0';
		return 0;
	}
	num->text[num->length++] = (char)num->lookahead;
	num->lookahead = getc_unlocked(num->file);
	return 1;
}

/* Accepts the look-ahead byte if it is one of the two in 'pair'. */
static int io_numeral_accept_either(struct io_numeral *num, const char *pair)
{
	if (num->lookahead == pair[0] || num->lookahead == pair[1])
		return io_numeral_accept(num);
	return 0;
}

static int io_numeral_accept_digits(struct io_numeral *num, int hex)
{
	int count = 0;
	while ((hex ? isxdigit(num->lookahead) : isdigit(num->lookahead))
	       && io_numeral_accept(num))
		count++;
	return count;
}

/* Pushes the number read, or nil and returns 0 when the bytes read do not
 * form a numeral. */
static int io_read_number(lua_State *L, FILE *f)
{
	struct io_numeral num;
	int hex = 0;
	int digits = 0;
	/* The decimal point of the current locale, tried beside '.'. */
	char point[2] = { localeconv()->decimal_point[0], '.' };
	num.file = f;
	num.length = 0;
	flockfile(f);
	do {
		num.lookahead = getc_unlocked(f);
	} while (isspace(num.lookahead));
	io_numeral_accept_either(&num, "-+");
	if (io_numeral_accept_either(&num, "00")) {
		if (io_numeral_accept_either(&num, "xX"))
			hex = 1;
		else
			digits = 1;	/* the leading 0 is itself a digit */
	}
	digits += io_numeral_accept_digits(&num, hex);
	if (io_numeral_accept_either(&num, point))
		digits += io_numeral_accept_digits(&num, hex);
	if (digits > 0 && io_numeral_accept_either(&num, hex ? "pP" : "eE")) {
		io_numeral_accept_either(&num, "-+");
		io_numeral_accept_digits(&num, 0);
	}
	ungetc(num.lookahead, f);
	funlockfile(f);
	num.text[num.length] = '\0';
	if (lua_stringtonumber(L, num.text) != 0)
		return 1;
	lua_pushnil(L);
	return 0;
}


/* ===================================================================
 * Lines, counts and whole files
 * =================================================================== */

/* Pushes "" and tells whether anything is left to read (read(0)). */
static int io_read_test_eof(lua_State *L, FILE *f)
{
	int c = getc(f);
	ungetc(c, f);
	lua_pushliteral(L, "");
	return c != EOF;
}

/* Pushes the next line, with its newline unless 'chop'.  Succeeds when a
 * newline or at least one byte was read. */
static int io_read_line(lua_State *L, FILE *f, int chop)
{
	luaL_Buffer line;
	int c;
	luaL_buffinit(L, &line);
	do {
		char *room = luaL_prepbuffer(&line);
		int used = 0;
		flockfile(f);
		while (used < LUAL_BUFFERSIZE && (c = getc_unlocked(f)) != EOF
		       && c != '\n')
			room[used++] = (char)c;
		funlockfile(f);
		luaL_addsize(&line, used);
	} while (c != EOF && c != '\n');
	if (!chop && c == '\n')
		luaL_addchar(&line, '\n');
	luaL_pushresult(&line);
	return c == '\n' || lua_rawlen(L, -1) > 0;
}

static void io_read_all(lua_State *L, FILE *f)
{
	luaL_Buffer all;
	size_t got;
	luaL_buffinit(L, &all);
	do {
		char *room = luaL_prepbuffer(&all);
		got = fread(room, 1, LUAL_BUFFERSIZE, f);
		luaL_addsize(&all, got);
	} while (got == LUAL_BUFFERSIZE);
	luaL_pushresult(&all);
}

static int io_read_count(lua_State *L, FILE *f, size_t count)
{
	luaL_Buffer bytes;
	char *room = luaL_buffinitsize(L, &bytes, count);
	size_t got = fread(room, 1, count, f);
	luaL_pushresultsize(&bytes, got);
	return got > 0;
}


/* ===================================================================
 * Formats
 * =================================================================== */

int io_read_formats(lua_State *L, FILE *f, int first, int count)
{
	int success = 1;
	int arg = first;
	clearerr(f);
	if (count == 0) {
		success = io_read_line(L, f, 1);
		arg = first + 1;
	} else {
		/* Room for every result plus what a luaL_Buffer may take. */
		luaL_checkstack(L, count + LUA_MINSTACK, "too many arguments");
		for (; count-- > 0 && success; arg++) {
			if (lua_type(L, arg) == LUA_TNUMBER) {
				size_t n = (size_t)luaL_checkinteger(L, arg);
				success = n == 0 ? io_read_test_eof(L, f)
						 : io_read_count(L, f, n);
				continue;
			}
			const char *format = luaL_checkstring(L, arg);
			if (*format == '*')	/* Lua 5.2's "*l" etc. */
				format++;
			switch (*format) {
			case 'n':
				success = io_read_number(L, f);
				break;
			case 'l':
				success = io_read_line(L, f, 1);
				break;
			case 'L':
				success = io_read_line(L, f, 0);
				break;
			case 'a':
				io_read_all(L, f);
				success = 1;
				break;
			default:
				return luaL_argerror(L, arg, "invalid format");
			}
		}
	}
	if (ferror(f))
		return luaL_fileresult(L, 0, NULL);
	if (!success) {
		lua_pop(L, 1);
		luaL_pushfail(L);
	}
	return arg - first;
}
