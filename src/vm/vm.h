/*
 * vm.h — the slow paths of the interpreter's generic operations: indexing
 * through __index/__newindex chains, equality and order with metamethods,
 * concatenation, the length operator, and finishing an op whose metamethod
 * yielded. The op bodies try their fast paths inline and call these.
 */
#ifndef CRESCENT_VM_H
#define CRESCENT_VM_H

#include "obj/object.h"

/* Longest __index/__newindex chain followed before suspecting a loop. */
#define VM_MAXTAGLOOP 2000

/*
 * t[key] after the fast path missed. slot == NULL: t is not a table;
 * otherwise slot is what tab_get returned for t (an absent or nil entry).
 * The result goes to val (a stack slot; it survives stack reallocation).
 */
void vm_finishget(lua_State *L, const TValue *t, TValue *key, StkId val,
                  const TValue *slot);
/* t[key] = val after the fast path missed; slot as for vm_finishget. */
void vm_finishset(lua_State *L, const TValue *t, TValue *key, TValue *val,
                  const TValue *slot);

/* t1 == t2 with __eq (L == NULL: raw equality, no metamethods). */
int vm_equalobj(lua_State *L, const TValue *t1, const TValue *t2);
#define vm_rawequalobj(t1, t2) vm_equalobj(NULL, (t1), (t2))
/* l < r and l <= r for any values (numbers, strings, then __lt/__le). */
int vm_lessthan(lua_State *L, const TValue *l, const TValue *r);
int vm_lessequal(lua_State *L, const TValue *l, const TValue *r);
/* Number comparisons for mixed integer/float operands, exact. */
int vm_ltnum(const TValue *l, const TValue *r);
int vm_lenum(const TValue *l, const TValue *r);
/* Byte-wise string order through strcoll, segment by segment so embedded
 * zeros compare as lua5.4 does (<0, 0, >0). */
int vm_strcmp(const TString *ls, const TString *rs);

/* Concatenate the `total` values just below L->top into one at
 * L->top - total; L->top is lowered to just above it. */
void vm_concat(lua_State *L, int total);
/* #rb into ra. */
void vm_objlen(lua_State *L, StkId ra, const TValue *rb);

/* After a coroutine resumes from a yield inside a metamethod (or __close)
 * called by the interpreter, complete the interrupted instruction of L->ci
 * (the one before ci->u.l.savedpc) with the metamethod's result at
 * L->top - 1. */
void vm_finishOp(lua_State *L);

#endif
