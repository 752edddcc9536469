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
  ic->aux = 0;
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

/* Append the entry of n pairs (shapes sh[], indices ix[]) if there is
 * room, else the site is megamorphic. */
static void fb_field_add(lua_State *L, FieldIC *ic, int n, Shape *const *sh,
                         const uint32_t *ix, TString *key,
                         const Instruction *ipc) {
  if (fb_ismega(ic->state))
    return;
  if (ic->state == IC_UNINIT)
    fb_field_clear(ic);
  if (ic->count + n > IC_MAX_POLY) {
    fb_field_gomega(L, ic, key, ipc);
    return;
  }
  for (int j = 0; j < n; j++) {
    ic->shape[ic->count + j] = sh[j];
    ic->index[ic->count + j] = ix[j];
  }
  int first = ic->count == 0;
  ic->count = (lu_byte)(ic->count + n);
  if (ix[0] & FB_IX_CLASS)
    ic->aux |= FB_AUX_CLASSES;
  fb_field_setstate(L, ic, first ? IC_MONO : IC_POLY, key, ipc);
}

/* Key `key` is field idx of tables with shape sh. */
static void fb_field_addown(lua_State *L, FieldIC *ic, Shape *sh, int idx,
                            TString *key, const Instruction *ipc) {
  uint32_t ix = (uint32_t)idx;
  fb_field_add(L, ic, 1, &sh, &ix, key, ipc);
}

/*
 * A store of key (absent from shape sh) moves tables of shape sh to its
 * child by key: remember the pair when the child exists already (else the
 * store that is about to run makes it, and the next miss records it).
 * Only below SHAPE_LINEAR_MAX slots, where adding a key never makes the
 * table a dictionary instead (obj/tab.c, tab_mostlyholes), so the fast
 * path need not count holes.
 */
static void fb_field_addtrans(lua_State *L, FieldIC *ic, Shape *sh,
                              TString *key, const Instruction *ipc) {
  Shape *child = sh->nslots < SHAPE_LINEAR_MAX ? shape_child(sh, key) : NULL;
  if (child == NULL) {  /* an absent entry: stores of nil need nothing */
    uint32_t ix = FB_IX_ABSENT;
    fb_field_add(L, ic, 1, &sh, &ix, key, ipc);
    return;
  }
  cr_assert(child->nslots == sh->nslots + 1, "a child has one more key");
  Shape *pair_shape[2] = { sh, child };
  uint32_t pair_index[2] = { FB_IX_TRANS | sh->nslots, sh->nslots };
  fb_field_add(L, ic, 2, pair_shape, pair_index, key, ipc);
}

/*
 * key is absent from t (shaped, and not one of its shape's keys): is it
 * found by walking __index tables from t's metatable, every table on the
 * way shaped? Fills the pairs of a class entry (at most IC_MAX_POLY: the
 * tables where the key is absent) and returns how many, or 0 when the
 * lookup cannot be cached.
 */
static int fb_class_find(lua_State *L, Table *t, TString *key, int ownslot,
                         Shape **sh, uint32_t *ix) {
  TString *index_name = G(L)->tmname[TM_INDEX];
  int n = 1;
  sh[0] = t->shape;
  ix[0] = ownslot >= 0 ? FB_IX_MAKEOWN1(ownslot + 1) : 0;
  for (;;) {
    Table *mt = t->metatable;
    if (mt == NULL) {  /* the end of the walk: nil */
      ix[n - 1] |= FB_IX_END;
      ix[0] |= FB_IX_CLASS | FB_IX_MAKE(n - 1, 0, 0);
      return n;
    }
    if (mt->shape == NULL) return 0;
    int ii = shape_lookup(mt->shape, index_name);
    if (ii < 0) return 0;
    const TValue *iv = &mt->slots[ii];
    if (!ttistable(iv)) return 0;
    Table *next = hvalue(iv);
    if (next->shape == NULL) return 0;
    int mi = shape_lookup(next->shape, key);
    if (mi >= 0) {
      /* a nil slot could be refilled without a new shape: not cacheable */
      if (ttisnil(&next->slots[mi])) return 0;
      ix[n - 1] |= FB_IX_MAKE(0, ii, mi);
      ix[0] |= FB_IX_CLASS | FB_IX_MAKE(n - 1, 0, 0);
      return n;
    }
    ix[n - 1] |= FB_IX_MAKE(0, ii, 0);
    if (n == IC_MAX_POLY) return 0;
    sh[n] = next->shape;
    ix[n++] = FB_IX_HOP;
    t = next;
  }
}

/* Where to record a chain for (sh, key): the first way, after moving a
 * live entry there to the second. */
static FieldChain *fb_chain_place(global_State *g, const Shape *sh,
                                  const TString *key) {
  FieldChain *set = fb_chain_set(g, sh, key);
  if (set[0].epoch == g->shape_epoch && set[0].key != NULL &&
      !fb_chain_holds(g, &set[0], sh, key))
    set[1] = set[0];
  return &set[0];
}

