-- Weak-key tables are ephemeron tables (manual 2.5.4): a value is kept
-- only while its key is reachable from outside the table. Chains of
-- entries whose keys are reachable only through other entries' values,
-- cycles through values, and keys that are strings or numbers (never
-- collected) are checked, in both collector modes.

local function keys(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

local function run(mode)
  print("== " .. mode)
  collectgarbage(mode)
  local e = setmetatable({}, {__mode = "k"})
  -- value points back to its own key: still collectable
  do
    local k = {}
    e[k] = {ref = k}
  end
  collectgarbage()
  print("self-cycle through value collected:", keys(e) == 0)

  -- a chain k1 -> v1 -> k2 -> v2 -> ... -> kn, with only k1 held outside
  local head = {}
  do
    local k = head
    for i = 1, 50 do
      local nextk = {}
      e[k] = {i = i, nextkey = nextk}
      k = nextk
    end
  end
  collectgarbage()
  print("chain entries alive:", keys(e))
  -- walking the chain finds every value
  local k, n = head, 0
  while e[k] do n = n + 1; k = e[k].nextkey end
  print("walked:", n)
  -- the same chain built backwards (keys created last reachable first)
  local e2 = setmetatable({}, {__mode = "k"})
  local keys2 = {}
  for i = 1, 50 do keys2[i] = {} end
  for i = 50, 2, -1 do e2[keys2[i - 1]] = keys2[i] end
  local first = keys2[1]
  keys2 = nil
  collectgarbage()
  print("backward chain alive:", keys(e2))
  first = nil
  collectgarbage()
  print("backward chain after dropping head:", keys(e2))
  head = nil
  collectgarbage()
  print("chain after dropping head:", keys(e))

  -- non-collectable keys keep their values (strings are values)
  local e3 = setmetatable({}, {__mode = "k"})
  e3.name = {}
  e3[1] = {}
  e3[2.5] = {}
  e3[true] = {}
  e3[("x"):rep(50)] = {}            -- a long string key
  collectgarbage()
  print("non-collectable keys kept:", keys(e3))

  -- a key reachable only from the value of another weak table's entry
  local outer = setmetatable({}, {__mode = "k"})
  local inner = setmetatable({}, {__mode = "k"})
  do
    local a, b = {}, {}
    outer[a] = b
    inner[b] = a
  end
  collectgarbage()
  print("two ephemerons pointing at each other:", keys(outer), keys(inner))

  -- values that are strong elsewhere do not keep their keys
  local holder = {}
  local e4 = setmetatable({}, {__mode = "k"})
  do
    local v = {}
    holder[1] = v
    e4[{}] = v
  end
  collectgarbage()
  print("key collected although value is alive:", keys(e4), #holder)
end

run("incremental")
run("generational")
