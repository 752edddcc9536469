/*
 * jit_compile.c — the baseline JIT's compiler: copy each instruction's
 * stencil, patch its holes, make the result executable (docs/jit.md).
 *
 * Code memory. Stencils are compiled for the small code model: calls and
 * references to the engine's functions and to stencil_rodata are rel32,
 * so compiled code must lie within +-2 GiB of the engine image. At the
 * first compile we reserve one region (JIT_ARENA_BYTES, no access) just
 * below the image and carve page-aligned blocks from it. A block is
 * mapped read-write while it is written, then read-execute, never both
 * (DESIGN.md, decision 13); it is never written again while it holds code
 * (a freed block goes back to a free list with no access). Symbols out of
 * rel32 range (the C library's) are reached through 14-byte trampolines
 * (jmp *[rip]) placed after the function's code.
 *
 * Compile failures are abort codes (JIT_ABORTS), reported by --trace-opt;
 * the function stays in the interpreter.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "jit/jit.h"
#include "jit/jit_stencil.h"
#include "obj/numconv.h"
#include "obj/str.h"
#include "vm/debuginfo.h"
#include "vm/ops.h"
#include "vm/options.h"

/* X(NAME, message) — why a function was not compiled. */
#define JIT_ABORTS(X)                                                      \
  X(OK,        "compiled")                                                 \
  X(NOMEM,     "out of code memory")                                       \
  X(NOFB,      "a feedback site without a slot (too many slots)")          \
  X(RANGE,     "an operand does not fit its hole")                         \
  X(FAR,       "code memory too far from the engine")                      \
  X(SKIPPED,   "listed in CRESCENT_JIT_SKIP")                             \
  X(CONVENTION, "not in builds without preserve_none (sanitizers)")

enum JitAbort {
#define X(name, msg) JIT_ABORT_##name,
  JIT_ABORTS(X)
#undef X
};
static const char *const jit_abort_msg[] = {
#define X(name, msg) msg,
  JIT_ABORTS(X)
#undef X
};

/* ------------------------------------------------------------------ */
/* Code memory                                                         */
/* ------------------------------------------------------------------ */

#define JIT_ARENA_BYTES ((size_t)256 << 20)
#define JIT_TRAMPOLINE_BYTES 16

typedef struct JitFree { uint8_t *mem; size_t size; struct JitFree *next; } JitFree;

static pthread_mutex_t jit_arena_lock = PTHREAD_MUTEX_INITIALIZER;
static uint8_t *jit_arena, *jit_arena_next, *jit_arena_end;
static JitFree *jit_freelist;
static int jit_arena_failed;

static size_t jit_pagesize(void) {
  static size_t ps;
  if (ps == 0) ps = (size_t)sysconf(_SC_PAGESIZE);
  return ps;
}

/* Reserve the arena below (or above) the image, within rel32 reach. */
static int jit_arena_init(void) {
  uintptr_t anchor = (uintptr_t)&jit_compile;
  uintptr_t step = (uintptr_t)64 << 20;
  for (int j = 1; j <= 24; j++) {
    uintptr_t hint = j <= 12 ? anchor - JIT_ARENA_BYTES - (uintptr_t)j * step
                             : anchor + (uintptr_t)(j - 12) * step + ((uintptr_t)64 << 20);
    hint &= ~(jit_pagesize() - 1);
    void *m = mmap((void *)hint, JIT_ARENA_BYTES, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
                   -1, 0);
    if (m == MAP_FAILED) continue;
    if (m != (void *)hint) { munmap(m, JIT_ARENA_BYTES); continue; }
    jit_arena = jit_arena_next = m;
    jit_arena_end = jit_arena + JIT_ARENA_BYTES;
    return 1;
  }
  jit_arena_failed = 1;
  return 0;
}

