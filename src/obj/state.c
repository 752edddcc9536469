/*
 * state.c — lua_newstate, lua_close, lua_newthread, and the per-thread
 * structures they set up: the initial stack, the CallInfo list, C-call
 * counting. Building a state runs in protected mode, so running out of
 * memory halfway frees what was built and lua_newstate returns NULL.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "obj/state.h"
#include "obj/str.h"
#include "obj/tab.h"
#include "obj/shape.h"
#include "gc/gc.h"
#include "gc/mem.h"
#include "obj/needs_vm.h"
#include "obj/needs_front.h"

/* g->nilvalue is an integer until the state is complete (see mem.c). */
#define state_complete(g) ttisnil(&(g)->nilvalue)

#define STATE_MAX_LMEM ((l_mem)(~(lu_mem)0 >> 1))

/* ------------------------------------------------------------------ */
/* Small pieces                                                        */
/* ------------------------------------------------------------------ */

void state_setdebt(global_State *g, l_mem debt)
{
  l_mem total = (l_mem)gc_totalbytes(g);
  cr_assert(total > 0, "some memory is in use");
  if (debt < total - STATE_MAX_LMEM)
    debt = total - STATE_MAX_LMEM;   /* keep totalbytes representable */
  g->totalbytes = total - debt;
  g->GCdebt = debt;
}

/* A hash seed that differs between runs and between states (addresses
 * move with ASLR; the clock moves anyway). */
static unsigned int state_makeseed(lua_State *L)
{
  int local;
  uint64_t h = (uint64_t)time(NULL);
  h = (h ^ (uint64_t)(uintptr_t)&local) * 0x9E3779B97F4A7C15ull;
  h = (h ^ (uint64_t)(uintptr_t)L) * 0xD6E8FEB86659FD93ull;
  h = (h ^ (uint64_t)(uintptr_t)&state_makeseed) * 0x9E3779B97F4A7C15ull;
  return (unsigned int)(h ^ (h >> 32));
}

void state_warning(lua_State *L, const char *msg, int tocont)
{
  lua_WarnFunction wf = G(L)->warnf;
  if (wf != NULL)
    wf(G(L)->ud_warn, msg, tocont);
}

void state_warnerror(lua_State *L, const char *where)
{
  const TValue *err = L->top - 1;
  const char *msg = ttisstring(err) ? svalue(err)
                                    : "error object is not a string";
  state_warning(L, "error in ", 1);
  state_warning(L, where, 1);
  state_warning(L, " (", 1);
  state_warning(L, msg, 1);
  state_warning(L, ")", 0);
}

/* ------------------------------------------------------------------ */
/* CallInfo list and C stack                                           */
/* ------------------------------------------------------------------ */

CallInfo *state_extendci(lua_State *L)
{
  cr_assert(L->ci->next == NULL, "extend only at the end");
  CallInfo *ci = mem_new(L, CallInfo);
  L->ci->next = ci;
  ci->previous = L->ci;
  ci->next = NULL;
  ci->u.l.trap = 0;
  L->nci++;
  return ci;
}

void state_freeci(lua_State *L)
{
  CallInfo *ci = L->ci->next;
  L->ci->next = NULL;
  while (ci != NULL) {
    CallInfo *next = ci->next;
    mem_free(L, ci, sizeof(CallInfo));
    L->nci--;
    ci = next;
  }
}

void state_shrinkci(lua_State *L)
{
  /* Free every second unused entry: deep recursion that is over gives
   * memory back, and a recursion that comes again finds half still there. */
  CallInfo *keep = L->ci->next;
  if (keep == NULL)
    return;
  CallInfo *drop;
  while ((drop = keep->next) != NULL) {
    CallInfo *after = drop->next;
    keep->next = after;
    mem_free(L, drop, sizeof(CallInfo));
    L->nci--;
    if (after == NULL)
      break;
    after->previous = keep;
    keep = after;
  }
}

