/*
 * do_jmp.h — a recovery point of the thread (struct lua_longjmp), for the
 * two files that set one up: do_error.c (do_rawrunprotected) and
 * resume.c (lua_resume's fast path, which sets it up inline to save the
 * indirect call). Nobody else looks inside.
 */
#ifndef CRESCENT_VM_DO_JMP_H
#define CRESCENT_VM_DO_JMP_H

#include <setjmp.h>

/* _setjmp/_longjmp: the signal mask need not be saved or restored, which
 * makes entering a protected region cheap (pcall and resume are common). */
struct lua_longjmp {
  struct lua_longjmp *previous;
  jmp_buf b;
  volatile int status;
};

#endif
