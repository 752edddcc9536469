-- scheduler: an object-oriented simulation of a tiny operating system:
-- tasks of several classes (metatables with __index inheritance) pass
-- packets through a scheduler; nearly every operation is a method call.
-- compat: 5.1
-- quick-size: 2000
-- iter-size: 5000
local rounds = tonumber(arg and arg[1]) or 120000

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

-- Packets carry a kind, a destination and a small payload array.
local Packet = class()
function Packet.new(kind, dest)
  return setmetatable({kind = kind, dest = dest, payload = {0, 0, 0, 0}, link = nil}, Packet)
end
function Packet:fill(seed)
  local p = self.payload
  for i = 1, #p do p[i] = (seed + i * 7) % 26 end
  return self
end
function Packet:sum()
  local s = 0
  for i = 1, #self.payload do s = s + self.payload[i] end
  return s
end

-- A FIFO of packets through their link fields.
local Queue = class()
function Queue.new() return setmetatable({head = nil, tail = nil, size = 0}, Queue) end
function Queue:push(p)
  p.link = nil
  if self.tail then self.tail.link = p else self.head = p end
  self.tail = p
  self.size = self.size + 1
end
function Queue:pop()
  local p = self.head
  if p then
    self.head = p.link
    if not self.head then self.tail = nil end
    self.size = self.size - 1
  end
  return p
end
function Queue:empty() return self.head == nil end

-- Tasks: the base class keeps the inbox and statistics; subclasses
-- implement step().
local Task = class()
function Task.init(self, id, sched)
  self.id, self.sched, self.inbox, self.handled = id, sched, Queue.new(), 0
  return self
end
function Task:receive(p) self.inbox:push(p) end
function Task:ready() return not self.inbox:empty() end
function Task:send(p) self.sched:deliver(p) end

local Producer = class(Task)
function Producer.new(id, sched, targets)
  local t = Task.init(setmetatable({}, Producer), id, sched)
  t.targets, t.next_target, t.seed = targets, 1, id
  return t
end
function Producer:ready() return true end
function Producer:step()
  self.seed = (self.seed * 17 + 11) % 1009
  local dest = self.targets[self.next_target]
  self.next_target = self.next_target % #self.targets + 1
  self:send(Packet.new("work", dest):fill(self.seed))
  self.handled = self.handled + 1
end

local Worker = class(Task)
function Worker.new(id, sched, sink)
  local t = Task.init(setmetatable({}, Worker), id, sched)
  t.sink, t.total = sink, 0
  return t
end
function Worker:step()
  local p = self.inbox:pop()
  self.total = self.total + p:sum()
  p.kind, p.dest = "done", self.sink
  local pl = p.payload
  for i = 1, #pl do pl[i] = (pl[i] * 3 + self.id) % 26 end
  self:send(p)
  self.handled = self.handled + 1
end

local Sink = class(Task)
function Sink.new(id, sched)
  local t = Task.init(setmetatable({}, Sink), id, sched)
  t.checksum = 0
  return t
end
function Sink:step()
  local p = self.inbox:pop()
  self.checksum = (self.checksum + p:sum() * self.handled) % 1000000007
  self.handled = self.handled + 1
end

local Scheduler = class()
function Scheduler.new() return setmetatable({tasks = {}, by_id = {}, switches = 0}, Scheduler) end
function Scheduler:add(task)
  self.tasks[#self.tasks + 1] = task
  self.by_id[task.id] = task
end
function Scheduler:deliver(p) self.by_id[p.dest]:receive(p) end
function Scheduler:run_round()
  local tasks = self.tasks
  for i = 1, #tasks do
    local t = tasks[i]
    while t:ready() do
      t:step()
      self.switches = self.switches + 1
      if t.step == Producer.step then break end
    end
  end
end

local sched = Scheduler.new()
local sink = Sink.new(100, sched)
local workers = {}
for i = 1, 4 do workers[i] = 10 + i end
sched:add(Producer.new(1, sched, workers))
sched:add(Producer.new(2, sched, {workers[4], workers[3]}))
for i = 1, 4 do sched:add(Worker.new(workers[i], sched, 100)) end
sched:add(sink)
for _ = 1, rounds do sched:run_round() end

local handled = 0
for _, t in ipairs(sched.tasks) do handled = handled + t.handled end
print(string.format("scheduler(%d) = %d %d %d", rounds, sched.switches, handled, sink.checksum))
