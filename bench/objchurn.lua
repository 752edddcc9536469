-- objchurn: an entity simulation that churns small objects. A world of
-- entities of three classes (metatables with __index inheritance) is
-- stepped tick by tick: each entity gets a fresh position vector every
-- tick (the old one becomes garbage), carries an inventory that grows and
-- shrinks, gains and loses an optional target field, dies of old age or
-- in collisions and is replaced by newborns; a spatial grid of cell lists
-- is rebuilt every tick and event records go through a queue. Measures
-- allocation of small tables, method calls, container inserts/removes and
-- the collector with a steady live heap and a high death rate.
-- The entity list keeps its length in World.n rather than asking `#`:
-- with `#`, LuaJIT 2.1 and lua5.4 parted ways at tick 36 of size 40.
-- compat: 5.1
-- quick-size: 1
-- iter-size: 4
local ticks = tonumber(arg and arg[1]) or 40

-- entities alive at the end of a tick (fewer for the small sizes of the
-- quick and warm-up runs)
local POP = ticks * 500 < 10000 and ticks * 500 or 10000
local GRID = 90                         -- the world is GRID x GRID cells
local CELL = 16                         -- a cell is CELL x CELL units
local SIZE = GRID * CELL
local floor = math.floor
local insert, remove = table.insert, table.remove

local seed = 4242
local function random(k)                -- Park-Miller: exact in doubles too
  seed = (seed * 16807) % 2147483647
  return seed % k
end

-- ---- classes ----
local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  return c
end

local Vec = class()
function Vec.new(x, y) return setmetatable({ x = x, y = y }, Vec) end
function Vec:add(o) return Vec.new((self.x + o.x) % SIZE, (self.y + o.y) % SIZE) end
function Vec:cell() return floor(self.x / CELL) * GRID + floor(self.y / CELL) end

local Entity = class()
local next_id = 0
function Entity.init(self, kind, x, y)
  next_id = next_id + 1
  self.id = next_id
  self.kind = kind
  self.pos = Vec.new(x, y)
  self.vel = Vec.new(random(7) - 3, random(7) - 3)
  self.age = 0
  self.life = 20 + random(60)
  self.hp = 10 + random(10)
  self.items = {}
  return self
end
function Entity:alive() return self.age < self.life and self.hp > 0 end
function Entity:move() self.pos = self.pos:add(self.vel) end
function Entity:pick(item)
  local items = self.items
  items[#items + 1] = item
  if #items > 6 then remove(items, 1) end
end
function Entity:value()
  local v = self.pos.x + self.pos.y + self.hp
  for i = 1, #self.items do v = v + self.items[i].weight end
  return v
end

local Walker = class(Entity)
function Walker.new(x, y) return Entity.init(setmetatable({}, Walker), "walker", x, y) end
function Walker:update(world)
  self.age = self.age + 1
  self:move()
  if random(8) == 0 then self:pick({ weight = random(5) + 1, tick = world.tick }) end
end

local Hunter = class(Entity)
function Hunter.new(x, y)
  local h = Entity.init(setmetatable({}, Hunter), "hunter", x, y)
  h.kills = 0
  return h
end
function Hunter:update(world)
  self.age = self.age + 1
  local t = self.target
  if t and t:alive() then
    -- steer towards the target
    local dx, dy = t.pos.x - self.pos.x, t.pos.y - self.pos.y
    self.vel = Vec.new(dx > 0 and 2 or (dx < 0 and -2 or 0), dy > 0 and 2 or (dy < 0 and -2 or 0))
  else
    self.target = nil
    local list = world.entities
    local cand = list[random(world.n) + 1]
    if cand ~= self and cand.kind ~= "hunter" then self.target = cand end
  end
  self:move()
end

local Spawner = class(Entity)
function Spawner.new(x, y)
  local s = Entity.init(setmetatable({}, Spawner), "spawner", x, y)
  s.life = s.life * 2
  s.vel = Vec.new(0, 0)
  return s
end
function Spawner:update(world)
  self.age = self.age + 1
  if random(4) == 0 then
    world:event("spawn", self.id)
    world:add(Walker.new(self.pos.x, self.pos.y))
  end
end

-- ---- the world ----
local World = class()
function World.new()
  return setmetatable({ entities = {}, byid = {}, cells = {}, events = {},
                        stats = {}, tick = 0, born = 0, died = 0, n = 0 }, World)
end
function World:add(e)
  local list = self.entities
  local n = self.n + 1
  list[n] = e
  self.n = n
  self.byid[e.id] = e
  self.born = self.born + 1
end
function World:event(kind, id)
  insert(self.events, { kind = kind, id = id, tick = self.tick })
end
function World:spawn()
  local r = random(10)
  local x, y = random(SIZE), random(SIZE)
  if r < 6 then return Walker.new(x, y)
  elseif r < 9 then return Hunter.new(x, y)
  else return Spawner.new(x, y) end
end
function World:step()
  self.tick = self.tick + 1
  local list = self.entities
  for i = 1, self.n do list[i]:update(self) end
  -- the grid: fresh cell lists every tick; crowded cells hurt everyone
  local cells = {}
  for i = 1, self.n do
    local e = list[i]
    local c = e.pos:cell()
    local cell = cells[c]
    if cell then cell[#cell + 1] = e else cells[c] = { e } end
  end
  for i = 1, self.n do
    local e = list[i]
    local n = #cells[e.pos:cell()]
    if n > 3 then e.hp = e.hp - (n - 3) end
    if e.kind == "hunter" and e.target and e.target.pos:cell() == e.pos:cell() then
      e.target.hp = 0
      e.kills = e.kills + 1
      e.target = nil
    end
  end
  self.cells = cells
  -- the dead leave every container (swap with the last, then pop)
  local i = 1
  local n = self.n
  while i <= n do
    local e = list[i]
    if e:alive() then
      i = i + 1
    else
      self:event(e.hp > 0 and "old" or "killed", e.id)
      self.byid[e.id] = nil
      list[i] = list[n]
      list[n] = nil
      n = n - 1
      self.died = self.died + 1
    end
  end
  self.n = n
  while self.n < POP do self:add(self:spawn()) end
  -- drain the events into counters
  local events, stats = self.events, self.stats
  while #events > 0 do
    local ev = remove(events)
    stats[ev.kind] = (stats[ev.kind] or 0) + 1
  end
end

local world = World.new()
while world.n < POP do world:add(world:spawn()) end
for _ = 1, ticks do world:step() end

local checksum, count = 0, 0
for id, e in pairs(world.byid) do
  count = count + 1
  checksum = (checksum + e:value() * (id % 1000 + 1)) % 1000000007
end
local s = world.stats
print(string.format("objchurn(%d) = %d %d %d %d %d %d %d", ticks, count, world.born,
                    world.died, s.old or 0, s.killed or 0, s.spawn or 0, checksum))
