/*
 * do_jmp.h — a recovery point of the thread (struct lua_longjmp), for the
 * two files that set one up: do_error.c (do_rawrunprotected) and
 * resume.c (lua_resume's fast path, which sets it up inline to save the
 * indirect call), both through do_runprotected. Nobody else looks inside.
 */
#ifndef CRESCENT_VM_DO_JMP_H
#define CRESCENT_VM_DO_JMP_H

#include <setjmp.h>

#include "obj/object.h"

/* _setjmp/_longjmp: the signal mask need not be saved or restored, which
 * makes entering a protected region cheap (pcall and resume are common). */
struct lua_longjmp {
  struct lua_longjmp *previous;
  jmp_buf b;
  volatile int status;
};

/* Run the statement stmt with lj (a struct lua_longjmp of the caller)
 * as the recovery point: an error it raises (do_throw) comes back here.
 * Then lj.status is the error's status, or LUA_OK. The C-call count is
 * left as the error left it: the caller knows the count to restore. A
 * macro, as a function that calls _setjmp cannot be inlined. */
#define do_runprotected(L, lj, stmt) do {                                \
    (lj).status = LUA_OK;                                                \
    (lj).previous = (L)->errorJmp;                                       \
    (L)->errorJmp = &(lj);                                               \
    if (_setjmp((lj).b) == 0) {                                          \
      stmt;                                                              \
    }                                                                    \
    (L)->errorJmp = (lj).previous;                                       \
  } while (0)

#endif
