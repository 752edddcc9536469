-- Lead bytes 0xFE/0xFF followed by six or more continuation bytes: no
-- valid sequence starts like that, and the decoder must say so without
-- shifting a 32-bit value by 32 or more bits (UBSan in test-asan).
-- Found by tests/fuzz (strlib target) in utf8.codes with lax = true.
for _, lead in ipairs({"\xfe", "\xff", "\xfc", "\xf8"}) do
  local s = lead .. ("\x80"):rep(7) .. "A"
  for _, lax in ipairs({false, true}) do
    print(#s, lax, pcall(utf8.len, s, 1, -1, lax))
    print(pcall(utf8.codepoint, s, 1, 1, lax))
    print(pcall(function()
      local r = {}
      for p, c in utf8.codes(s, lax) do r[#r + 1] = p .. ":" .. c end
      return table.concat(r, " ")
    end))
  end
end
print(utf8.len("\xfd\xbf\xbf\xbf\xbf\xbf", 1, -1, true), utf8.codepoint("\xfd\xbf\xbf\xbf\xbf\xbf", 1, 1, true))
