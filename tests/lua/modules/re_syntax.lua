-- The re module (re.lua from lua-lpeg, pure Lua on top of the lpeg C module):
-- compile, match, find, gsub, grammars with named rules, captures and errors.
local re = require "re"
print("found in path:", package.searchpath("re", package.path))

print("match", re.match("hello world", "{%a+}"), re.match("  x", "%s* {.}"))
print("find", re.find("the number 42 is here", "[0-9]+"))
print("find none", re.find("no digits", "[0-9]+"))
print("find init", re.find("a1b2c3", "{%d}", 3))
print("gsub", re.gsub("hello world", "%a+", "<%0>"))
print("gsub table", re.gsub("$name is $age", "'$' {%a+}", {name = "ann", age = "7"}))
print("gsub func", re.gsub("1 2 3", "%d+", function(d) return d * d end))

-- captures: table, position, constant, substitution, named groups
local t = re.match("a,b,,c", "{| {[^,]*} (',' {[^,]*})* |}")
print("list", #t, table.concat(t, "|"))
print("positions", re.match("abc", "{}'a' {}'b'"))
print("const", re.match("x", "'x' -> 'got x'"))
print("subst", re.match("a-b-c", "{~ ('-' -> '+' / .)* ~}"))
local kv = re.match("k=v", "{| {:key: [a-z]+ :} '=' {:val: [a-z]+ :} |}")
print("named", kv.key, kv.val)
print("backref", re.match("<b>text</b>", "'<' {:t: %w+ :} '>' {(!('</' =t '>') .)*} '</' =t '>'"))

-- a grammar with rules: key/value lists with nested braces
local g = re.compile([[
  value  <- %s* (object / number / string) %s*
  object <- {| '{' (pair (',' pair)*)? '}' |}
  pair   <- {| %s* {[a-z]+} %s* ':' value |}
  number <- {'-'? [0-9]+} -> tonumber
  string <- '"' {[^"]*} '"'
]], {tonumber = tonumber})
local function show(v)
  if type(v) ~= "table" then return type(v) .. ":" .. tostring(v) end
  local parts = {}
  for i, p in ipairs(v) do
    parts[i] = type(p) == "table" and #p == 2 and type(p[1]) == "string"
      and p[1] .. "=" .. show(p[2]) or show(p)
  end
  return "{" .. table.concat(parts, " ") .. "}"
end
print("grammar", show(g:match('{ a: 1, b: "two", c: { d: -3 } }')))
print("grammar fails", g:match("{ a: }"))

-- predefined classes and their complements
print("classes", re.match("ab12  ", "{%a+} {%d+} {%s+}"), re.find("abc", "%A"))
print("updatelocale", pcall(re.updatelocale))

-- a compiled pattern is an lpeg pattern and mixes with lpeg
local lpeg = require "lpeg"
local word = re.compile("[a-z]+")
print("lpeg type", lpeg.type(word), lpeg.match(lpeg.C(word) * lpeg.Cp(), "abc1"))

-- syntax errors in patterns
for _, bad in ipairs{"[a-", "'unclosed", "a <- b", "{", "x <- 'x' x <- 'y'"} do
  local ok, msg = pcall(re.compile, bad)
  print("bad", string.format("%q", bad), ok, (tostring(msg):gsub("^[^:]*:%d+: ", "")))
end
