/*
 * needs_vmB.h — the functions of helper vm-B (metamethods, arithmetic,
 * generic slow paths, debug information, closures and upvalues) that vm-A's
 * files call. vm-B's headers exist, so this only gathers them in one place;
 * anything vm-A needs that they do not (yet) declare would go below.
 */
#ifndef CRESCENT_VM_NEEDS_VMB_H
#define CRESCENT_VM_NEEDS_VMB_H

#include "vm/tm.h"
#include "vm/arith.h"
#include "vm/vm.h"
#include "vm/debuginfo.h"
#include "vm/func.h"

#endif
