#!/usr/bin/env python3
"""
symbols.py - check that Crescent exports the Lua API exactly as liblua5.4 does.

The reference is Debian's liblua5.4.so.0 (package liblua5.4-0): its dynamic
symbols, as `nm -D --defined-only` lists them, are the API a compiled module
or host program can ask for. Checks, each counted as one pass or failure:

  library    BUILD/libcrescent.so.0 has the soname libcrescent.so.0
  reference  every symbol the reference exports is exported by the library,
             as the same kind (code or data) and with the same version node
             (LUA_5.4, as the default version, "@@")
  exports    every symbol the library exports is API (lua_*, luaL_*,
             luaopen_*) and declared in include/*.h; API symbols the
             reference lacks (newer 5.4 functions) are listed, not failed
  program    BUILD/crescent exports every reference symbol too (C modules
             take them from the process) and none of Crescent's internal
             symbols (any global defined in BUILD/obj/src that is not API)
  objects    no object in BUILD/libcrescent.a defines a non-API global with
             default visibility: the version script hides such a slip in the
             .so, but the executable (-Wl,-E) and static links would show it

    python3 tests/abi/symbols.py [--build build] [--reference PATH] [-v]

The last line is "N passed, N failed"; the exit status is 1 on any failure.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REFERENCE = "/usr/lib/x86_64-linux-gnu/liblua5.4.so.0"
SONAME = "libcrescent.so.0"
API = re.compile(r"(lua_|luaL_|luaopen_)\w+$")
# Names the compiler adds in sanitizer builds (ASan's ODR indicators, ...).
TOOLCHAIN = re.compile(r"__(odr_asan_gen_|asan_|ubsan_|sanitizer_|lsan_)")
VERSION_NODE = "LUA_5.4"


class Result:
    def __init__(self, verbose):
        self.passed = self.failed = 0
        self.verbose = verbose

    def check(self, ok, what):
        if ok:
            self.passed += 1
            if self.verbose:
                print("ok   " + what)
        else:
            self.failed += 1
            print("FAIL " + what)


def tool(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("%s: %s" % (" ".join(cmd), proc.stderr.strip()))
    return proc.stdout


def dynamic_symbols(path):
    """name -> (kind letter, version suffix such as '@@LUA_5.4' or '')."""
    syms = {}
    for line in tool(["nm", "-D", "--defined-only", path]).splitlines():
        parts = line.split()
        if len(parts) != 3:
            continue
        kind, full = parts[1], parts[2]
        m = re.match(r"([^@]+)(@.*)?$", full)
        syms[m.group(1)] = (kind, m.group(2) or "")
    return syms


def is_code(kind):
    return kind in "TtWiI"


def soname(path):
    for line in tool(["readelf", "-d", path]).splitlines():
        m = re.search(r"\(SONAME\)\s+Library soname: \[(.*)\]", line)
        if m:
            return m.group(1)
    return None


def default_visibility_globals(archive):
    """Names defined in the archive's objects as GLOBAL/WEAK with DEFAULT visibility."""
    names = set()
    for line in tool(["readelf", "-sW", archive]).splitlines():
        f = line.split()
        # Num: Value Size Type Bind Vis Ndx Name
        if len(f) >= 8 and f[0].endswith(":") and f[6] != "UND" \
                and f[4] in ("GLOBAL", "WEAK") and f[5] == "DEFAULT" \
                and f[3] in ("FUNC", "OBJECT", "NOTYPE", "IFUNC"):
            names.add(f[7])
    return names


def crescent_globals(build):
    """Every global symbol defined in Crescent's objects, whatever its visibility."""
    objs = glob.glob(os.path.join(ROOT, build, "obj", "src", "**", "*.o"), recursive=True)
    names = set()
    if objs:
        for line in tool(["nm", "--defined-only", "-g"] + objs).splitlines():
            parts = line.split()
            if len(parts) == 3:
                names.add(parts[2])
    return names


def declared_in_headers():
    text = ""
    for h in glob.glob(os.path.join(ROOT, "include", "*.h")):
        with open(h, encoding="utf-8") as f:
            text += f.read()
    return set(re.findall(r"\b((?:lua_|luaL_|luaopen_)\w+)\b", text))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build")
    ap.add_argument("--reference", default=REFERENCE)
    ap.add_argument("-v", "--verbose", action="store_true", help="list passing checks too")
    args = ap.parse_args()
    res = Result(args.verbose)

    lib = os.path.join(ROOT, args.build, SONAME)
    archive = os.path.join(ROOT, args.build, "libcrescent.a")
    program = os.path.join(ROOT, args.build, "crescent")
    for path in (args.reference, lib, archive, program):
        if not os.path.exists(path):
            print("missing %s (run make; the reference is package liblua5.4-0)" % path)
            print("0 passed, 1 failed")
            return 1

    ref = dynamic_symbols(args.reference)
    ours = dynamic_symbols(lib)
    ref_api = {n: v for n, v in ref.items() if n != VERSION_NODE}

    # library
    res.check(soname(lib) == SONAME, "library: soname is %s (found %s)" % (SONAME, soname(lib)))
    res.check(VERSION_NODE in ours, "library: defines the version node %s" % VERSION_NODE)

    # reference: nothing missing, same kind and version
    for name in sorted(ref_api):
        rkind, rver = ref_api[name]
        if name not in ours:
            res.check(False, "reference: %s is not exported" % name)
            continue
        okind, over = ours[name]
        res.check(is_code(rkind) == is_code(okind) and rver == over,
                  "reference: %s exported as %s%s (reference: %s%s)"
                  % (name, okind, over, rkind, rver))

    # exports: only declared API
    declared = declared_in_headers()
    extras = []
    for name in sorted(ours):
        if name == VERSION_NODE:
            continue
        if not API.match(name):
            res.check(False, "exports: %s is exported but is not API" % name)
        elif name not in declared:
            res.check(False, "exports: %s is exported but declared in no include/*.h" % name)
        else:
            res.check(True, "exports: %s" % name)
            if name not in ref_api:
                extras.append(name)
    if extras:
        print("note: API beyond liblua5.4 %s: %s"
              % (os.path.basename(os.path.realpath(args.reference)), " ".join(extras)))

    # program: the API from the process, nothing internal
    prog = dynamic_symbols(program)
    for name in sorted(ref_api):
        res.check(name in prog, "program: %s exported by %s" % (name, program))
    leaked = sorted(n for n in crescent_globals(args.build)
                    if n in prog and not API.match(n) and not TOOLCHAIN.match(n))
    res.check(not leaked, "program: no internal symbol exported%s"
              % (" (exported: %s)" % " ".join(leaked[:20]) if leaked else ""))

    # objects: visibility right at compile time
    wrong = sorted(n for n in default_visibility_globals(archive)
                   if not API.match(n) and not TOOLCHAIN.match(n))
    res.check(not wrong, "objects: every default-visibility global is API%s"
              % (" (not API: %s)" % " ".join(wrong[:20]) if wrong else ""))

    print("%d passed, %d failed" % (res.passed, res.failed))
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
