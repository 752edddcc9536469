/*
 * feedback.c — the slow halves of the inline caches and counters declared
 * in feedback.h: recording new entries, state transitions, --trace-ic and
 * --trace-opt output. The fast halves are inline in feedback.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "vm/feedback.h"
#include "vm/options.h"
#include "jit/jit.h"
#include "obj/numconv.h"
#include "vm/debuginfo.h"
#include "vm/tm.h"

/* Megamorphic from the start, so nothing is ever recorded in it (shapes
 * stored here would not be kept alive by any prototype). */
FeedbackSlot fb_noslot = { .field = { .state = IC_MEGA } };

const uint8_t fb_kind_of_tag[VT_COUNT] = {
#define X(name, basic) \
  [VT_##name] = VT_##name == VT_INT ? TP_INT : VT_##name == VT_FLOAT ? TP_FLOAT \
    : VT_##name == VT_SHRSTR || VT_##name == VT_LNGSTR ? TP_STRING \
    : VT_##name == VT_TABLE ? TP_TABLE : TP_OTHER,
  VALUE_TAGS(X)
#undef X
};

const char *const fb_state_names[IC_NSTATES] = {
#define X(s) #s,
  IC_STATES(X)
#undef X
};

/* ------------------------------------------------------------------ */
/* --trace-ic                                                          */
/* ------------------------------------------------------------------ */

static void fb_lower(char *out, const char *s, size_t size) {
  size_t i = 0;
  for (; s[i] != '\0' && i + 1 < size; i++)
    out[i] = (char)tolower((unsigned char)s[i]);
  out[i] = '\0';
}

/* "chunk:line OPNAME 'key': from -> to" for the instruction at ipc of the
 * running Lua function. */
static void fb_trace(lua_State *L, const Instruction *ipc, const char *key,
                     int from, int to) {
  Proto *p = clLvalue(L->ci->func)->p;
  char id[LUA_IDSIZE], sfrom[16], sto[16];
  if (p->source != NULL)
    obj_chunkid(id, getstr(p->source), tsslen(p->source));
  else
    strcpy(id, "?");
  fb_lower(sfrom, fb_state_names[from], sizeof sfrom);
  fb_lower(sto, fb_state_names[to], sizeof sto);
  int line = debug_getfuncline(p, (int)(ipc - p->code));
  if (key != NULL)
    fprintf(stderr, "%s:%d %s '%s': %s -> %s\n", id, line,
            op_names[GET_OPCODE(*ipc)], key, sfrom, sto);
  else
    fprintf(stderr, "%s:%d %s: %s -> %s\n", id, line,
            op_names[GET_OPCODE(*ipc)], sfrom, sto);
}

#define fb_tracing(L) (CR_UNLIKELY(options_get(L)->trace_ic))

/* ------------------------------------------------------------------ */
/* Field caches                                                        */
/* ------------------------------------------------------------------ */

static void fb_field_clear(FieldIC *ic) {
  ic->count = 0;
  ic->aux = FB_ENTRY_OWN;
  for (int j = 0; j < IC_MAX_POLY; j++) {
    ic->shape[j] = NULL;
    ic->index[j] = 0;
  }
}

static void fb_field_setstate(lua_State *L, FieldIC *ic, int to,
                              TString *key, const Instruction *ipc) {
  int from = ic->state;
  ic->state = (lu_byte)to;
  if (fb_tracing(L) && from != to)
    fb_trace(L, ipc, getstr(key), from, to);
}

static void fb_field_gomega(lua_State *L, FieldIC *ic, TString *key,
                            const Instruction *ipc) {
  fb_field_clear(ic);
  fb_field_setstate(L, ic, IC_MEGA, key, ipc);
}

/* Key `key` is field idx of tables with shape sh. */
static void fb_field_addown(lua_State *L, FieldIC *ic, Shape *sh, int idx,
                            TString *key, const Instruction *ipc) {
  switch (ic->state) {
    case IC_UNINIT:
      fb_field_clear(ic);
      ic->shape[0] = sh;
      ic->index[0] = (uint32_t)idx;
      ic->count = 1;
      fb_field_setstate(L, ic, IC_MONO, key, ipc);
      break;
    case IC_MONO:
    case IC_POLY:
      if (ic->aux == FB_ENTRY_OWN && ic->count < IC_MAX_POLY) {
        ic->shape[ic->count] = sh;
        ic->index[ic->count] = (uint32_t)idx;
        ic->count++;
        fb_field_setstate(L, ic, IC_POLY, key, ipc);
      } else
        fb_field_gomega(L, ic, key, ipc);
      break;
    default:  /* mega: no more caching */
      break;
  }
}

/*
 * key is absent from t (shaped): is it found through t's metatable's
 * __index, and is that a table whose own field holds it? Fills a class
 * entry in *e and returns the method slot, or NULL.
 */
static const TValue *fb_class_find(lua_State *L, Table *t, TString *key,
                                   FieldIC *e) {
  Table *mt = t->metatable;
  if (mt == NULL || mt->shape == NULL) return NULL;
  int ii = shape_lookup(mt->shape, G(L)->tmname[TM_INDEX]);
  if (ii < 0) return NULL;
  const TValue *ix = &mt->slots[ii];
  if (!ttistable(ix)) return NULL;
  Table *cls = hvalue(ix);
  if (cls->shape == NULL) return NULL;
  int mi = shape_lookup(cls->shape, key);
  if (mi < 0 || ttisnil(&cls->slots[mi])) return NULL;
  e->shape[0] = t->shape;
  e->index[0] = FB_VIA_CLASS;
  e->shape[1] = mt->shape;
  e->index[1] = (uint32_t)ii;
  e->shape[2] = cls->shape;
  e->index[2] = (uint32_t)mi;
  return &cls->slots[mi];
}

const TValue *fb_field_getmiss(lua_State *L, FeedbackSlot *s, Table *t,
                               TString *key, const Instruction *ipc) {
  FieldIC *ic = &s->field;
  Shape *sh = t->shape;
  cr_assert(sh != NULL, "dictionary tables are not cached");
  if (ic->aux == FB_ENTRY_OWN) {
    for (int j = 1; j < ic->count; j++)
      if (ic->shape[j] == sh) return &t->slots[ic->index[j]];
  }
  int idx = shape_lookup(sh, key);
  if (idx >= 0) {
    fb_field_addown(L, ic, sh, idx, key, ipc);
    return &t->slots[idx];
  }
  if (fb_ismega(ic->state)) return &tab_absentkey;
  /* absent from t itself: maybe the OOP pattern */
  FieldIC e;
  const TValue *m = fb_class_find(L, t, key, &e);
  if (m == NULL)
    return &tab_absentkey;  /* vm_finishget does the rest, uncached */
  if (ic->state == IC_UNINIT ||
      (ic->aux == FB_ENTRY_CLASS && ic->shape[0] == sh)) {
    /* new entry, or the class changed shape under a known object shape */
    fb_field_clear(ic);
    for (int j = 0; j < 3; j++) {
      ic->shape[j] = e.shape[j];
      ic->index[j] = e.index[j];
    }
    ic->count = 3;
    ic->aux = FB_ENTRY_CLASS;
    fb_field_setstate(L, ic, IC_MONO, key, ipc);
  } else
    fb_field_gomega(L, ic, key, ipc);  /* class and own entries mixed */
  return m;
}

const TValue *fb_field_setmiss(lua_State *L, FeedbackSlot *s, Table *t,
                               TString *key, const Instruction *ipc) {
  FieldIC *ic = &s->field;
  Shape *sh = t->shape;
  cr_assert(sh != NULL, "dictionary tables are not cached");
  cr_assert(ic->aux == FB_ENTRY_OWN, "store sites hold own entries");
  for (int j = 1; j < ic->count; j++)
    if (ic->shape[j] == sh) return &t->slots[ic->index[j]];
  int idx = shape_lookup(sh, key);
  if (idx < 0)
    return &tab_absentkey;  /* a new key: vm_finishset adds it */
  fb_field_addown(L, ic, sh, idx, key, ipc);
  return &t->slots[idx];
}

/* ------------------------------------------------------------------ */
/* Call-target caches                                                  */
/* ------------------------------------------------------------------ */

void fb_call_miss(lua_State *L, FeedbackSlot *s, GCObject *target,
                  const Instruction *ipc) {
  CallIC *c = &s->call;
  int from = c->state;
  switch (from) {
    case IC_UNINIT:
      c->state = IC_MONO;
      c->target = target;
      break;
    case IC_MONO:
    case IC_POLY:
      c->state = IC_MEGA;
      c->target = NULL;
      break;
    default:
      return;
  }
  if (fb_tracing(L))
    fb_trace(L, ipc, NULL, from, c->state);
}

/* ------------------------------------------------------------------ */
/* Hotness                                                             */
/* ------------------------------------------------------------------ */

void fb_hot(lua_State *L, Proto *p) {
  EngineOptions *o = options_get(L);
  if (p->hotness < 0 && o->jit_threshold > 0) {  /* fresh: arm */
    p->hotness = o->jit_threshold < FB_HOT_DONE ? o->jit_threshold
                                                : FB_HOT_DONE - 1;
    return;
  }
  if (o->jit == JIT_MODE_BASELINE) {  /* to tier 1 (jit/jit_compile.c) */
    p->hotness = FB_HOT_DONE;
    jit_compile(L, p);
    return;
  }
  if (o->trace_opt) {
    char id[LUA_IDSIZE];
    if (p->source != NULL)
      obj_chunkid(id, getstr(p->source), tsslen(p->source));
    else
      strcpy(id, "?");
    const char *why = o->jit == JIT_MODE_OFF ? "jit is off, stays interpreted"
                                             : "no compiler available yet";
    if (p->linedefined == 0)
      fprintf(stderr, "[trace-opt] %s: main chunk is hot; %s\n", id, why);
    else
      fprintf(stderr, "[trace-opt] %s:%d: function is hot; %s\n", id,
              p->linedefined, why);
  }
  /* No tier to move to yet: the profiling phase is over. */
  p->hotness = FB_HOT_DONE;
}
