/*
 * jit_mem.c — code memory for the baseline JIT: one region, mapped twice.
 *
 * Why two views. Compiling must be cheap (a function of ten bytecodes is
 * copied in about a microsecond), and the code must run at once: with
 * --jit-threshold=0 a function is compiled at its first call. Flipping the
 * protection of a block per compile (mprotect RW, write, mprotect RX) cost
 * two system calls, a TLB shootdown and first-touch page faults per
 * function, more than the copying itself. So the region is mapped
 * twice: a read+execute view placed within rel32 reach of the engine image
 * (stencils are compiled for the small code model), where code runs, and a
 * read+write view elsewhere, through which the JIT writes (shared
 * anonymous memory, the second view made by mremap). No mapping is
 * ever writable and executable at once (DESIGN.md, decision 13); the write
 * view's address is known only to this file. No system call is made per
 * compile: pages are pre-faulted in both views a window at a time.
 *
 * Layout of the region: the trampolines first (one 16-byte "jmp *[rip]"
 * per external symbol of the stencils, for calls out of rel32 reach, such
 * as the C library's functions), then code blocks carved by a bump pointer
 * and recycled by size class when their Proto is collected (a collected
 * Proto has no frame left, so nothing can be running its code).
 *
 * Shared memory would stay shared across fork(): the child gets a private
 * copy of the region at the same address (mem_fork_child).
 *
 * A copy of stencil_rodata lies below 4 GiB (MAP_32BIT): a stencil that
 * takes the address of a constant (assertion messages in CRESCENT_ASSERT
 * builds) has an absolute 32-bit field for it.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "jit/jit_mem.h"
#include "jit/jit_stencil.h"

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

/* 256 MiB: an address-space reservation (pages cost only once touched). */
#define JIT_ARENA_BYTES ((size_t)256 << 20)
/* Pages are faulted in ahead of the bump pointer this many bytes at once. */
#define JIT_PREFAULT_BYTES ((size_t)64 << 10)
/* Blocks are multiples of this (cache-line aligned stencil chains). */
#define JIT_ALIGN 64
/* Size classes for recycling: JIT_ALIGN * 1 .. JIT_ALIGN * JIT_NCLASSES;
 * larger blocks share the last list (first fit). */
#define JIT_NCLASSES 64

typedef struct JitFree { uint8_t *mem; size_t size; struct JitFree *next; } JitFree;

static pthread_mutex_t mem_lock = PTHREAD_MUTEX_INITIALIZER;
static int mem_state;            /* 0 untried, 1 ready, -1 unavailable */
static uint8_t *mem_rx, *mem_rw; /* the two views of the region */
static size_t mem_next, mem_faulted;
static JitFree *mem_free[JIT_NCLASSES + 1];
static uint8_t *mem_tramp;       /* in the RX view */
static const uint8_t *mem_lowrodata;

/* Map the RX view, a second mapping of the RW view's pages, at one of
 * several hints near the image: reserve the place (no access, never
 * replacing anything), move a copy of the RW mapping over the reservation
 * (mremap with old size 0 duplicates a shared mapping), then make that
 * copy read+execute. */
static uint8_t *mem_map_near(uint8_t *rw) {
  size_t ps = (size_t)sysconf(_SC_PAGESIZE);
  uintptr_t anchor = (uintptr_t)&jit_mem_alloc;
  uintptr_t step = (uintptr_t)64 << 20;
  for (int j = 1; j <= 24; j++) {
    uintptr_t hint = j <= 12 ? anchor - JIT_ARENA_BYTES - (uintptr_t)j * step
                             : anchor + (uintptr_t)(j - 12) * step + ((uintptr_t)64 << 20);
    hint &= ~(ps - 1);
    void *m = mmap((void *)hint, JIT_ARENA_BYTES, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
                   -1, 0);
    if (m == MAP_FAILED) continue;
    if (m != (void *)hint) { munmap(m, JIT_ARENA_BYTES); continue; }
    void *x = mremap(rw, 0, JIT_ARENA_BYTES, MREMAP_MAYMOVE | MREMAP_FIXED, m);
    if (x != m) { munmap(m, JIT_ARENA_BYTES); return NULL; }
    if (mprotect(x, JIT_ARENA_BYTES, PROT_READ | PROT_EXEC) != 0) {
      munmap(x, JIT_ARENA_BYTES);
      return NULL;
    }
    return x;
  }
  return NULL;
}

