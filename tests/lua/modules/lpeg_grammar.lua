-- Debian's lpeg (lua-lpeg, a C module built for liblua5.4) loaded with require:
-- patterns, captures, a recursive grammar that evaluates arithmetic, and errors.
local lpeg = require "lpeg"
print("found in cpath:", package.searchpath("lpeg", package.cpath))
print("version", lpeg.version(), type(lpeg.P(1)), lpeg.type(lpeg.P(1)), lpeg.type(1))

local P, R, S, V, C, Ct, Cc, Cg, Cf, Cp, Cs, Cb, Cmt, Carg =
  lpeg.P, lpeg.R, lpeg.S, lpeg.V, lpeg.C, lpeg.Ct, lpeg.Cc, lpeg.Cg, lpeg.Cf,
  lpeg.Cp, lpeg.Cs, lpeg.Cb, lpeg.Cmt, lpeg.Carg

-- basic patterns and match positions
print("P'ab'", P"ab":match("abc"), P"ab":match("xab"), P"ab":match("xab", 2))
print("P(3)", P(3):match("abcd"), P(-3):match("ab"), P(true):match(""), P(false):match(""))
print("R S", (R"az"^1):match("hello World"), (S"+-"^0 * R"09"^1):match("-+-42x"))
print("ordered", (P"a" + P"ab"):match("ab"), (P"ab" + P"a"):match("ab"))
print("and/not", (#P"a" * P(1)):match("ab"), (-P"a" * P(1)):match("ab"), (-P"a" * P(1)):match("b"))
print("minus", ((P(1) - S"aeiou")^1):match("rhythm and blues"))
print("negative init", P"z":match("xyz", -1), P"y":match("xyz", -2))

-- captures
local digit = R"09"
local int = C(S"+-"^-1 * digit^1) / tonumber
print("C", C(P"a"^1):match("aaab"), (C"x" * C"y"):match("xy"))
print("Cp", (P"ab" * Cp()):match("abc"), Cp():match(""))
print("Cc", (P"a" * Cc(1, nil, "three")):match("a"))
print("Ct", table.concat(Ct((C(R"az"^1) + 1)^0):match("one, two; three"), "|"))
local list = Ct(int * ("," * int)^0)
print("numbers", table.concat(list:match("10,-2,+7,300"), " "))
print("Cf sum", Cf(int * ("+" * int)^0, function(a, b) return a + b end):match("1+2+3+4"))
local pair = Cg(C(R"az"^1) * "=" * C(R"az"^1))
local dict = Cf(Ct("") * (pair * P","^-1)^0, rawset)
local t = dict:match("b=two,a=one,c=three")
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", t[k], " ") end
print()
print("Cs", Cs((P"cat" / "dog" + 1)^0):match("the cat sat on a cat"))
print("Cg/Cb", (Cg(C"x", "tag") * "-" * Cb"tag"):match("x-"))
print("Cmt", Cmt(C(digit^1), function(s, i, d) return tonumber(d) % 2 == 0, d * 10 end):match("42"),
      Cmt(C(digit^1), function(s, i, d) return tonumber(d) % 2 == 0 end):match("7"))
print("Carg", (Carg(1) * Carg(2)):match("", 1, "first", "second"))
print("/table", (C(R"az"^1) / {one = 1, two = 2}):match("two"))
print("/number", ((C"a" * C"b" * C"c") / 2):match("abc"))
print("/string", ((C"a" * C"b") / "%2%1%0"):match("ab"))
print("/func nil", (P"a" / function() end):match("a"))

-- a recursive grammar: arithmetic with precedence and parentheses, evaluated
local space = S" \t\n"^0
local function tok(p) return p * space end
local function fold(acc, op, v)
  if op == "+" then return acc + v elseif op == "-" then return acc - v
  elseif op == "*" then return acc * v else return acc // v end
end
local calc = P{
  "Exp",
  Exp = space * V"Sum" * -1,
  Sum = Cf(V"Prod" * Cg(tok(C(S"+-")) * V"Prod")^0, fold),
  Prod = Cf(V"Atom" * Cg(tok(C(S"*/")) * V"Atom")^0, fold),
  Atom = tok(int) + tok"(" * V"Sum" * tok")",
}
for _, e in ipairs{"1 + 2 * 3", "(1 + 2) * 3", " 100 / 7 / 2 ", "2*(3+(4-1))*-1", "1 +", "(2"} do
  print("calc", string.format("%q", e), calc:match(e))
end

-- balanced parentheses and a grammar with a table capture tree
local balanced = P{ "(" * ((1 - S"()") + V(1))^0 * ")" }
print("balanced", balanced:match("(a(b)(c(d)))rest"), balanced:match("(a(b)"))
local sexp = P{
  "S",
  S = space * (V"List" + V"Atom") * space,
  List = Ct(tok"(" * V"S"^0 * ")"),
  Atom = C(R("az", "09")^1),
}
local function show(x)
  if type(x) == "table" then
    local parts = {}
    for i, v in ipairs(x) do parts[i] = show(v) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  return x
end
print("sexp", show(sexp:match("(define (sq x) (mul x x))")))

-- searching with a grammar, and many matches (stack growth inside lpeg)
local function anywhere(p) return P{ p + 1 * V(1) } end
print("anywhere", anywhere(C(digit^1)):match("abc 123 def"))
local big = string.rep("ab", 5000)
print("big", ((P"ab")^0 * -1):match(big), #Ct((C"ab")^0):match(big))
local nested = string.rep("(", 150) .. string.rep(")", 150)
print("deep", balanced:match(nested))

-- lpeg.locale and byte ranges above 127
local loc = lpeg.locale()
print("locale", (C(loc.alpha^1) * loc.space^1 * C(loc.digit^1)):match("abc  123"))
print("bytes", #C(R"\x80\xff"^1):match("\xce\xb1\xce\xb1z"), (P"\xce\xb1"^1 / "alpha"):match("\xce\xb1\xce\xb1"))

-- errors raised by lpeg through the Lua API
local function err(f, ...)
  local ok, msg = pcall(f, ...)
  print("error", ok, (tostring(msg):gsub("^[^:]*:%d+: ", "")))
end
err(function() return P{ "A", A = V"B" }:match("x") end)
err(function() return P{ "A", A = V"A" * "x" }:match("x") end)
err(lpeg.P, {})
err(lpeg.R, "abc")
err(function() return (P"a" ^ P"b") end)
err(function() return lpeg.match(P"x", "x", "notanumber") end)
err(function() return (P"a" / {}):match("b") end)
err(function() return Cb("nothere"):match("") end)
err(function() return (P"a" * lpeg.Cmt(P(true), function() error("inside Cmt") end)):match("a") end)

-- patterns survive a full collection and are reused
local keep = C(R"az"^1) * Cp()
collectgarbage()
collectgarbage()
print("after gc", keep:match("word!"))
