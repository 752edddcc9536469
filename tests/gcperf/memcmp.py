#!/usr/bin/env python3
"""Time and peak memory of lua5.4 and crescent side by side (issue #3).

Runs each program under lua5.4, crescent (default mode: baseline JIT on)
and crescent --jit=off, round robin (one run of each engine, then the next
round), so that a change of machine load hits all of them alike. Reports
per program and engine the CPU time (user + sys, minimum over the runs:
the least disturbed run on a shared machine), its spread (max / min), and
the peak resident memory (GNU time's %M, the largest over the runs), each
with its ratio to lua5.4, as a Markdown table. Results are checked against
bench/checksums.txt. The load average before and after says how noisy the
machine was.

    python3 tests/gcperf/memcmp.py [--runs 3] [--engine build/crescent]
                                   [binarytrees:16 objchurn:40 ...]

Figures are recorded in docs/gc.md and docs/performance.md ("Memory and
collector"); this is a measurement, never a test assertion.
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BENCH = os.path.join(REPO, "bench")
GNU_TIME = "/usr/bin/time"
DEFAULT_PROGRAMS = ["binarytrees:16", "objchurn:40"]


def load_checksums():
    table = {}
    with open(os.path.join(BENCH, "checksums.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, size, result = line.rstrip("\n").split("\t", 2)
            table[(name, size)] = result
    return table


def run_once(argv):
    """(cpu seconds, peak RSS in KB, stdout) of one run."""
    p = subprocess.run([GNU_TIME, "-f", "%U %S %M"] + argv, cwd=BENCH,
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("memcmp: %s failed:\n%s" % (" ".join(argv), p.stderr))
    user, system, rss = p.stderr.strip().splitlines()[-1].split()
    return float(user) + float(system), int(rss), p.stdout.strip()


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--engine", default=os.path.join(REPO, "build", "crescent"))
    ap.add_argument("programs", nargs="*", default=DEFAULT_PROGRAMS,
                    help="NAME:SIZE (bench/NAME.lua run with SIZE)")
    args = ap.parse_args()
    engine = os.path.abspath(args.engine)
    engines = [("lua5.4", ["lua5.4"]),
               ("crescent", [engine]),
               ("crescent --jit=off", [engine, "--jit=off"])]
    checksums = load_checksums()
    print("load average before: %s" % loadavg())
    rows = []
    for spec in args.programs:
        name, size = spec.split(":")
        expected = checksums.get((name, size))
        cpu = {e: [] for e, _ in engines}
        rss = {e: [] for e, _ in engines}
        for _ in range(args.runs):
            for e, argv in engines:
                t, m, out = run_once(argv + [name + ".lua", size])
                if expected is not None and out != expected:
                    raise SystemExit("memcmp: %s %s:%s printed %r, expected %r"
                                     % (e, name, size, out, expected))
                cpu[e].append(t)
                rss[e].append(m)
        ref_t, ref_m = min(cpu["lua5.4"]), max(rss["lua5.4"])
        for e, _ in engines:
            t, m = min(cpu[e]), max(rss[e])
            rows.append("| %s %s | %s | %.2f | %.2f | %.2f | %.1f | %.2f |" % (
                name, size, e, t, max(cpu[e]) / t, t / ref_t, m / 1024.0,
                m / ref_m))
    print("load average after: %s" % loadavg())
    print()
    print("| program | engine | cpu s (min of %d) | spread | cpu / lua5.4 "
          "| peak RSS MB | RSS / lua5.4 |" % args.runs)
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
