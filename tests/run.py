#!/usr/bin/env python3
"""Differential test runner: every tests/lua/<area>/NAME.lua in every tier mode.

Each test's output under our engine must equal, byte for byte after program
name normalization, the NAME.expected document recorded from lua5.4 by
tests/record.py.  A test runs once per mode of the tier matrix below, because
every tier must print the same thing (DESIGN.md, "Testing model").

  python3 tests/run.py [--engine build/crescent] [--modes interp,...]
                       [--jobs 2] [--timeout 60] [-v] [filter...]

  --modes none (or --raw) runs once with no mode flags, which lets any Lua
  5.4 binary be the engine: `run.py --raw --engine /usr/bin/lua5.4` checks
  the runner and the recorded files themselves.

The last line is always "N passed, N failed" (counting test x mode); the exit
status is 1 if anything failed.
"""

import argparse
import difflib
import os
import sys
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True     # keep tests/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

# The tier matrix: mode name -> engine flags placed before the script.
# A new tier is one new line here.
MODES = {
    "interp": ["--jit=off"],
    "baseline": ["--jit=baseline", "--jit-threshold=0"],
    # compiled at once, profiled for one entry, then the plain stencils
    # (typed fast paths, slow paths compiled on first use)
    "baseline-plain": ["--jit=baseline", "--jit-threshold=0", "--jit-warmup=1"],
}

DIFF_LINES = 40   # a failing test shows at most this many lines of diff


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--engine", default=os.path.join(harness.REPO_DIR, "build", "crescent"))
    p.add_argument("--modes", default=",".join(MODES),
                   help="comma-separated modes from MODES, or 'none' for no flags")
    p.add_argument("--raw", action="store_true", help="same as --modes none")
    p.add_argument("--jobs", "-j", type=int, default=2)
    p.add_argument("--timeout", type=float, default=harness.DEFAULT_TIMEOUT)
    p.add_argument("--verbose", "-v", action="store_true", help="list passing tests too")
    p.add_argument("filters", nargs="*", help="substrings of area/NAME")
    return p.parse_args()


def select_modes(args):
    if args.raw or args.modes == "none":
        return [("raw", [])]
    modes = []
    for name in args.modes.split(","):
        name = name.strip()
        if not name:
            continue
        if name not in MODES:
            sys.exit("run.py: unknown mode '%s' (known: %s, none)"
                     % (name, ", ".join(MODES)))
        modes.append((name, MODES[name]))
    return modes


def check(test, engine, mode_name, flags, timeout):
    """Returns (ok, report text)."""
    label = "%s [%s]" % (test.name, mode_name)
    expected = test.read_sidecar("expected")
    if expected is None:
        return False, "FAIL %s: no %s.expected (run tests/record.py)\n" % (label, test.base)
    result = harness.run_test(test, engine, flags, timeout)
    if result.error:
        return False, "FAIL %s: %s\n" % (label, result.error)
    actual = harness.serialize(result, engine)
    if actual == expected and not result.timed_out:
        return True, "ok   %s (%.2fs)\n" % (label, result.seconds)
    why = "timed out after %gs" % timeout if result.timed_out else "output differs"
    diff = list(difflib.unified_diff(
        harness.decode_lines(expected), harness.decode_lines(actual),
        "expected", "actual", n=2))
    if len(diff) > DIFF_LINES:
        diff = diff[:DIFF_LINES] + ["... (%d more diff lines)\n" % (len(diff) - DIFF_LINES)]
    diff = [line if line.endswith("\n") else line + "\n" for line in diff]
    return False, "FAIL %s: %s\n%s" % (label, why, "".join(diff))


def main():
    args = parse_args()
    if not os.path.exists(args.engine):
        sys.exit("run.py: engine not found: %s" % args.engine)
    modes = select_modes(args)
    tests = harness.discover(args.filters)
    if not tests:
        sys.stderr.write("run.py: no test matches\n")
    jobs = [(t, name, flags) for t in tests for name, flags in modes]
    passed = failed = 0
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(check, t, args.engine, name, flags, args.timeout)
                   for t, name, flags in jobs]
        for fut in futures:   # in submission order: stable, readable output
            ok, report = fut.result()
            if ok:
                passed += 1
                if args.verbose:
                    sys.stdout.write(report)
            else:
                failed += 1
                sys.stdout.write(report)
            sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
