#!/bin/sh
# jit_switches.sh — the baseline JIT's switches (docs/jit.md, "Switches"):
# --trace-opt, --print-code, --perf-map, --jit-warmup, CRESCENT_JIT_SKIP and
# --jit=off, on a script that tiers up, enters by OSR and takes a slow path.
# Engine-only output, so not a differential test; the script's own output
# must still be lua5.4's. Prints "jit switches: N checks, N failed".
cd "$(dirname "$0")/../.." || exit 1
ENGINE=${ENGINE:-build/crescent}
TMP=$(mktemp -d /tmp/crescent-jitsw.XXXXXX) || exit 1
trap 'rm -rf "$TMP"' EXIT
checks=0; failed=0
check() {  # check DESCRIPTION COMMAND...: the command must succeed
  what=$1; shift
  checks=$((checks + 1))
  if ! "$@" >/dev/null 2>&1; then
    failed=$((failed + 1)); echo "FAIL: $what"
  fi
}
cat > "$TMP/hot.lua" <<'LUA'
local function get(t, k) return t[k] end
local proxy = setmetatable({}, {__index = function(_, k) return k * 2 end})
local s = 0
for i = 1, 300 do s = s + get({i}, 1) + get(proxy, i) end
print(s)
LUA
want=135450

# Tier-up at threshold 50, 10 profiled runs, then the plain code.
$ENGINE --jit-threshold=50 --jit-warmup=60 --trace-opt "$TMP/hot.lua" \
  > "$TMP/out" 2> "$TMP/trace"
check "script output under --trace-opt" grep -qx "$want" "$TMP/out"
check "a profiling compile line" grep -Eq \
  '^\[trace-opt\] .*hot.lua:1: baseline \(profiling\): 3 bytecodes, [0-9]+ bytes \([0-9]+ hot\), [0-9.]+ us$' "$TMP/trace"
check "the recompile after the warm-up" grep -q \
  'hot.lua:1: baseline (warmed up): 3 bytecodes' "$TMP/trace"
check "an OSR entry into the main chunk" grep -Eq \
  'hot.lua: main chunk: OSR entry at bytecode [0-9]+ \(line 4\)$' "$TMP/trace"
check "the GETTABLE slow path compiled on first use" grep -Eq \
  'hot.lua:1: slow path of bytecode 1 \(GETTABLE\): [0-9]+ bytes' "$TMP/trace"

# --print-code: op boundaries with lines, slow-path entries, the slow path.
$ENGINE --jit-threshold=0 --jit-warmup=1 --print-code "$TMP/hot.lua" \
  > "$TMP/out" 2> "$TMP/code"
check "script output under --print-code" grep -qx "$want" "$TMP/out"
check "a function header" grep -Eq \
  '^\[print-code\] .*hot.lua:1: 3 bytecodes, [0-9]+ bytes at 0x' "$TMP/code"
check "op boundaries with their lines" grep -Eq \
  '^-- \[1\] GETTABLE \(line 1\) \+[0-9]+, [0-9]+ bytes$' "$TMP/code"
check "a slow-path entry" grep -q \
  'GETTABLE slow-path entry (compiled on first use)' "$TMP/code"
check "the slow path when compiled" grep -q \
  '^\[print-code\] slow path of bytecode 1 (GETTABLE) at 0x' "$TMP/code"

# --perf-map: the map file names compiled code and slow paths.
$ENGINE --jit-threshold=0 --jit-warmup=1 --perf-map "$TMP/hot.lua" \
  > "$TMP/out" 2>&1 &
pid=$!
wait $pid
check "script output under --perf-map" grep -qx "$want" "$TMP/out"
check "perf map entries for compiled functions" grep -Eq \
  '^[0-9a-f]+ [0-9a-f]+ crescent:.*hot.lua:1$' "/tmp/perf-$pid.map"
check "perf map entries for slow paths" grep -Eq \
  '^[0-9a-f]+ [0-9a-f]+ crescent:.*hot.lua:1 slow path \[1\]$' "/tmp/perf-$pid.map"
rm -f "/tmp/perf-$pid.map"

# CRESCENT_JIT_SKIP leaves a function to the interpreter.
CRESCENT_JIT_SKIP="$TMP/hot.lua:1" $ENGINE --jit-threshold=0 --trace-opt \
  "$TMP/hot.lua" > "$TMP/out" 2> "$TMP/trace"
check "script output with a skipped function" grep -qx "$want" "$TMP/out"
check "the skipped function is reported" grep -q \
  'hot.lua:1: not compiled: listed in CRESCENT_JIT_SKIP' "$TMP/trace"

# --jit=off compiles nothing.
$ENGINE --jit=off --trace-opt "$TMP/hot.lua" > "$TMP/out" 2> "$TMP/trace"
check "script output with --jit=off" grep -qx "$want" "$TMP/out"
check "nothing compiled with --jit=off" test ! -s "$TMP/trace"

echo "jit switches: $checks checks, $failed failed"
[ "$failed" = 0 ]
