-- hashchurn: tables that keep changing shape: a registry of objects keyed
-- by strings and by integers with random inserts, lookups and deletes
-- (assigning nil), objects that gain and lose optional fields, counting
-- with next/pairs, and arrays grown and shrunk with table.insert/remove.
-- Measures hash-part insertion, rehashing, deletion and field access on
-- tables whose set of keys is not fixed.
-- compat: 5.1
-- quick-size: 2000
-- iter-size: 30000
local n = tonumber(arg and arg[1]) or 1000000

local insert, remove = table.insert, table.remove

local seed = 2024
local function random(k)               -- Park-Miller: exact in doubles too
  seed = (seed * 16807) % 2147483647
  return seed % k
end

local by_name, by_id = {}, {}
local live, created, removed, hits, misses = 0, 0, 0, 0, 0
local optional = { "color", "owner", "weight", "tag", "parent", "note" }
local queue = {}
local checksum = 0

for step = 1, n do
  local op = random(10)
  local id = random(5000)
  local name = "obj" .. id
  if op < 4 then
    -- create or replace
    if not by_name[name] then live = live + 1 end
    local obj = { id = id, name = name, hp = step % 100, x = step % 17, y = step % 23 }
    by_name[name] = obj
    by_id[id] = obj
    created = created + 1
  elseif op < 7 then
    -- look up and touch optional fields
    local obj = by_name[name]
    if obj then
      hits = hits + 1
      local field = optional[step % #optional + 1]
      if obj[field] then
        checksum = (checksum + obj.hp + #field) % 1000000007
        obj[field] = nil
      else
        obj[field] = step
      end
      obj.hp = obj.hp + 1
    else
      misses = misses + 1
    end
  elseif op < 9 then
    -- delete
    if by_name[name] then
      by_name[name] = nil
      by_id[id] = nil
      live = live - 1
      removed = removed + 1
    end
  else
    -- a work queue grown at the end and drained from the front
    insert(queue, step)
    if #queue > 64 then
      checksum = (checksum + remove(queue, 1)) % 1000000007
    end
  end
  if step % 20000 == 0 then
    -- full scans: counts and sums that do not depend on traversal order
    local count, fields = 0, 0
    for _, obj in pairs(by_name) do
      count = count + 1
      for _ in pairs(obj) do fields = fields + 1 end
    end
    assert(count == live)
    local k, any = 0, next(by_id)
    for _ in pairs(by_id) do k = k + 1 end
    assert(k == live and (any ~= nil) == (live > 0))
    checksum = (checksum + fields * 7 + count) % 1000000007
  end
end
print(string.format("hashchurn(%d) = %d %d %d %d %d %d", n, live, created, removed, hits,
                    misses, checksum))
