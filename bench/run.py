#!/usr/bin/env python3
"""Benchmark runner: Crescent (every mode of MODES), lua5.4 and luajit side by side.

  python3 bench/run.py [--runs 3] [--engines lua5.4,luajit,...] [--quick]
                       [--engine build/crescent] [--no-startup] [--no-warmup]
                       [--iterations 30] [--record] [--timeout S] [benchmark...]

Each bench/NAME.lua takes a size as arg[1]; its default size is the number
in its `tonumber(arg and arg[1]) or N` line, which the runner reads and
passes explicitly (or the `-- quick-size: N` header with --quick). A program
prints one result line, compared with the line recorded from lua5.4 at the
same size in bench/checksums.txt (recorded on first use; --record
re-records the selected ones and stops). A wrong result marks the cell failed and keeps it out of the
means. Files marked `-- compat: 5.1` also run under luajit; others show "-".

Runs alternate between engines (run 1 of every engine, then run 2, ...) so
slow drifts of the machine spread over all of them. A cell is the median
wall time of --runs runs; memory is the peak RSS over the runs (see run_once).
Start-up time is `ENGINE -e ''` for every engine, next to a C hello world
compiled on the spot with cc, with hyperfine when it is installed.

Results go to stdout as Markdown and to bench/results/latest.md and
latest.csv. Ratios are time / lua5.4's time: below 1 is faster than lua5.4.
Then, unless --no-warmup, bench/warmup.py's curves are measured and drawn
(results/warmup.md and results/svg/, see that file), with the memory and
ratio charts of this table. Python standard library only.
"""

import argparse
import csv
import datetime
import json
import math
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True          # keep bench/ free of __pycache__
BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
CHECKSUMS = os.path.join(BENCH_DIR, "checksums.txt")
RESULTS_DIR = os.path.join(BENCH_DIR, "results")

# Crescent's modes, as in tests/run.py: column name -> engine flags.
MODES = {
    "interp": ["--jit=off"],
    "baseline": ["--jit=baseline", "--jit-threshold=0"],
}

LUA54 = "/usr/bin/lua5.4"
LUAJIT = "/usr/bin/luajit"
HYPERFINE = "/usr/bin/hyperfine"
GNU_TIME = "/usr/bin/time"    # for peak RSS, see run_once
REFERENCE = "lua5.4"          # the engine ratios are relative to
STARTUP_RUNS = 200


# --------------------------------------------------------------------------
# Benchmarks and engines

class Bench:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)[:-len(".lua")]
        with open(path, encoding="utf-8") as f:
            text = f.read()
        m = re.search(r"tonumber\(arg and arg\[1\]\) or (\d+)", text)
        if not m:
            raise SystemExit("bench: %s has no 'tonumber(arg and arg[1]) or N' line" % path)
        self.default_size = m.group(1)
        m = re.search(r"^-- quick-size: (\d+)", text, re.M)
        self.quick_size = m.group(1) if m else self.default_size
        # The size of one iteration in warm-up mode (bench/warmup.py).
        m = re.search(r"^-- iter-size: (\d+)", text, re.M)
        self.iter_size = m.group(1) if m else self.quick_size
        self.lua51 = re.search(r"^-- compat: 5\.1\b", text, re.M) is not None


class Engine:
    def __init__(self, name, argv, lua51=False):
        self.name = name
        self.argv = argv
        self.lua51 = lua51      # a Lua 5.1 engine: runs only compat: 5.1 files

    def runs(self, bench):
        return bench.lua51 or not self.lua51


def discover(filters):
    names = sorted(f for f in os.listdir(BENCH_DIR) if f.endswith(".lua"))
    benches = [Bench(os.path.join(BENCH_DIR, f)) for f in names]
    if filters:
        benches = [b for b in benches if any(f in b.name for f in filters)]
    return benches


def make_engines(args):
    engines = [Engine(REFERENCE, [LUA54])]
    crescent = os.path.abspath(args.crescent)
    if os.path.exists(crescent):
        for mode, flags in MODES.items():
            engines.append(Engine("crescent/" + mode, [crescent] + flags))
    else:
        note("crescent not found at %s; its columns are left out" % args.crescent)
    if os.path.exists(LUAJIT):
        engines.append(Engine("luajit", [LUAJIT], lua51=True))
    if args.engines:
        wanted = [e.strip() for e in args.engines.split(",") if e.strip()]
        known = {e.name for e in engines}
        for w in wanted:
            if w not in known:
                raise SystemExit("bench: unknown or unavailable engine '%s' (have: %s)"
                                 % (w, ", ".join(sorted(known))))
        engines = [e for e in engines if e.name in wanted]
    return engines


