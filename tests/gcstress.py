#!/usr/bin/env python3
"""GC stress run: the test suites on a stress build, in every stress mode.

A stress build (make test-gcstress builds one in build-gcstress/, with
-DCRESCENT_GC_STRESS and internal assertions) reads the stress mode from
the environment variable CRESCENT_GC_STRESS at lua_newstate (src/gc/gc.h,
GC_STRESS_MODES). This script runs the differential tests of tests/lua in
every tier mode of tests/run.py under each stress mode, and the embedding
hosts of tests/embed under the step mode:

  2  ALLOC  a full collection at every safe point and an emergency full
            collection before every allocation
  3  STEP   the smallest collector step at every safe point, with the
            colour invariants checked after each step (the standalone
            program runs in generational mode: a minor collection per
            safe point)
  4  INC    the same, with generational requests kept incremental, so the
            whole suite also goes through incremental cycles

    python3 tests/gcstress.py [--build build-gcstress] [--jobs 2] [filter...]

The last line is "N passed, N failed" (test x tier x stress mode), like
every suite of tests/suite.py; the exit status is 1 if anything failed.

Tests whose *output* legitimately depends on when collections happen are
left out of the modes that change that timing (EXCLUDED below, each with
its reason); they still run in the other modes.
"""

import argparse
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import harness  # noqa: E402
import run  # noqa: E402

STRESS_MODES = [("alloc", "2"), ("step", "3"), ("inc", "4")]

# stress mode -> {test name: why its output depends on collection timing}
EXCLUDED = {
    "alloc": {
        "nothing_lost/gc_errors":
            "finalizers at exit in reverse order: under stress each object "
            "is finalized as soon as it becomes garbage, one per cycle",
        "string/format_s":
            "compares %p of two temporary tables: under stress the first is "
            "freed before the second is made, and its address is reused",
    },
    "step": {},
    "inc": {
        "base/gc_step_mode":
            "checks that collectgarbage('step') never ends a cycle in "
            "generational mode, which this stress mode runs incrementally",
        "gc/modes":
            "same: generational-mode step results",
    },
}
# Embedding hosts left out of the stress run.
EMBED_EXCLUDED = {
    "oom_test": "makes thousands of states, failing each allocation in turn: "
                "exhaustive failure injection already, too slow under stress",
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build-gcstress")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=harness.DEFAULT_TIMEOUT)
    ap.add_argument("--no-embed", action="store_true", help="skip the C hosts")
    ap.add_argument("filters", nargs="*", help="substrings of area/NAME")
    args = ap.parse_args()
    engine = os.path.join(harness.REPO_DIR, args.build, "crescent")
    if not os.path.exists(engine):
        sys.exit("gcstress.py: engine not found: %s (make test-gcstress builds it)"
                 % engine)
    tests = harness.discover(args.filters)
    passed = failed = 0
    for stress, value in STRESS_MODES:
        os.environ["CRESCENT_GC_STRESS"] = value
        selected = [t for t in tests if t.name not in EXCLUDED[stress]]
        print("=== stress mode %s (CRESCENT_GC_STRESS=%s): %d tests, %d left out"
              % (stress, value, len(selected), len(tests) - len(selected)), flush=True)
        jobs = [(t, name, flags) for t in selected for name, flags in run.MODES.items()]
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = [pool.submit(run.check, t, engine, name, flags, args.timeout)
                       for t, name, flags in jobs]
            for fut in futures:
                ok, report = fut.result()
                if ok:
                    passed += 1
                else:
                    failed += 1
                    sys.stdout.write("[%s] %s" % (stress, report))
                sys.stdout.flush()
    if not args.no_embed and not args.filters:
        os.environ["CRESCENT_GC_STRESS"] = "3"
        print("=== embedding hosts, stress mode step", flush=True)
        hosts = sorted(f[:-2] for f in os.listdir(os.path.join(HERE, "embed"))
                       if f.endswith("_test.c") and f[:-2] not in EMBED_EXCLUDED)
        proc = subprocess.run([sys.executable, os.path.join(HERE, "embed", "run.py"),
                               "--build", args.build] + hosts,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        sys.stdout.write(proc.stdout)
        last = proc.stdout.strip().splitlines()[-1:] or [""]
        parts = last[0].split()
        if len(parts) >= 4 and parts[1] == "passed,":
            passed += int(parts[0])
            failed += int(parts[2])
        else:
            failed += 1
        if proc.returncode != 0 and failed == 0:
            failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
