/*
 * io_lib.c - the io library (luaopen_io): file handles, the default input
 * and output files, and every io.* function and file method except the
 * read formats (io_read.c).
 *
 * A handle is a luaL_Stream userdata with metatable "FILE*", the layout
 * the API fixes so C modules can make and use handles too.  'closef' says
 * how to close the stream and doubles as the open flag: NULL means closed.
 * Standard streams get a closer that refuses, so io.stdout:close() fails
 * without closing the C stdout.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "lib/io_read.h"


/* Registry keys of the default files; the part after "_IO_" names the
 * file in "default input file is closed". */
#define IO_KEY_PREFIX "_IO_"
#define IO_INPUT_KEY IO_KEY_PREFIX "input"
#define IO_OUTPUT_KEY IO_KEY_PREFIX "output"

/* Most formats one call of lines may pass on to each read (lua5.4's
 * limit, which keeps the iterator's upvalues within bounds). */
#define IO_LINES_MAX_FORMATS 250


/* ===================================================================
 * Handles
 * =================================================================== */

static int iolib_is_closed(const luaL_Stream *stream)
{
	return stream->closef == NULL;
}

static luaL_Stream *iolib_check_stream(lua_State *L)
{
	return (luaL_Stream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
}

/* The FILE of the open handle at index 1. */
static FILE *iolib_check_file(lua_State *L)
{
	luaL_Stream *stream = iolib_check_stream(L);
	if (iolib_is_closed(stream))
		luaL_error(L, "attempt to use a closed file");
	return stream->f;
}

/* A new handle, closed until its creator fills it: if opening fails
 * midway the collector then has nothing to close. */
static luaL_Stream *iolib_new_handle(lua_State *L)
{
	luaL_Stream *stream =
		(luaL_Stream *)lua_newuserdatauv(L, sizeof(luaL_Stream), 0);
	stream->f = NULL;
	stream->closef = NULL;
	luaL_setmetatable(L, LUA_FILEHANDLE);
	return stream;
}

static int iolib_close_with_fclose(lua_State *L)
{
	luaL_Stream *stream = iolib_check_stream(L);
	int ok = fclose(stream->f) == 0;
	return luaL_fileresult(L, ok, NULL);
}

static int iolib_close_with_pclose(lua_State *L)
{
	luaL_Stream *stream = iolib_check_stream(L);
	errno = 0;
	return luaL_execresult(L, pclose(stream->f));
}

/* Closer of stdin, stdout and stderr: stays in place, so they never
 * become closed handles. */
static int iolib_refuse_close(lua_State *L)
{
	luaL_Stream *stream = iolib_check_stream(L);
	stream->closef = iolib_refuse_close;
	luaL_pushfail(L);
	lua_pushliteral(L, "cannot close standard file");
	return 2;
}

/* Marks the handle at index 1 closed, then runs its closer. */
static int iolib_close_handle(lua_State *L)
{
	luaL_Stream *stream = iolib_check_stream(L);
	lua_CFunction closer = stream->closef;
	stream->closef = NULL;
	return closer(L);
}

/* A new handle for a file opened with fopen; raises on failure. */
static void iolib_open_or_raise(lua_State *L, const char *filename,
				const char *mode)
{
	luaL_Stream *stream = iolib_new_handle(L);
	stream->f = fopen(filename, mode);
	if (stream->f == NULL)
		luaL_error(L, "cannot open file '%s' (%s)", filename,
			   strerror(errno));
	stream->closef = iolib_close_with_fclose;
}

/* The default file under 'key'; raises if it was closed. */
static FILE *iolib_default_file(lua_State *L, const char *key)
{
	lua_getfield(L, LUA_REGISTRYINDEX, key);
	luaL_Stream *stream = (luaL_Stream *)lua_touserdata(L, -1);
	if (iolib_is_closed(stream))
		luaL_error(L, "default %s file is closed",
			   key + strlen(IO_KEY_PREFIX));
	return stream->f;
}


/* ===================================================================
 * Metamethods
 * =================================================================== */

static int iolib_gc(lua_State *L)
{
	luaL_Stream *stream = iolib_check_stream(L);
	if (!iolib_is_closed(stream) && stream->f != NULL)
		iolib_close_handle(L);
	return 0;
}

static int iolib_tostring(lua_State *L)
{
	luaL_Stream *stream = iolib_check_stream(L);
	if (iolib_is_closed(stream))
		lua_pushliteral(L, "file (closed)");
	else
		lua_pushfstring(L, "file (%p)", (void *)stream->f);
	return 1;
}


/* ===================================================================
 * Opening files
 * =================================================================== */

/* fopen modes Lua accepts: r, w or a, an optional '+', then only 'b's.
 * Anything else could mean something unexpected to the C library. */
static int iolib_valid_open_mode(const char *mode)
{
	if (*mode == '\0' || strchr("rwa", *mode) == NULL)
		return 0;
	mode++;
	if (*mode == '+')
		mode++;
	return strspn(mode, "b") == strlen(mode);
}

static int iolib_open(lua_State *L)
{
	const char *filename = luaL_checkstring(L, 1);
	const char *mode = luaL_optstring(L, 2, "r");
	luaL_Stream *stream = iolib_new_handle(L);
	luaL_argcheck(L, iolib_valid_open_mode(mode), 2, "invalid mode");
	stream->f = fopen(filename, mode);
	if (stream->f == NULL)
		return luaL_fileresult(L, 0, filename);
	stream->closef = iolib_close_with_fclose;
	return 1;
}

static int iolib_popen(lua_State *L)
{
	const char *command = luaL_checkstring(L, 1);
	const char *mode = luaL_optstring(L, 2, "r");
	luaL_Stream *stream = iolib_new_handle(L);
	luaL_argcheck(L, (mode[0] == 'r' || mode[0] == 'w') && mode[1] == '\0',
		      2, "invalid mode");
	/* The child inherits unwritten buffered output otherwise. */
	fflush(NULL);
	stream->f = popen(command, mode);
	if (stream->f == NULL)
		return luaL_fileresult(L, 0, command);
	stream->closef = iolib_close_with_pclose;
	return 1;
}

static int iolib_tmpfile(lua_State *L)
{
	luaL_Stream *stream = iolib_new_handle(L);
	stream->f = tmpfile();
	if (stream->f == NULL)
		return luaL_fileresult(L, 0, NULL);
	stream->closef = iolib_close_with_fclose;
	return 1;
}

static int iolib_type(lua_State *L)
{
	luaL_checkany(L, 1);
	luaL_Stream *stream = (luaL_Stream *)luaL_testudata(L, 1, LUA_FILEHANDLE);
	if (stream == NULL)
		luaL_pushfail(L);
	else if (iolib_is_closed(stream))
		lua_pushliteral(L, "closed file");
	else
		lua_pushliteral(L, "file");
	return 1;
}

/* io.input and io.output: with a file name, open it; with a handle, adopt
 * it; either way return the (new) default file. */
static int iolib_set_default(lua_State *L, const char *key, const char *mode)
{
	if (!lua_isnoneornil(L, 1)) {
		const char *filename = lua_tostring(L, 1);
		if (filename != NULL) {
			iolib_open_or_raise(L, filename, mode);
		} else {
			iolib_check_file(L);
			lua_pushvalue(L, 1);
		}
		lua_setfield(L, LUA_REGISTRYINDEX, key);
	}
	lua_getfield(L, LUA_REGISTRYINDEX, key);
	return 1;
}

static int iolib_input(lua_State *L)
{
	return iolib_set_default(L, IO_INPUT_KEY, "r");
}

static int iolib_output(lua_State *L)
{
	return iolib_set_default(L, IO_OUTPUT_KEY, "w");
}


/* ===================================================================
 * Closing and flushing
 * =================================================================== */

static int iolib_file_close(lua_State *L)
{
	iolib_check_file(L);
	return iolib_close_handle(L);
}

static int iolib_close(lua_State *L)
{
	if (lua_isnone(L, 1))
		lua_getfield(L, LUA_REGISTRYINDEX, IO_OUTPUT_KEY);
	return iolib_file_close(L);
}

static int iolib_flush(lua_State *L)
{
	FILE *f = iolib_default_file(L, IO_OUTPUT_KEY);
	errno = 0;
	return luaL_fileresult(L, fflush(f) == 0, NULL);
}

static int iolib_file_flush(lua_State *L)
{
	FILE *f = iolib_check_file(L);
	errno = 0;
	return luaL_fileresult(L, fflush(f) == 0, NULL);
}


/* ===================================================================
 * Reading and writing
 * =================================================================== */

static int iolib_read(lua_State *L)
{
	int count = lua_gettop(L);
	FILE *f = iolib_default_file(L, IO_INPUT_KEY);
	return io_read_formats(L, f, 1, count);
}

static int iolib_file_read(lua_State *L)
{
	FILE *f = iolib_check_file(L);
	return io_read_formats(L, f, 2, lua_gettop(L) - 1);
}

/*
 * Writes the values from index 'arg' up to 'last'.  Numbers are printed
 * with the C formats of lua_Integer and lua_Number ("%.14g"), so a float
 * with an integral value is written without ".0", unlike tostring.  On
 * success the value at the top of the stack (the file) is the result.
 */
static int iolib_write_values(lua_State *L, FILE *f, int arg, int last)
{
	int ok = 1;
	for (; arg <= last; arg++) {
		if (lua_type(L, arg) == LUA_TNUMBER) {
			int written = lua_isinteger(L, arg)
				? fprintf(f, LUA_INTEGER_FMT,
					  (LUAI_UACINT)lua_tointeger(L, arg))
				: fprintf(f, LUA_NUMBER_FMT,
					  (LUAI_UACNUMBER)lua_tonumber(L, arg));
			ok = ok && written > 0;
		} else {
			size_t len;
			const char *text = luaL_checklstring(L, arg, &len);
			ok = ok && fwrite(text, 1, len, f) == len;
		}
	}
	if (ok)
		return 1;
	return luaL_fileresult(L, 0, NULL);
}

static int iolib_write(lua_State *L)
{
	int last = lua_gettop(L);
	FILE *f = iolib_default_file(L, IO_OUTPUT_KEY);
	return iolib_write_values(L, f, 1, last);
}

static int iolib_file_write(lua_State *L)
{
	FILE *f = iolib_check_file(L);
	int last = lua_gettop(L);
	lua_pushvalue(L, 1);
	return iolib_write_values(L, f, 2, last);
}


/* ===================================================================
 * Iterating over lines
 * =================================================================== */

/*
 * The iterator made by lines.  Upvalues: the handle, the number of
 * formats, whether to close the file at the end, then the formats.  A
 * read error is raised (a for loop cannot take an error result).
 */
static int iolib_lines_step(lua_State *L)
{
	luaL_Stream *stream = (luaL_Stream *)lua_touserdata(L, lua_upvalueindex(1));
	int nformats = (int)lua_tointeger(L, lua_upvalueindex(2));
	if (iolib_is_closed(stream))
		return luaL_error(L, "file is already closed");
	lua_settop(L, 1);
	luaL_checkstack(L, nformats, "too many arguments");
	for (int i = 1; i <= nformats; i++)
		lua_pushvalue(L, lua_upvalueindex(3 + i));
	int nresults = io_read_formats(L, stream->f, 2, nformats);
	if (lua_toboolean(L, -nresults))
		return nresults;
	if (nresults > 1)
		return luaL_error(L, "%s", lua_tostring(L, -nresults + 1));
	if (lua_toboolean(L, lua_upvalueindex(3))) {
		lua_settop(L, 0);
		lua_pushvalue(L, lua_upvalueindex(1));
		iolib_close_handle(L);
	}
	return 0;
}

/* Replaces the arguments after the handle at index 1 by the iterator. */
static void iolib_push_lines_iterator(lua_State *L, int close_at_end)
{
	int nformats = lua_gettop(L) - 1;
	luaL_argcheck(L, nformats <= IO_LINES_MAX_FORMATS,
		      IO_LINES_MAX_FORMATS + 2, "too many arguments");
	lua_pushvalue(L, 1);
	lua_pushinteger(L, nformats);
	lua_pushboolean(L, close_at_end);
	lua_rotate(L, 2, 3);
	lua_pushcclosure(L, iolib_lines_step, 3 + nformats);
}

static int iolib_file_lines(lua_State *L)
{
	iolib_check_file(L);
	iolib_push_lines_iterator(L, 0);
	return 1;
}

/* io.lines(filename) owns the file: it closes it when the loop ends, and
 * the fourth result makes the for loop close it on a break or error. */
static int iolib_lines(lua_State *L)
{
	if (lua_isnone(L, 1))
		lua_pushnil(L);
	if (lua_isnil(L, 1)) {
		lua_getfield(L, LUA_REGISTRYINDEX, IO_INPUT_KEY);
		lua_replace(L, 1);
		iolib_check_file(L);
		iolib_push_lines_iterator(L, 0);
		return 1;
	}
	const char *filename = luaL_checkstring(L, 1);
	iolib_open_or_raise(L, filename, "r");
	lua_replace(L, 1);
	iolib_push_lines_iterator(L, 1);
	lua_pushnil(L);
	lua_pushnil(L);
	lua_pushvalue(L, 1);
	return 4;
}


/* ===================================================================
 * Positioning and buffering
 * =================================================================== */

#define IOLIB_SEEK_ORIGINS(X) \
	X("set", SEEK_SET) \
	X("cur", SEEK_CUR) \
	X("end", SEEK_END)

#define IOLIB_BUFFER_MODES(X) \
	X("no",   _IONBF) \
	X("full", _IOFBF) \
	X("line", _IOLBF)

#define IOLIB_NAME(name, value) name,
#define IOLIB_VALUE(name, value) value,

static int iolib_file_seek(lua_State *L)
{
	static const char *const names[] = { IOLIB_SEEK_ORIGINS(IOLIB_NAME) NULL };
	static const int origins[] = { IOLIB_SEEK_ORIGINS(IOLIB_VALUE) };
	FILE *f = iolib_check_file(L);
	int which = luaL_checkoption(L, 2, "cur", names);
	lua_Integer wanted = luaL_optinteger(L, 3, 0);
	off_t offset = (off_t)wanted;
	luaL_argcheck(L, (lua_Integer)offset == wanted, 3,
		      "not an integer in proper range");
	if (fseeko(f, offset, origins[which]) != 0)
		return luaL_fileresult(L, 0, NULL);
	lua_pushinteger(L, (lua_Integer)ftello(f));
	return 1;
}

static int iolib_file_setvbuf(lua_State *L)
{
	static const char *const names[] = { IOLIB_BUFFER_MODES(IOLIB_NAME) NULL };
	static const int modes[] = { IOLIB_BUFFER_MODES(IOLIB_VALUE) };
	FILE *f = iolib_check_file(L);
	int which = luaL_checkoption(L, 2, NULL, names);
	lua_Integer size = luaL_optinteger(L, 3, LUAL_BUFFERSIZE);
	int result = setvbuf(f, NULL, modes[which], (size_t)size);
	return luaL_fileresult(L, result == 0, NULL);
}


/* ===================================================================
 * Opening the library
 * =================================================================== */

static const luaL_Reg iolib_functions[] = {
	{"close", iolib_close},
	{"flush", iolib_flush},
	{"input", iolib_input},
	{"lines", iolib_lines},
	{"open", iolib_open},
	{"output", iolib_output},
	{"popen", iolib_popen},
	{"read", iolib_read},
	{"tmpfile", iolib_tmpfile},
	{"type", iolib_type},
	{"write", iolib_write},
	{NULL, NULL}
};

static const luaL_Reg iolib_methods[] = {
	{"read", iolib_file_read},
	{"write", iolib_file_write},
	{"lines", iolib_file_lines},
	{"flush", iolib_file_flush},
	{"seek", iolib_file_seek},
	{"close", iolib_file_close},
	{"setvbuf", iolib_file_setvbuf},
	{NULL, NULL}
};

static const luaL_Reg iolib_metamethods[] = {
	{"__index", NULL},	/* the method table, filled in below */
	{"__gc", iolib_gc},
	{"__close", iolib_gc},
	{"__tostring", iolib_tostring},
	{NULL, NULL}
};

static void iolib_create_metatable(lua_State *L)
{
	luaL_newmetatable(L, LUA_FILEHANDLE);
	luaL_setfuncs(L, iolib_metamethods, 0);
	luaL_newlibtable(L, iolib_methods);
	luaL_setfuncs(L, iolib_methods, 0);
	lua_setfield(L, -2, "__index");
	lua_pop(L, 1);
}

/* Adds io.<name> for a standard stream, and makes it the default file
 * under 'key' unless key is NULL. */
static void iolib_add_standard_file(lua_State *L, FILE *f, const char *key,
				    const char *name)
{
	luaL_Stream *stream = iolib_new_handle(L);
	stream->f = f;
	stream->closef = iolib_refuse_close;
	if (key != NULL) {
		lua_pushvalue(L, -1);
		lua_setfield(L, LUA_REGISTRYINDEX, key);
	}
	lua_setfield(L, -2, name);
}

LUAMOD_API int luaopen_io(lua_State *L)
{
	luaL_newlib(L, iolib_functions);
	iolib_create_metatable(L);
	iolib_add_standard_file(L, stdin, IO_INPUT_KEY, "stdin");
	iolib_add_standard_file(L, stdout, IO_OUTPUT_KEY, "stdout");
	iolib_add_standard_file(L, stderr, NULL, "stderr");
	return 1;
}
