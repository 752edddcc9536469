#!/usr/bin/env python3
"""Warm-up curves: every benchmark in iteration mode under every engine, drawn.

  python3 bench/warmup.py [--iterations 30] [--runs 1] [--engines ...]
                          [--engine build/crescent] [--quick] [benchmark...]

Each engine runs `lib/iter.lua NAME.lua SIZE ITERATIONS` (see that file) at
the program's `-- iter-size: N` (a run of some tens of milliseconds under
lua5.4): one process, the same program again and again, each iteration
timed inside the process with os.clock. An engine that compiles as it goes
starts slow and steps down; an interpreter or an AOT binary is flat from
the first iteration. The result printed must equal lua5.4's at that size
(bench/checksums.txt, recorded on first use), or the curve is marked failed.

With --runs R > 1 the engines alternate run by run and each point is the
median of the R runs at that iteration.

Writes to bench/results/:
  svg/warmup-NAME.svg    iteration time (ms) against iteration number
  svg/warmup-all.svg     all programs at once: per iteration, the geometric
                         mean over programs of time / lua5.4's steady time
  svg/memory.svg, svg/ratios.svg
                         peak RSS and time ratios of the last bench/run.py
                         table (results/latest.csv), when there is one
  warmup.md              the summary page embedding all of them
  warmup.csv             every iteration's time
bench/run.py calls this after its table, so `make bench` draws everything.
Python standard library only.
"""

import argparse
import csv
import datetime
import math
import os
import statistics
import sys

sys.dont_write_bytecode = True          # keep bench/ free of __pycache__
BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH_DIR)
sys.path.insert(0, os.path.join(BENCH_DIR, "lib"))
import run as bench_run  # noqa: E402
import svgplot  # noqa: E402

DEFAULT_ITERATIONS = 30
ITER_DRIVER = os.path.join("lib", "iter.lua")    # relative to bench/, the runs' cwd


# --------------------------------------------------------------------------
# Measuring

