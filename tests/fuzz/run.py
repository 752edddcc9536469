#!/usr/bin/env python3
"""
run.py - replay the fuzz regressions and run the libFuzzer targets.

    python3 tests/fuzz/run.py --seconds 60 [target...]   # replay, then fuzz each
    python3 tests/fuzz/run.py --replay [target...]       # replay only
    python3 tests/fuzz/run.py --totals                   # summed figures

Targets are built by `make -f tests/fuzz/fuzz.mk` into BUILD (default
build-fuzz). For each target:

1. replay: every file in tests/fuzz/regress/<target>/ (inputs that once
   crashed) runs once; any failure fails the run.
2. fuzz (unless --replay): libFuzzer runs for --seconds in fork mode with
   one job (timeouts and out-of-memory reports are counted and kept but do
   not stop the run), starting from the growing corpus
   BUILD/corpus/<target>, the seeds BUILD/seeds/<target> (made afresh by
   make_seeds.py) and the regressions, with the target's dictionary.
   Crashes are written to BUILD/artifacts/<target>/.

A line per run is appended to BUILD/figures.tsv and to the committed log
tests/fuzz/figures.tsv (date, target, wall seconds, executions, coverage,
features, corpus size, ooms, timeouts, crashes, CPU seconds), so totals
over many runs survive a fresh checkout and can be summed for
docs/testing.md (--totals prints them from the committed log). CPU seconds
are what the fuzzing processes really used (user + system time of the
children, from getrusage): the machine is shared, so wall time alone
overstates the fuzzing done. Rows written before that column existed have
no CPU figure; --totals counts their wall seconds apart as "CPU unknown".
The last line printed is "N passed, N failed" (one per target and phase);
the exit status is 1 when a replay failed or a crash was found.
"""
import argparse
import glob
import os
import re
import resource
import subprocess
import sys
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# target -> (binary, libFuzzer options of its own, extra environment).
# A target may reuse another's binary in another engine mode: run-jit is
# fuzz_run with every function compiled by the baseline JIT at once
# (CRESCENT_OPTIONS, read by the engine at its first state); it has its
# own corpus and regress/ folder, and takes its seeds from run's.
JIT_AT_ONCE = {"CRESCENT_OPTIONS": "--jit=baseline --jit-threshold=0",
               "CRESCENT_FUZZ_TIMER_MS": "300"}   # compiled code runs only without hooks
TARGETS = {
    "compile": ("compile", ["-dict=tests/fuzz/lua.dict", "-max_len=16384"], {}),
    "run":     ("run", ["-dict=tests/fuzz/lua.dict", "-max_len=8192"], {}),
    "run-jit": ("run", ["-dict=tests/fuzz/lua.dict", "-max_len=8192"], JIT_AT_ONCE),
    "undump":  ("undump", ["-max_len=65536"], {}),
    "strlib":  ("strlib", ["-dict=tests/fuzz/strlib.dict", "-max_len=4096"], {}),
}

# UBSan findings stop the input (the fuzz build keeps UBSan recoverable so
# that known.supp works); replay never uses the suppressions, so a known bug
# keeps failing the replay until it is fixed.
UBSAN_BASE = "halt_on_error=1:print_stacktrace=1"
SUPPRESSIONS = os.path.join(HERE, "known.supp")
# The durable record of every run (BUILD/ is not in git).
FIGURES_LOG = os.path.join(HERE, "figures.tsv")


def env_for(suppress, target):
    env = dict(os.environ)
    env.update(TARGETS[target][2])
    opts = UBSAN_BASE
    if suppress and os.path.exists(SUPPRESSIONS):
        opts += ":suppressions=" + SUPPRESSIONS
    env["UBSAN_OPTIONS"] = opts
    if suppress:
        env["CRESCENT_FUZZ_KNOWN"] = "1"     # see KNOWN_* lists in the targets
    else:
        env.pop("CRESCENT_FUZZ_KNOWN", None)
    return env


STATS = re.compile(r"#(\d+):\s+cov: (\d+) ft: (\d+) corp: (\d+)")
FAULTS = re.compile(r"oom/timeout/crash: (\d+)/(\d+)/(\d+)")


def replay(build, target):
    files = sorted(glob.glob(os.path.join(HERE, "regress", target, "*")))
    if not files:
        return True, "no regression inputs"
    proc = subprocess.run([os.path.join(build, "fuzz_" + TARGETS[target][0])] + files,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          errors="replace", env=env_for(False, target))
    if proc.returncode != 0:
        sys.stdout.write(proc.stdout[-4000:])
        return False, "replay of %d inputs FAILED" % len(files)
    return True, "%d inputs replayed" % len(files)