/* A read-write block of at least `size` bytes (rounded to pages). */
static uint8_t *jit_block_alloc(size_t *size) {
  size_t ps = jit_pagesize();
  size_t want = (*size + ps - 1) & ~(ps - 1);
  uint8_t *mem = NULL;
  pthread_mutex_lock(&jit_arena_lock);
  if (jit_arena == NULL && !jit_arena_failed) jit_arena_init();
  for (JitFree **f = &jit_freelist; *f != NULL; f = &(*f)->next)
    if ((*f)->size == want) {
      JitFree *hit = *f;
      *f = hit->next;
      mem = hit->mem;
      free(hit);
      break;
    }
  if (mem == NULL && jit_arena != NULL &&
      (size_t)(jit_arena_end - jit_arena_next) >= want) {
    mem = jit_arena_next;
    jit_arena_next += want;
  }
  pthread_mutex_unlock(&jit_arena_lock);
  if (mem == NULL) return NULL;
  if (mprotect(mem, want, PROT_READ | PROT_WRITE) != 0) return NULL;
  *size = want;
  return mem;
}

static void jit_block_free(uint8_t *mem, size_t size) {
  JitFree *f = malloc(sizeof *f);
  mprotect(mem, size, PROT_NONE);
  madvise(mem, size, MADV_DONTNEED);
  if (f == NULL) return;  /* leaked, but never reused: still safe */
  f->mem = mem;
  f->size = size;
  pthread_mutex_lock(&jit_arena_lock);
  f->next = jit_freelist;
  jit_freelist = f;
  pthread_mutex_unlock(&jit_arena_lock);
}

/* ------------------------------------------------------------------ */
/* Patching                                                            */
/* ------------------------------------------------------------------ */

/* The one jump target of the op at index pc (see stencil_ops.c: JUMP(n)
 * of every body means "continue at this instruction"). The offsets are
 * those the bodies pass to JUMP. */
static int64_t jit_jump_target(Instruction ins, int64_t pc) {
  switch (GET_OPCODE(ins)) {
    case OP_JMP: return pc + 1 + GETARG_sJ(ins);
    case OP_FORLOOP: case OP_TFORLOOP: return pc + 1 - (int64_t)GETARG_Bx(ins);
    case OP_FORPREP: return pc + 1 + (int64_t)GETARG_Bx(ins) + 1;
    case OP_TFORPREP: return pc + 1 + (int64_t)GETARG_Bx(ins);
    default: return pc + 2;  /* skip the next instruction */
  }
}

/* The value of operand hole `kind` for instruction ins at index pc. */
static int64_t jit_hole_value(int kind, Instruction ins, int64_t pc) {
  int64_t tv = (int64_t)sizeof(TValue);
  switch (kind) {
    case SH_A: return GETARG_A(ins);
    case SH_B: return GETARG_B(ins);
    case SH_C: return GETARG_C(ins);
    case SH_K: return GETARG_k(ins);
    case SH_BX: return (int64_t)GETARG_Bx(ins);
    case SH_RA: return GETARG_A(ins) * tv;
    case SH_RB: return GETARG_B(ins) * tv;
    case SH_RC: return GETARG_C(ins) * tv;
    case SH_KB: return GETARG_B(ins) * tv;
    case SH_KC: return GETARG_C(ins) * tv;
    case SH_KBX: return (int64_t)GETARG_Bx(ins) * tv;
    case SH_F: return (int64_t)GETARG_F(ins) * (int64_t)sizeof(FeedbackSlot);
    case SH_IPC: return pc * (int64_t)sizeof(Instruction);
    case SH_PC: return (pc + 1) * (int64_t)sizeof(Instruction);
    case SH_PCJ: return jit_jump_target(ins, pc) * (int64_t)sizeof(Instruction);
  }
  return 0;
}

static int jit_write32(uint8_t *at, int64_t v, int is_signed_field) {
  int32_t w;
  (void)is_signed_field;
  w = (int32_t)(uint32_t)(uint64_t)v;  /* the low 32 bits (stencil_ops.c) */
  memcpy(at, &w, 4);
  return 1;
}

