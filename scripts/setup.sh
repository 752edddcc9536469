#!/bin/sh
# setup.sh — install the Debian 12 packages that building, testing and
# benchmarking Crescent need. Quiet and instant when everything is present,
# so the Makefile can run it before every target.
set -e
# command:package pairs; a command missing from PATH means install the package.
# (nm, readelf and ar from binutils: libraries and the symbol check, tests/abi)
NEEDED="clang-19:clang-19 lua5.4:lua5.4 python3:python3 luajit:luajit hyperfine:hyperfine
        nm:binutils pkg-config:pkgconf"
# files of libraries we link against or compare with: headers, and Debian's
# Lua 5.4 C modules that tests/lua/modules loads in both engines, and the
# sanitizer and libFuzzer runtimes (make test-asan, make fuzz)
MODDIR=/usr/lib/x86_64-linux-gnu/lua/5.4
HEADERS="/usr/include/readline/readline.h:libreadline-dev /usr/include/lua5.4/lua.h:liblua5.4-dev
         $MODDIR/lpeg.so:lua-lpeg $MODDIR/cjson.so:lua-cjson $MODDIR/lfs.so:lua-filesystem /usr/bin/time:time
         /usr/lib/llvm-19/lib/clang/19/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-19-dev"
missing=""
for pair in $NEEDED; do
  cmd=${pair%%:*}; pkg=${pair#*:}
  command -v "$cmd" >/dev/null 2>&1 || missing="$missing $pkg"
done
for pair in $HEADERS; do
  f=${pair%%:*}; pkg=${pair#*:}
  [ -e "$f" ] || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
echo "setup: installing$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq $missing >/dev/null
