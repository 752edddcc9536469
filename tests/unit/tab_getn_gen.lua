-- tab_getn_gen.lua — run with lua5.4 to (re)generate tab_getn.ops and
-- tab_getn.expected: random sequences of integer-key assignments and `#`,
-- whose lua5.4 results test_tab.c must reproduce (border choice and the
-- array/hash sizing policy both show in `#` of tables with holes).
math.randomseed(20240607)
local ops, expected = {}, {}
local t
for round = 1, 300 do
  t = {}
  ops[#ops + 1] = "n"
  local maxk = ({4, 8, 16, 40, 100})[math.random(5)]
  local nops = math.random(1, 60)
  local fill = math.random() < 0.5
  for i = 1, nops do
    local k
    if fill and math.random() < 0.7 then k = i else k = math.random(1, maxk) end
    if math.random() < 0.05 then k = -math.random(0, 3) end
    local v = math.random() < 0.25 and "nil" or "x"
    ops[#ops + 1] = string.format("s %d %s", k, v)
    if v == "nil" then t[k] = nil else t[k] = true end
    if math.random() < 0.3 then
      ops[#ops + 1] = "l"
      expected[#expected + 1] = tostring(#t)
    end
  end
  ops[#ops + 1] = "l"
  expected[#expected + 1] = tostring(#t)
end
local f = assert(io.open("tab_getn.ops", "w"))
f:write(table.concat(ops, "\n"), "\n")
f:close()
f = assert(io.open("tab_getn.expected", "w"))
f:write(table.concat(expected, "\n"), "\n")
f:close()
