#!/usr/bin/env python3
"""
make_seeds.py - build the seed corpora of the libFuzzer targets.

    python3 tests/fuzz/make_seeds.py --engine build/crescent --out build-fuzz/seeds

Writes OUT/<target>/ for every target:
  compile, run   the differential test scripts (tests/lua/**/*.lua)
  undump         string.dump of those scripts, with and without debug
                 information, made by ENGINE (binary chunks are engine
                 specific, so they are made fresh, never committed)
  strlib         hand-written calls in the encoding of fuzz_strlib.c

Seeds are regenerated on every run; the growing corpora live elsewhere
(build-fuzz/corpus/<target>, see run.py).
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SEP = b"\xfe"

# Index of each function in CALL_LIST of fuzz_strlib.c (keep in order).
CALLS = ["format", "pack", "unpack", "packsize", "find", "match", "gmatch",
         "gsub", "tonumber", "rep", "byte", "char", "sub", "concat", "unpack_t",
         "utf8char", "codepoint", "utf8len", "offset", "codes", "len", "upper",
         "reverse", "tostring"]

# (function, [arguments in the target's encoding])
STRLIB_SEEDS = [
    ("format", [b"s%d %5.2f %s %q %x %g", b"n42", b"n3.25", b"shello", b"s\x00\n\"\\", b"n255", b"N\x00"]),
    ("format", [b"s%q", b"N\x05"]), ("format", [b"s%q", b"N\x02"]), ("format", [b"s%q", b"n0x1p-1074"]),
    ("format", [b"s%a %A %.3a", b"n1.5", b"N\x03", b"n-0.0"]),
    ("format", [b"s%99.99f", b"n1e308"]), ("format", [b"s%-20s|%20.5s|", b"sabc", b"sabcdefgh"]),
    ("format", [b"s%c%c%c", b"n65", b"n0", b"n255"]), ("format", [b"s%i %u %o %X %#x", b"N\x05", b"N\x06", b"n8", b"n255", b"n16"]),
    ("format", [b"s%s", b"t"]), ("format", [b"s%10s", b"f\x00"]), ("format", [b"s%.0f %e %G", b"N\x0b", b"n1e-300", b"n1e100"]),
    ("format", [b"s%5", b"n1"]), ("format", [b"s%", b"n1"]), ("format", [b"s%d", b"n1.5"]), ("format", [b"s%d", b"s10"]),
    ("pack", [b"s<i4>I8=j!8hbBnd", b"n1", b"n2", b"n-3", b"n4", b"n5", b"n6", b"n7.5", b"n8.25"]),
    ("pack", [b"sz s1 s2 s", b"shello", b"sx", b"syy", b"szzz"]), ("pack", [b"si16", b"N\x05"]),
    ("pack", [b"sI1", b"n256"]), ("pack", [b"sc5", b"sab"]), ("pack", [b"s!4 b Xi4 i4 x", b"n1", b"n2"]),
    ("pack", [b"sf d n", b"N\x00", b"N\x02", b"n-0.0"]), ("pack", [b"s>I3 <i7", b"n70000", b"n-1"]),
    ("unpack", [b"s<i4", b"s\x01\x02\x03\x04"]), ("unpack", [b"sz", b"sabc\x00def"]),
    ("unpack", [b"ss1", b"s\x03abc"]), ("unpack", [b"si16", b"s" + b"\xff" * 16]),
    ("unpack", [b"sj", b"s\x00" * 8, b"n-8"]), ("unpack", [b"sb", b"sa", b"n2"]), ("unpack", [b"sI9", b"s" + b"\x01" * 9]),
    ("packsize", [b"si4 i8 !8 d"]), ("packsize", [b"ss"]), ("packsize", [b"sc1000000000c1000000000"]),
    ("find", [b"shello world", b"so w"]), ("find", [b"shello", b"sl+", b"n1", b"b1"]),
    ("find", [b"s  key = value ", b"s(%w+)%s*=%s*(%w+)"]), ("find", [b"sabc", b"s", b"n10"]),
    ("find", [b"sTHE (quick) fox", b"s%f[%a]%a+"]), ("find", [b"sx(a(b)c)y", b"s%b()"]),
    ("find", [b"saaa", b"s()a-()"]), ("find", [b"sabc", b"s[%a-z]"]), ("find", [b"sabc", b"s[^]"]),
    ("match", [b"s2024-01-02", b"s(%d+)-(%d+)-(%d+)"]), ("match", [b"sabcabc", b"s(abc)%1"]),
    ("match", [b"sabc", b"s%"]), ("match", [b"sabc", b"s(()"]), ("match", [b"s\x00a\x00", b"s%z(.)%z"]),
    ("match", [b"s aaa", b"s^%s*(a*)$"]), ("match", [b"sx", b"s[%]"]),
    ("gmatch", [b"sone two  three", b"s%a+"]), ("gmatch", [b"sk1=v1, k2=v2", b"s(%w+)=(%w+)"]),
    ("gmatch", [b"sabc", b"s"]), ("gmatch", [b"sabc", b"s^a"]), ("gmatch", [b"sabc", b"s()", b"n2"]),
    ("gsub", [b"shello world", b"s(%w+)", b"s<%1>"]), ("gsub", [b"sabc", b"s%w", b"s%0%0"]),
    ("gsub", [b"sabc", b"s%w", b"tbBcC"]), ("gsub", [b"sabc", b"s%w", b"f\x03"]),
    ("gsub", [b"sabc", b"s%w", b"f\x05"]), ("gsub", [b"sabc", b"s", b"s-"]), ("gsub", [b"sabc", b"s.", b"s%2"]),
    ("gsub", [b"sabc", b"s(a)(b)", b"s%9"]), ("gsub", [b"sabc abc", b"sabc", b"sx", b"n1"]),
    ("gsub", [b"sabc", b"s%w", b"f\x04"]), ("gsub", [b"sabc", b"s%w", b"s%"]),
    ("tonumber", [b"s0x10"]), ("tonumber", [b"s  10  "]), ("tonumber", [b"s1e10"]), ("tonumber", [b"szz", b"n36"]),
    ("tonumber", [b"s7fffffffffffffff", b"n16"]), ("tonumber", [b"s-0x8000000000000000"]), ("tonumber", [b"s0x1p4"]),
    ("tonumber", [b"s10", b"n99"]), ("tonumber", [b"s1e", b"n10"]), ("tonumber", [b"s.5"]), ("tonumber", [b"sinf"]),
    ("tonumber", [b"s9223372036854775808"]), ("tonumber", [b"s 0x "]), ("tonumber", [b"n5"]),
    ("rep", [b"sab", b"n3", b"s,"]), ("rep", [b"sab", b"N\x06"]), ("rep", [b"s", b"N\x06"]), ("rep", [b"sx", b"n-1"]),
    ("byte", [b"shello", b"n1", b"n-1"]), ("byte", [b"shello", b"N\x05", b"N\x06"]),
    ("char", [b"n72", b"n105"]), ("char", [b"n256"]), ("sub", [b"shello", b"n2", b"n-2"]), ("sub", [b"shello", b"N\x05", b"N\x06"]),
    ("concat", [b"tabcd", b"s,"]), ("concat", [b"t", b"s", b"n1", b"n3"]), ("unpack_t", [b"t", b"n1", b"N\x06"]),
    ("utf8char", [b"n72", b"n8364", b"n1114111", b"n2147483647"]), ("utf8char", [b"n-1"]),
    ("codepoint", [b"s\xe2\x82\xac\xf4\x8f\xbf\xbf", b"n1", b"n-1"]), ("codepoint", [b"s\xff", b"n1", b"n1", b"b1"]),
    ("utf8len", [b"s\xe2\x82\xaca", b"n1", b"n-1"]), ("utf8len", [b"s\xc0\x80"]), ("utf8len", [b"s\xed\xa0\x80", b"n1", b"n-1", b"b1"]),
    ("offset", [b"s\xe2\x82\xaca", b"n2"]), ("offset", [b"sabc", b"n0", b"n2"]), ("offset", [b"s\x80", b"n1"]),
    ("codes", [b"s\xe2\x82\xaca\xc3\xa9"]), ("codes", [b"sa\xffb"]), ("codes", [b"s\xf7\xbf\xbf\xbf", b"b1"]),
    ("len", [b"sabc"]), ("upper", [b"sabc\x00\xe9"]), ("reverse", [b"sabc"]), ("tostring", [b"N\x04"]),
    ("tostring", [b"N\x00"]), ("tostring", [b"n1e100"]), ("tostring", [b"N\x08"]),
]


# Scripts too heavy to be run seeds: they spend seconds in C (building and
# compiling megabytes of source), where the instruction budget cannot stop
# them, so their mutants only produce timeouts.
RUN_SKIP = ("resources" + os.sep,)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def lua_scripts():
    return sorted(glob.glob(os.path.join(ROOT, "tests", "lua", "**", "*.lua"), recursive=True))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engine", default="build/crescent")
    ap.add_argument("--out", default="build-fuzz/seeds")
    args = ap.parse_args()
    out = os.path.join(ROOT, args.out)
    if os.path.isdir(out):
        shutil.rmtree(out)
    scripts = lua_scripts()
    for target in ("compile", "run"):
        d = os.path.join(out, target)
        os.makedirs(d)
        for s in scripts:
            rel = os.path.relpath(s, os.path.join(ROOT, "tests", "lua"))
            if target == "run" and rel.startswith(RUN_SKIP):
                continue
            shutil.copyfile(s, os.path.join(d, rel.replace(os.sep, "_")))
    d = os.path.join(out, "undump")
    os.makedirs(d)
    subprocess.run([os.path.join(ROOT, args.engine), os.path.join(HERE, "dump_seeds.lua"), d]
                   + [os.path.relpath(s, ROOT) for s in scripts], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    d = os.path.join(out, "strlib")
    os.makedirs(d)
    for i, (fn, fargs) in enumerate(STRLIB_SEEDS):
        write(os.path.join(d, "seed%03d_%s" % (i, fn)), bytes([CALLS.index(fn)]) + SEP.join(fargs))
    counts = {t: len(os.listdir(os.path.join(out, t))) for t in sorted(os.listdir(out))}
    print("seeds:", ", ".join("%s %d" % kv for kv in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
