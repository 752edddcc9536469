-- A failing load leaves no half-built state: nothing of the chunk runs or
-- becomes visible (no globals appear), a reader that errors or returns a
-- non-string ends the load with that error, truncated or wrong-mode
-- binary chunks are refused, the collector runs fine afterwards over
-- whatever the failed loads allocated, and later loads work.
local function globals()
  local names = {}
  for k in pairs(_G) do names[#names + 1] = k end
  table.sort(names)
  return table.concat(names, " ")
end
local before = globals()

print(load("x = 1; y = "))
print(x, y)

-- a reader that fails after handing out a valid prefix
local pieces = {"z = 1 ", "w = 2 ", "local q = "}
local i = 0
print(load(function()
  i = i + 1
  if i > #pieces then error("reader gave up") end
  return pieces[i]
end))
print(z, w, i)

-- a reader that returns something other than a string
i = 0
print(load(function() i = i + 1; if i == 2 then return {} end; return "v = 1 " end))
print(v)

-- a reader that raises a non-string error
local ok, f, err = pcall(load, function() error({code = 5}) end)
print(ok, f, type(err), type(err) == "table" and err.code)

-- truncated binary chunks, at many cut points
local dumped = string.dump(function(a) return a + 1 end)
local refused = 0
for cut = 1, #dumped - 1 do
  local g, e = load(dumped:sub(1, cut))
  if g == nil and e:find("truncated", 1, true) then refused = refused + 1 end
end
print("truncations refused", refused == #dumped - 1)

-- modes
print(load(dumped, "d", "t"))
print(load("return 1", "s", "b"))

-- a binary chunk whose reader fails midway
local j = 0
print(load(function()
  j = j + 1
  if j == 1 then return dumped:sub(1, 10) end
  error("mid-binary")
end))

-- the failed loads left nothing behind: collect, then load for real
collectgarbage()
collectgarbage()
print(load(dumped)(41), load("return ...")(7))
print(x, y, z, w, v)
print(globals() == before)
