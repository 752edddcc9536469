#!/usr/bin/env python3
"""
gen.py - a generator of random, valid, deterministic Lua 5.4 programs for
differential testing (Crescent in every tier against lua5.4; see run.py).

    python3 tests/difffuzz/gen.py --seed S [--index I]    # print one program

A program is a fixed prelude (P prints values through `show`, T runs a
function under pcall and prints its results or its error) followed by
top-level units, each a few lines that print what they compute. Units are
independent enough that run.py can minimize a failing program by dropping
units and lines.

What the programs exercise: integer and float arithmetic at the edges
(maxinteger, mininteger, 0, -0.0, huge and tiny floats, inf), //, %, ^,
bitwise ops, string coercion, comparisons across int/float/string,
string operations (concat, #, sub, rep, upper, format, gsub, match, byte,
char), tables (sequences, records, constructors, insert/remove/sort/concat/
unpack, float keys), metatables (__index, __newindex, __add and friends,
__eq, __lt, __le, __len, __call, __concat, __unm, __tostring, __close),
closures and upvalues, numeric loops with integer and float steps (also at
the integer range ends), generic loops (ipairs, gmatch, closures,
coroutines), while/repeat, break and goto, varargs, pcall/xpcall/error with
all kinds of values, and deliberately wrong operations whose error messages
must match.

Determinism rules the generator keeps: no pairs() order over string keys
(pairs only feeds order-independent integer sums), no addresses (tables and
functions print as their type), no time, no randomness; NaN prints as
"nan" whatever its sign (the sign of a NaN is not something Lua defines);
every loop and recursion is bounded.
"""
import argparse
import random

PRELUDE = r'''-- difffuzz program {tag}
local function show(v)
  local t = type(v)
  if t == "number" then
    if v ~= v then return "nan" end
    if math.type(v) == "integer" then return tostring(v) end
    return tostring(v) .. "|" .. string.format("%a", v)
  elseif t == "string" then
    v = v:gsub("(%a+): 0x%x+", "%1: ADDR")   -- tostring of a table or function
    return (string.format("%q", v):gsub("%-?nan", "nan"))
  elseif t == "table" then
    local mt = getmetatable(v)
    if type(mt) == "table" and rawget(mt, "__tostring") then return "T:" .. tostring(v) end
    if rawget(v, "v") ~= nil then return "obj(" .. show(rawget(v, "v")) .. ")" end
    if rawget(v, "code") ~= nil then return "err(" .. show(rawget(v, "code")) .. ")" end
    return "table#" .. rawlen(v)
  elseif t == "boolean" or t == "nil" then
    return tostring(v)
  end
  return t
end
local function P(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do parts[i] = show((select(i, ...))) end
  print(n, table.concat(parts, " "))
end
local function N(x)   -- a NaN's sign is not Lua's business: format a fixed value
  if x ~= x then return -1.25 end
  return x
end
local function T(f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then P("ok", table.unpack(r, 2, r.n)) else P("err", r[2]) end
end
'''

INT_LITS = [
    "0", "1", "-1", "2", "3", "5", "7", "10", "-10", "16", "100", "255", "256",
    "1000", "-1000", "65536", "2147483647", "2147483648", "-2147483648", "4294967296",
    "9007199254740993", "math.maxinteger", "math.mininteger", "(math.maxinteger - 1)",
    "(math.mininteger + 1)", "0x7fffffffffffffff", "0xffffffffffffffff", "0x10",
    "0xff", "(-0x8000000000000000)", "9223372036854775807", "63", "64", "-64",
]
FLOAT_LITS = [
    "0.0", "-0.0", "0.5", "1.5", "-2.5", "3.14159", "0.1", "1e15", "1e16", "1e100",
    "1e308", "-1e308", "1e-300", "5e-324", "(2^53)", "(2^63)", "(-2^63)", "math.huge",
    "(-math.huge)", "9223372036854775808", "(1/3)", "(2^53 + 1)", "0x1p-1074", "0x.8",
    "123456789012345.0", "(1e300 * 1e10)", "2.0", "-1.0", "100.0", "1e-5", "math.pi",
]
STR_LITS = [
    '""', '"a"', '"abc"', '"Hello"', '"hello world"', '"10"', '" 42 "', '"0x1F"',
    '"3.5"', '"1e2"', '"-7"', '"a,b,c"', '"x\\0y"', '"%d"', '"ABC def"', '"  "',
    '"\\u{48}\\u{e9}"', '"one two three"', '"k=v; a=b"', '"(nested (parens))"',
    '"9007199254740993"', '"0x7fffffffffffffff"', '"1e400"', '"inf"', '"nan"',
]
NUMSTR_LITS = ['"10"', '" 42 "', '"0x1F"', '"3.5"', '"1e2"', '"-7"', '"0.0"',
               '"9007199254740993"', '"0x7fffffffffffffff"']
PATTERNS = ['"%d+"', '"%a+"', '"(%w+)"', '"%s"', '"."', '"[aeiou]"', '"^%s*(.-)%s*$"',
            '"(%w+)=(%w+)"', '"%p"', '"[%a_][%w_]*"', '"()"', '"%f[%w]%w+"', '"%b()"', '"x*"']
ARITH = ["+", "-", "*", "/", "//", "%", "^"]
BITW = ["&", "|", "~", "<<", ">>"]
CMP = ["<", "<=", ">", ">=", "==", "~="]
METAMETHODS = {
    "__add": "function(a, b) return V(a) + V(b) end",
    "__sub": "function(a, b) return V(a) - V(b) end",
    "__mul": "function(a, b) return V(a) * V(b) end",
    "__div": "function(a, b) return V(a) / V(b) end",
    "__mod": "function(a, b) return V(a) % 7 end",
    "__idiv": "function(a, b) return V(a) // 3 end",
    "__pow": "function(a, b) return 2 end",
    "__unm": "function(a) return -V(a) end",
    "__band": "function(a, b) return V(a) & 0xff end",
    "__shl": "function(a, b) return 1 end",
    "__bnot": "function(a) return ~V(a) end",
    "__eq": "function(a, b) return V(a) == V(b) end",
    "__lt": "function(a, b) return V(a) < V(b) end",
    "__le": "function(a, b) return V(a) <= V(b) end",
    "__len": "function(a) return V(a) end",
    "__call": "function(self, x, ...) return V(self), x, select('#', ...) end",
    "__concat": "function(a, b) return tostring(V(a)) .. '&' .. tostring(V(b)) end",
    "__tostring": "function(a) return 'O<' .. tostring(rawget(a, 'v')) .. '>' end",
    "__index": None,         # chosen per metatable: a table or a function
    "__newindex": None,
}
INDEX_FORMS = [
    "{{x = 1, y = 'why', v = -1}}",
    "function(t, k) return tostring(k) .. '?' end",
    "function(t, k) if k == 'deep' then return nil end return #tostring(k) end",
    "setmetatable({{x = 10}}, {{__index = function(t, k) return 'chained ' .. tostring(k) end}})",
]
NEWINDEX_FORMS = [
    "function(t, k, v) rawset(t, k, type(v) == 'number' and v * 2 or v) end",
    "function(t, k, v) rawset(t, 'last', tostring(k)) end",
    "{}",
]