def note(msg):
    sys.stderr.write("bench: " + msg + "\n")
    sys.stderr.flush()


# --------------------------------------------------------------------------
# Running one program

class Run:
    def __init__(self, seconds, status, stdout, stderr, rss_kb, timed_out):
        self.seconds, self.status = seconds, status
        self.stdout, self.stderr = stdout, stderr
        self.rss_kb, self.timed_out = rss_kb, timed_out


def run_once(argv, timeout, cwd=BENCH_DIR):
    """Runs argv to completion: wall time, exit status, output, peak RSS.

    The peak RSS that wait4 reports for a child of this Python process is
    useless: Linux keeps a high-water mark across exec, so a child forked
    from Python starts with Python's own size. GNU time forks the program
    from a small process and reports that child's figure, so it is used when
    installed; otherwise wait4's number is kept (and is an upper bound)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r", suffix=".rss") as rss_file:
        full = argv
        if os.path.exists(GNU_TIME):
            full = [GNU_TIME, "-f", "%M", "-o", rss_file.name] + argv
        start = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=err, start_new_session=True)
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
        timer = threading.Timer(timeout, kill)
        timer.start()
        _, wait_status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(wait_status)
        rss_kb = usage.ru_maxrss
        if full is not argv:
            lines = rss_file.read().split()
            rss_kb = int(lines[-1]) if lines and lines[-1].isdigit() else None
        out.seek(0)
        err.seek(0)
        return Run(seconds, proc.returncode, out.read().decode("utf-8", "replace"),
                   err.read().decode("utf-8", "replace"), rss_kb, bool(timed_out))


# --------------------------------------------------------------------------
# Expected results

def load_checksums():
    table = {}
    if os.path.exists(CHECKSUMS):
        with open(CHECKSUMS, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                name, size, result = line.rstrip("\n").split("\t", 2)
                table[(name, size)] = result
    return table


def save_checksums(table):
    with open(CHECKSUMS, "w", encoding="utf-8") as f:
        f.write("# benchmark<TAB>size<TAB>result line printed by lua5.4 (bench/run.py --record)\n")
        for (name, size), result in sorted(table.items()):
            f.write("%s\t%s\t%s\n" % (name, size, result))


def record_missing(benches, size_of, checksums, force, timeout):
    changed = False
    for b in benches:
        key = (b.name, size_of(b))
        if key in checksums and not force:
            continue
        note("recording the result of %s(%s) from lua5.4" % key)
        r = run_once([LUA54, b.name + ".lua", key[1]], timeout)
        if r.status != 0 or r.timed_out:
            raise SystemExit("bench: lua5.4 failed on %s: %s" % (b.name, r.stderr.strip()))
        checksums[key] = r.stdout.strip()
        changed = True
    if changed:
        save_checksums(checksums)


# --------------------------------------------------------------------------
# Measuring

class Cell:
    """One benchmark under one engine."""

    def __init__(self):
        self.times, self.rss, self.failure = [], [], None

    @property
    def ok(self):
        return self.failure is None and bool(self.times)

    @property
    def median(self):
        return statistics.median(self.times)


def measure(benches, engines, size_of, checksums, runs, timeout):
    cells = {}
    for b in benches:
        size = size_of(b)
        expected = checksums[(b.name, size)]
        active = [e for e in engines if e.runs(b)]
        for e in active:
            cells[(b.name, e.name)] = Cell()
        for i in range(runs):
            for e in active:
                cell = cells[(b.name, e.name)]
                if cell.failure:
                    continue
                r = run_once(e.argv + [b.name + ".lua", size], timeout)
                if r.timed_out:
                    cell.failure = "timeout"
                elif r.status != 0:
                    cell.failure = "exit %d" % r.status
                elif r.stdout.strip() != expected:
                    cell.failure = "wrong result"
                    note("%s under %s printed %r, expected %r"
                         % (b.name, e.name, r.stdout.strip()[:200], expected))
                else:
                    cell.times.append(r.seconds)
                    cell.rss.append(r.rss_kb)
                note("%-14s %-16s run %d/%d: %s" % (
                    b.name, e.name, i + 1, runs,
                    cell.failure or "%.3f s" % r.seconds))
    return cells


HELLO_C = '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n'
HELLO_NAME = "C hello world"


def hello_world(workdir):
    """A C hello world built with cc (clang-19 if there is no cc): the floor
    of any program's start-up on this machine. None if no compiler works."""
    src = os.path.join(workdir, "hello.c")
    exe = os.path.join(workdir, "hello")
    with open(src, "w") as f:
        f.write(HELLO_C)
    for cc in ("cc", "clang-19", "gcc"):
        try:
            r = subprocess.run([cc, "-O2", "-o", exe, src], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        except OSError:
            continue
        if r.returncode == 0:
            return [exe]
    note("no C compiler found: the C hello world start-up row is left out")
    return None


def startup_times(engines):
    """{name: Startup} for `ENGINE -e ''` of every engine and a C hello
    world, one hyperfine call for all so they are measured close together."""
    with tempfile.TemporaryDirectory() as workdir:
        commands = [(e.name, e.argv + ["-e", ""]) for e in engines]
        hello = hello_world(workdir)
        if hello:
            commands.append((HELLO_NAME, hello))
        if os.path.exists(HYPERFINE):
            json_path = os.path.join(workdir, "startup.json")
            argv = [HYPERFINE, "-N", "--runs", str(STARTUP_RUNS), "--warmup", "10",
                    "--style", "none", "--export-json", json_path]
            argv += [" ".join(shell_quote(a) for a in cmd) for _, cmd in commands]
            r = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if r.returncode == 0:
                with open(json_path) as f:
                    results = json.load(f)["results"]
                return {name: Startup(res["mean"], res["median"], res["min"], res["stddev"])
                        for (name, _), res in zip(commands, results)}
            note("hyperfine failed: %s" % r.stderr.decode()[-300:])
        out = {}
        for name, cmd in commands:
            times = []
            for _ in range(STARTUP_RUNS):
                start = time.perf_counter()
                subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
                times.append(time.perf_counter() - start)
            out[name] = Startup(statistics.mean(times), statistics.median(times), min(times),
                                statistics.stdev(times))
        return out


class Startup:
    def __init__(self, mean, median, minimum, stddev):
        self.mean, self.median, self.minimum, self.stddev = mean, median, minimum, stddev


def shell_quote(s):
    return "''" if s == "" else "'" + s.replace("'", "'\\''") + "'"


# --------------------------------------------------------------------------
# Reporting

def geomean(values):
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def ratio(cells, bench, engine):
    cell = cells.get((bench, engine))
    ref = cells.get((bench, REFERENCE))
    if cell and ref and cell.ok and ref.ok:
        return cell.median / ref.median
    return None


def cell_text(cell, r):
    if cell is None:
        return "-"
    if not cell.ok:
        return "FAILED (%s)" % cell.failure
    text = "%.3f s" % cell.median
    if r is not None:
        text += " (%.2f)" % r
    return text


def machine_line():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%s, %s, %d cores, load average %.2f" % (
        platform.machine(), cpu, os.cpu_count() or 0, os.getloadavg()[0])


