/*
 * jit_mem.h — the baseline JIT's code memory (jit_mem.c): blocks that are
 * executed through one mapping and written through another, so that no
 * mapping is ever writable and executable at once.
 */
#ifndef CRESCENT_JIT_MEM_H
#define CRESCENT_JIT_MEM_H

#include <stddef.h>
#include <stdint.h>

/* Bytes per trampoline (a 6-byte jmp *[rip] and its 8-byte target). */
#define JIT_TRAMPOLINE_BYTES 16

/* A block of at least *size bytes within rel32 reach of the engine image;
 * *size is set to the block's real size. Returns the address code runs at
 * and sets *write to the address the same bytes are written through; NULL
 * when the memory is exhausted or the system refused the mappings. */
uint8_t *jit_mem_alloc(size_t *size, uint8_t **write);

/* The address through which the code at mem (in a block had from
 * jit_mem_alloc) is written. */
uint8_t *jit_mem_writable(const uint8_t *mem);

/* Map the region if not yet done; 0 if it cannot be had. */
int jit_mem_ready(void);

/* Give back a block (its code can no longer run: the Proto is dead). */
void jit_mem_free(uint8_t *mem, size_t size);

/* The trampoline to stencil_symbols[sym] (valid once a block was had). */
const uint8_t *jit_mem_trampoline(unsigned sym);

/* Can a rel32 anywhere in code memory reach target? */
int jit_mem_near(uintptr_t target);

/* The copy of stencil_rodata below 4 GiB, or NULL. */
const uint8_t *jit_mem_lowrodata(void);

#endif