/* Fault in [mem_faulted, upto) of both views (ignored where unsupported:
 * the pages then fault on first use, as they would anyway). */
static void mem_prefault(size_t upto) {
  if (upto <= mem_faulted) return;
  size_t from = mem_faulted;
  upto = (upto + JIT_PREFAULT_BYTES - 1) & ~(JIT_PREFAULT_BYTES - 1);
  if (upto > JIT_ARENA_BYTES) upto = JIT_ARENA_BYTES;
  madvise(mem_rw + from, upto - from, MADV_POPULATE_WRITE);
  madvise(mem_rx + from, upto - from, MADV_POPULATE_READ);
  mem_faulted = upto;
}

/* fork(): shared memory stays shared with the child, whose JIT would then
 * write into the parent's code. The child gets its own copy of the region
 * (the code written so far, at the same RX address, so every pointer to it
 * stays valid) before it runs anything. The lock is held across the fork
 * so that the copy is never of a half-written block. */
static void mem_fork_prepare(void) { pthread_mutex_lock(&mem_lock); }
static void mem_fork_parent(void) { pthread_mutex_unlock(&mem_lock); }
static void mem_fork_child(void) {
  if (mem_state > 0) {
    void *rw = mmap(NULL, JIT_ARENA_BYTES, PROT_READ | PROT_WRITE,
                    MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    void *x = MAP_FAILED;
    if (rw != MAP_FAILED) {
      memcpy(rw, mem_rw, mem_next);
      x = mremap(rw, 0, JIT_ARENA_BYTES, MREMAP_MAYMOVE | MREMAP_FIXED, mem_rx);
    }
    if (x != (void *)mem_rx || mprotect(x, JIT_ARENA_BYTES, PROT_READ | PROT_EXEC) != 0)
      abort();  /* the parent's code would be corrupted otherwise */
    munmap(mem_rw, JIT_ARENA_BYTES);
    mem_rw = rw;
    mem_faulted = mem_next;
  }
  pthread_mutex_unlock(&mem_lock);
}

/* The fallback where mremap cannot duplicate a shared mapping (valgrind,
 * which the instruction counts of docs/performance.md use): a memfd mapped
 * twice. Code then shows as a file in /proc/PID/maps (perf ignores the
 * perf map there), so it is only the second choice. Returns the RW view. */
static uint8_t *mem_map_memfd(void) {
  size_t ps = (size_t)sysconf(_SC_PAGESIZE);
  uintptr_t anchor = (uintptr_t)&jit_mem_alloc;
  uintptr_t step = (uintptr_t)64 << 20;
  int fd = memfd_create("crescent-jit", MFD_CLOEXEC);
  if (fd < 0) return NULL;
  if (ftruncate(fd, (off_t)JIT_ARENA_BYTES) != 0) {
    close(fd);
    return NULL;
  }
  void *rw = mmap(NULL, JIT_ARENA_BYTES, PROT_READ | PROT_WRITE,
                  MAP_SHARED | MAP_NORESERVE, fd, 0);
  for (int j = 1; rw != MAP_FAILED && j <= 24; j++) {
    uintptr_t hint = j <= 12 ? anchor - JIT_ARENA_BYTES - (uintptr_t)j * step
                             : anchor + (uintptr_t)(j - 12) * step + ((uintptr_t)64 << 20);
    hint &= ~(ps - 1);
    void *x = mmap((void *)hint, JIT_ARENA_BYTES, PROT_READ | PROT_EXEC,
                   MAP_SHARED | MAP_NORESERVE | MAP_FIXED_NOREPLACE, fd, 0);
    if (x == MAP_FAILED) continue;
    if (x != (void *)hint) { munmap(x, JIT_ARENA_BYTES); continue; }
    close(fd);
    mem_rx = x;
    return rw;
  }
  if (rw != MAP_FAILED) munmap(rw, JIT_ARENA_BYTES);
  close(fd);
  return NULL;
}

static int mem_init(void) {
  /* shared anonymous memory: both views show as /dev/zero in
   * /proc/PID/maps, which perf treats as anonymous (--perf-map works) */
  void *rw = mmap(NULL, JIT_ARENA_BYTES, PROT_READ | PROT_WRITE,
                  MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (rw == MAP_FAILED) return 0;
  mem_rx = mem_map_near(rw);
  if (mem_rx == NULL) {
    munmap(rw, JIT_ARENA_BYTES);
    rw = mem_map_memfd();
    if (rw == NULL) return 0;
  }
  mem_rw = rw;
  pthread_atfork(mem_fork_prepare, mem_fork_parent, mem_fork_child);
  /* the trampolines: jmp *[rip+0]; .quad target */
  mem_tramp = mem_rx;
  for (unsigned s = 0; s < stencil_nsymbols; s++) {
    static const uint8_t jmpind[6] = {0xff, 0x25, 0, 0, 0, 0};
    uint8_t *t = mem_rw + (size_t)s * JIT_TRAMPOLINE_BYTES;
    uintptr_t target = (uintptr_t)stencil_symbols[s];
    memcpy(t, jmpind, 6);
    memcpy(t + 6, &target, 8);
  }
  mem_next = ((size_t)stencil_nsymbols * JIT_TRAMPOLINE_BYTES + JIT_ALIGN - 1) &
             ~(size_t)(JIT_ALIGN - 1);
  mem_prefault(mem_next + 1);
  /* the low copy of the stencils' constants */
  if (stencil_rodata_size > 0) {
    void *low = mmap(NULL, stencil_rodata_size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
    if (low != MAP_FAILED) {
      memcpy(low, stencil_rodata, stencil_rodata_size);
      mprotect(low, stencil_rodata_size, PROT_READ);
      mem_lowrodata = low;
    }
  }
  return 1;
}

static unsigned mem_class(size_t size) {
  size_t c = size / JIT_ALIGN - 1;
  return c < JIT_NCLASSES ? (unsigned)c : JIT_NCLASSES;
}

uint8_t *jit_mem_alloc(size_t *size, uint8_t **write) {
  size_t want = (*size + JIT_ALIGN - 1) & ~(size_t)(JIT_ALIGN - 1);
  uint8_t *mem = NULL;
  if (want == 0) want = JIT_ALIGN;
  pthread_mutex_lock(&mem_lock);
  if (mem_state == 0) mem_state = mem_init() ? 1 : -1;
  if (mem_state > 0) {
    unsigned c = mem_class(want);
    for (JitFree **f = &mem_free[c]; *f != NULL; f = &(*f)->next)
      if ((*f)->size == want || (c == JIT_NCLASSES && (*f)->size >= want)) {
        JitFree *hit = *f;
        *f = hit->next;
        mem = hit->mem;
        want = hit->size;
        free(hit);
        break;
      }
    if (mem == NULL && JIT_ARENA_BYTES - mem_next >= want) {
      mem = mem_rx + mem_next;
      mem_next += want;
      mem_prefault(mem_next);
    }
  }
  pthread_mutex_unlock(&mem_lock);
  if (mem == NULL) return NULL;
  *size = want;
  *write = mem_rw + (mem - mem_rx);
  return mem;
}

uint8_t *jit_mem_writable(const uint8_t *mem) {
  return mem_rw + (mem - mem_rx);
}

int jit_mem_ready(void) {
  if (__atomic_load_n(&mem_state, __ATOMIC_ACQUIRE) > 0) return 1;
  pthread_mutex_lock(&mem_lock);
  if (mem_state == 0)
    __atomic_store_n(&mem_state, mem_init() ? 1 : -1, __ATOMIC_RELEASE);
  int ok = mem_state > 0;
  pthread_mutex_unlock(&mem_lock);
  return ok;
}

void jit_mem_free(uint8_t *mem, size_t size) {
  JitFree *f = malloc(sizeof *f);
  if (f == NULL) return;  /* leaked, never reused: still safe */
  f->mem = mem;
  f->size = size;
  pthread_mutex_lock(&mem_lock);
  unsigned c = mem_class(size);
  f->next = mem_free[c];
  mem_free[c] = f;
  pthread_mutex_unlock(&mem_lock);
}

const uint8_t *jit_mem_trampoline(unsigned sym) {
  return mem_tramp + (size_t)sym * JIT_TRAMPOLINE_BYTES;
}

const uint8_t *jit_mem_lowrodata(void) { return mem_lowrodata; }

int jit_mem_near(uintptr_t target) {
  /* a margin for the addends (a field is at most a stencil from its end) */
  const int64_t reach = INT32_MAX - ((int64_t)1 << 20);
  int64_t lo = (int64_t)(target - (uintptr_t)mem_rx);
  int64_t hi = (int64_t)(target - (uintptr_t)(mem_rx + JIT_ARENA_BYTES));
  return mem_rx != NULL && lo < reach && lo > -reach && hi < reach && hi > -reach;
}