def report(benches, engines, size_of, cells, startup, runs, quick, command, charts=()):
    names = [e.name for e in engines]
    lines = []
    add = lines.append
    add("# Benchmark results")
    add("")
    add("%s; %d runs per cell (median wall time); sizes: %s." % (
        datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), runs, "quick" if quick else "default"))
    add("Machine: %s." % machine_line())
    add("Command: `%s`." % command)
    add("Ratio in parentheses: time / %s time (lower is faster)." % REFERENCE)
    add("")
    add("| benchmark | size | " + " | ".join(names) + " |")
    add("|---|---:|" + "---:|" * len(names))
    for b in benches:
        row = [b.name, size_of(b)]
        for e in engines:
            row.append(cell_text(cells.get((b.name, e.name)), ratio(cells, b.name, e.name)))
        add("| " + " | ".join(row) + " |")
    means = []
    for e in engines:
        rs = [ratio(cells, b.name, e.name) for b in benches]
        rs = [r for r in rs if r is not None]
        g = geomean(rs)
        means.append("%.2f (%d)" % (g, len(rs)) if g else "-")
    add("| **geometric mean of ratios** (benchmarks counted) | | " + " | ".join(means) + " |")
    add("")
    add("## Peak memory (MB, largest over the runs)")
    add("")
    add("| benchmark | " + " | ".join(names) + " |")
    add("|---|" + "---:|" * len(names))
    for b in benches:
        row = [b.name]
        for e in engines:
            cell = cells.get((b.name, e.name))
            rss = [v for v in cell.rss if v] if cell and cell.ok else []
            row.append("%.1f" % (max(rss) / 1024.0) if rss else "-")
        add("| " + " | ".join(row) + " |")
    if startup:
        add("")
        add("## Start-up (`ENGINE -e ''`, %d runs%s)" % (
            STARTUP_RUNS, " with hyperfine" if os.path.exists(HYPERFINE) else ""))
        add("")
        add("The C hello world (`cc -O2`) is the cost of starting any process here.")
        add("")
        add("| engine | mean | median | min | ratio of means to %s |" % REFERENCE)
        add("|---|---:|---:|---:|---:|")
        ref = startup.get(REFERENCE)
        for name in [e.name for e in engines] + [HELLO_NAME]:
            t = startup.get(name)
            if t is None:
                continue
            add("| %s | %.2f ± %.2f ms | %.2f ms | %.2f ms | %s |" % (
                name, t.mean * 1000, t.stddev * 1000, t.median * 1000, t.minimum * 1000,
                "%.2f" % (t.mean / ref.mean) if ref else "-"))
    if charts:
        add("")
        add("## Pictures")
        add("")
        add("Warm-up curves of every program: [warmup.md](warmup.md).")
        for svg in charts:
            add("")
            add("![%s](svg/%s)" % (svg[:-4], svg))
    return "\n".join(lines) + "\n"


