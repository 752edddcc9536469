#!/bin/sh
# front_test.sh — the front end's unit tests, in one command:
#   1. build the driver (tests/unit/front_build.sh; SAN=1 for ASan+UBSan)
#   2. listings of tests/unit/front_cases/*.lua equal luac5.4's
#   3. compile-error messages equal lua5.4's load() (front_errors.py)
#   4. dump -> undump -> verify round trips print the same listing (and
#      stripped dumps load)
#   5. every truncation of a dump is rejected; every single-bit corruption
#      loads or is rejected without crashing (run with SAN=1 to check)
# Last line: "front: N failed" (0 = all passed).
set -u
cd "$(dirname "$0")/../.."
D=build/front_test/front_driver
fails=0
sh tests/unit/front_build.sh > /dev/null || { echo "front: build failed"; exit 1; }
export ASAN_OPTIONS=detect_leaks=0
python3 tests/unit/front_luacdiff.py --driver $D tests/unit/front_cases/*.lua || fails=$((fails + 1))
python3 tests/unit/front_errors.py --driver $D || fails=$((fails + 1))
tmp=$(mktemp -d)
for f in tests/unit/front_cases/*.lua; do
  $D -ll -F "$f" | sed 's/0x[0-9a-f]*/ADDR/g' > "$tmp/a"
  $D -ll -F -D "$f" | sed 's/0x[0-9a-f]*/ADDR/g' > "$tmp/b"
  cmp -s "$tmp/a" "$tmp/b" || { echo "round trip differs: $f"; fails=$((fails + 1)); }
  $D -S "$f" > /dev/null || { echo "stripped round trip fails: $f"; fails=$((fails + 1)); }
  $D -Z "$f" > "$tmp/z" 2>&1 || { echo "robustness: $f"; cat "$tmp/z"; fails=$((fails + 1)); }
done
rm -rf "$tmp"
echo "front: $fails failed"
[ "$fails" = 0 ]