class Scope:
    def __init__(self, parent=None):
        self.parent = parent
        self.vars = {}           # name -> type

    def all(self):
        s, out = self, {}
        while s:
            for k, v in s.vars.items():
                out.setdefault(k, v)
            s = s.parent
        return out


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.n = 0
        self.scope = Scope()
        self.loop_depth = 0      # loops around the current point (for break)
        self.nest = 0            # block nesting depth
        self.func_depth = 0
        self.no_calls = False    # generating a function body: call no other
        self.no_loops = False    # generating a recursive function body

    # ------------------------------------------------------------ helpers
    def name(self, prefix):
        self.n += 1
        return "%s%d" % (prefix, self.n)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def vars_of(self, *types):
        return [k for k, v in self.scope.all().items() if v in types]

    def declare(self, name, typ):
        self.scope.vars[name] = typ

    def push(self):
        self.scope = Scope(self.scope)
        self.nest += 1

    def pop(self):
        self.scope = self.scope.parent
        self.nest -= 1

    # -------------------------------------------------------- expressions
    def int_expr(self, d=0):
        r = self.r.random()
        vs = self.vars_of("int", "ctr")
        if d > 2 or r < 0.25:
            if vs and self.chance(0.5):
                return self.pick(vs)
            return self.pick(INT_LITS)
        if r < 0.45:
            op = self.pick(["+", "-", "*", "//", "%"])
            if op in ("//", "%"):
                return "(%s %s %s)" % (self.int_expr(d + 1), op,
                                       self.pick(["3", "-1", "7", "-5", "2", "1000", "math.maxinteger"]))
            return "(%s %s %s)" % (self.int_expr(d + 1), op, self.int_expr(d + 1))
        if r < 0.6:
            return "(%s %s %s)" % (self.int_expr(d + 1), self.pick(BITW), self.int_expr(d + 1))
        if r < 0.65:
            return "(%s %s)" % (self.pick(["-", "~"]), self.int_expr(d + 1))
        if r < 0.72:
            return "(#%s)" % self.str_expr(d + 1)     # ^ binds tighter than #
        if r < 0.76:
            seqs = self.vars_of("seq")
            if seqs:
                return "(#%s)" % self.pick(seqs)
        if r < 0.8:
            return "math.%s(%s, %s)" % (self.pick(["max", "min"]), self.int_expr(d + 1), self.int_expr(d + 1))
        if r < 0.83:
            return "math.abs(%s)" % self.int_expr(d + 1)
        if r < 0.86:
            return "(%s and %s or %s)" % (self.bool_expr(d + 1), self.int_expr(d + 1), self.int_expr(d + 1))
        if r < 0.89:
            objs = self.vars_of("obj")
            if objs:
                return "rawget(%s, 'v')" % self.pick(objs)
        if r < 0.92:
            fns = self.vars_of("fn")
            if fns and not self.no_calls:
                return "%s(%s)" % (self.pick(fns), self.int_expr(d + 1))
        if r < 0.95:
            return "((%s):byte(1) or 0)" % self.str_expr(d + 1)
        if r < 0.97:
            return "(math.tointeger(%s) or 0)" % self.num_expr(d + 1)
        return "select(%s)" % ", ".join(["'#'"] + [self.any_expr(d + 1) for _ in range(self.r.randint(0, 3))])

    def num_expr(self, d=0):
        r = self.r.random()
        if r < 0.3:
            return self.int_expr(d + 1)
        vs = self.vars_of("num", "float")
        if d > 2 or r < 0.45:
            if vs and self.chance(0.5):
                return self.pick(vs)
            return self.pick(FLOAT_LITS)
        if r < 0.65:
            op = self.pick(ARITH)
            if op in ("//", "%"):
                # a float operand makes division by zero defined (inf/nan)
                return "(%s %s %s)" % (self.num_expr(d + 1), op,
                                       self.pick(FLOAT_LITS + ["3", "-2", "7"]))
            return "(%s %s %s)" % (self.num_expr(d + 1), op, self.num_expr(d + 1))
        if r < 0.7:
            return "(- %s)" % self.num_expr(d + 1)
        if r < 0.78:
            fn = self.pick(["floor", "ceil", "abs", "sqrt", "exp", "log"])
            return "math.%s(%s)" % (fn, self.num_expr(d + 1))
        if r < 0.82:
            return "math.fmod(%s, %s)" % (self.num_expr(d + 1), self.pick(["2.5", "-3.0", "0.0", "1e308"]))
        if r < 0.86:
            return "(%s %s %s)" % (self.pick(NUMSTR_LITS), self.pick(["+", "*", "-", "/", "//"]),
                                   self.pick(["1", "2", "-1", "0.5", "3"]))
        if r < 0.9:
            return "(tonumber(%s) or -1)" % self.str_expr(d + 1)
        if r < 0.93:
            return "math.%s(%s, %s)" % (self.pick(["max", "min"]), self.num_expr(d + 1), self.num_expr(d + 1))
        if r < 0.96:
            return "(%s + 0.0)" % self.int_expr(d + 1)
        return "(tonumber(%s, %s) or 0)" % (self.pick(['"ff"', '"zz"', '"777"', '"-101"', '"1z"', '"7fffffffffffffff"']),
                                          self.pick(["16", "36", "8", "2", "10"]))

    def str_expr(self, d=0):
        r = self.r.random()
        vs = self.vars_of("str")
        if d > 2 or r < 0.3:
            if vs and self.chance(0.5):
                return self.pick(vs)
            return self.pick(STR_LITS)
        if r < 0.42:
            # numbers pass through N: string operations (byte, #, find)
            # must not see the sign of a NaN
            a = self.pick([self.str_expr, self.nnum, self.int_expr])(d + 1)
            return "(%s .. %s)" % (self.str_expr(d + 1), a)
        if r < 0.5:
            m = self.pick(["upper", "lower", "reverse", "len"])
            if m == "len":
                return "tostring((%s):len())" % self.str_expr(d + 1)
            return "(%s):%s()" % (self.str_expr(d + 1), m)
        if r < 0.56:
            return "(%s):sub(%s, %s)" % (self.str_expr(d + 1), self.pick(["1", "2", "-1", "-3", "0", "5", "math.mininteger"]),
                                         self.pick(["-1", "3", "-2", "0", "100", "math.maxinteger"]))
        if r < 0.6:
            sep = self.pick(["", ", \"-\"", ", \"\""])
            return "(%s):rep(%s%s)" % (self.str_expr(d + 1), self.pick(["0", "1", "2", "3", "-1"]), sep)
        if r < 0.66:
            return "tostring(%s)" % self.pick([self.nnum, self.int_expr, self.bool_expr])(d + 1)
        if r < 0.76:
            return self.format_expr(d + 1)
        if r < 0.8:
            seqs = self.vars_of("seq")
            if seqs:
                return "table.concat(%s, %s)" % (self.pick(seqs), self.pick(['","', '""', '" | "']))
        if r < 0.86:
            repl = self.pick(['"<%0>"', '"%1%1"', '"-"', '""', '{a = "A", b = false}',
                              "function(c) return tostring(c):upper() end", "function() end", '"%%"'])
            pat = self.pick(PATTERNS)
            if repl == '"%1%1"' and pat in ('"()"',):
                repl = '"-"'
            n = self.pick(["", ", 1", ", 2", ", 0"])
            return "(string.gsub(%s, %s, %s%s))" % (self.str_expr(d + 1), pat, repl, n)
        if r < 0.9:
            return "tostring((%s):match(%s))" % (self.str_expr(d + 1), self.pick(PATTERNS))
        if r < 0.93:
            return "math.type(%s)" % self.num_expr(d + 1)
        if r < 0.96:
            return "string.char(65 + (%s & 25), 97 + (%s & 7))" % (self.int_expr(d + 1), self.int_expr(d + 1))
        return "type(%s)" % self.any_expr(d + 1)

    def format_expr(self, d):
        specs = [("%d", self.int_expr), ("%5d", self.int_expr), ("%-5d|", self.int_expr),
                 ("%05d", self.int_expr), ("%x", self.int_expr), ("%X", self.int_expr),
                 ("%o", self.int_expr), ("%i", self.int_expr),
                 ("%g", self.nnum), ("%.3f", self.nnum), ("%10.2e", self.nnum),
                 ("%.14g", self.nnum), ("%a", self.nnum), ("%5.1f", self.nnum),
                 ("%s", self.str_expr), ("%q", self.str_expr), ("%q", self.int_expr),
                 ("%q", self.nnum), ("%-8s|", self.zstr), ("%.2s", self.zstr),
                 ("%s", self.nnum), ("%s", self.bool_expr), ("%c", lambda d: "(65 + (%s & 15))" % self.int_expr(d)),
                 ("%%", None)]
        parts, args = [], []
        for _ in range(self.r.randint(1, 3)):
            spec, gen = self.pick(specs)
            parts.append(spec)
            if gen:
                args.append(gen(d + 1))
        fmt = '"' + " ".join(parts) + '"'
        return "string.format(%s)" % ", ".join([fmt] + args)

    def zstr(self, d):
        # a %s with width or precision refuses strings with zeros
        return '(string.gsub(%s, "\\0", "@"))' % self.str_expr(d)

    def nnum(self, d):
        return "N(%s)" % self.num_expr(d)

    def bool_expr(self, d=0):
        r = self.r.random()
        vs = self.vars_of("bool")
        if d > 2 or r < 0.15:
            if vs and self.chance(0.5):
                return self.pick(vs)
            return self.pick(["true", "false"])
        if r < 0.45:
            return "(%s %s %s)" % (self.num_expr(d + 1), self.pick(CMP), self.num_expr(d + 1))
        if r < 0.55:
            return "(%s %s %s)" % (self.str_expr(d + 1), self.pick(CMP), self.str_expr(d + 1))
        if r < 0.62:
            return "(%s %s %s)" % (self.any_expr(d + 1), self.pick(["==", "~="]), self.any_expr(d + 1))
        if r < 0.7:
            return "(not %s)" % self.bool_expr(d + 1)
        if r < 0.8:
            return "(%s %s %s)" % (self.bool_expr(d + 1), self.pick(["and", "or"]), self.bool_expr(d + 1))
        if r < 0.84:
            return "math.ult(%s, %s)" % (self.int_expr(d + 1), self.int_expr(d + 1))
        if r < 0.88:
            return "rawequal(%s, %s)" % (self.any_expr(d + 1), self.any_expr(d + 1))
        if r < 0.92:
            objs = self.vars_of("obj")
            if len(objs) >= 1:
                return "(%s == %s)" % (self.pick(objs), self.pick(objs))
        if r < 0.96:
            return "((%s):find(%s, 1, true) ~= nil)" % (self.str_expr(d + 1), self.str_expr(d + 1))
        return "(math.type(%s) == 'integer')" % self.num_expr(d + 1)

    def any_expr(self, d=0):
        k = self.r.random()
        if k < 0.3:
            return self.int_expr(d + 1)
        if k < 0.5:
            return self.num_expr(d + 1)
        if k < 0.7:
            return self.str_expr(d + 1)
        if k < 0.8:
            return self.bool_expr(d + 1)
        if k < 0.85:
            return "nil"
        vs = list(self.scope.all())
        if vs:
            return self.pick(vs)
        return "nil"

    def wild_expr(self):
        """An expression that may well raise an error (run under T)."""
        r = self.r.random()
        a = self.any_expr()
        b = self.any_expr()
        allv = list(self.scope.all())
        if r < 0.25:
            return "%s %s %s" % (a, self.pick(ARITH + BITW + [".."]), b)
        if r < 0.35:
            return "%s %s %s" % (a, self.pick(["<", "<=", ">", ">="]), b)
        if r < 0.42:
            return "%s %s 0" % (self.int_expr(), self.pick(["//", "%"]))
        if r < 0.48:
            return "%s %s %s" % (self.num_expr(), self.pick(BITW), self.pick(["1.5", "2^63", "'3'", "'3.0'", "1"]))
        if r < 0.55 and allv:
            v = self.pick(allv)
            return self.pick(["%s.field.sub", "%s()", "%s[nil]", "#%s", "-%s", "%s:method()",
                              "%s .. {}", "~%s", "%s.v + 1", "%s[0/0]"]) % v
        if r < 0.6:
            return self.pick(["undefined_global.x", "undefined_global()", "(nil)()",
                              "('x'):nosuch()", "string.nosuch()", "math.floor('x')",
                              "string.rep('x', -1)", "string.rep('ab', math.maxinteger)",
                              "string.char(256)", "string.format('%d', 1.5)",
                              "setmetatable(1, {})", "tostring()", "select(0)",
                              "select(-5, 1)", "table.concat({1, {}, 3})",
                              "table.insert({}, 5, 1)", "utf8.char(-1)",
                              "table.unpack({}, 1, 1e8)",
                              "string.format('%q', {})", "math.tointeger('8')",
                              "tonumber('10', 99)", "tonumber(10, 16)", "(''):byte(0/0)",
                              "coroutine.resume(coroutine.running())",
                              "coroutine.yield(1)", "load('x =')()", "load(123)",
                              "string.format('%10.3q', 'x')", "string.format('%', 1)",
                              "string.pack('i17', 1)", "next({}, 'nokey')",
                              "rawset({}, nil, 1)", "rawlen(5)", "ipairs()",
                              "setmetatable({}, {__index = function(t, k) error('idx ' .. k) end}).foo",
                              "error()", "error(nil)", "error(setmetatable({}, {__tostring = function() return 'E!' end}))",
                              "(function() for i = 1, 10, 0 do end end)()", "(function() for i = '1', 2 do end end)()", "({})[1][2]", "math.maxinteger // -1",
                              "math.mininteger // -1", "math.mininteger % -1", "1 < '2'", "{} < {}",
                              "'a' < 1", "2^63 | 0", "math.huge // 1", "-math.huge % 2", "5 // 0.0",
                              "-5 % math.huge", "5.3 % -math.huge"])
        if r < 0.7:
            return self.num_expr()
        if r < 0.8:
            return self.str_expr()
        if r < 0.9:
            objs = self.vars_of("obj")
            if objs:
                o = self.pick(objs)
                return self.pick(["%s + 1", "1 - %s", "%s * %s", "-%s", "%s < %s", "%s <= 1",
                                  "#%s", "%s(1, 2, 3)", "%s .. 'x'", "'x' .. %s", "%s.x",
                                  "%s.missing", "%s // 2", "%s & 1", "~%s", "%s << 1",
                                  "%s % 2", "%s ^ 2", "%s / 2", "tostring(%s)", "%s == 1"]).replace("%s", o)
        return "%s, %s, %s" % (self.any_expr(), self.any_expr(), self.any_expr())

    # --------------------------------------------------------- statements
    def block(self, nstat, indent):
        self.push()
        lines = []
        for _ in range(nstat):
            lines.extend(self.stat(indent))
        self.pop()
        return lines

    def stat(self, ind):
        """One statement (possibly compound) as a list of lines."""
        pad = "  " * ind
        r = self.r.random()
        deep = self.nest >= 3
        if r < 0.22 and not deep:
            # self-contained units in a do-block (their locals stay inside)
            body = self.pick(self.EXTRAS)(self, ind + 1)
            return [pad + "do"] + body + [pad + "end"]
        r = self.r.random()
        if r < 0.12:
            typ = self.pick(["int", "num", "str", "bool"])
            name = self.name(typ[0])
            e = {"int": self.int_expr, "num": self.num_expr, "str": self.str_expr,
                 "bool": self.bool_expr}[typ]()
            out = [pad + "local %s = %s" % (name, e), pad + "P(%s)" % name]
            self.declare(name, typ)
            return out
        if r < 0.24:
            es = [self.any_expr() for _ in range(self.r.randint(1, 4))]
            return [pad + "P(%s)" % ", ".join(es)]
        if r < 0.36:
            return [pad + "T(function() return %s end)" % self.wild_expr()]
        if r < 0.41:
            vs = self.vars_of("int", "num", "str", "bool")
            if vs:
                v = self.pick(vs)
                typ = self.scope.all()[v]
                e = {"int": self.int_expr, "num": self.num_expr, "str": self.str_expr,
                     "bool": self.bool_expr}[typ]()
                if typ == "str":        # loops must not grow strings without bound
                    e = "(%s):sub(1, 40)" % e
                return [pad + "%s = %s" % (v, e), pad + "P(%s)" % v]
        if r < 0.47 and not deep:
            return self.if_stat(ind)
        if r < 0.55 and not deep and self.loop_depth < 2 and not self.no_loops:
            return self.pick([self.numfor_int, self.numfor_float, self.numfor_edge,
                              self.while_stat, self.repeat_stat, self.genfor_stat])(ind)
        if r < 0.6:
            return self.table_stat(ind)
        if r < 0.65 and self.func_depth < 2:
            return self.function_stat(ind)
        if r < 0.7:
            return self.object_stat(ind)
        if r < 0.74:
            return self.error_stat(ind)
        if r < 0.77 and self.func_depth < 2:
            return self.vararg_stat(ind)
        if r < 0.8 and not deep:
            return self.close_stat(ind)
        if r < 0.83:
            return self.coroutine_stat(ind)
        if r < 0.86 and not deep and not self.no_loops:
            return self.goto_stat(ind)
        if r < 0.88 and self.loop_depth > 0:
            return [pad + "if %s then break end" % self.bool_expr()]
        if r < 0.92:
            return self.multi_assign(ind)
        if r < 0.96:
            return self.string_stat(ind)
        return [pad + "P(%s)" % self.any_expr()]

    def if_stat(self, ind):
        pad = "  " * ind
        out = [pad + "if %s then" % self.bool_expr()]
        out += self.block(self.r.randint(1, 3), ind + 1)
        for _ in range(self.r.randint(0, 2)):
            out.append(pad + "elseif %s then" % self.bool_expr())
            out += self.block(self.r.randint(1, 2), ind + 1)
        if self.chance(0.5):
            out.append(pad + "else")
            out += self.block(self.r.randint(1, 2), ind + 1)
        out.append(pad + "end")
        return out

    def loop_body(self, ind, var=None, typ=None):
        self.loop_depth += 1
        self.push()
        if var:
            self.declare(var, typ)
        lines = []
        for _ in range(self.r.randint(1, 3)):
            lines.extend(self.stat(ind + 1))
        self.pop()
        self.loop_depth -= 1
        return lines

    def numfor_int(self, ind):
        pad = "  " * ind
        v = self.name("i")
        start = self.r.randint(-5, 5)
        step = self.pick([1, 1, 2, 3, -1, -2])
        count = self.r.randint(0, 6)
        limit = start + step * count + (self.r.randint(0, abs(step) - 1) * (1 if step > 0 else -1))
        lim = str(limit)
        if self.chance(0.2):
            lim = "%s.5" % limit if limit >= 0 else "%s.5" % limit   # float limit, int loop
        steptxt = "" if step == 1 and self.chance(0.5) else ", %d" % step
        out = [pad + "for %s = %d, %s%s do" % (v, start, lim, steptxt), pad + "  P(%s)" % v]
        return out + self.loop_body(ind, v, "int") + [pad + "end"]

    def numfor_float(self, ind):
        pad = "  " * ind
        v = self.name("x")
        start = self.pick(["0.0", "1", "-1.5", "0.1", "1e15", "(2^53 - 2)", "-0.0"])
        step = self.pick(["0.5", "0.25", "0.1", "-0.1", "(1/3)", "-0.75", "1.0", "1e-1"])
        # bound the trip count by simulating Lua's float loop in Python
        s0 = float(eval(start.replace("^", "**")))
        st = float(eval(step.replace("^", "**")))
        n = self.r.randint(0, 5)
        lim = s0 + st * n + st * 0.5 * self.r.random()
        idx, trips = s0, 0
        while (idx <= lim if st > 0 else idx >= lim) and trips < 50:
            idx += st
            trips += 1
        if trips >= 50:     # the step vanishes against the start: no trips
            lim = s0 - 1.0 if st > 0 else s0 + 1.0
        limtxt = repr(lim)
        out = [pad + "for %s = %s, %s, %s do" % (v, start, limtxt, step), pad + "  P(%s)" % v]
        return out + self.loop_body(ind, v, "num") + [pad + "end"]

    def numfor_edge(self, ind):
        """Integer loops at the ends of the range, where overflow must not wrap."""
        pad = "  " * ind
        v = self.name("e")
        k = self.r.randint(0, 4)
        form = self.pick([
            "math.maxinteger - %d, math.maxinteger" % k,
            "math.maxinteger - %d, math.maxinteger, %d" % (k, self.r.randint(1, 3)),
            "math.mininteger + %d, math.mininteger, -%d" % (k, self.r.randint(1, 3)),
            "math.maxinteger - %d, math.huge" % k,
            "math.mininteger + %d, -math.huge, -1" % k,
            "math.mininteger, math.mininteger + %d, %d" % (k, self.r.randint(1, 2)),
            "1, 0", "0, 1, math.maxinteger", "0, -1, math.mininteger",
            "math.maxinteger, math.maxinteger - 1, -math.maxinteger",
            "1, 2^53, 2^62", "3, 1.5, -1", "1, -math.huge", "1.0, 3", "1, 3, 1.0",
        ])
        out = [pad + "for %s = %s do" % (v, form), pad + "  P(%s)" % v]
        typ = "num" if ("." in form or "huge" in form or "^" in form) else "int"
        return out + self.loop_body(ind, v, typ) + [pad + "end"]

    def while_stat(self, ind):
        pad = "  " * ind
        c = self.name("w")
        self.declare(c, "ctr")          # readable, never assigned: the loop ends
        n = self.r.randint(0, 5)
        out = [pad + "local %s = 0" % c, pad + "while %s < %d do" % (c, n),
               pad + "  %s = %s + 1" % (c, c)]
        out += self.loop_body(ind)
        return out + [pad + "end", pad + "P(%s)" % c]

    def repeat_stat(self, ind):
        pad = "  " * ind
        c = self.name("r")
        self.declare(c, "ctr")
        n = self.r.randint(1, 5)
        out = [pad + "local %s = 0" % c, pad + "repeat", pad + "  %s = %s + 1" % (c, c)]
        self.loop_depth += 1
        self.push()
        inner = self.name("u")
        self.declare(inner, "ctr")
        out.append(pad + "  local %s = %s * 2" % (inner, c))
        for _ in range(self.r.randint(0, 2)):
            out += self.stat(ind + 1)
        self.pop()
        self.loop_depth -= 1
        out.append(pad + "until %s >= %d or %s > 100" % (c, n, inner))
        return out + [pad + "P(%s)" % c]

    def genfor_stat(self, ind):
        pad = "  " * ind
        k = self.r.random()
        seqs = self.vars_of("seq")
        if k < 0.35:
            # iterate over a copy: the body may append to the sequence
            src = ("{table.unpack(%s)}" % self.pick(seqs)) if seqs else \
                "{%s}" % ", ".join(self.int_expr() for _ in range(self.r.randint(0, 4)))
            i, v = self.name("k"), self.name("v")
            out = [pad + "for %s, %s in ipairs(%s) do" % (i, v, src), pad + "  P(%s, %s)" % (i, v)]
            self.loop_depth += 1
            self.push()
            self.declare(i, "int")
            self.declare(v, "int")
            for _ in range(self.r.randint(0, 2)):
                out += self.stat(ind + 1)
            self.pop()
            self.loop_depth -= 1
            return out + [pad + "end"]
        if k < 0.6:
            m = self.name("m")
            out = [pad + "for %s in (%s):gmatch(%s) do" % (m, self.str_expr(), self.pick(PATTERNS[:6] + PATTERNS[7:])),
                   pad + "  P(%s)" % m]
            return out + self.loop_body(ind, m, "any") + [pad + "end"]
        if k < 0.8:
            # a stateful iterator closure
            it, i = self.name("it"), self.name("n")
            n = self.r.randint(0, 4)
            out = [pad + "local function %s(lim, c)" % it,
                   pad + "  if c < lim then return c + 1, c * c end",
                   pad + "end",
                   pad + "for %s, sq in %s, %d, 0 do" % (i, it, n),
                   pad + "  P(%s, sq)" % i]
            return out + self.loop_body(ind, i, "int") + [pad + "end"]
        # pairs, folded in an order-independent way (integer sum and count)
        src = self.pick(seqs) if seqs else "{1, 2, 3, x = 4, y = 5, [10] = 6}"
        s, c = self.name("sum"), self.name("cnt")
        return [pad + "local %s, %s = 0, 0" % (s, c),
                pad + "for key, val in pairs(%s) do" % src,
                pad + "  if math.type(val) == 'integer' then %s = %s + val end" % (s, s),
                pad + "  %s = %s + 1" % (c, c),
                pad + "end",
                pad + "P(%s, %s)" % (s, c)]

    def table_stat(self, ind):
        pad = "  " * ind
        seqs = self.vars_of("seq")
        if not seqs or self.chance(0.3):
            t = self.name("t")
            items = [self.int_expr() for _ in range(self.r.randint(0, 5))]
            self.declare(t, "seq")
            return [pad + "local %s = {%s}" % (t, ", ".join(items)), pad + "P(#%s, %s)" % (t, t)]
        t = self.pick(seqs)
        ops = [
            "%s[#%s + 1] = %s" % (t, t, self.int_expr()),
            "table.insert(%s, %s)" % (t, self.int_expr()),
            "table.insert(%s, 1, %s)" % (t, self.int_expr()),
            "P(table.remove(%s))" % t,
            "P(table.remove(%s, 1))" % t,
            "table.sort(%s)" % t,
            "table.sort(%s, function(a, b) return a > b end)" % t,
            "P(table.concat(%s, ','))" % t,
            "P(table.unpack(%s))" % t,
            "P(select('#', table.unpack(%s)))" % t,
            "P(%s[1], %s[1.0], %s[#%s], rawget(%s, 2))" % (t, t, t, t, t),
            "P(table.move(%s, 1, #%s, 2)[1])" % (t, t),
            "%s = {table.unpack(%s)}" % (t, t),
            "P(next({}), rawlen(%s), #%s)" % (t, t),
            "P(table.pack(table.unpack(%s, 1, 3)).n)" % t,
        ]
        return [pad + self.pick(ops), pad + "P(#%s, %s)" % (t, t)]

    def function_stat(self, ind):
        pad = "  " * ind
        k = self.r.random()
        if k < 0.4:
            # int -> int function, possibly recursive, with an upvalue. Its
            # body calls no other generated function and a recursive one
            # has no loops, so the work stays small.
            f = self.name("f")
            up = self.pick(self.vars_of("int") or ["1"])
            recursive = self.chance(0.3)
            saved = (self.loop_depth, self.no_calls, self.no_loops)
            self.loop_depth, self.no_calls = 0, True
            self.no_loops = self.no_loops or recursive
            self.func_depth += 1
            self.push()
            self.declare("p", "ctr")    # never reassigned: recursion ends
            body = self.block(self.r.randint(0, 2), ind + 1)
            self.pop()
            self.func_depth -= 1
            self.loop_depth, self.no_calls, self.no_loops = saved
            out = [pad + "local function %s(p)" % f]
            out += body
            if recursive:
                out.append(pad + "  if p > 0 and p < 20 then return %s(p - 1) + 1 end" % f)
            out.append(pad + "  return (p %s %s) %s %s" % (self.pick(["+", "-", "*", "&", "|", "~"]), up,
                                                         self.pick(["+", "-", "*"]), self.pick(INT_LITS)))
            out.append(pad + "end")
            self.declare(f, "fn")
            out.append(pad + "P(%s(%s), %s(%s))" % (f, self.int_expr(), f, self.pick(["0", "5", "-1"])))
            return out
        if k < 0.7:
            # counter closures sharing an upvalue
            mk, a, b = self.name("mk"), self.name("c"), self.name("c")
            return [pad + "local function %s(start)" % mk,
                    pad + "  local n = start",
                    pad + "  return function(d) n = n + d; return n end, function() return n end",
                    pad + "end",
                    pad + "local %s, %s = %s(%s)" % (a, b, mk, self.num_expr()),
                    pad + "P(%s(%s), %s(%s), %s())" % (a, self.int_expr(), a, self.num_expr(), b)]
        # closures capturing fresh loop variables
        fs = self.name("fs")
        n = self.r.randint(1, 4)
        return [pad + "local %s = {}" % fs,
                pad + "for i = 1, %d do" % n,
                pad + "  local j = i * %s" % self.pick(["2", "-1", "math.maxinteger", "0.5"]),
                pad + "  %s[i] = function(x) j = j + (x or 0); return i, j end" % fs,
                pad + "end",
                pad + "P(%s[1](), %s[%d](1), %s[1](2), %s[%d]())" % (fs, fs, n, fs, fs, n)]

    def object_stat(self, ind):
        pad = "  " * ind
        objs = self.vars_of("obj")
        if not objs or self.chance(0.4):
            mt, o = self.name("mt"), self.name("o")
            names = [m for m in METAMETHODS if self.chance(0.45)]
            fields = []
            for m in names:
                if m == "__index":
                    fields.append("__index = " + self.pick(INDEX_FORMS).format())
                elif m == "__newindex":
                    fields.append("__newindex = " + self.pick(NEWINDEX_FORMS))
                else:
                    fields.append("%s = %s" % (m, METAMETHODS[m]))
            out = [pad + "local V = function(x) if type(x) == 'table' then return rawget(x, 'v') or 0 end return x end",
                   pad + "local %s = {%s}" % (mt, ", ".join(fields))]
            out.append(pad + "local %s = setmetatable({v = %s}, %s)" % (o, self.int_expr(), mt))
            o2 = self.name("o")
            out.append(pad + "local %s = setmetatable({v = %s}, %s)" % (o2, self.int_expr(), mt))
            self.declare(o, "obj")
            self.declare(o2, "obj")
            out.append(pad + "P(%s, %s)" % (o, o2))
            return out
        o = self.pick(objs)
        o2 = self.pick(objs)
        exprs = ["%s + %s" % (o, o2), "%s + 1" % o, "2 * %s" % o, "%s == %s" % (o, o2),
                 "%s < %s" % (o, o2), "%s <= %s" % (o, o2), "%s > %s" % (o, o2), "#%s" % o,
                 "%s(1, nil, 3)" % o, "%s .. '!'" % o, "1 .. %s" % o, "%s .. %s" % (o, o2),
                 "-%s" % o, "tostring(%s)" % o, "%s.x" % o, "%s.deep" % o, "%s[1]" % o,
                 "%s %% 3" % o, "%s // 2" % o, "%s ^ 2" % o, "%s & 3" % o, "~%s" % o,
                 "%s << 1" % o, "%s / 0" % o, "rawlen(%s)" % o, "rawequal(%s, %s)" % (o, o2)]
        if self.chance(0.3):
            key = self.pick(["newkey", "v", "x", "last"])
            return [pad + "T(function() %s.%s = %s; return rawget(%s, '%s'), rawget(%s, 'last') end)"
                    % (o, key, self.int_expr(), o, key, o)]
        return [pad + "T(function() return %s end)" % self.pick(exprs)]

    def error_stat(self, ind):
        pad = "  " * ind
        val = self.pick(["'boom'", "42", "3.5", "nil", "true", "{code = 7}", "{code = 'x'}",
                         "setmetatable({}, {__tostring = function() return 'custom' end})",
                         self.str_expr(), self.int_expr()])
        level = self.pick(["", ", 0", ", 1", ", 2"])
        k = self.r.random()
        if k < 0.35:
            return [pad + "P(pcall(error, %s%s))" % (val, level)]
        if k < 0.55:
            return [pad + "T(function() error(%s%s) end)" % (val, level)]
        if k < 0.7:
            return [pad + "P(xpcall(function() error(%s%s) end, function(m) return 'handled', m end))" % (val, level)]
        if k < 0.8:
            return [pad + "P(select('#', pcall(error)))", pad + "P(pcall(pcall, error, %s))" % val]
        if k < 0.9:
            return [pad + "P(pcall(function(...) local a = ... ; return a + 1 end, %s))" % self.any_expr()]
        return [pad + "T(function() local t = nil; return t.x end)",
                pad + "T(function() local s = 'x'; return s.y.z end)",
                pad + "T(function() return #5 end)"]

    def vararg_stat(self, ind):
        pad = "  " * ind
        f = self.name("va")
        args = ", ".join(self.any_expr() for _ in range(self.r.randint(0, 4)))
        body = self.pick([
            "return select('#', ...), ...",
            "local t = {...}; return #t, t[1], (select('#', ...))",
            "local a, b = ...; return b, a",
            "return table.pack(...).n, select(-1, 'last', ...)",
            "return ... , 'tail'",
            "local t = table.pack(...); return table.unpack(t, 1, t.n)",
            "return (...)",
        ])
        return [pad + "local function %s(...) %s end" % (f, body),
                pad + "P(%s(%s))" % (f, args),
                pad + "P(%s())" % f,
                pad + "P((%s(%s)))" % (f, args)]

    def close_stat(self, ind):
        pad = "  " * ind
        c = self.name("cl")
        fails = self.chance(0.3)
        out = [pad + "T(function()",
               pad + "  local %s <close> = setmetatable({}, {__close = function(o, e) P('closing', e) end})" % c,
               pad + "  local k <const> = %s" % self.int_expr()]
        if fails:
            out.append(pad + "  error(%s)" % self.pick(["'in body'", "{code = 1}", "k"]))
        out.append(pad + "  return k, %s" % self.any_expr())
        out.append(pad + "end)")
        return out

    def coroutine_stat(self, ind):
        pad = "  " * ind
        g = self.name("g")
        n = self.r.randint(0, 4)
        form = self.r.random()
        if form < 0.5:
            return [pad + "local %s = coroutine.wrap(function(a)" % g,
                    pad + "  for i = 1, %d do a = coroutine.yield(i, a) end" % n,
                    pad + "  return 'done', a",
                    pad + "end)",
                    pad + "for i = 1, %d do P(%s(i * 10)) end" % (n + 1, g)]
        return [pad + "local %s = coroutine.create(function(...)" % g,
                pad + "  local x = coroutine.yield(select('#', ...))",
                pad + "  if x then error(x) end",
                pad + "  return x",
                pad + "end)",
                pad + "P(coroutine.resume(%s, 1, 2))" % g,
                pad + "P(coroutine.resume(%s, %s))" % (g, self.pick(["nil", "'oops'", "{code = 3}", "false"])),
                pad + "P(coroutine.status(%s), coroutine.resume(%s))" % (g, g)]

    def goto_stat(self, ind):
        pad = "  " * ind
        lbl = "continue%d" % self.n
        self.n += 1
        i = self.name("g")
        return [pad + "for %s = 1, %d do" % (i, self.r.randint(1, 5)),
                pad + "  if %s %% 2 == %d then goto %s end" % (i, self.r.randint(0, 1), lbl),
                pad + "  P('odd', %s)" % i,
                pad + "  ::%s::" % lbl,
                pad + "end"]

    def multi_assign(self, ind):
        pad = "  " * ind
        a, b, c = self.name("a"), self.name("b"), self.name("c")
        for v in (a, b, c):
            self.declare(v, "any")
        return [pad + "local %s, %s, %s = %s, %s" % (a, b, c, self.any_expr(), self.any_expr()),
                pad + "%s, %s = %s, %s" % (a, b, b, a),
                pad + "P(%s, %s, %s)" % (a, b, c)]

    def string_stat(self, ind):
        pad = "  " * ind
        s = self.str_expr()
        k = self.r.random()
        if k < 0.3:
            return [pad + "P((%s):find(%s))" % (s, self.pick(PATTERNS))]
        if k < 0.5:
            return [pad + "P((%s):byte(%s, %s))" % (s, self.pick(["1", "-1", "2", "0"]), self.pick(["-1", "3", "100"]))]
        if k < 0.7:
            return [pad + "P(string.gsub(%s, %s, %s))" % (s, self.pick(PATTERNS), self.pick(['"[%0]"', '"%1"', '{}']))]
        if k < 0.85:
            return [pad + "P(%s)" % self.format_expr(1)]
        return [pad + "P(#%s, %s == %s, %s < %s)" % (s, s, self.str_expr(), s, self.str_expr())]

    # ------------------------------------------- self-contained extras
    # Each returns the lines of a block body at indentation `ind`; they
    # exercise what a new engine is most likely to get subtly wrong:
    # hidden classes and inline caches, metatables changing under a loop,
    # sort order with ties, number formatting, coroutines yielding through
    # metamethods and pcall, debug info, os.date, pack, utf8, and the
    # compiler's error messages for broken source.

    def shape_stat(self, ind):
        pad = "  " * ind
        n = self.r.randint(1, 40)
        dels = self.r.randint(0, 5)
        keys = ["a", "b", "c", "x", "y", "name", "v", "k1", "long_field_name_number_one"]
        out = [pad + "local r = {%s}" % ", ".join("%s = %s" % (k, self.int_expr()) for k in
                                                   self.r.sample(keys, self.r.randint(0, 4))),
               pad + "for i = 1, %d do r['f' .. (i %% %d)] = i end" % (n, self.r.randint(1, 20))]
        for _ in range(dels):
            out.append(pad + "r.%s = nil" % self.pick(keys + ["f1", "f2", "f3"]))
        out.append(pad + "r.%s = %s" % (self.pick(keys), self.int_expr()))
        out.append(pad + "local sum, cnt = 0, 0")
        out.append(pad + "for k, v in pairs(r) do cnt = cnt + 1; if math.type(v) == 'integer' then sum = sum + v end end")
        out.append(pad + "P(sum, cnt, r.a, r.x, r.f1, r.long_field_name_number_one, rawget(r, 'v'))")
        if self.chance(0.5):
            out.append(pad + "for i = 1, %d do r['f' .. i] = nil end" % self.r.randint(1, 30))
            out.append(pad + "r.new = 1")
            out.append(pad + "P(next(r) ~= nil, r.new, r.f1, r.a)")
        return out

    def ic_stat(self, ind):
        """One access site seeing many shapes, metatables and types."""
        pad = "  " * ind
        site = self.pick(["o.x", "o.y", "o[1]", "o:m()", "#o", "o.x + 1", "o.x .. ''"])
        objs = ["{x = 1}", "{y = 2, x = 3}", "{x = 'str'}", "{1, 2, x = 4}",
                "setmetatable({}, {__index = {x = 5, y = 6, m = function(s) return 'mm' end}})",
                "setmetatable({}, {__index = function(t, k) return k end})",
                "setmetatable({x = 7}, {__index = error})",
                "{m = function(s) return s.x end, x = 8}", "'a string'", "{}",
                "setmetatable({}, {__len = function() return 9 end})"]
        chosen = [self.pick(objs) for _ in range(self.r.randint(2, 6))]
        out = [pad + "local objs = {%s}" % ", ".join(chosen),
               pad + "local function site(o) return %s end" % site,
               pad + "for round = 1, %d do" % self.r.randint(1, 3),
               pad + "  for i = 1, #objs do T(site, objs[i]) end"]
        if self.chance(0.5):
            out.append(pad + "  objs[%d] = %s" % (self.r.randint(1, len(chosen)), self.pick(objs)))
        out.append(pad + "end")
        return out

    def mtchange_stat(self, ind):
        pad = "  " * ind
        return [pad + "local base = {x = 1}",
                pad + "local mt = {__index = base}",
                pad + "local o = setmetatable({}, mt)",
                pad + "local seen = {}",
                pad + "for i = 1, 6 do",
                pad + "  seen[#seen + 1] = tostring(o.x) .. '/' .. tostring(o.y)",
                pad + "  if i == %d then base.x = 'changed' end" % self.r.randint(1, 6),
                pad + "  if i == %d then mt.__index = function(t, k) return k .. i end end" % self.r.randint(1, 6),
                pad + "  if i == %d then rawset(o, 'x', 'own') end" % self.r.randint(1, 6),
                pad + "  if i == %d then setmetatable(o, {__index = {y = 'other'}}) end" % self.r.randint(1, 6),
                pad + "  if i == %d then o.x = nil end" % self.r.randint(1, 6),
                pad + "end",
                pad + "P(table.concat(seen, ' '))"]

    def sort_stat(self, ind):
        pad = "  " * ind
        n = self.r.randint(0, 30)
        vals = [self.r.randint(-3, 3) for _ in range(n)]
        out = [pad + "local items = {}"]
        out.append(pad + "for i, k in ipairs({%s}) do items[i] = {k = k, id = i} end" % ", ".join(map(str, vals)))
        k = self.r.random()
        if k < 0.4:     # ties: the resulting order is the algorithm's
            out.append(pad + "table.sort(items, function(a, b) return a.k < b.k end)")
        elif k < 0.6:   # the order of comparisons itself
            out.append(pad + "local calls = {}")
            out.append(pad + "table.sort(items, function(a, b) calls[#calls + 1] = a.id .. ':' .. b.id; return a.k > b.k end)")
            out.append(pad + "P(#calls, table.concat(calls, ' '))")
        elif k < 0.8:   # an inconsistent order function
            out.append(pad + "T(table.sort, items, function(a, b) return true end)")
        else:
            out.append(pad + "T(table.sort, items, function(a, b) return a.k <= b.k end)")
        out.append(pad + "local ids = {} for i, it in ipairs(items) do ids[i] = it.id end")
        out.append(pad + "P(table.concat(ids, ','))")
        return out

    def numfmt_stat(self, ind):
        pad = "  " * ind
        v = self.pick(FLOAT_LITS + INT_LITS + ["(0/0)", "(-(0/0))", "1e-7", "-1e-7", "123456789012.0",
                                               "1e14", "1e15", "1e16", "0.1 + 0.2", "100 // 1.0",
                                               "-0.0 // 1", "0.0 % -1", "-7 % 0.0", "3 % -2", "-3 % 2",
                                               "3.5 % -2", "-3.5 % 2", "5 // -2", "-5 // 2.0", "2^1023 * 2"])
        k = self.r.random()
        if k < 0.3:
            return [pad + "local v = %s" % v,
                    pad + "P(N(v), tostring(N(v)), N(v) .. '', string.format('%%q', N(v)), math.type(v))"]
        if k < 0.6:
            return [pad + "local v = N(%s)" % v,
                    pad + "P(string.format('%%.14g|%%.17g|%%g|%%e|%%.0f|%%a|%%5.1f|%%-12g|%%+d', v, v, v, v, v, v, v, v, math.tointeger(v) or 0))"]
        if k < 0.8:
            return [pad + "local v = %s" % v,
                    pad + "P(math.tointeger(v), math.floor(N(v)) == v, v == math.floor(N(v)), (math.type(v) == 'float' and v == v and v > -2^63 and v < 2^63) and math.floor(v) or 'skip')"]
        s = self.pick([r'"%s\n\r\0\1\127\255\"\\"', r'"\u{7FF}\u{FFFF}"', r'"\t\v\f\a\b"',
                       r'("x"):rep(3, "\0")', '"-0"', '"0x"', '" 0x1p4 "', '"1e"', '"  "', r'"\0"'])
        return [pad + "local s = %s" % s,
                pad + "P(string.format('%%q', s), #s, tonumber(s), s:byte(1, -1))"]

    def coro_adv_stat(self, ind):
        pad = "  " * ind
        k = self.r.random()
        if k < 0.25:   # yields through pcall and metamethods
            mm = self.pick(["__index = function(t, k) return coroutine.yield(k) end",
                            "__add = function(a, b) return coroutine.yield('add') end",
                            "__lt = function(a, b) return coroutine.yield('lt') end",
                            "__concat = function(a, b) return coroutine.yield('cat') end",
                            "__call = function(self, x) return coroutine.yield('call', x) end",
                            "__eq = function(a, b) return coroutine.yield('eq') end",
                            "__len = function(a) return coroutine.yield('len') end",
                            "__close = function() coroutine.yield('close') end"])
            use = self.pick(["o.field", "o + 1", "o < o", "o .. 'x'", "o(5)", "o == setmetatable({}, getmetatable(o))",
                             "#o", "select(2, pcall(function() return o.field end))"])
            return [pad + "local o = setmetatable({}, {%s})" % mm,
                    pad + "local co = coroutine.wrap(function() local r = %s; return 'result', r end)" % use,
                    pad + "T(co)", pad + "T(co, 'resumed1')", pad + "T(co, 'resumed2')"]
        if k < 0.45:   # yield across a C boundary
            return [pad + "local co = coroutine.create(function()",
                    pad + "  table.sort({3, 2, 1}, function(a, b) coroutine.yield('in sort') return a < b end)",
                    pad + "end)",
                    pad + "P(coroutine.resume(co))", pad + "P(coroutine.status(co))",
                    pad + "local co2 = coroutine.create(function() return string.gsub('ab', '.', function(c) coroutine.yield(c) end) end)",
                    pad + "P(coroutine.resume(co2))"]
        if k < 0.65:   # status, running, isyieldable, wrap errors
            return [pad + "local co",
                    pad + "co = coroutine.create(function(...)",
                    pad + "  P(coroutine.status(co), coroutine.isyieldable(), select('#', ...))",
                    pad + "  local a, b = coroutine.yield(...)",
                    pad + "  P(a, b, coroutine.running() == co)",
                    pad + "  error({code = 'co'})",
                    pad + "end)",
                    pad + "P(coroutine.resume(co, 1, nil, 3))",
                    pad + "P(coroutine.resume(co, 'x'))",
                    pad + "P(coroutine.resume(co))",
                    pad + "P(coroutine.isyieldable(), coroutine.status(co))",
                    pad + "T(coroutine.wrap(function() error('wrapped', 2) end))"]
        # generic for over a generator, yields inside pcall inside the body
        n = self.r.randint(0, 5)
        return [pad + "local gen = coroutine.wrap(function()",
                pad + "  for i = 1, %d do" % n,
                pad + "    local ok, v = pcall(function() return coroutine.yield(i, i * i) end)",
                pad + "    if i == %d then error('gen stop ' .. i) end" % self.r.randint(1, 7),
                pad + "  end",
                pad + "end)",
                pad + "T(function() for a, b in gen do P(a, b) end end)"]

    def debug_stat(self, ind):
        pad = "  " * ind
        k = self.r.random()
        if k < 0.4:
            return [pad + "local function inner(a, b, ...)",
                    pad + "  local x = a",
                    pad + "  local info = debug.getinfo(1, 'Slnu')",
                    pad + "  P(info.currentline, info.short_src, info.what, info.name, info.namewhat, info.nparams, info.isvararg, info.nups, info.linedefined)",
                    pad + "  P(debug.getlocal(1, 1), debug.getlocal(1, 3), debug.getlocal(1, -1))",
                    pad + "  return debug.traceback('tb', 1)",
                    pad + "end",
                    pad + "local function outer() return (inner(1, 2, 3)) end",
                    pad + "P(outer())"]
        if k < 0.7:
            return [pad + "local function lvl3() error('deep', %d) end" % self.r.randint(0, 3),
                    pad + "local function lvl2() lvl3() end",
                    pad + "local function lvl1() lvl2() end",
                    pad + "P(xpcall(lvl1, debug.traceback))",
                    pad + "P(pcall(lvl1))"]
        return [pad + "local up1, up2 = %s, %s" % (self.int_expr(), self.str_expr()),
                pad + "local function f() return up1, up2 end",
                pad + "P(debug.getupvalue(f, 1), debug.getupvalue(f, 2), debug.getupvalue(f, 3))",
                pad + "P(debug.setupvalue(f, 1, 'set'), f())",
                pad + "P(debug.getinfo(print).what, debug.getinfo(f, 'L') ~= nil, debug.getinfo(100))"]

    def os_stat(self, ind):
        pad = "  " * ind
        t = self.pick(["0", "86399", "951782400", "4102444800", "-86400", "2^31", "1e10"])
        fmt = self.pick(['"!%Y-%m-%d %H:%M:%S"', '"!%c"', '"!%x %X %p"', '"!%j %U %w %a %b"',
                         '"!%%"', '"!%y %e %D"', '"!*t"', '"*t"'])
        out = [pad + "local d = os.date(%s, %s)" % (fmt, t),
               pad + "if type(d) == 'table' then d = string.format('%d-%d-%d %d:%d:%d %d %d %s', d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, tostring(d.isdst)) end",
               pad + "P(d)"]
        if self.chance(0.5):
            out.append(pad + "T(os.time, {year = %d, month = %d, day = %d, hour = %d, isdst = false})"
                       % (self.pick([1970, 2000, 2024, 1900, 3000]), self.r.randint(-2, 14),
                          self.r.randint(-5, 40), self.r.randint(-1, 25)))
        if self.chance(0.3):
            out.append(pad + "T(os.date, %s, %s)" % (self.pick(['"%Ez"', '"%Q"', '"!%"', '"%5"']), t))
        return out

    def pack_stat(self, ind):
        pad = "  " * ind
        fmt, args = self.pick([
            ('"<i4 >I2 b B h"', "-5, 65535, -128, 255, 1000"),
            ('"<j >J n d f"', "math.mininteger, -1, 1.5, -0.0, 0.25"),
            ('"z s1 s2 c5"', "'zero', 'one', 'two', 'five!'"),
            ('"!8 i1 i8 !2 i2 x Xi4 i4"', "1, 2, 3, 4"),
            ('"<i16 >i9 <I11"', "-1, math.maxinteger, 12345"),
            ('"i3"', "8388607"), ('"i3"', "8388608"), ('"I1"', "-1"), ('"<T"', "2^40"),
            ('"s"', "('x'):rep(300)"), ('">s4 <s8"', "'', 'abc'"),
        ])
        return [pad + "local ok, packed = pcall(string.pack, %s, %s)" % (fmt, args),
                pad + "if ok then P(#packed, string.packsize((%s):gsub('[sz]%%d*', 'i1')), string.unpack(%s, packed)) else P(packed) end" % (fmt, fmt)]

    def utf8_stat(self, ind):
        pad = "  " * ind
        s = self.pick([r'"h\u{E9}llo \u{20AC}\u{10FFFF}"', r'"\xff\xfe"', r'"a\xc3"', r'"\u{7FFFFFFF}"',
                       r'"\xed\xa0\x80"', '"plain"', '""', 'utf8.char(72, 228, 8364, 128512)'])
        lax = self.pick(["", ", true"])
        return [pad + "local s = %s" % s,
                pad + "T(function() return utf8.len(s%s), utf8.len(s, 2), utf8.offset(s, 2), utf8.offset(s, -1) end)" % (", 1, -1" + lax if lax else ""),
                pad + "T(utf8.codepoint, s, 1, -1%s)" % lax,
                pad + "T(function() local r = {} for p, c in utf8.codes(s%s) do r[#r + 1] = p .. ':' .. c end return table.concat(r, ' ') end)" % lax,
                pad + "P(s:match(utf8.charpattern), #utf8.charpattern)"]

    BROKEN_SNIPPETS = [
        "x = = 1", "local 1 = 2", "for i = 1 do end", "goto nowhere", "break", "::a:: ::a::",
        "x = }", "f(", "return return", "local x <foo> = 1", "local x <const> = 1; x = 2",
        "x = 'unfinished", r'x = "bad \q escape"', "x = [[unfinished", "x = 1 +", "a.b:c = 1",
        "x = 0x", "x = 1e", "x = 3..4", "if x then", "function f( end", "local function() end",
        "x = {1, 2,, 3}", r'x = "\300"', r"x = '\u{110000000}'", "--[[ unfinished comment",
        "x = 12345678901234567890 .. ''", "local t = {} t.1 = 2", "return ...", "function f() return ... end",
        "x = #", "do end end", "repeat until", "while true", "x, y = ", "local a <close> = 1 local b <close> = 2",
        "goto l; local x; ::l:: print(x)", "x = y z", "elseif", "x = not", "x = 1 // // 2", "f{}{}''\"\"",
        r"x = '\xZZ'", "x = @", "x = $", "x = ~= 1", "return 1,", "local x = <const> 1",
    ]

    def syntax_stat(self, ind):
        """Compiler error messages, for known broken snippets and for
        random damage to generated code."""
        pad = "  " * ind
        if self.chance(0.5):
            src = self.pick(self.BROKEN_SNIPPETS)
        else:
            saved = (self.scope, self.nest, self.loop_depth)
            self.scope = Scope()
            lines = self.stat(0)
            self.scope, self.nest, self.loop_depth = saved
            text = "\n".join(lines)
            damage = self.pick(["drop", "dup", "swap", "insert"])
            toks = text.split(" ")
            i = self.r.randrange(len(toks))
            if damage == "drop":
                del toks[i]
            elif damage == "dup":
                toks.insert(i, toks[i])
            elif damage == "swap" and len(toks) > 1:
                j = self.r.randrange(len(toks))
                toks[i], toks[j] = toks[j], toks[i]
            else:
                toks.insert(i, self.pick(["end", "(", ")", "=", "local", "..", "then", "[[", "'", ",",
                                          "::x::", "goto", "return", "}", "{", "<close>", "1", "and"]))
            src = " ".join(toks)
        quoted = "[==[" + src.replace("]==]", "] ==]") + "]==]"
        return [pad + "local f, err = load(%s, '=snippet')" % quoted,
                pad + "P(f == nil, err)"]

    def border_stat(self, ind):
        """# of tables with holes: the manual allows any border, programs
        rely on the one lua5.4 gives (array part sized by constructors and
        growth)."""
        pad = "  " * ind
        items = [self.pick(["nil", "1", "2", "'s'", "false"]) for _ in range(self.r.randint(0, 8))]
        out = [pad + "local t = {%s}" % ", ".join(items), pad + "P(#t, rawlen(t))"]
        for _ in range(self.r.randint(1, 6)):
            k = self.r.randint(1, 12)
            out.append(pad + "t[%d] = %s" % (k, self.pick(["nil", "nil", str(k), "true"])))
            out.append(pad + "P(#t)")
        if self.chance(0.4):
            out.append(pad + "local function f(...) return #{...}, select('#', ...) end")
            out.append(pad + "P(f(%s))" % ", ".join(items))
        if self.chance(0.3):
            out.append(pad + "P(#table.pack(%s), select('#', table.unpack(t)))" % ", ".join(items))
        return out

    EXTRAS = [border_stat, shape_stat, ic_stat, mtchange_stat, sort_stat, numfmt_stat, coro_adv_stat,
              debug_stat, os_stat, pack_stat, utf8_stat, syntax_stat, syntax_stat]

    # ------------------------------------------------------------ program
    def program_units(self, tag):
        units, nlocals = [], 0
        for _ in range(self.r.randint(15, 40)):
            unit = self.stat(0)
            units.append(unit)
            # a function has at most 200 locals: stop well before
            for line in unit:
                if line.startswith("local "):
                    nlocals += line.split("=")[0].count(",") + 1
            if nlocals > 150:
                break
        # the collector's mode and pace never change what a program prints;
        # an aggressive pace stresses write barriers and sweeping
        gc = self.pick(["", "", 'collectgarbage("generational")\n',
                        'collectgarbage("incremental", 0, 1000)\n',
                        'collectgarbage("generational", 1, 1)\n',
                        'collectgarbage("setpause", 10); collectgarbage("setstepmul", 1000)\n'])
        return PRELUDE.replace("{tag}", tag) + gc, units


def make_rng(seed, index):
    return random.Random(seed * 1_000_003 + index)


def generate(seed, index):
    """(prelude, [unit lines...]) of program `index` of run `seed`."""
    return Gen(make_rng(seed, index)).program_units("seed=%d index=%d" % (seed, index))


def render(prelude, units):
    return prelude + "".join(line + "\n" for unit in units for line in unit)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--index", type=int, default=0)
    args = ap.parse_args()
    print(render(*generate(args.seed, args.index)), end="")


if __name__ == "__main__":
    main()