def write_csv(path, benches, engines, size_of, cells, startup):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["benchmark", "size", "engine", "status", "median_s", "min_s", "max_s",
                    "runs", "peak_rss_kb", "ratio_to_" + REFERENCE])
        for b in benches:
            for e in engines:
                cell = cells.get((b.name, e.name))
                if cell is None:
                    continue
                r = ratio(cells, b.name, e.name)
                if cell.ok:
                    w.writerow([b.name, size_of(b), e.name, "ok", "%.6f" % cell.median,
                                "%.6f" % min(cell.times), "%.6f" % max(cell.times),
                                len(cell.times), max([v for v in cell.rss if v] or [""]),
                                "%.4f" % r if r else ""])
                else:
                    w.writerow([b.name, size_of(b), e.name, cell.failure, "", "", "", 0, "", ""])
        ref = startup.get(REFERENCE)
        for name, t in sorted(startup.items()):
            w.writerow(["startup", "", name, "ok", "%.6f" % t.mean, "%.6f" % t.minimum, "",
                        STARTUP_RUNS, "", "%.4f" % (t.mean / ref.mean) if ref else ""])


# --------------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--engines", help="comma-separated engine names (default: all available)")
    p.add_argument("--engine", "--crescent", dest="crescent",
                   default=os.path.join(REPO_DIR, "build", "crescent"),
                   help="the crescent binary (default build/crescent)")
    p.add_argument("--quick", action="store_true", help="use each file's quick-size")
    p.add_argument("--size", action="append", default=[], metavar="NAME=N",
                   help="run benchmark NAME at size N (repeatable), e.g. binarytrees=16")
    p.add_argument("--no-startup", action="store_true")
    p.add_argument("--no-warmup", action="store_true",
                   help="skip the warm-up curves (bench/warmup.py)")
    p.add_argument("--iterations", type=int, default=30,
                   help="iterations per warm-up curve (5 with --quick)")
    p.add_argument("--record", action="store_true",
                   help="re-record the selected expected results from lua5.4, then stop")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    p.add_argument("--out", default=RESULTS_DIR)
    p.add_argument("filters", nargs="*", help="substrings of benchmark names")
    args = p.parse_args()

    benches = discover(args.filters)
    if not benches:
        raise SystemExit("bench: no benchmark matches")
    engines = make_engines(args)

    sizes = {}
    for item in args.size:
        name, eq, n = item.partition("=")
        if not eq or not n.isdigit():
            raise SystemExit("bench: --size wants NAME=N, got %r" % item)
        sizes[name] = n

    def size_of(b):
        if b.name in sizes:
            return sizes[b.name]
        return b.quick_size if args.quick else b.default_size

    checksums = load_checksums()
    record_missing(benches, size_of, checksums, args.record, args.timeout)
    if args.record:
        return 0
    command = "python3 bench/run.py " + " ".join(sys.argv[1:])
    cells = measure(benches, engines, size_of, checksums, args.runs, args.timeout)
    startup = {} if args.no_startup else startup_times(engines)
    os.makedirs(args.out, exist_ok=True)
    write_csv(os.path.join(args.out, "latest.csv"), benches, engines, size_of, cells, startup)
    failed = any(not c.ok for c in cells.values())

    import warmup  # noqa: E402  (bench/warmup.py, next to this file)
    if args.no_warmup:
        charts = warmup.draw_table_charts(args.out)
    else:
        iterations = 5 if args.quick and "--iterations" not in sys.argv else args.iterations
        if not warmup.run_warmup(benches, engines, args.quick, iterations, 1, args.timeout,
                                 args.out, command.strip()):
            failed = True
        charts = ["warmup-all.svg", "memory.svg", "ratios.svg"]
    text = report(benches, engines, size_of, cells, startup, args.runs, args.quick,
                  command.strip(), [c for c in charts if
                                    os.path.exists(os.path.join(args.out, "svg", c))])
    sys.stdout.write(text)
    with open(os.path.join(args.out, "latest.md"), "w", encoding="utf-8") as f:
        f.write(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
