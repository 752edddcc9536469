-- Weak-value tables (__mode "v"): entries whose value is collected vanish
-- (array part, hash part and string-keyed fields alike); strings, numbers,
-- booleans and functions still referenced elsewhere stay. Checked in both
-- collector modes. Nothing is observed before an explicit collection, so
-- the output does not depend on when automatic collections happen.

local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

local function run(mode)
  print("== " .. mode)
  collectgarbage(mode)
  local keep = {}
  local w = setmetatable({}, {__mode = "v"})
  for i = 1, 10 do
    local v = {i}
    w[i] = v                       -- array part
    w["f" .. i] = {i}              -- string keys (shaped fields / hash)
    w[i + 0.5] = v                 -- float keys: hash part
    if i % 2 == 0 then keep[#keep + 1] = v end
  end
  w.str = "strings are values, never removed"
  w.num = 42
  w.yes = true
  w.fn = print
  w.tbl = keep
  collectgarbage()
  local ints, floats, fields = {}, {}, 0
  for k, v in pairs(w) do
    if math.type(k) == "integer" then ints[#ints + 1] = k
    elseif math.type(k) == "float" then floats[#floats + 1] = k
    elseif type(k) == "string" and k:match("^f%d+$") then fields = fields + 1 end
  end
  table.sort(ints); table.sort(floats)
  print("integer keys kept:", table.concat(ints, " "))
  print("float keys kept:", table.concat(floats, " "))
  print("fields kept:", fields)
  print(w.str, w.num, w.yes, w.fn == print, w.tbl == keep)
  -- values still referenced from a strong table survive any number of cycles
  for _ = 1, 3 do collectgarbage() end
  print("after more cycles:", count(w))
  keep = nil
  w.tbl = nil
  collectgarbage()
  print("after dropping keep:", count(w))
  -- a weak-value table referenced only by itself goes away with its values
  local self = setmetatable({}, {__mode = "v"})
  self[1] = self
  local probe = setmetatable({}, {__mode = "k"})
  probe[self] = true
  self = nil
  collectgarbage()
  print("self-referencing weak table collected:", next(probe) == nil)
end

run("incremental")
run("generational")
run("incremental")