void state_checkcstack(lua_State *L)
{
  if (state_getCcalls(L) == CR_MAX_CCALLS)
    debug_runerror(L, "C stack overflow");
  else if (state_getCcalls(L) >= CR_MAX_CCALLS / 10 * 11)
    do_throw(L, LUA_ERRERR);   /* overflow while handling the overflow */
}

void state_incCstack(lua_State *L)
{
  L->nCcalls++;
  if (CR_UNLIKELY(state_getCcalls(L) >= CR_MAX_CCALLS))
    state_checkcstack(L);
}

/* ------------------------------------------------------------------ */
/* Threads                                                             */
/* ------------------------------------------------------------------ */

/* Stack of CR_BASIC_STACK slots for L1 (allocated by L), with the base
 * CallInfo: a C call whose function slot is the first stack slot. */
static void state_stackinit(lua_State *L1, lua_State *L)
{
  int n = CR_BASIC_STACK + CR_EXTRA_STACK;
  L1->stack = mem_newvector(L, n, TValue);
  L1->tbclist = L1->stack;
  for (int i = 0; i < n; i++)
    setnilvalue(&L1->stack[i]);
  L1->top = L1->stack;
  L1->stack_last = L1->stack + CR_BASIC_STACK;
  CallInfo *ci = &L1->base_ci;
  ci->next = ci->previous = NULL;
  ci->callstatus = CIST_C;
  ci->func = L1->top;
  ci->u.c.k = NULL;
  ci->u.c.ctx = 0;        /* vm/resume.c: no lua_resume level yet */
  ci->nresults = 0;
  setnilvalue(L1->top);   /* the "function" of the base call */
  L1->top++;
  ci->top = L1->top + LUA_MINSTACK;
  L1->ci = ci;
}

static void state_freestack(lua_State *L)
{
  if (L->stack == NULL)
    return;                 /* the stack was never built */
  L->ci = &L->base_ci;
  state_freeci(L);
  cr_assert(L->nci == 0, "CallInfo list freed");
  size_t n = (size_t)(L->stack_last - L->stack) + CR_EXTRA_STACK;
  mem_freearray(L, L->stack, n);
}

static void state_preinit(lua_State *L, global_State *g)
{
  G(L) = g;
  L->stack = NULL;
  L->ci = NULL;
  L->nci = 0;
  L->twups = L;             /* not in the list of threads with upvalues */
  L->nCcalls = 0;
  L->errorJmp = NULL;
  L->hook = NULL;
  L->hookmask = 0;
  L->basehookcount = 0;
  L->allowhook = 1;
  state_resethookcount(L);
  L->openupval = NULL;
  L->status = LUA_OK;
  L->errfunc = 0;
  L->oldpc = 0;
  L->gclist = NULL;
  L->top = NULL;
  L->stack_last = NULL;
  L->tbclist = NULL;
}

void state_freethread(lua_State *L, lua_State *L1)
{
  LX *x = state_fromstate(L1);
  if (L1->stack != NULL)
    func_closeupval(L1, L1->stack);   /* captured values move to closures */
  cr_assert(L1->openupval == NULL, "no open upvalues left");
  state_freestack(L1);
  mem_free(L, x, sizeof(LX));
}

LUA_API lua_State *lua_newthread(lua_State *L)
{
  global_State *g = G(L);
  gc_check(L);
  GCObject *o = gc_newobjdt(L, VT_THREAD, sizeof(LX), offsetof(LX, l));
  lua_State *L1 = (lua_State *)o;
  setthvalue(L, L->top, L1);
  L->top++;
  state_preinit(L1, g);
  L1->hookmask = L->hookmask;
  L1->basehookcount = L->basehookcount;
  L1->hook = L->hook;
  state_resethookcount(L1);
  memcpy(lua_getextraspace(L1), lua_getextraspace(g->mainthread),
         LUA_EXTRASPACE);
  state_stackinit(L1, L);
  return L1;
}

/* ------------------------------------------------------------------ */
/* States                                                              */
/* ------------------------------------------------------------------ */