static int jit_writerel(uint8_t *at, uintptr_t target, int64_t addend) {
  int64_t d = (int64_t)(target - (uintptr_t)at) + addend;
  if (d < INT32_MIN || d > INT32_MAX) return 0;
  int32_t w = (int32_t)d;
  memcpy(at, &w, 4);
  return 1;
}

/* ------------------------------------------------------------------ */
/* Reports                                                             */
/* ------------------------------------------------------------------ */

static void jit_funcname(const Proto *p, char *buf, size_t n) {
  char id[LUA_IDSIZE];
  if (p->source != NULL)
    obj_chunkid(id, getstr(p->source), tsslen(p->source));
  else
    strcpy(id, "?");
  if (p->linedefined == 0)
    snprintf(buf, n, "%s: main chunk", id);
  else
    snprintf(buf, n, "%s:%d", id, p->linedefined);
}

/* CRESCENT_JIT_SKIP="name,name": functions (as --trace-opt names them,
 * "chunk:line" or "chunk: main chunk") left to the interpreter. */
static int jit_skipped(const char *name) {
  const char *list = getenv("CRESCENT_JIT_SKIP");
  size_t n = strlen(name);
  if (list == NULL) return 0;
  for (const char *s = list; *s; ) {
    const char *e = strchr(s, ',');
    size_t len = e ? (size_t)(e - s) : strlen(s);
    if (len == n && memcmp(s, name, n) == 0) return 1;
    if (e == NULL) break;
    s = e + 1;
  }
  return 0;
}

static void jit_perfmap(const JitCode *jc, const char *name) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
  FILE *f = fopen(path, "a");
  if (f == NULL) return;
  fprintf(f, "%lx %zx crescent:%s\n", (unsigned long)(uintptr_t)jc->code,
          jc->codesize, name);
  fclose(f);
}

/* --print-code: objdump's listing of each op's bytes, or a hex dump. */
static void jit_printcode(const Proto *p, const JitCode *jc, const char *name) {
  char path[] = "/tmp/crescent-code-XXXXXX";
  fprintf(stderr, "[print-code] %s: %d bytecodes, %zu bytes at %p\n", name,
          jc->ninsns, jc->codesize, (void *)jc->code);
  for (int pc = 0; pc < jc->ninsns; pc++) {
    uint32_t start = jc->offsets[pc];
    uint32_t end = pc + 1 < jc->ninsns ? jc->offsets[pc + 1] : (uint32_t)jc->codesize;
    fprintf(stderr, "-- [%d] %s (line %d) +%u, %u bytes\n", pc + 1,
            op_names[GET_OPCODE(p->code[pc])], debug_getfuncline(p, pc),
            start, end - start);
    int fd = mkstemp(path);
    int listed = 0;
    if (fd >= 0) {
      if (write(fd, jc->code + start, end - start) == (ssize_t)(end - start)) {
        char cmd[256];
        snprintf(cmd, sizeof cmd,
                 "objdump -D -b binary -mi386:x86-64 --adjust-vma=0x%lx %s "
                 "2>/dev/null | sed -n '/^ *[0-9a-f]*:/p' >&2",
                 (unsigned long)((uintptr_t)jc->code + start), path);
        fflush(stderr);
        listed = end == start || system(cmd) == 0;
      }
      close(fd);
      unlink(path);
      strcpy(path, "/tmp/crescent-code-XXXXXX");
    }
    if (!listed)
      for (uint32_t j = start; j < end; j++)
        fprintf(stderr, "%s%02x", (j - start) % 16 == 0 ? "\n   " : " ",
                jc->code[j]);
  }
}

/* ------------------------------------------------------------------ */
/* Compiling                                                           */
/* ------------------------------------------------------------------ */

