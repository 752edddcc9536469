-- Scope errors from load(): goto/labels (visibility, jumps into a local's
-- scope, duplicates, break outside a loop), <const>/<close> attributes,
-- '...' outside a vararg function.
local function show(src, name)
  local f, err = load(src, name)
  local shown = string.format("%q", src):gsub("\\\n", "\\n"):gsub("\r", "\\r")
  print(shown .. " -> " .. (f and "ok" or tostring(err)))
end
local cases = {
  "function f(..., a) end",
  "local a <const>",
  "local a <const> = 1; a = 2",
  "local a <const> = {}; a = 2",
  "local a <const> = f(); a.x = 2; a = 3",
  "local x <close>, y <close> = 1",
  "local x <close> = 1 local y <close> = 2",
  "break",
  "do break end",
  "goto",
  "goto 1",
  "::a",
  ":: a ::: ",
  "::a:: ::a::",
  "::a:: do ::a:: end",
  "do ::a:: end ::a::",
  "goto l1",
  "do goto l1 end",
  "do goto l1 end ::l1:: ::l1::",
  "goto l1; local x; ::l1:: print(x)",
  "goto l1; local x; ::l1::",
  "do goto l1; local x; ::l1:: end",
  "repeat goto l1; local x; ::l1:: until x",
  "while x do goto l1 local y end ::l1::",
  "local function f() goto l1 end ::l1::",
  "for i=1,2 do end goto l2",
  "function f() return ... end",
  "return ...; x",
  "local function f() local a <const> = 1; return function() a = 2 end end",
  "local a <const> = 1; local function f() a = 2 end",
  "local a <close> = 1; local function f() a = 2 end",
  "local a, b, c = ...; local function f(x, y, z, ...) return ... end; g = ...",
  "local f = function(...) return function() return ... end end",
  "local t = {...} return t[...]",
  "goto continue",
  "while true do goto continue end",
  "::l:: ::m:: goto l goto m goto n",
}
for _, src in ipairs(cases) do show(src) end
-- valid uses that must compile
for _, src in ipairs{
  "do goto l1; local x; ::l1:: end",
  "goto l1; do local x end ::l1::",
  "while true do goto cont; local x; ::cont:: end",
  "repeat goto cont; local x ::cont:: until true",
  "local x <const> = 1; local function f() return x end",
  "local x <close> = nil; local y <const> = 2",
  "for i = 1, 2 do goto next; ::next:: end",
  "do ::l:: end ::l::",
  "::a:: ::b:: goto a",
} do
  local f, err = load(src)
  print(src, "->", f and "ok" or err)
end
