#!/usr/bin/env python3
"""
run.py - build and run the C embedding hosts of tests/embed against a Lua
library and compare their output with the recorded .expected files.

Every NAME.c in this folder that has a NAME.expected next to it is a test:
the host is compiled with the given include directory, linked with the
given library, run (no arguments, empty stdin, 30 s timeout), and its
stdout must equal NAME.expected byte for byte and its exit status be 0.
The .expected files are recorded from Debian's liblua5.4 (--oracle --record;
a host whose output differs between two runs is refused).

    python3 tests/embed/run.py                  # against Crescent's objects in build/
    python3 tests/embed/run.py --oracle         # against liblua5.4 (checks the tests)
    python3 tests/embed/run.py --oracle --record [filter...]   # (re)record
    python3 tests/embed/run.py --include include --lib build/libcrescent.a
    python3 tests/embed/run.py --build build-asan --ldflags=-fsanitize=address,undefined

Without --lib, the library is every object file under BUILD/obj/src except
the standalone program's (src/cli), plus -lm -ldl. The last line printed is
always "N passed, N failed"; the exit status is 1 when anything failed.
"""
import argparse
import difflib
import glob
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ORACLE_INCLUDE = "/usr/include/lua5.4"
ORACLE_LIB = "-llua5.4"
TIMEOUT = 30


def crescent_objects(build):
    objdir = os.path.join(ROOT, build, "obj", "src")
    objs = []
    for path in sorted(glob.glob(os.path.join(objdir, "**", "*.o"), recursive=True)):
        rel = os.path.relpath(path, objdir)
        if rel.split(os.sep)[0] == "cli":
            continue        # the standalone program (it has main)
        objs.append(path)
    return objs


def tests(filters):
    found = []
    for src in sorted(glob.glob(os.path.join(HERE, "*.c"))):
        name = os.path.splitext(os.path.basename(src))[0]
        if filters and not any(f in name for f in filters):
            continue
        found.append(name)
    return found


def trimmed_diff(expected, actual, limit=40):
    lines = list(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        "expected", "actual"))
    if len(lines) > limit:
        lines = lines[:limit] + ["... (%d more diff lines)\n" % (len(lines) - limit)]
    return "".join(l if l.endswith("\n") else l + "\n" for l in lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("filters", nargs="*", help="run tests whose name contains one of these")
    ap.add_argument("--include", help="directory with lua.h, lauxlib.h, lualib.h")
    ap.add_argument("--lib", help="link flags or archive for the Lua library")
    ap.add_argument("--build", default="build", help="Crescent build dir (default: build)")
    ap.add_argument("--oracle", action="store_true",
                    help="use Debian's liblua5.4 (%s, %s)" % (ORACLE_INCLUDE, ORACLE_LIB))
    ap.add_argument("--record", action="store_true",
                    help="write NAME.expected from this run (only with --oracle)")
    ap.add_argument("--cc", default="clang-19")
    ap.add_argument("--cflags", default="-std=gnu11 -O1 -g -Wall -Wextra")
    ap.add_argument("--ldflags", default="", help="extra link flags (sanitizers...)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list passing tests too")
    args = ap.parse_args()

    if args.record and not args.oracle:
        print("--record needs --oracle: expected output comes from liblua5.4")
        return 2
    if args.oracle:
        include = args.include or ORACLE_INCLUDE
        libflags = shlex.split(args.lib or ORACLE_LIB)
    else:
        include = args.include or os.path.join(ROOT, "include")
        if args.lib:
            libflags = shlex.split(args.lib)
        else:
            objs = crescent_objects(args.build)
            if not objs:
                print("no objects under %s/obj/src: run make first" % args.build)
                print("0 passed, 1 failed")
                return 1
            libflags = objs
        libflags += ["-lm", "-ldl"]

    names = tests(args.filters)
    if args.oracle:
        modes = [(None, [])]
    else:
        sys.path.insert(0, os.path.dirname(HERE))
        from run import MODES        # tests/run.py: the tier matrix, defined once
        modes = list(MODES.items())
    passed = failed = 0
    workdir = tempfile.mkdtemp(prefix="crescent-embed-")
    try:
        for name in names:
            src = os.path.join(HERE, name + ".c")
            expfile = os.path.join(HERE, name + ".expected")
            if not args.record and not os.path.exists(expfile):
                continue
            exe = os.path.join(workdir, name)
            cmd = ([args.cc] + shlex.split(args.cflags) + ["-I", include, src, "-o", exe]
                   + libflags + shlex.split(args.ldflags))
            comp = subprocess.run(cmd, capture_output=True, text=True)
            if comp.returncode != 0:
                failed += 1
                print("FAIL %s: does not build\n%s" % (name, comp.stderr[-3000:]))
                continue
            # Every host runs in every tier of the matrix (tests/run.py's
            # MODES), chosen through CRESCENT_OPTIONS since a host has no
            # command line of ours; the oracle runs once.
            for mode, flags in modes:
                env = dict(os.environ)
                if flags:
                    env["CRESCENT_OPTIONS"] = " ".join(flags)
                label = name if mode is None else "%s [%s]" % (name, mode)
                try:
                    run = subprocess.run([exe], stdin=subprocess.DEVNULL, capture_output=True,
                                         timeout=TIMEOUT, cwd=workdir, env=env)
                    out = run.stdout.decode("utf-8", "replace")
                    err = run.stderr.decode("utf-8", "replace")
                    status = run.returncode
                except subprocess.TimeoutExpired:
                    failed += 1
                    print("FAIL %s: timeout after %d s" % (label, TIMEOUT))
                    continue
                if args.record:
                    again = subprocess.run([exe], stdin=subprocess.DEVNULL, capture_output=True,
                                           timeout=TIMEOUT, cwd=workdir)
                    if again.stdout != run.stdout:
                        failed += 1
                        print("FAIL %s: output differs between two runs; not recorded" % name)
                        continue
                    if status != 0:
                        failed += 1
                        print("FAIL %s: exit status %d under the oracle; not recorded\n%s"
                              % (name, status, err[-2000:]))
                        continue
                    with open(expfile, "w", encoding="utf-8", newline="") as f:
                        f.write(out)
                    passed += 1
                    print("recorded %s" % name)
                    continue
                with open(expfile, encoding="utf-8", newline="") as f:
                    expected = f.read()
                if out == expected and status == 0:
                    passed += 1
                    if args.verbose:
                        print("ok   %s" % label)
                    continue
                failed += 1
                why = []
                if status != 0:
                    why.append("exit status %d" % status)
                if out != expected:
                    why.append("output differs")
                print("FAIL %s: %s" % (label, ", ".join(why)))
                if out != expected:
                    sys.stdout.write(trimmed_diff(expected, out))
                if err.strip():
                    print("  stderr (tail):")
                    for line in err.strip().splitlines()[-10:]:
                        print("    " + line)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
