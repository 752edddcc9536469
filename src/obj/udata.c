/*
 * udata.c — creation of full userdata (see udata.h).
 */
#include "obj/udata.h"
#include "gc/gc.h"
#include "gc/mem.h"

Udata *udata_new(lua_State *L, size_t size, int nuvalue)
{
  cr_assert(nuvalue >= 0 && nuvalue <= UDATA_MAX_UVALUES, "user values");
  if (CR_UNLIKELY(size > MEM_MAX_SIZE - udata_memoffset(nuvalue)))
    mem_toobig(L);
  Udata *u = (Udata *)gc_newobj(L, VT_UDATA, udata_size(nuvalue, size));
  u->nuvalue = (unsigned short)nuvalue;
  u->len = size;
  u->metatable = NULL;
  u->gclist = NULL;
  for (int i = 0; i < nuvalue; i++)
    setnilvalue(&u->uv[i]);
  return u;
}
