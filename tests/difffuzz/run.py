#!/usr/bin/env python3
"""
run.py - the differential fuzzer: random Lua programs from gen.py run by
lua5.4 and by Crescent in every mode of the tier matrix (tests/run.py's
MODES); stdout, stderr and exit status must be equal.

    python3 tests/difffuzz/run.py --count N --seed S [--start I] [--jobs J]
                                  [--engine build/crescent] [--modes interp,...]
                                  [--no-save] [--no-minimize]

Program I of seed S is always the same text (gen.py --seed S --index I
prints it). A program that lua5.4 itself cannot run cleanly (exit status
not 0, timeout) is a generator bug and counts as a failure too.

A mismatch is minimized (dropping whole units, then single lines, while
lua5.4 still runs cleanly and the outputs still differ) and saved as
tests/difffuzz/found/seed<S>-<I>.lua with the diff in .diff, unless
--no-save. The last line printed is "N passed, N failed" (programs); the
exit status is 1 when anything failed. Every run appends its counts to
tests/difffuzz/found/totals.tsv (unless --no-save) so the session totals
can be added up for docs/testing.md.
"""
import argparse
import difflib
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, TESTS)
import gen       # noqa: E402
import harness   # noqa: E402
from run import MODES   # noqa: E402  (tests/run.py: the tier matrix)

ORACLE = "/usr/bin/lua5.4"
MINIMIZE_BUDGET = 400      # engine runs spent on minimizing one mismatch


class Program:
    """Stands in for a harness test: a directory with prog.lua in it."""
    def __init__(self, directory):
        self.dir = directory
        self.base = "prog"

    def read_sidecar(self, ext):
        return None


def run_text(text, engine, flags, timeout):
    d = tempfile.mkdtemp(prefix="difffuzz-")
    try:
        with open(os.path.join(d, "prog.lua"), "w") as f:
            f.write(text)
        for attempt in range(3):
            res = harness.run_test(Program(d), engine, flags, timeout)
            if res.error is None:
                break
            time.sleep(2)       # the binary may be being relinked right now
        return res
    finally:
        shutil.rmtree(d, ignore_errors=True)


def clean(res):
    return res.error is None and not res.timed_out and res.status == 0


def compare(text, engine, modes, timeout):
    """(None, None) when every mode agrees with lua5.4; else (mode, diff);
    mode "oracle" when lua5.4 itself failed."""
    want = run_text(text, ORACLE, [], timeout)
    if not clean(want):
        return "oracle", harness.serialize(want, ORACLE).decode("utf-8", "replace")[-1500:]
    expected = harness.serialize(want, ORACLE)
    for name, flags in modes:
        got = run_text(text, engine, flags, timeout)
        actual = harness.serialize(got, engine)
        if actual != expected:
            # confirm once: a binary replaced mid-run (other builds share the
            # machine) must not count as a finding
            actual = harness.serialize(run_text(text, engine, flags, timeout), engine)
        if actual != expected:
            diff = "".join(difflib.unified_diff(
                harness.decode_lines(expected), harness.decode_lines(actual),
                "lua5.4", "crescent --" + name, n=2))
            return name, diff
    return None, None


def minimize(prelude, units, engine, flags, timeout):
    """Drops units, then lines, while lua5.4 runs cleanly and the outputs
    still differ in this mode. Returns the smallest program text found."""
    budget = [MINIMIZE_BUDGET]

    def still_fails(us):
        if budget[0] <= 0:
            return False
        budget[0] -= 1
        text = gen.render(prelude, us)
        want = run_text(text, ORACLE, [], timeout)
        if not clean(want):
            return False
        got = run_text(text, engine, flags, timeout)
        return harness.serialize(want, ORACLE) != harness.serialize(got, engine)

    # whole units, in shrinking chunks (a simple ddmin)
    chunk = max(1, len(units) // 2)
    while chunk >= 1:
        i = 0
        while i < len(units):
            trial = units[:i] + units[i + chunk:]
            if trial and still_fails(trial):
                units = trial
            else:
                i += chunk
        chunk //= 2
    # single lines (each line becomes its own unit)
    lines = [[l] for u in units for l in u]
    i = 0
    while i < len(lines):
        trial = lines[:i] + lines[i + 1:]
        if trial and still_fails(trial):
            lines = trial
        else:
            i += 1
    return gen.render(prelude, lines)


def check_one(seed, index, engine, modes, timeout, save, do_minimize):
    prelude, units = gen.generate(seed, index)
    text = gen.render(prelude, units)
    mode, diff = compare(text, engine, modes, timeout)
    if mode is None:
        return None
    report = "FAIL seed=%d index=%d mode=%s\n" % (seed, index, mode)
    if mode != "oracle" and do_minimize:
        small = minimize(prelude, units, engine, dict(modes)[mode], timeout)
        _, small_diff = compare(small, engine, [(mode, dict(modes)[mode])], timeout)
        if small_diff:
            text, diff = small, small_diff
        else:
            diff += "(the minimized program no longer differs; the original is kept)\n"
    if save:
        os.makedirs(os.path.join(HERE, "found"), exist_ok=True)
        stem = os.path.join(HERE, "found", "seed%d-%d" % (seed, index))
        with open(stem + ".lua", "w") as f:
            f.write(text)
        with open(stem + ".diff", "w") as f:
            f.write(report + diff)
        report += "  saved %s.lua\n" % os.path.relpath(stem, os.getcwd())
    else:
        report += "  reproduce: python3 tests/difffuzz/gen.py --seed %d --index %d\n" % (seed, index)
    lines = diff.splitlines(keepends=True)
    if len(lines) > 30:
        lines = lines[:30] + ["... (%d more diff lines)\n" % (len(lines) - 30)]
    return report + "".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first program index")
    ap.add_argument("--engine", default="build/crescent")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--jobs", "-j", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--no-save", action="store_true", help="do not write found/")
    ap.add_argument("--no-minimize", action="store_true")
    args = ap.parse_args()
    modes = [(m, MODES[m]) for m in args.modes.split(",")]
    engine = os.path.abspath(args.engine)
    if not os.path.exists(engine):
        print("no engine at %s" % engine)
        print("0 passed, 1 failed")
        return 1
    start = time.time()
    passed = failed = 0
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(check_one, args.seed, i, engine, modes, args.timeout,
                               not args.no_save, not args.no_minimize)
                   for i in range(args.start, args.start + args.count)]
        for fut in futures:
            report = fut.result()
            if report is None:
                passed += 1
            else:
                failed += 1
                print(report, end="", flush=True)
    if not args.no_save:
        os.makedirs(os.path.join(HERE, "found"), exist_ok=True)
        with open(os.path.join(HERE, "found", "totals.tsv"), "a") as f:
            f.write("%s\tseed=%d\tstart=%d\t%d\t%d\t%ds\n" % (
                time.strftime("%Y-%m-%d %H:%M"), args.seed, args.start, passed, failed,
                time.time() - start))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
