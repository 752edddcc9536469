/*
 * aux_buffer.c - luaL_Buffer: building strings piece by piece from C.
 *
 * A buffer owns exactly one stack slot, pushed by luaL_buffinit, so code
 * between init and luaL_pushresult can use the stack above it freely.
 * While the content fits in the storage embedded in the luaL_Buffer, the
 * slot holds a light-userdata placeholder.  Once it outgrows that, the
 * content moves to a "box": a full userdata that owns a block from the
 * state's allocator.  The box is marked to-be-closed, so its block is
 * released as soon as the buffer is finished or an error unwinds past it,
 * instead of waiting for the collector; its __gc covers any other way the
 * slot can disappear (a coroutine that is never resumed, lua_close).
 *
 * The macros in lauxlib.h (luaL_addchar, luaL_addsize, ...) read and write
 * b, n and size directly; `b != init.b` is how we tell a boxed buffer.
 */
#include <stdint.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

/* Registry name of the boxes' metatable (visible in debug.getregistry). */
#define BOX_METATABLE	"_UBOX*"

/* The userdata behind a boxed buffer. */
typedef struct BufferBox {
	void *block;	/* from the state's allocator; NULL when released */
	size_t capacity;
} BufferBox;


/* ===================================================================
 * Boxes
 * =================================================================== */

/*
 * Resizes the box at idx to new_size bytes (0 releases it).  Allocation
 * failure raises "not enough memory" like any other out-of-memory error
 * in library code.
 */
static void *box_resize(lua_State *L, int idx, size_t new_size)
{
	void *alloc_ud;
	lua_Alloc alloc = lua_getallocf(L, &alloc_ud);
	BufferBox *box = (BufferBox *)lua_touserdata(L, idx);
	void *block = alloc(alloc_ud, box->block, box->capacity, new_size);
	if (luai_unlikely(block == NULL && new_size > 0)) {
		lua_pushliteral(L, "not enough memory");
		lua_error(L);
	}
	box->block = block;
	box->capacity = new_size;
	return block;
}

/*
 * __gc and __close of boxes: give the block back.  The function can reach
 * Lua code as a plain value (through the registry, or a crafted binary
 * chunk reading a stale stack slot), so it frees only a real box: one
 * whose metatable is the boxes' own, held as upvalue 1 (the registry
 * entry could be replaced).  Anything else is an argument error.
 */
static int box_release(lua_State *L)
{
	int is_box = lua_touserdata(L, 1) != NULL && lua_getmetatable(L, 1) &&
	             lua_rawequal(L, -1, lua_upvalueindex(1));
	if (!is_box)
		return luaL_typeerror(L, 1, BOX_METATABLE);
	box_resize(L, 1, 0);
	return 0;
}

/* Pushes a new, empty box. */
static void box_push_new(lua_State *L)
{
	static const luaL_Reg box_metamethods[] = {
		{"__gc", box_release},
		{"__close", box_release},
		{NULL, NULL},
	};
	BufferBox *box = (BufferBox *)lua_newuserdatauv(L, sizeof(*box), 0);
	box->block = NULL;
	box->capacity = 0;
	if (luaL_newmetatable(L, BOX_METATABLE)) {
		lua_pushvalue(L, -1);	/* the metatable is its functions' upvalue */
		luaL_setfuncs(L, box_metamethods, 1);
	}
	lua_setmetatable(L, -2);
}


/* ===================================================================
 * Growth
 * =================================================================== */

static int buffer_is_boxed(const luaL_Buffer *B)
{
	return B->b != B->init.b;
}

/* Capacity for `extra` more bytes: grow by half again, or to fit. */
static size_t buffer_grown_size(luaL_Buffer *B, size_t extra)
{
	if (luai_unlikely(extra > (size_t)-1 - B->n))
		luaL_error(B->L, "buffer too large");
	size_t wanted = B->n + extra;
	size_t grown = B->size / 2 * 3;
	return grown < wanted ? wanted : grown;
}

/*
 * Grows the buffer for `extra` more bytes and returns where they go
 * (buffer_reserve when they do not fit).  slot is the
 * stack index of the buffer's slot: -1 normally, -2 while luaL_addvalue
 * keeps its string on top.
 */
static __attribute__((noinline)) char *buffer_grow(luaL_Buffer *B,
						    size_t extra, int slot)
{
	lua_State *L = B->L;
	size_t new_size = buffer_grown_size(B, extra);
	char *storage;
	if (buffer_is_boxed(B)) {
		storage = (char *)box_resize(L, slot, new_size);
	} else {
		/* the placeholder becomes a box; slot is relative, so pin it */
		slot = lua_absindex(L, slot);
		box_push_new(L);
		lua_replace(L, slot);
		lua_toclose(L, slot);
		storage = (char *)box_resize(L, slot, new_size);
		memcpy(storage, B->b, B->n);
	}
	B->b = storage;
	B->size = new_size;
	return storage + B->n;
}

