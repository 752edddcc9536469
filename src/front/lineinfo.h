/*
 * lineinfo.h — how line numbers are stored in a prototype, and how to read
 * them back.
 *
 * lineinfo[pc] is the line of instruction pc minus the line of pc-1 (the
 * function's linedefined for pc 0), a signed byte. When a difference does
 * not fit (|d| >= LINEINFO_LIMDIFF), or when LINEINFO_MAXWITHOUTABS
 * instructions have gone by without one, lineinfo[pc] is ABSLINEINFO and
 * the line is kept absolute in abslineinfo (pc, line), in increasing pc
 * order. The second rule bounds the walk: the absolute entry that starts
 * the walk for pc is at index >= pc / LINEINFO_MAXWITHOUTABS - 1, so a
 * lookup reads at most ~128 deltas. These are lua5.4's constants; the
 * verifier checks that loaded chunks keep the rule (vm/debuginfo may rely
 * on it to index abslineinfo directly).
 */
#ifndef CRESCENT_LINEINFO_H
#define CRESCENT_LINEINFO_H

#include "obj/object.h"

#define LINEINFO_LIMDIFF        0x80
#define LINEINFO_MAXWITHOUTABS  128

/* Line of instruction pc, or -1 when the function has no line info. */
int lineinfo_getline(const Proto *f, int pc);

#endif
