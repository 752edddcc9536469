-- Tables weak in keys and values ("kv"): an entry goes when either side is
-- collected. Also: changing __mode of a live table (the collector reads it
-- at each traversal), and weak keys among many dying ones.

local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

for _, mode in ipairs{"incremental", "generational"} do
  print("== " .. mode)
  collectgarbage(mode)
  local kv = setmetatable({}, {__mode = "kv"})
  local strongk, strongv = {}, {}
  kv[strongk] = {}               -- value dies
  kv[{}] = strongv               -- key dies
  kv[strongk] = nil
  kv[strongk] = strongv          -- both alive
  kv.s = {}                      -- string key, dying value
  kv[10] = "ten"                 -- nothing collectable
  collectgarbage()
  print("kv entries:", count(kv), kv[strongk] == strongv, kv[10])

  -- a strong table turned weak later, and back
  local mt = {}
  local t = setmetatable({}, mt)
  for i = 1, 5 do t[i] = {} end
  collectgarbage()
  print("strong:", count(t))
  mt.__mode = "v"
  collectgarbage()
  print("made weak:", count(t))
  mt.__mode = nil
  for i = 1, 5 do t[i] = {} end
  collectgarbage()
  print("strong again:", count(t))

  -- traversal with next while entries are being cleared
  local w = setmetatable({}, {__mode = "k"})
  local alive = {}
  for i = 1, 20 do
    local k = {}
    w[k] = i
    if i % 4 == 0 then alive[#alive + 1] = k end
  end
  collectgarbage()
  local n = 0
  for _ in pairs(w) do n = n + 1 end
  print("live weak keys:", n)
  alive = nil
  collectgarbage()
  print("all dead:", next(w) == nil)
end
