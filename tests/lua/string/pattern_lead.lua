-- Repetitions of a class ('+', '*', '-') and what follows them: Crescent
-- scans a run of a class letter once and, when every match of the rest
-- must start with one class (possibly after captures), skips positions
-- where it cannot. Results, captures and errors (unbalanced ')', too many
-- captures, malformed classes, "pattern too complex" at the depth limit)
-- must be lua5.4's.

local s = "Hello, World! 123 abc_DEF\t\n\0x99 ~~ %% zz\1\2 \196\214 end"
for _, cl in ipairs{"a","A","c","C","d","D","g","G","l","L","p","P","s","S",
                    "u","U","w","W","x","X","z","Z","%",".","]","-","^"} do
  local t = {}
  for m in s:gmatch("%" .. cl .. "+") do t[#t + 1] = ("%q"):format(m) end
  print(cl, table.concat(t, ","))
  print(cl, pcall(string.gsub, s, "%" .. cl .. "*", "<%0>"))
  print(cl, s:find("%" .. cl .. "+$"), s:match("(%" .. cl .. "+)(.)"))
end

local subjects = {
  "abc=123 def=45 x=", "hello world (nested (parens)) end.", "aaa", "",
  "a.b.c", "key = value; k2=v2", ("ab"):rep(20) .. "=1",
}
local patterns = {
  "(%w+)=(%d+)", "(%w+)%s*=%s*(%w+)", "%a+)x", "(%a+))x", "((%a+)=)",
  "(()%a+())=", "%a-=", "(.-)%.", "^(%S+)%s(.-)%.%s*$", "%a+[=;]", "%a*%d",
  "%a+%", "%a+[", "%a+[a", "(%a+)%1", "%a+%b()", "%a+%f[%d]", "%a+$",
  "%a+$x", ".-b", "(a-)b", "a+()", "[%a]+=(%d)",
  "%a+" .. ("("):rep(31) .. "=" .. (")"):rep(31),
  "%a+" .. ("("):rep(33) .. "=" .. (")"):rep(33),
  "%w+%.%w+", "%w-%.%w+", "x*=", "[^=]+=", "%a+%s?%a",
}
for _, subj in ipairs(subjects) do
  for _, p in ipairs(patterns) do
    local r = table.pack(pcall(string.find, subj, p))
    local g = table.pack(pcall(string.gsub, subj, p, "<%0>"))
    local m = {}
    local ok, err = pcall(function()
      for a, b in subj:gmatch(p) do m[#m + 1] = tostring(a) .. "/" .. tostring(b) end
    end)
    print(("%q %q"):format(subj, p), tostring(r[1]), tostring(r[2]),
          tostring(r[3]), tostring(r[4]), g[1], g[2], g[3], ok, err,
          table.concat(m, " "))
  end
end

-- Near the matcher's depth limit: each "a?" that matches is one level.
for k = 195, 200 do
  for _, tail in ipairs{"%a+=", "%a+(=)", "%a+((=))", "%a-=", "%a-(=)",
                        "%a*()=", "%a+)="} do
    local subj = string.rep("a", k + 5) .. "="
    print(k, tail, pcall(string.find, subj, "^" .. string.rep("a?", k) .. tail))
  end
end