const TValue *fb_field_probe(lua_State *L, const FieldIC *ic, const Table *t,
                             const TString *key) {
  const Shape *sh = t->shape;
  if (fb_ismega(ic->state)) {
    /* A chain proves the key absent from t (shapes do not change). */
    const FieldChain *c = fb_chain_find(G(L), sh, key);
    return c != NULL ? fb_class_probe(L, &c->chain, 0, t, key)
                     : NULL;
  }
  for (int j = 0; j < ic->count; j += 1 + (ic->index[j] & FB_IX_CLASS
                                           ? (int)FB_IX_NHOPS(ic->index[j])
                                           : 0)) {
    if (ic->shape[j] != sh) continue;
    if (ic->index[j] & (FB_IX_TRANS | FB_IX_ABSENT))
      return NULL;  /* the key is absent */
    if (!(ic->index[j] & FB_IX_CLASS)) return &t->slots[ic->index[j]];
    /* one entry per object shape */
    return fb_class_probe(L, ic, j, t, key);
  }
  return NULL;
}

const TValue *fb_field_getmiss(lua_State *L, FeedbackSlot *s, Table *t,
                               TString *key, const Instruction *ipc) {
  FieldIC *ic = &s->field;
  Shape *sh = t->shape;
  if (sh == NULL)  /* dictionary tables are not cached */
    return tab_getshortstr(t, key);
  int stale = 0;  /* a class entry for this shape no longer holds */
  int ownnil = 0;  /* an own entry for this shape, its field holding nil */
  for (int j = 0; j < ic->count; j += 1 + (ic->index[j] & FB_IX_CLASS
                                           ? (int)FB_IX_NHOPS(ic->index[j])
                                           : 0)) {
    if (ic->shape[j] != sh || (ic->index[j] & (FB_IX_TRANS | FB_IX_ABSENT)))
      continue;
    if (!(ic->index[j] & FB_IX_CLASS)) {
      const TValue *m = &t->slots[ic->index[j]];
      if (!ttisnil(m)) return m;
      ownnil = 1;  /* the entry stays (the field comes back): the walk
                      through classes goes to the shared chains */
      break;
    }
    const TValue *m = fb_class_probe(L, ic, j, t, key);
    if (m != NULL) return m;
    stale = 1;
  }
  int idx = shape_lookup(sh, key);
  if (idx >= 0 && !ttisnil(&t->slots[idx])) {
    fb_field_addown(L, ic, sh, idx, key, ipc);
    return &t->slots[idx];
  }
  if (ownnil) {
    const FieldChain *c = fb_chain_find(G(L), sh, key);
    if (c != NULL) {
      const TValue *m = fb_class_probe(L, &c->chain, 0, t, key);
      if (m != NULL) return m;
    }
  }
  /* Absent from t itself (or nil there): maybe found through classes, or
   * proved nil. Sites that cannot hold the chain share the recorded ones
   * (fb_field_probe looked there first). */
  Shape *esh[IC_MAX_POLY];
  uint32_t eix[IC_MAX_POLY];
  int n = fb_class_find(L, t, key, idx, esh, eix);
  if (n == 0) {  /* vm_finishget does the rest, uncached */
    if (idx >= 0) {
      if (!ownnil) fb_field_addown(L, ic, sh, idx, key, ipc);
      return &t->slots[idx];
    }
    return &tab_absentkey;
  }
  global_State *g = G(L);
  FieldChain *c = fb_chain_place(g, sh, key);
  c->key = key;
  c->epoch = g->shape_epoch;
  c->chain.count = (lu_byte)n;
  for (int j = 0; j < n; j++) {
    c->chain.shape[j] = esh[j];
    c->chain.index[j] = eix[j];
  }
  const TValue *m = fb_class_probe(L, &c->chain, 0, t, key);
  cr_assert(m != NULL, "a chain just found holds");
  if (fb_ismega(ic->state) || ownnil)
    return m;
  if (!stale)
    fb_field_add(L, ic, n, esh, eix, key, ipc);
  else if (ic->state == IC_MONO) {
    /* the classes changed shape under the one known object shape */
    fb_field_clear(ic);
    fb_field_add(L, ic, n, esh, eix, key, ipc);
  } else
    fb_field_gomega(L, ic, key, ipc);
  return m;
}

const TValue *fb_field_setmiss(lua_State *L, FeedbackSlot *s, Table *t,
                               TString *key, const Instruction *ipc) {
  FieldIC *ic = &s->field;
  Shape *sh = t->shape;
  if (sh == NULL)  /* dictionary tables are not cached */
    return tab_getshortstr(t, key);
  int trans = 0;  /* the site has a transition from sh (1), an absent
                     entry for sh (the index of its pair + 2) */
  for (int j = 0; j < ic->count; j++) {
    cr_assert(!(ic->index[j] & FB_IX_CLASS), "store sites hold no classes");
    if (ic->shape[j] != sh) continue;
    if (ic->index[j] & FB_IX_TRANS)
      trans = 1;
    else if (ic->index[j] & FB_IX_ABSENT)
      trans = j + 2;
    else
      return &t->slots[ic->index[j]];
  }
  int idx = shape_lookup(sh, key);
  if (idx < 0) {  /* a new key: vm_finishset adds it */
    if (trans == 0)
      fb_field_addtrans(L, ic, sh, key, ipc);
    else if (trans >= 2 && sh->nslots < SHAPE_LINEAR_MAX &&
             shape_child(sh, key) != NULL) {
      /* the child has appeared since: a transition replaces the entry
       * (the site's last pair, or a mono site's only one) */
      if (trans - 2 == ic->count - 1) {
        ic->count--;
        if (ic->count == 0) ic->state = IC_UNINIT;
        ic->shape[ic->count] = NULL;
        ic->index[ic->count] = 0;
        fb_field_addtrans(L, ic, sh, key, ipc);
      }
    }
    return &tab_absentkey;
  }
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
