#!/usr/bin/env python3
"""Records NAME.expected for differential tests from the oracle, lua5.4.

  python3 tests/record.py [--lua /usr/bin/lua5.4] [--missing] [--once]
                          [--jobs 2] [--timeout 60] [filter...]

Each selected test runs under lua5.4 with no extra flags, the same way
run.py runs our engine (see harness.py), and the serialized result becomes
NAME.expected.  A test is refused (nothing written, exit status 1) when:
  - lua5.4 times out or dies from a signal: an expectation of "timeout"
    would be worthless;
  - two runs disagree (skipped with --once): the test depends on something
    that varies between runs, such as pairs() order of string keys (string
    hashes are seeded per run), addresses or time.
--missing records only tests that have no .expected yet.
"""

import argparse
import difflib
import os
import sys
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True     # keep tests/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--lua", default="/usr/bin/lua5.4")
    p.add_argument("--missing", action="store_true", help="only tests without .expected")
    p.add_argument("--once", action="store_true", help="skip the determinism re-run")
    p.add_argument("--jobs", "-j", type=int, default=2)
    p.add_argument("--timeout", type=float, default=harness.DEFAULT_TIMEOUT)
    p.add_argument("filters", nargs="*", help="substrings of area/NAME")
    return p.parse_args()


def record(test, lua, once, timeout):
    """Returns (status word, message)."""
    runs = 1 if once else 2
    docs = []
    for _ in range(runs):
        result = harness.run_test(test, lua, (), timeout)
        if result.error:
            return "refused", result.error
        if result.timed_out:
            return "refused", "lua5.4 timed out after %gs" % timeout
        if result.status is not None and result.status < 0:
            return "refused", "lua5.4 died: " + harness.status_text(result)
        docs.append(harness.serialize(result, lua))
    if runs == 2 and docs[0] != docs[1]:
        diff = difflib.unified_diff(harness.decode_lines(docs[0]),
                                    harness.decode_lines(docs[1]), "run 1", "run 2", n=1)
        return "refused", "output differs between runs:\n" + "".join(list(diff)[:20])
    old = test.read_sidecar("expected")
    if old == docs[0]:
        return "same", ""
    with open(test.expected_path, "wb") as f:
        f.write(docs[0])
    return ("new" if old is None else "changed"), ""


def main():
    args = parse_args()
    if not os.path.exists(args.lua):
        sys.exit("record.py: oracle not found: %s" % args.lua)
    tests = harness.discover(args.filters)
    if args.missing:
        tests = [t for t in tests if not os.path.exists(t.expected_path)]
    counts = {"new": 0, "changed": 0, "same": 0, "refused": 0}
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [(t, pool.submit(record, t, args.lua, args.once, args.timeout))
                   for t in tests]
        for test, fut in futures:
            word, msg = fut.result()
            counts[word] += 1
            if word != "same":
                print("%-8s %s%s" % (word, test.name, (": " + msg) if msg else ""))
    print("%(new)d new, %(changed)d changed, %(same)d unchanged, %(refused)d refused" % counts)
    return 1 if counts["refused"] else 0


if __name__ == "__main__":
    sys.exit(main())
