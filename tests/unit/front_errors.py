#!/usr/bin/env python3
"""Compares the front end's compile-error messages with lua5.4's load().

  python3 tests/unit/front_errors.py [--driver build/front_test/front_driver]

Each case is compiled by lua5.4 (load(s), so the chunk is named by its own
text) and by the driver (-e); the messages must be identical. lua5.4's
"C stack overflow" comes with a traceback (its message handler runs even
inside load); only the first line is compared.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

LUA_PROG = 'local f, e = load(io.read("a")); io.write(e or "ok")'

CASES = [
    # lexer
    "x = [[", "x = [==[ \n\n", "--[[ ", "--[==[ ]] ", "x = 'abc", "x = \"abc\ndef\"",
    "x = 3x", "x = '\\q'", "x = '\\300'", "x = '\\256'", "x = '\\255'",
    "x = '\\u{80000000}'", "x = '\\u{7FFFFFFF}'", "x = '\\u{}'", "x = '\\u123'",
    "x = '\\u{12'", "x = '\\u{zz}'", "x = [=x", "x = [==", "x = \x01", "x = \x7f", "x = \xc3\xa9",
    "f(", "x = '\\xZZ'", "x = '\\x5'", "x = '\\x'", "x = 0x", "x=1e", "x=1e+", "x=1..2",
    "x = 0x1p", "x=3.4.5", "x = 0x.p1", "x = .e1", "x = 1ee2",
    "x = '\\z  \n  abc", "x = \"\\\r\n\"", "x = 'a\\", "x = 'a\\\n", "x = '\\\r\n", "x = 'a\\\0b'",
    "x = 99999999999999999999999999", "x = 0xfffffffffffffffffff", "x = 1e400",
    "x = '\\9999'", "x = '\\xg'", "~", "x = ~= 1", "a = 1 !", "a = 1 @", "a = `",
    "x = 'abc\\", "x = \"\\", "\n\n\nx = 'unfinished", "x = [[\n\n]] + ]]",
    # parser
    "x = = 1", "x = 1 +", "local 1 = 2", "return return", "x = }", "f(",
    "local function 1() end", "if x then", "if x y", "while true", "for i = 1 do end",
    "for i = 1, 2 end", "for i in do end", "for 1 = 1, 2 do end", "for i do end",
    "function f( end", "function f(a,) end", "function f(..., a) end", "local t = {1 2}",
    "local t = {x = }", "x.1 = 2", "x:y = 1", "a, b", "a + 1", "(a) = 1", "a() = 1",
    "local a <foo> = 1", "local a <const>", "local a <const> = 1; a = 2",
    "local a <const> = {}; a = 2", "local a <const> = f(); a.x = 2; a = 3",
    "local x <close>, y <close> = 1", "local x <close> = 1 local y <close> = 2",
    "return 1,", "break", "do break end", "goto", "goto 1", "::a", ":: a ::: ", "::a:: ::a::",
    "::a:: do ::a:: end", "do ::a:: end ::a::", "goto l1", "do goto l1 end",
    "do goto l1 end ::l1:: ::l1::", "goto l1; local x; ::l1:: print(x)",
    "goto l1; local x; ::l1::", "do goto l1; local x; ::l1:: end",
    "repeat goto l1; local x; ::l1:: until x", "while x do goto l1 local y end ::l1::",
    "local function f() goto l1 end ::l1::", "for i=1,2 do end goto l2",
    "repeat x = 1", "do", "end", "else", "until x", "x = function", "@", "$x = 1",
    "x = #", "x = 1 .. ", "function f() return ... end", "local x = y z", "f() g() h",
    "a.b:c = 1", "local function f() end f() = 1", "elseif", "x = {[1] 2}", "return not",
    "return 1 2", "local", "local function", "function", "function a.b:c.d() end",
    "x = a.", "x = a:", "x = a:b", "return a.b.c:", "if x then else elseif y then end",
    "return 'a' 'b'", "f{}{}\"\" 1", "x = 1 y", "return ...; x", "return; x = 1",
    "local function f() local a <const> = 1; return function() a = 2 end end",
    "local a <const> = 1; local function f() a = 2 end",
    "local a <close> = 1; local function f() a = 2 end",
    "function f(a, b) return a b end", "x = (1", "x = (1\n\n)", "f(1\n,2\n",
    "if x then\n\nelse\n\n", "while x do\n\n", "for i = 1, 2 do\n", "function f()\n\n",
    "local t = {\n1,\n2\n", "repeat\n\nuntil", "do\n\n\n", "x = function() end end",
    "x = 1 // ", "x = a[]", "x = a[1", "t = {[1] = }", "t = {x}", "t = {x y}",
    "local a, b, c = ...; local function f(x, y, z, ...) return ... end; g = ...",
    "for a, b, c, d, e in x do end", "return;;", "local a = {} a.b.c = 1 a:b()",
    "x = not", "x = - ", "x = 'a' .. ", "local f = function(...) return function() return ... end end",
    "a.b = 1 = 2", "for i=1,2,3,4 do end", "for k, v in pairs(t), x do end",
    "local x, y = 1, 2, 3", "local function f(self) end function f:g(self) end x = ",
    "a = b = c", "print 'x' 'y' {} ,", "local t = {...} return t[...]",
    "goto continue", "while true do goto continue end",
    "::l:: ::m:: goto l goto m goto n",
    "x = 1\n" * 3 + "y = ",
    "-- only a comment", "", "   ", ";;;", "return", "return 1; ;",
]

# generated limits
def gen_cases():
    out = []
    out.append("local " + ", ".join("a%d" % i for i in range(201)))
    out.append("local " + ", ".join("a%d" % i for i in range(200)))
    out.append("local function f()\n" + "\n".join("local a%d" % i for i in range(201)) + "\nend")
    out.append("x = " + "(" * 300 + "1" + ")" * 300)
    out.append("x = " + "{" * 300 + "}" * 300)
    out.append("x = " + "-" * 300 + "1")
    out.append("x = 1" + " .. 1" * 300)
    out.append("x = 1" + " ^ 1" * 300)
    out.append("do " * 300 + "end " * 300)
    # upvalues: 256 distinct locals captured by one inner function
    decl = "\n".join("local v%d = %d" % (i, i) for i in range(150))
    decl2 = "\n".join("local w%d = %d" % (i, i) for i in range(110))
    body = "return " + " + ".join(["v%d" % i for i in range(150)] + ["w%d" % i for i in range(110)])
    out.append("local function outer()\n" + decl + "\nlocal function mid()\n" + decl2 +
               "\nlocal function inner() " + body + " end end end")
    # registers
    out.append("f(" + ", ".join(["1"] * 260) + ")")
    out.append("local t = {" + ", ".join("f()" for i in range(300)) + "}")
    out.append("x = " + " .. ".join("a" for i in range(260)))
    out.append("a" + ", a" * 250 + " = 1")
    return out

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--driver", default=os.path.join(REPO, "build", "front_test", "front_driver"))
    p.add_argument("-v", action="store_true")
    args = p.parse_args()
    bad = 0
    cases = CASES + gen_cases()
    for src in cases:
        data = src.encode("latin-1")
        exp = subprocess.run(["lua5.4", "-e", LUA_PROG], input=data, capture_output=True).stdout
        got = subprocess.run([args.driver, "-e", "-"], input=data, capture_output=True).stdout
        exp = exp.decode("latin-1").split("\nstack traceback:")[0].strip()
        got = got.decode("latin-1").strip()
        if exp != got:
            bad += 1
            print("DIFF %r\n  lua5.4: %s\n  ours:   %s" % (src[:80], exp[:300], got[:300]))
        elif args.v:
            print("ok   %r -> %s" % (src[:60], exp[:100]))
    print("%d cases, %d differ" % (len(cases), bad))
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
