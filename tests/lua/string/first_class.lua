-- Pattern searches skip positions where the pattern's first class cannot
-- match (lib/strpat.c, strpat_findfirst): every kind of first item, with
-- captures before it, anchors, malformed patterns and start positions.
local subjects = {"", "abc", "hello world 123 foo=42 (a(b)c) [x]", "a-b*c+d?e$f^g", "%%a]b", "\0x\0y", "AAA bbb CCC", "  \t\n x"}
local pats = {"a", "(a)", "((a))", "()a", "(%a+)", "%a+", "[ab]+", "[^ab]", "[%a%d]", "[]]", "[a-c]", "[", "[a", "[%", "%", "(", ")", "%b()", "%f[%a]%a+",
  "$", "a$", "^a", "^(a)", "(%w+)=(%d+)", "%d*", "a?", "a-", "a*", ".", ".-b", "%1", "(a)%1", "%z", "%Z+", "[%]]", "[^%]]", "%]", "-", "*", "+", "?", "%q", "%.", "%%", "x", "\0", "%x+", "%S+", "(()", "[a-]", "[-a]", "[^]", "[^]]"}
for _, s in ipairs(subjects) do
  for _, p in ipairs(pats) do
    local r = {pcall(string.find, s, p)}
    local r2 = {pcall(string.match, s, p)}
    local r3 = {pcall(string.gsub, s, p, "<%0>")}
    local r4 = {pcall(function() local t = {} for a, b in s:gmatch(p) do t[#t+1] = tostring(a) .. "|" .. tostring(b) end return table.concat(t, ",") end)}
    local r5 = {pcall(string.gsub, s, p, "!", 0)}
    local r6 = {pcall(string.find, s, p, 3)}
    local out = {}
    for _, rr in ipairs({r, r2, r3, r4, r5, r6}) do for i = 1, #rr do out[#out+1] = tostring(rr[i]) end out[#out+1] = ";" end
    print(string.format("%q %q", s, p), table.concat(out, " "))
  end
end