def fuzz(build, target, seconds):
    corpus = os.path.join(build, "corpus", target)
    seeds = os.path.join(build, "seeds", TARGETS[target][0])
    artifacts = os.path.join(build, "artifacts", target)
    regress = os.path.join(HERE, "regress", target)
    for d in (corpus, artifacts):
        os.makedirs(d, exist_ok=True)
    before = set(os.listdir(artifacts))
    dirs = [corpus, seeds] + ([regress] if os.path.isdir(regress) else [])
    cmd = [os.path.join(build, "fuzz_" + TARGETS[target][0]), "-fork=1", "-ignore_timeouts=1",
           "-ignore_ooms=1", "-ignore_crashes=1", "-timeout=10",
           "-max_total_time=%d" % seconds, "-artifact_prefix=" + artifacts + "/",
           ] + TARGETS[target][1] + dirs
    start = time.time()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          errors="replace", cwd=ROOT, env=env_for(True, target))
    took = time.time() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (used.ru_utime + used.ru_stime)
    log = os.path.join(build, "logs")
    os.makedirs(log, exist_ok=True)
    with open(os.path.join(log, "%s-%d.log" % (target, int(start))), "w") as f:
        f.write(proc.stdout)
    stats = STATS.findall(proc.stdout)
    faults = FAULTS.findall(proc.stdout)
    execs, cov, ft, corp = map(int, stats[-1]) if stats else (0, 0, 0, 0)
    ooms, timeouts, crashes = map(int, faults[-1]) if faults else (0, 0, 0)
    new = sorted(set(os.listdir(artifacts)) - before)
    new_crashes = [a for a in new if not a.startswith(("timeout-", "oom-", "slow-unit-"))]
    row = "\t".join(map(str, [time.strftime("%Y-%m-%d %H:%M"), target, int(took), execs,
                              cov, ft, corp, ooms, timeouts, crashes, int(cpu)])) + "\n"
    for path in (os.path.join(build, "figures.tsv"), FIGURES_LOG):
        with open(path, "a") as f:
            f.write(row)
    summary = ("%ds wall, %ds CPU, %d execs, cov %d, ft %d, corpus %d, oom/timeout/crash %d/%d/%d"
               % (took, cpu, execs, cov, ft, corp, ooms, timeouts, crashes))
    for a in new:
        summary += "\n    new artifact: " + os.path.join(artifacts, a)
    ok = not new_crashes and crashes == 0 and (stats or proc.returncode == 0)
    if not stats:
        summary += "\n    libFuzzer printed no statistics:\n" + proc.stdout[-2000:]
    return bool(ok), summary


def totals(path):
    if not os.path.exists(path):
        print("no figures yet in " + path)
        return
    # per target: runs, wall s, CPU s, wall s of rows without CPU, execs,
    # max cov, latest corpus, oom, timeout, crash
    acc = {name: [0] * 10 for name in TARGETS}
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        if len(f) < 10 or line.startswith("#"):
            continue
        t = acc.setdefault(f[1], [0] * 10)
        secs = int(f[2])
        t[0] += 1
        t[1] += secs
        if len(f) > 10:
            t[2] += int(f[10])
        else:
            t[3] += secs                       # CPU of this run not recorded
        t[4] += int(f[3])
        t[5] = max(t[5], int(f[4]))
        t[6] = int(f[6])
        t[7] += int(f[7])
        t[8] += int(f[8])
        t[9] += int(f[9])
    print("figures of " + os.path.relpath(path, ROOT))
    print("target    runs  wall s   CPU s  CPU unknown s   executions  max cov  corpus"
          "  oom/timeout/crash")
    for name, t in sorted(acc.items()):
        print("%-8s %5d %7d %7d %14d %12d %8d %7d  %d/%d/%d" % (name, *t))
    if any(t[3] for t in acc.values()):
        print("CPU unknown s: wall seconds of early runs logged before CPU time was "
              "recorded; their CPU use is unknown (the machine is shared)")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("targets", nargs="*", help="targets (default: all)")
    ap.add_argument("--build", default="build-fuzz")
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--replay", action="store_true", help="only replay the regressions")
    ap.add_argument("--engine", default="build/crescent",
                    help="engine that makes the undump seeds")
    ap.add_argument("--keep-seeds", action="store_true",
                    help="use BUILD/seeds as they are (for runs in parallel: "
                         "remaking them under a running fuzzer pulls files away)")
    ap.add_argument("--totals", action="store_true",
                    help="print summed figures of the committed log and exit")
    ap.add_argument("--figures", default=FIGURES_LOG,
                    help="log that --totals sums (default tests/fuzz/figures.tsv)")
    args = ap.parse_args()
    build = os.path.join(ROOT, args.build)
    if args.totals:
        totals(os.path.abspath(args.figures))
        return 0
    targets = args.targets or list(TARGETS)
    for t in targets:
        if t not in TARGETS:
            sys.exit("unknown target %r (known: %s)" % (t, ", ".join(TARGETS)))
    if not args.replay and not (args.keep_seeds and os.path.isdir(os.path.join(build, "seeds"))):
        subprocess.run([sys.executable, os.path.join(HERE, "make_seeds.py"), "--engine",
                        args.engine, "--out", os.path.join(args.build, "seeds")],
                       check=True, cwd=ROOT)
    passed = failed = 0
    for t in targets:
        ok, what = replay(build, t)
        print("%s replay: %s" % (t, what), flush=True)
        passed, failed = passed + ok, failed + (not ok)
        if args.replay:
            continue
        ok, what = fuzz(build, t, args.seconds)
        print("%s fuzz: %s" % (t, what), flush=True)
        passed, failed = passed + ok, failed + (not ok)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
