-- goto and label compile errors, via load().
local cases = {
  "goto f; local x; ::f:: print(x)",
  "do goto f; local x = 1; ::f:: print(x) end",
  "::l:: ::l::",
  "::l:: do ::l:: end",
  "do ::l:: end ::l:: goto l",
  "goto nowhere",
  "do ::inner:: end goto inner",
  "local function f() goto outer end ::outer::",
  "repeat goto cont; local x; ::cont:: until x",
  "for i = 1, 2 do end goto l",
  "break",
  "if x then break end",
  "local function f() break end while true do f() end",
  "goto continue\nlocal a\n::continue::\nprint(a)",
  "\n\n::dup::\n\n::dup::",
  "\ngoto missing\n",
  "while true do goto l end",
}
for _, src in ipairs(cases) do
  local f, err = load(src, "=src")
  print((src:gsub("\n", "\\n")), "->", f and "compiles" or err)
end