/* The room check inline, the growth out of line (pieces mostly fit). */
static inline char *buffer_reserve(luaL_Buffer *B, size_t extra, int slot)
{
	if (luai_likely(B->size - B->n >= extra))
		return B->b + B->n;
	return buffer_grow(B, extra, slot);
}


/*
 * memcpy for the short pieces buffers mostly get (words, numbers,
 * separators): fixed-size moves inline, no library call. Longer pieces
 * go to memcpy.
 */
static inline void buffer_copy(char *dst, const char *src, size_t len)
{
	if (len <= 16) {
		if (len >= 8) {	/* two 8-byte moves, overlapping when < 16 */
			uint64_t a, b;
			memcpy(&a, src, 8);
			memcpy(&b, src + len - 8, 8);
			memcpy(dst, &a, 8);
			memcpy(dst + len - 8, &b, 8);
		} else if (len >= 4) {
			uint32_t a, b;
			memcpy(&a, src, 4);
			memcpy(&b, src + len - 4, 4);
			memcpy(dst, &a, 4);
			memcpy(dst + len - 4, &b, 4);
		} else {
			for (size_t i = 0; i < len; i++)
				dst[i] = src[i];
		}
		return;
	}
	memcpy(dst, src, len);
}


/* ===================================================================
 * Public interface
 * =================================================================== */

LUALIB_API void luaL_buffinit(lua_State *L, luaL_Buffer *B)
{
	B->L = L;
	B->b = B->init.b;
	B->n = 0;
	B->size = LUAL_BUFFERSIZE;
	lua_pushlightuserdata(L, (void *)B);	/* the buffer's slot */
}

LUALIB_API char *luaL_buffinitsize(lua_State *L, luaL_Buffer *B, size_t sz)
{
	luaL_buffinit(L, B);
	return buffer_reserve(B, sz, -1);
}

LUALIB_API char *luaL_prepbuffsize(luaL_Buffer *B, size_t sz)
{
	return buffer_reserve(B, sz, -1);
}

LUALIB_API void luaL_addlstring(luaL_Buffer *B, const char *s, size_t len)
{
	if (len == 0)
		return;
	buffer_copy(buffer_reserve(B, len, -1), s, len);
	luaL_addsize(B, len);
}

LUALIB_API void luaL_addstring(luaL_Buffer *B, const char *s)
{
	luaL_addlstring(B, s, strlen(s));
}

/* Appends the value on top of the stack (a string or number) and pops it. */
LUALIB_API void luaL_addvalue(luaL_Buffer *B)
{
	lua_State *L = B->L;
	size_t len;
	const char *s = lua_tolstring(L, -1, &len);
	char *dest = buffer_reserve(B, len, -2);
	buffer_copy(dest, s, len);	/* s is still anchored by its slot */
	luaL_addsize(B, len);
	lua_pop(L, 1);
}

LUALIB_API void luaL_pushresult(luaL_Buffer *B)
{
	lua_State *L = B->L;
	lua_pushlstring(L, B->b, B->n);
	if (buffer_is_boxed(B))
		lua_closeslot(L, -2);	/* release the block now */
	lua_remove(L, -2);		/* the buffer's slot */
}

LUALIB_API void luaL_pushresultsize(luaL_Buffer *B, size_t sz)
{
	luaL_addsize(B, sz);
	luaL_pushresult(B);
}


/* ===================================================================
 * Plain-text substitution
 * =================================================================== */

LUALIB_API void luaL_addgsub(luaL_Buffer *B, const char *s, const char *p,
			     const char *r)
{
	size_t plen = strlen(p);
	if (plen > 0) {	/* an empty pattern would match forever */
		const char *hit;
		while ((hit = strstr(s, p)) != NULL) {
			luaL_addlstring(B, s, (size_t)(hit - s));
			luaL_addstring(B, r);
			s = hit + plen;
		}
	}
	luaL_addstring(B, s);
}

LUALIB_API const char *luaL_gsub(lua_State *L, const char *s, const char *p,
				 const char *r)
{
	luaL_Buffer b;
	luaL_buffinit(L, &b);
	luaL_addgsub(&b, s, p, r);
	luaL_pushresult(&b);
	return lua_tostring(L, -1);
}