class Curve:
    """One benchmark under one engine: per-iteration seconds, per run."""

    def __init__(self):
        self.runs, self.failure = [], None

    @property
    def ok(self):
        return self.failure is None and bool(self.runs)

    def points(self):
        """Median over runs at each iteration number."""
        count = min(len(r) for r in self.runs)
        return [statistics.median(r[i] for r in self.runs) for i in range(count)]

    def steady(self):
        """The settled speed: median of the second half of the iterations."""
        pts = self.points()
        return statistics.median(pts[len(pts) // 2:])


def parse_iterations(stdout):
    times, rest = [], []
    for line in stdout.splitlines():
        fields = line.split("\t")
        if len(fields) == 3 and fields[0] == "iteration":
            times.append(float(fields[2]))
        else:
            rest.append(line)
    return times, "\n".join(rest).strip()


def measure(benches, engines, size_of, checksums, iterations, runs, timeout):
    curves = {}
    for b in benches:
        size = size_of(b)
        expected = checksums[(b.name, size)]
        active = [e for e in engines if e.runs(b)]
        for e in active:
            curves[(b.name, e.name)] = Curve()
        for i in range(runs):
            for e in active:
                curve = curves[(b.name, e.name)]
                if curve.failure:
                    continue
                r = bench_run.run_once(e.argv + [ITER_DRIVER, b.name + ".lua", size,
                                                 str(iterations)], timeout)
                times, result = parse_iterations(r.stdout)
                if r.timed_out:
                    curve.failure = "timeout"
                elif r.status != 0:
                    curve.failure = "exit %d" % r.status
                    bench_run.note("%s under %s: %s" % (b.name, e.name, r.stderr.strip()[-300:]))
                elif result != expected:
                    curve.failure = "wrong result"
                    bench_run.note("%s under %s printed %r, expected %r"
                                   % (b.name, e.name, result[:200], expected))
                elif len(times) != iterations:
                    curve.failure = "%d of %d iterations" % (len(times), iterations)
                else:
                    curve.runs.append(times)
                bench_run.note("warm-up %-12s %-16s run %d/%d: %s" % (
                    b.name, e.name, i + 1, runs,
                    curve.failure or "%.1f ms first, %.1f ms last"
                    % (times[0] * 1000, times[-1] * 1000)))
    return curves


# --------------------------------------------------------------------------
# Pictures

def crescent_names(engine_names):
    return [n for n in engine_names if n.startswith("crescent")]


def draw_program(b, size, engine_names, curves, iterations):
    cn = crescent_names(engine_names)
    series = []
    for name in engine_names:
        curve = curves.get((b.name, name))
        colour = svgplot.colour_for(name, cn)
        if curve is None:
            series.append(("%s: not run (Lua 5.4 only)" % name, colour, None))
        elif not curve.ok:
            series.append(("%s: FAILED (%s)" % (name, curve.failure), colour, None))
        else:
            pts = [(i + 1, t * 1000) for i, t in enumerate(curve.points())]
            series.append((name, colour, pts))
    return svgplot.line_chart(
        "%s: time per iteration" % b.name,
        "size %s, %d iterations in one process, CPU time by os.clock" % (size, iterations),
        "iteration number", "time per iteration (ms)", series)


def draw_overall(benches, engine_names, curves):
    """Per engine and iteration: geometric mean over programs of the time
    divided by lua5.4's steady time for that program."""
    cn = crescent_names(engine_names)
    series = []
    counted = {}
    for name in engine_names:
        rows = []
        for b in benches:
            ref = curves.get((b.name, bench_run.REFERENCE))
            cur = curves.get((b.name, name))
            if ref and cur and ref.ok and cur.ok:
                base = ref.steady()
                if base > 0:
                    rows.append([t / base for t in cur.points()])
        if not rows:
            continue
        count = min(len(r) for r in rows)
        pts = []
        for i in range(count):
            vals = [r[i] for r in rows if r[i] > 0]
            pts.append((i + 1, math.exp(sum(math.log(v) for v in vals) / len(vals))))
        counted[name] = len(rows)
        series.append(("%s (%d programs)" % (name, len(rows)), svgplot.colour_for(name, cn), pts))
    return svgplot.line_chart(
        "Warm-up over all programs",
        "geometric mean over programs of iteration time / lua5.4's steady iteration time",
        "iteration number", "time relative to lua5.4 (1 = as fast)", series, reference=1.0)


def read_table(path):
    """The last bench/run.py table: {(bench, engine): row}, engines, benches."""
    rows, engines, benches = {}, [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["benchmark"] == "startup":
                continue
            rows[(row["benchmark"], row["engine"])] = row
            if row["engine"] not in engines:
                engines.append(row["engine"])
            if row["benchmark"] not in benches:
                benches.append(row["benchmark"])
    return rows, engines, benches


def draw_table_charts(out_dir):
    """memory.svg and ratios.svg from results/latest.csv; returns the file
    names written (none when there is no table yet)."""
    path = os.path.join(out_dir, "latest.csv")
    if not os.path.exists(path):
        return []
    rows, engines, benches = read_table(path)
    cn = crescent_names(engines)
    svg_dir = os.path.join(out_dir, "svg")
    os.makedirs(svg_dir, exist_ok=True)

    def column(key, scale, engine):
        vs = []
        for b in benches:
            row = rows.get((b, engine))
            v = row.get(key) if row and row["status"] == "ok" else ""
            vs.append(float(v) * scale if v else None)
        return vs

    memory = [(e, svgplot.colour_for(e, cn), column("peak_rss_kb", 1 / 1024.0, e))
              for e in engines]
    ratio_key = "ratio_to_" + bench_run.REFERENCE
    ratios = [(e, svgplot.colour_for(e, cn), column(ratio_key, 1.0, e))
              for e in engines if e != bench_run.REFERENCE]
    written = []
    with open(os.path.join(svg_dir, "memory.svg"), "w") as f:
        f.write(svgplot.bar_chart(
            "Peak memory per program", "peak resident set size (GNU time %M) in the "
            "bench/run.py table (results/latest.md), largest over the runs", "peak RSS (MB)",
            benches, memory,
            value_format="%.1f"))
    written.append("memory.svg")
    if ratios:
        with open(os.path.join(svg_dir, "ratios.svg"), "w") as f:
            f.write(svgplot.bar_chart(
                "Time relative to lua5.4", "median wall time / lua5.4's in the bench/run.py "
                "table (results/latest.md); left of the dashed line is faster",
                "time ratio (log scale)", benches, ratios, log_scale=True, reference=1.0,
                value_format="%.2f"))
        written.append("ratios.svg")
    return written


# --------------------------------------------------------------------------
# Summary page and raw data

def write_csv(path, benches, engine_names, size_of, curves):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["benchmark", "size", "engine", "status", "iteration", "seconds"])
        for b in benches:
            for name in engine_names:
                curve = curves.get((b.name, name))
                if curve is None:
                    continue
                if not curve.ok:
                    w.writerow([b.name, size_of(b), name, curve.failure, "", ""])
                    continue
                for i, t in enumerate(curve.points()):
                    w.writerow([b.name, size_of(b), name, "ok", i + 1, "%.6f" % t])


def summary(benches, engine_names, size_of, curves, iterations, runs, command, table_svgs):
    lines = []
    add = lines.append
    add("# Warm-up curves")
    add("")
    add("%s; `%s`." % (datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), command))
    add("Machine: %s." % bench_run.machine_line())
    add("Each program runs %d iterations in one process (bench/lib/iter.lua) at its "
        "`iter-size`; %s. Times are CPU time (os.clock) per iteration." % (
            iterations, "one run per engine" if runs == 1 else
            "the median of %d runs at each iteration" % runs))
    add("")
    add("![all programs](svg/warmup-all.svg)")
    add("")
    add("Per engine: first iteration, steady state (median of the second half) in ms, "
        "and first / steady.")
    add("")
    add("| benchmark | size | " + " | ".join(engine_names) + " |")
    add("|---|---:|" + "---:|" * len(engine_names))
    for b in benches:
        row = [b.name, size_of(b)]
        for name in engine_names:
            curve = curves.get((b.name, name))
            if curve is None:
                row.append("-")
            elif not curve.ok:
                row.append("FAILED (%s)" % curve.failure)
            else:
                pts = curve.points()
                steady = curve.steady()
                row.append("%.1f → %.1f (%.2f)" % (pts[0] * 1000, steady * 1000,
                                                    pts[0] / steady if steady else 0))
        add("| " + " | ".join(row) + " |")
    for svg in table_svgs:
        add("")
        add("![%s](svg/%s)" % (svg[:-4], svg))
    add("")
    add("## Per program")
    for b in benches:
        add("")
        add("![%s](svg/warmup-%s.svg)" % (b.name, b.name))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------

def run_warmup(benches, engines, quick, iterations, runs, timeout, out_dir, command):
    """Measures, draws and writes everything; returns True when every curve
    is ok. Shared by this script's main and bench/run.py."""
    def size_of(b):
        return b.quick_size if quick else b.iter_size

    checksums = bench_run.load_checksums()
    bench_run.record_missing(benches, size_of, checksums, False, timeout)
    curves = measure(benches, engines, size_of, checksums, iterations, runs, timeout)
    names = [e.name for e in engines]
    svg_dir = os.path.join(out_dir, "svg")
    os.makedirs(svg_dir, exist_ok=True)
    for b in benches:
        with open(os.path.join(svg_dir, "warmup-%s.svg" % b.name), "w") as f:
            f.write(draw_program(b, size_of(b), names, curves, iterations))
    with open(os.path.join(svg_dir, "warmup-all.svg"), "w") as f:
        f.write(draw_overall(benches, names, curves))
    table_svgs = draw_table_charts(out_dir)
    write_csv(os.path.join(out_dir, "warmup.csv"), benches, names, size_of, curves)
    with open(os.path.join(out_dir, "warmup.md"), "w", encoding="utf-8") as f:
        f.write(summary(benches, names, size_of, curves, iterations, runs, command, table_svgs))
    bench_run.note("warm-up curves: %s" % os.path.join(out_dir, "warmup.md"))
    return all(c.ok for c in curves.values())


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS)
    p.add_argument("--runs", type=int, default=1)
    p.add_argument("--engines", help="comma-separated engine names (default: all available)")
    p.add_argument("--engine", "--crescent", dest="crescent",
                   default=os.path.join(bench_run.REPO_DIR, "build", "crescent"),
                   help="the crescent binary")
    p.add_argument("--quick", action="store_true", help="quick sizes (a check that all runs)")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    p.add_argument("--out", default=bench_run.RESULTS_DIR)
    p.add_argument("filters", nargs="*", help="substrings of benchmark names")
    args = p.parse_args()
    benches = bench_run.discover(args.filters)
    if not benches:
        raise SystemExit("warmup: no benchmark matches")
    engines = bench_run.make_engines(args)
    command = "python3 bench/warmup.py " + " ".join(sys.argv[1:])
    ok = run_warmup(benches, engines, args.quick, args.iterations, args.runs, args.timeout,
                    args.out, command.strip())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
