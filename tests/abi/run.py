#!/usr/bin/env python3
"""
run.py - the binary drop-in test: programs built for liblua5.4, run on Crescent.

Each host is compiled against Debian's headers (/usr/include/lua5.4) and
linked against Debian's library (-llua5.4), exactly as a program packaged
for liblua5.4 would be. It is then run with LD_LIBRARY_PATH pointing at a
directory whose only file is a symlink liblua5.4.so.0 -> BUILD/libcrescent.so.0,
so the dynamic linker gives it Crescent instead, without a rebuild.

Hosts: tests/abi/*_test.c (the ABI in particular: struct layouts, constants
and macros compiled into the program; expected output in NAME.expected
here) and every tests/embed/*_test.c (with its NAME.expected there). All
expected files are recorded from liblua5.4 itself.

A host passes when (1) it builds and needs liblua5.4.so.0, (2) the dynamic
linker resolves that name to the swapped-in library (checked with
LD_TRACE_LOADED_OBJECTS, so a pass can never come from the real liblua5.4),
and (3) its stdout equals the expected file, it exits with status 0, and the
dynamic linker did not warn about missing symbol versions.

    python3 tests/abi/run.py [--build build] [filter...]
    python3 tests/abi/run.py --oracle             # the same hosts on liblua5.4
    python3 tests/abi/run.py --oracle --record NAME   # (re)record a tests/abi host
    python3 tests/abi/run.py --build build-asan --ldflags=-fsanitize=address,undefined

The last line is "N passed, N failed"; the exit status is 1 on any failure.
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
EMBED = os.path.join(ROOT, "tests", "embed")
REF_INCLUDE = "/usr/include/lua5.4"
REF_LIB = "-llua5.4"
REF_SONAME = "liblua5.4.so.0"
TIMEOUT = 30


def hosts(filters):
    found = []
    for folder in (HERE, EMBED):
        for src in sorted(glob.glob(os.path.join(folder, "*_test.c"))):
            name = os.path.splitext(os.path.basename(src))[0]
            if filters and not any(f in name for f in filters):
                continue
            found.append((name, src, os.path.join(folder, name + ".expected")))
    return found


def trimmed_diff(expected, actual, limit=40):
    lines = list(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        "expected", "actual"))
    if len(lines) > limit:
        lines = lines[:limit] + ["... (%d more diff lines)\n" % (len(lines) - limit)]
    return "".join(l if l.endswith("\n") else l + "\n" for l in lines)


def needed(exe):
    out = subprocess.run(["readelf", "-d", exe], capture_output=True, text=True).stdout
    return [line.split("[")[1].rstrip("]") for line in out.splitlines()
            if "(NEEDED)" in line]


def resolved(exe, env):
    """Where the dynamic linker finds liblua5.4.so.0 for exe under env."""
    env = dict(env, LD_TRACE_LOADED_OBJECTS="1")
    out = subprocess.run([exe], capture_output=True, text=True, env=env,
                         stdin=subprocess.DEVNULL, timeout=TIMEOUT).stdout
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == REF_SONAME and "=>" in parts:
            return parts[parts.index("=>") + 1]
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("filters", nargs="*", help="run hosts whose name contains one of these")
    ap.add_argument("--build", default="build", help="Crescent build dir (default: build)")
    ap.add_argument("--lib", help="the library to swap in (default: BUILD/libcrescent.so.0)")
    ap.add_argument("--oracle", action="store_true", help="run on liblua5.4 itself")
    ap.add_argument("--record", action="store_true",
                    help="write NAME.expected of tests/abi hosts (only with --oracle)")
    ap.add_argument("--cc", default="clang-19")
    ap.add_argument("--cflags", default="-std=gnu11 -O1 -g -Wall -Wextra")
    ap.add_argument("--ldflags", default="", help="extra link flags (sanitizers...)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list passing hosts too")
    args = ap.parse_args()

    if args.record and not args.oracle:
        print("--record needs --oracle: expected output comes from liblua5.4")
        return 2
    lib = os.path.abspath(args.lib or os.path.join(ROOT, args.build, "libcrescent.so.0"))
    if not args.oracle and not os.path.exists(lib):
        print("no %s: run make first" % lib)
        print("0 passed, 1 failed")
        return 1

    workdir = tempfile.mkdtemp(prefix="crescent-abi-")
    swapdir = os.path.join(workdir, "lib")
    os.mkdir(swapdir)
    env = dict(os.environ)
    if not args.oracle:
        os.symlink(lib, os.path.join(swapdir, REF_SONAME))
        env["LD_LIBRARY_PATH"] = swapdir
    passed = failed = 0
    try:
        for name, src, expfile in hosts(args.filters):
            if args.record and os.path.dirname(src) != HERE:
                continue            # tests/embed records its own hosts
            if not args.record and not os.path.exists(expfile):
                continue
            exe = os.path.join(workdir, name)
            cmd = ([args.cc] + shlex.split(args.cflags) + ["-I", REF_INCLUDE, src, "-o", exe,
                                                           REF_LIB, "-lm", "-ldl"]
                   + shlex.split(args.ldflags))
            comp = subprocess.run(cmd, capture_output=True, text=True)
            if comp.returncode != 0:
                failed += 1
                print("FAIL %s: does not build against %s\n%s"
                      % (name, REF_INCLUDE, comp.stderr[-3000:]))
                continue
            if REF_SONAME not in needed(exe):
                failed += 1
                print("FAIL %s: the program does not need %s" % (name, REF_SONAME))
                continue
            where = resolved(exe, env)
            want = swapdir if not args.oracle else None
            if want and (where is None or os.path.dirname(where) != want):
                failed += 1
                print("FAIL %s: %s resolves to %s, not the swapped-in library"
                      % (name, REF_SONAME, where))
                continue
            try:
                run = subprocess.run([exe], stdin=subprocess.DEVNULL, capture_output=True,
                                     timeout=TIMEOUT, cwd=workdir, env=env)
            except subprocess.TimeoutExpired:
                failed += 1
                print("FAIL %s: timeout after %d s" % (name, TIMEOUT))
                continue
            out = run.stdout.decode("utf-8", "replace")
            err = run.stderr.decode("utf-8", "replace")
            if args.record:
                again = subprocess.run([exe], stdin=subprocess.DEVNULL, capture_output=True,
                                       timeout=TIMEOUT, cwd=workdir, env=env)
                if again.stdout != run.stdout or run.returncode != 0:
                    failed += 1
                    print("FAIL %s: exit status %d or output differs between two runs; "
                          "not recorded\n%s" % (name, run.returncode, err[-2000:]))
                    continue
                with open(expfile, "w", encoding="utf-8", newline="") as f:
                    f.write(out)
                passed += 1
                print("recorded %s" % name)
                continue
            with open(expfile, encoding="utf-8", newline="") as f:
                expected = f.read()
            # the dynamic linker's complaint when the symbol versions do not match
            unversioned = "no version information available" in err
            if out == expected and run.returncode == 0 and not unversioned:
                passed += 1
                if args.verbose:
                    print("ok   %s" % name)
                continue
            failed += 1
            why = []
            if run.returncode != 0:
                why.append("exit status %d" % run.returncode)
            if out != expected:
                why.append("output differs")
            if unversioned:
                why.append("symbols without the LUA_5.4 version")
            print("FAIL %s: %s" % (name, ", ".join(why)))
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
