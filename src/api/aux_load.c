/*
 * aux_load.c - loading chunks from files, memory buffers and C strings.
 *
 * All three feed lua_load through a reader.  Files get two conveniences,
 * as in lua5.4: a UTF-8 byte-order mark at the start is dropped, and a
 * first line starting with '#' (a Unix "#!" line) is skipped but replaced
 * by a newline so line numbers stay right.  A file whose first byte is the
 * binary-chunk signature is reopened in binary mode before reading.
 *
 * The file name is pushed as the chunk name ("@name", or "=stdin") before
 * anything else, so the error paths can use it; it is removed at the end.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"


/* ===================================================================
 * Strings and buffers
 * =================================================================== */

typedef struct MemoryChunk {
	const char *data;
	size_t size;	/* 0 once handed to the loader */
} MemoryChunk;

static const char *load_read_memory(lua_State *L, void *ud, size_t *size)
{
	MemoryChunk *chunk = (MemoryChunk *)ud;
	(void)L;
	if (chunk->size == 0)
		return NULL;
	*size = chunk->size;
	chunk->size = 0;
	return chunk->data;
}

LUALIB_API int luaL_loadbufferx(lua_State *L, const char *buff, size_t size,
				const char *name, const char *mode)
{
	MemoryChunk chunk = {buff, size};
	return lua_load(L, load_read_memory, &chunk, name, mode);
}

LUALIB_API int luaL_loadstring(lua_State *L, const char *s)
{
	return luaL_loadbuffer(L, s, strlen(s), s);
}


/* ===================================================================
 * Files
 * =================================================================== */

typedef struct FileChunk {
	FILE *file;
	int pending;		/* bytes in buf not yet given to the loader */
	char buf[BUFSIZ];
} FileChunk;

static const char *load_read_file(lua_State *L, void *ud, size_t *size)
{
	FileChunk *fc = (FileChunk *)ud;
	(void)L;
	if (fc->pending > 0) {	/* the prefix read while sniffing */
		*size = (size_t)fc->pending;
		fc->pending = 0;
		return fc->buf;
	}
	if (feof(fc->file))
		return NULL;
	*size = fread(fc->buf, 1, sizeof(fc->buf), fc->file);
	return fc->buf;
}

/*
 * Replaces the chunk name at name_idx by "cannot <what> <file>: <reason>"
 * and returns LUA_ERRFILE.
 */
static int load_file_error(lua_State *L, const char *what, int name_idx)
{
	const char *reason = strerror(errno);
	const char *filename = lua_tostring(L, name_idx) + 1;	/* skip '@' */
	lua_pushfstring(L, "cannot %s %s: %s", what, filename, reason);
	lua_remove(L, name_idx);
	return LUA_ERRFILE;
}

/*
 * Consumes a UTF-8 byte-order mark and returns the first character after
 * it.  If the file starts with only part of the mark, the matched bytes
 * stay in buf as pending input and the mismatching character is returned.
 */
static int load_skip_bom(FileChunk *fc)
{
	static const unsigned char bom[] = {0xEF, 0xBB, 0xBF};
	fc->pending = 0;
	for (size_t i = 0; i < sizeof(bom); i++) {
		int c = getc(fc->file);
		if (c == EOF || c != bom[i])
			return c;
		fc->buf[fc->pending++] = (char)c;
	}
	fc->pending = 0;	/* a whole mark: drop it */
	return getc(fc->file);
}

/*
 * Reads the start of the file: skips a BOM and a '#' first line.  Leaves
 * in *first the first character the loader must see (or EOF) and returns
 * whether a line was skipped.
 */
static int load_skip_prefix(FileChunk *fc, int *first)
{
	int c = load_skip_bom(fc);
	if (c != '#') {
		*first = c;
		return 0;
	}
	do
		c = getc(fc->file);
	while (c != EOF && c != '\n');
	*first = getc(fc->file);	/* the character after the newline */
	return 1;
}

LUALIB_API int luaL_loadfilex(lua_State *L, const char *filename,
			      const char *mode)
{
	FileChunk fc;
	int name_idx = lua_gettop(L) + 1;
	if (filename == NULL) {
		lua_pushliteral(L, "=stdin");
		fc.file = stdin;
	} else {
		lua_pushfstring(L, "@%s", filename);
		fc.file = fopen(filename, "r");
		if (fc.file == NULL)
			return load_file_error(L, "open", name_idx);
	}

	int first;
	if (load_skip_prefix(&fc, &first))
		fc.buf[fc.pending++] = '\n';	/* keeps line numbers right */
	if (first == LUA_SIGNATURE[0] && filename != NULL) {
		fc.file = freopen(filename, "rb", fc.file);
		if (fc.file == NULL)
			return load_file_error(L, "reopen", name_idx);
		load_skip_prefix(&fc, &first);
	}
	if (first != EOF)
		fc.buf[fc.pending++] = (char)first;

	int status = lua_load(L, load_read_file, &fc, lua_tostring(L, -1),
			      mode);
	int read_failed = ferror(fc.file);
	if (filename != NULL)
		fclose(fc.file);
	if (read_failed) {
		lua_settop(L, name_idx);	/* drop lua_load's result */
		return load_file_error(L, "read", name_idx);
	}
	lua_remove(L, name_idx);
	return status;
}
