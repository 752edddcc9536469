#!/usr/bin/env python3
"""Compares the front end's listings with `luac5.4 -l -l`, function by function.

  python3 tests/unit/front_luacdiff.py [--driver build/front_test/front_driver]
                                       FILE.lua...

Crescent's code generator emits Lua 5.4.4's instruction sequences, with three
encoding differences that this script normalises away before diffing:
  - luac's EXTRAARG (after NEWTABLE, and after SETLIST/LOADKX with large
    operands) does not exist: those lines are dropped and every pc, jump
    target and local-variable range after them is renumbered;
  - addresses differ: every 0x... becomes ADDR;
  - LOADI/LOADF take 32-bit immediates (luac: 17 bits), so integer literals
    beyond +-65535 load differently: avoid them in files compared here.
Exit status 1 if any file differs.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def split_functions(text):
    """Splits a listing into blocks, one per function (header first)."""
    blocks, cur = [], []
    for line in text.splitlines():
        if line.startswith("main <") or line.startswith("function <"):
            if cur:
                blocks.append(cur)
            cur = [line]
        elif cur or line.strip():
            cur.append(line)
    if cur:
        blocks.append(cur)
    return blocks


def renumber(block):
    """Drops EXTRAARG lines of one luac function listing, fixing numbers."""
    code_re = re.compile(r"^\t(\d+)\t(\[[-\d]+\])\t(\S+)(.*)$")
    removed = []          # old 1-based pcs of removed lines
    for line in block:
        m = code_re.match(line)
        if m and m.group(3) == "EXTRAARG":
            removed.append(int(m.group(1)))

    def newpc(old):
        return old - sum(1 for r in removed if r < old)

    out = []
    section = None
    for line in block:
        if line.startswith("locals ("):
            section = "locals"
        elif line.startswith("constants (") or line.startswith("upvalues ("):
            section = "other"
        m = code_re.match(line)
        if section is None and m:
            if m.group(3) == "EXTRAARG":
                continue
            rest = m.group(4)
            rest = re.sub(r"(to|exit to) (\d+)",
                          lambda mm: "%s %d" % (mm.group(1), newpc(int(mm.group(2)))), rest)
            line = "\t%d\t%s\t%s%s" % (newpc(int(m.group(1))), m.group(2), m.group(3), rest)
        elif section == "locals":
            lm = re.match(r"^\t(\d+)\t(.+)\t(\d+)\t(\d+)$", line)
            if lm:
                line = "\t%s\t%s\t%d\t%d" % (lm.group(1), lm.group(2),
                                             newpc(int(lm.group(3))), newpc(int(lm.group(4))))
        elif line.startswith("main <") or line.startswith("function <"):
            line = re.sub(r"\((\d+) instruction",
                          lambda mm: "(%d instruction" % (int(mm.group(1)) - len(removed)), line)
            line = line.replace("(1 instructions", "(1 instruction")
        out.append(line)
    return out


def normalise(text, is_luac):
    blocks = split_functions(text)
    lines = []
    for b in blocks:
        if is_luac:
            b = renumber(b)
        lines.extend(b)
    return [re.sub(r"0x[0-9a-f]+", "ADDR", l) for l in lines]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--driver", default=os.path.join(REPO, "build", "front_test", "front_driver"))
    p.add_argument("files", nargs="+")
    args = p.parse_args()
    bad = 0
    for f in args.files:
        luac = subprocess.run(["luac5.4", "-l", "-l", "-o", "/dev/null", f],
                              capture_output=True, text=True)
        ours = subprocess.run([args.driver, "-ll", f], capture_output=True, text=True)
        if luac.returncode != 0:
            # a file that does not compile: compare the messages
            exp = luac.stderr.strip().replace("luac5.4: ", "")
            got = ours.stdout.strip()
            if exp != got:
                bad += 1
                print("DIFF %s\n  luac: %s\n  ours: %s" % (f, exp, got))
            continue
        a = normalise(luac.stdout, True)
        b = normalise(ours.stdout, False)
        if a != b:
            bad += 1
            print("DIFF %s" % f)
            for l in list(difflib.unified_diff(a, b, "luac5.4", "crescent", n=2, lineterm=""))[:60]:
                print(l)
    print("%d files, %d differ" % (len(args.files), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