static void state_initregistry(lua_State *L, global_State *g)
{
  Table *registry = tab_new(L);
  sethvalue(L, &g->l_registry, registry);
  tab_resize(L, registry, LUA_RIDX_LAST, 0);
  TValue v;
  setthvalue(L, &v, L);
  tab_setint(L, registry, LUA_RIDX_MAINTHREAD, &v);
  sethvalue(L, &v, tab_new(L));
  tab_setint(L, registry, LUA_RIDX_GLOBALS, &v);
}

/* Everything of a new state that can fail (runs protected). */
static void state_open(lua_State *L, void *ud)
{
  global_State *g = G(L);
  (void)ud;
  state_stackinit(L, L);
  str_init(L);
  shape_init(L);
  state_initregistry(L, g);
  tm_init(L);
  lex_init(L);
  g->gcstp = 0;             /* collection allowed from now on */
  setnilvalue(&g->nilvalue);  /* the state is complete */
}

static void state_closestate(lua_State *L)
{
  global_State *g = G(L);
  if (!state_complete(g)) {
    gc_freeallobjects(L);   /* a partly built state: just free it */
  } else {
    L->ci = &L->base_ci;
    /* Close pending tbc variables above the base slot (the level is a
     * byte offset into the stack, as vm/do.h's savestack makes). */
    do_closeprotected(L, (ptrdiff_t)sizeof(TValue), LUA_OK);
    gc_freeallobjects(L);
  }
  mem_freearray(L, g->strt.hash, g->strt.size);
  state_freestack(L);
  cr_assert(gc_totalbytes(g) == sizeof(LG), "every byte given back");
  g->frealloc(g->ud, state_fromstate(L), sizeof(LG), 0);
}

LUA_API lua_State *lua_newstate(lua_Alloc f, void *ud)
{
  LG *block = (LG *)f(ud, NULL, LUA_TTHREAD, sizeof(LG));
  if (block == NULL)
    return NULL;
  lua_State *L = &block->l.l;
  global_State *g = &block->g;
  memset(g, 0, sizeof(*g));
  L->tt = VT_THREAD;
  g->currentwhite = gc_bitmask(GC_BIT_WHITE0);
  L->marked = gc_currentwhite(g);
  L->next = NULL;
  state_preinit(L, g);
  state_incnny(L);          /* the main thread can never yield */
  g->frealloc = f;
  g->ud = ud;
  g->warnf = NULL;
  g->ud_warn = NULL;
  g->mainthread = L;
  g->seed = state_makeseed(L);
  g->gcstp = GCSTP_GC;      /* no collection while building */
  g->strt.size = g->strt.nuse = 0;
  g->strt.hash = NULL;
  setnilvalue(&g->l_registry);
  g->panic = NULL;
  g->gcstate = GCS_PAUSE;
  g->gckind = GC_KIND_INC;
  g->gcstopem = 0;
  g->gcemergency = 0;
  g->allgc = obj2gco(L);    /* the main thread is the first object */
  g->totalbytes = (l_mem)sizeof(LG);
  g->GCdebt = 0;
  g->GCestimate = sizeof(LG);
  setivalue(&g->nilvalue, 0);   /* "state not complete" */
  gc_setparam(g->gcpause, GC_DEFAULT_PAUSE);
  gc_setparam(g->gcstepmul, GC_DEFAULT_STEPMUL);
  g->gcstepsize = GC_DEFAULT_STEPSIZE;
  g->genminormul = GC_DEFAULT_GENMINOR;
  gc_setparam(g->genmajormul, GC_DEFAULT_GENMAJOR);
  g->gcstress = CRESCENT_GC_STRESS;
  if (CRESCENT_GC_STRESS) {         /* stress builds: mode from the environment */
    const char *mode = getenv("CRESCENT_GC_STRESS");
    if (mode != NULL && mode[0] >= '0' && mode[0] <= '4' && mode[1] == '\0')
      g->gcstress = (lu_byte)(mode[0] - '0');
  }
  if (do_rawrunprotected(L, state_open, NULL) != LUA_OK) {
    state_closestate(L);
    L = NULL;
  }
  return L;
}

LUA_API void lua_close(lua_State *L)
{
  L = G(L)->mainthread;
  state_closestate(L);
}
