#!/usr/bin/env python3
"""
suite.py - run every test suite of the project and add up their results.

Each suite is a command whose last line is "N passed, N failed". The table
SUITES below is the one place that lists them; `make test` and
`make test-asan` call this script with the build directory to test.

    python3 tests/suite.py --build build [--jobs 2] [--ldflags ...]

Prints each suite's output, then one line per suite, and finally the total
as "N passed, N failed" (the last line); exits 1 if anything failed.
"""
import argparse
import re
import subprocess
import sys


def suites(args):
    engine = f"{args.build}/crescent"
    embed = ["python3", "tests/embed/run.py", "--build", args.build]
    # programs built for Debian's liblua5.4, run on libcrescent.so (tests/abi)
    abi = ["python3", "tests/abi/run.py", "--build", args.build]
    if args.ldflags:
        embed.append(f"--ldflags={args.ldflags}")
        abi.append(f"--ldflags={args.ldflags}")
    return [
        # name, command
        ("lua differential", ["python3", "tests/run.py", "--engine", engine,
                              "--jobs", str(args.jobs)]),
        ("embedding hosts", embed),
        ("symbol check", ["python3", "tests/abi/symbols.py", "--build", args.build]),
        ("ABI drop-in", abi),
        # random programs against lua5.4 (tests/difffuzz); fixed seed, so
        # the same 300 programs every time
        ("differential fuzzer", ["python3", "tests/difffuzz/run.py", "--engine", engine,
                                 "--count", "300", "--seed", "1", "--jobs", str(args.jobs),
                                 "--no-save", "--no-minimize"]),
    ] + ([
        # unit tests link the release objects in build/; run them once
        ("unit", ["sh", "tests/unit/run.sh"]),
    ] if args.build == "build" else [])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--ldflags", default="")
    args = ap.parse_args()
    total_pass = total_fail = 0
    summary = []
    for name, cmd in suites(args):
        print(f"=== {name}: {' '.join(cmd)}", flush=True)
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
        sys.stdout.write(proc.stdout)
        lines = proc.stdout.strip().splitlines()
        m = re.fullmatch(r"(\d+) passed, (\d+) failed.*", lines[-1]) if lines else None
        if m:
            p, f = int(m.group(1)), int(m.group(2))
        else:
            p, f = 0, 1     # a suite that did not report counts as one failure
        if proc.returncode != 0 and f == 0:
            f = 1           # it failed without saying how: never a silent pass
        total_pass += p
        total_fail += f
        summary.append(f"{name}: {p} passed, {f} failed")
    print("\n".join(summary))
    print(f"{total_pass} passed, {total_fail} failed")
    sys.exit(1 if total_fail else 0)


if __name__ == "__main__":
    main()
