#!/bin/sh
# front_build.sh — builds the front end's unit driver (front_driver.c) with
# the stubs of stubs_front.c, assertions on. SAN=1 adds ASan and UBSan.
#   sh tests/unit/front_build.sh      -> build/front_test/front_driver
set -e
cd "$(dirname "$0")/../.."
OUT=build/front_test
mkdir -p "$OUT"
FLAGS="-std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter -Iinclude -Isrc -Itests/unit -DCRESCENT_ASSERT=1"
if [ "${SAN:-0}" = 1 ]; then
  FLAGS="$FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer"
fi
clang-19 $FLAGS -o "$OUT/front_driver" src/front/*.c src/vm/ops.c \
  tests/unit/stubs_front.c tests/unit/front_driver.c -lm
echo "$OUT/front_driver"