static enum JitAbort jit_build(Proto *p, JitCode **out) {
  int n = p->sizecode;
  JitCode *jc = malloc(sizeof(JitCode) + (size_t)(n + 1) * sizeof(uint32_t));
  if (jc == NULL) return JIT_ABORT_NOMEM;
  /* Layout: each stencil, minus its final "jmp next" when the next
   * instruction's stencil follows (all but the last). */
  size_t size = 0;
  for (int pc = 0; pc < n; pc++) {
    Instruction ins = p->code[pc];
    const Stencil *s = &stencils[GET_OPCODE(ins)];
    if (op_feedback[GET_OPCODE(ins)] != FB_NONE && GETARG_F(ins) == NO_FEEDBACK) {
      free(jc);
      return JIT_ABORT_NOFB;
    }
    if ((uint64_t)GETARG_Bx(ins) * sizeof(TValue) > INT32_MAX &&
        GET_OPCODE(ins) == OP_LOADK) {
      free(jc);
      return JIT_ABORT_RANGE;
    }
    jc->offsets[pc] = (uint32_t)size;
    size += pc + 1 < n ? s->tail_next : s->size;
  }
  jc->offsets[n] = (uint32_t)size;
  size_t codesize = size;
  size_t mapsize = codesize + stencil_nsymbols * JIT_TRAMPOLINE_BYTES;
  uint8_t *mem = jit_block_alloc(&mapsize);
  if (mem == NULL) {
    free(jc);
    return JIT_ABORT_NOMEM;
  }
  /* trampolines: filled on first use, after the code */
  uint8_t *tramp = mem + codesize;
  int16_t *tramp_ix = calloc(stencil_nsymbols ? stencil_nsymbols : 1, sizeof *tramp_ix);
  int ntramp = 0;
  enum JitAbort why = JIT_ABORT_OK;
  if (tramp_ix == NULL) why = JIT_ABORT_NOMEM;
  for (int pc = 0; pc < n && why == JIT_ABORT_OK; pc++) {
    Instruction ins = p->code[pc];
    const Stencil *s = &stencils[GET_OPCODE(ins)];
    uint8_t *at = mem + jc->offsets[pc];
    uint32_t len = jc->offsets[pc + 1] - jc->offsets[pc];
    memcpy(at, s->code, len);
    for (uint32_t h = 0; h < s->nholes && why == JIT_ABORT_OK; h++) {
      const StencilHole *hole = &s->holes[h];
      if (hole->offset + 4 > len) continue;  /* in the dropped jmp */
      uint8_t *field = at + hole->offset;
      switch (hole->kind) {
        case SH_CONT_NEXT:
          if (!jit_writerel(field, (uintptr_t)(mem + jc->offsets[pc + 1 < n ? pc + 1 : pc]),
                            hole->addend))
            why = JIT_ABORT_FAR;
          break;
        case SH_CONT_JUMP: {
          int64_t t = jit_jump_target(ins, pc);
          if (t < 0 || t >= n) t = pc;  /* cannot happen in verified code */
          if (!jit_writerel(field, (uintptr_t)(mem + jc->offsets[t]), hole->addend))
            why = JIT_ABORT_FAR;
          break;
        }
        case SH_EXTERN: {
          uintptr_t target = (uintptr_t)stencil_symbols[hole->sym];
          if (hole->reloc == STENCIL_R_64) {
            uint64_t v = target + (uint64_t)(int64_t)hole->addend;
            memcpy(field, &v, 8);
          } else if (hole->reloc == STENCIL_R_PC32 || hole->reloc == STENCIL_R_PLT32) {
            if (!jit_writerel(field, target, hole->addend)) {
              /* out of reach: through a trampoline */
              if (tramp_ix[hole->sym] == 0) {
                uint8_t *t = tramp + ntramp * JIT_TRAMPOLINE_BYTES;
                static const uint8_t jmpind[6] = {0xff, 0x25, 0, 0, 0, 0};
                memcpy(t, jmpind, 6);
                memcpy(t + 6, &target, 8);
                tramp_ix[hole->sym] = (int16_t)(++ntramp);
              }
              uintptr_t tr = (uintptr_t)(tramp + (tramp_ix[hole->sym] - 1) * JIT_TRAMPOLINE_BYTES);
              if (!jit_writerel(field, tr, hole->addend)) why = JIT_ABORT_FAR;
            }
          } else
            why = JIT_ABORT_FAR;  /* absolute 32-bit address of the image */
          break;
        }
        case SH_RODATA:
          if (hole->reloc == STENCIL_R_PC32 || hole->reloc == STENCIL_R_PLT32) {
            if (!jit_writerel(field, (uintptr_t)stencil_rodata, hole->addend))
              why = JIT_ABORT_FAR;
          } else if (hole->reloc == STENCIL_R_64) {
            uint64_t v = (uintptr_t)stencil_rodata + (uint64_t)(int64_t)hole->addend;
            memcpy(field, &v, 8);
          } else
            why = JIT_ABORT_FAR;
          break;
        default: {
          int64_t v = jit_hole_value(hole->kind, ins, pc) + hole->addend;
          if (hole->reloc == STENCIL_R_64)
            memcpy(field, &v, 8);
          else
            jit_write32(field, v, hole->reloc == STENCIL_R_32S);
          break;
        }
      }
    }
  }
  free(tramp_ix);
  if (why != JIT_ABORT_OK ||
      mprotect(mem, mapsize, PROT_READ | PROT_EXEC) != 0) {
    jit_block_free(mem, mapsize);
    free(jc);
    return why != JIT_ABORT_OK ? why : JIT_ABORT_NOMEM;
  }
  jc->code = mem;
  jc->mapsize = mapsize;
  jc->codesize = codesize;
  jc->ninsns = n;
  *out = jc;
  return JIT_ABORT_OK;
}

