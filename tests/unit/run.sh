#!/bin/sh
# run.sh — every unit-test program of tests/unit, each counted as one test.
# The unit tests link the engine's object files from build/ (make first).
# Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 1
passed=0; failed=0
# name | command  (one row per unit-test program; add new ones here)
while IFS='|' read -r name cmd; do
  [ -z "$name" ] && continue
  if sh -c "$cmd" > "/tmp/crescent-unit-$$.log" 2>&1; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; tail -20 "/tmp/crescent-unit-$$.log"
  fi
done <<'TABLE'
obj (strings, tables, shapes, numconv, gc)|make -s -f tests/unit/Makefile.obj
vm arithmetic and comparison|make -s -f tests/unit/Makefile.vmB
interpreter on hand-assembled protos|make -s -f tests/unit/Makefile.vmA
front end (codegen vs luac, errors, binary chunks)|sh tests/unit/front_test.sh
baseline JIT (compile, free, recompile)|make -s -f tests/unit/Makefile.jit
baseline JIT switches (--trace-opt, --print-code, --perf-map)|sh tests/unit/jit_switches.sh
TABLE
rm -f "/tmp/crescent-unit-$$.log"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