int jit_compile(lua_State *L, Proto *p) {
  EngineOptions *o = options_get(L);
  char name[LUA_IDSIZE + 32];
  struct timespec t0, t1;
  JitCode *jc = NULL;
  enum JitAbort why;
  if (p->jitcode != NULL) return 1;
  jit_funcname(p, name, sizeof name);
  clock_gettime(CLOCK_MONOTONIC, &t0);
#ifdef CR_NO_PRESERVE_NONE
  /* Known problem: compiled code crashes on entry in ASan builds, where
   * handlers use the C convention (stack arguments); see docs/jit.md. */
  why = JIT_ABORT_CONVENTION;
  (void)jit_skipped;
  (void)jit_build;
#else
  why = jit_skipped(name) ? JIT_ABORT_SKIPPED : jit_build(p, &jc);
#endif
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (why != JIT_ABORT_OK) {
    if (o->trace_opt)
      fprintf(stderr, "[trace-opt] %s: not compiled: %s\n", name,
              jit_abort_msg[why]);
    return 0;
  }
  p->jitcode = jc;
  p->tier = 1;
  if (o->trace_opt) {
    double us = (double)(t1.tv_sec - t0.tv_sec) * 1e6 +
                (double)(t1.tv_nsec - t0.tv_nsec) / 1e3;
    fprintf(stderr, "[trace-opt] %s: baseline: %d bytecodes, %zu bytes, %.1f us\n",
            name, jc->ninsns, jc->codesize, us);
  }
  if (o->perf_map) jit_perfmap(jc, name);
  if (o->print_code) jit_printcode(p, jc, name);
  return 1;
}

void jit_free(Proto *p) {
  JitCode *jc = p->jitcode;
  if (jc == NULL) return;
  jit_block_free(jc->code, jc->mapsize);
  free(jc);
  p->jitcode = NULL;
  p->tier = 0;
}

/* --trace-opt's line for an OSR entry (jit_runtime.c). */
void jit_trace_osr(lua_State *L, Proto *p, int pc) {
  char name[LUA_IDSIZE + 32];
  jit_funcname(p, name, sizeof name);
  fprintf(stderr, "[trace-opt] %s: OSR entry at bytecode %d (line %d)\n", name,
          pc + 1, debug_getfuncline(p, pc));
  (void)L;
}
