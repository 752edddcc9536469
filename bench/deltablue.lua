-- deltablue: the DeltaBlue incremental constraint solver (Freeman-Benson,
-- Maloney and Borning): constraints with strengths over variables, a
-- planner that adds and removes constraints incrementally and extracts
-- plans, tested on a long chain of equalities and on a projection of
-- scaled variables. Class hierarchies two and three deep through __index
-- (Constraint -> Unary -> Stay/Edit, Constraint -> Binary -> Equality ->
-- Scale), polymorphic method calls, small arrays used as queues.
-- compat: 5.1
-- quick-size: 2
-- iter-size: 12
local n = tonumber(arg and arg[1]) or 400

local floor = math.floor

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  return c
end

-- Strengths: smaller is stronger. REQUIRED constraints must hold; the
-- others hold when nothing stronger is in the way.
local REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT = 0, 1, 2, 3
local NORMAL, WEAK_DEFAULT, WEAKEST = 4, 5, 6

local function stronger(a, b) return a < b end
local function weaker(a, b) return a > b end
local function weakest_of(a, b) if a > b then return a end return b end

local NONE, FORWARD, BACKWARD = 0, 1, 2

local planner                          -- the planner of the current test

-- ---------------------------------------------------------------- variables

local Variable = class()

function Variable.new(name, value)
  return setmetatable({ name = name, value = value or 0, constraints = {},
                        determined_by = nil, mark = 0, walk_strength = WEAKEST,
                        stay = true }, Variable)
end

function Variable:add_constraint(c)
  self.constraints[#self.constraints + 1] = c
end

function Variable:remove_constraint(c)
  local cs, k = self.constraints, 0
  for i = 1, #cs do
    local x = cs[i]
    cs[i] = nil
    if x ~= c then k = k + 1; cs[k] = x end
  end
  if self.determined_by == c then self.determined_by = nil end
end

-- -------------------------------------------------------------- constraints

local Constraint = class()

function Constraint:add_constraint()
  self:add_to_graph()
  planner:incremental_add(self)
end

-- Chooses a method that makes this constraint hold, if one can; returns
-- the constraint it overrode (now unsatisfied), or nil.
function Constraint:satisfy(mark)
  self:choose_method(mark)
  if not self:is_satisfied() then
    if self.strength == REQUIRED then error("could not satisfy a required constraint") end
    return nil
  end
  self:mark_inputs(mark)
  local out = self:output()
  local overridden = out.determined_by
  if overridden then overridden:mark_unsatisfied() end
  out.determined_by = self
  if not planner:add_propagate(self, mark) then error("cycle encountered") end
  out.mark = mark
  return overridden
end

function Constraint:destroy_constraint()
  if self:is_satisfied() then planner:incremental_remove(self) end
  self:remove_from_graph()
end

function Constraint:is_input() return false end

-- One variable: a stay or an edit.
local Unary = class(Constraint)

function Unary:init(v, strength)
  self.my_output, self.strength, self.satisfied = v, strength, false
  self:add_constraint()
  return self
end

function Unary:add_to_graph()
  self.my_output:add_constraint(self)
  self.satisfied = false
end

function Unary:choose_method(mark)
  local out = self.my_output
  self.satisfied = out.mark ~= mark and stronger(self.strength, out.walk_strength)
end

function Unary:is_satisfied() return self.satisfied end
function Unary:mark_inputs(mark) end
function Unary:output() return self.my_output end

function Unary:recalculate()
  local out = self.my_output
  out.walk_strength = self.strength
  out.stay = not self:is_input()
  if out.stay then self:execute() end
end

function Unary:mark_unsatisfied() self.satisfied = false end
function Unary:inputs_known(mark) return true end

function Unary:remove_from_graph()
  if self.my_output then self.my_output:remove_constraint(self) end
  self.satisfied = false
end

local Stay = class(Unary)
function Stay.new(v, strength) return setmetatable({}, Stay):init(v, strength) end
function Stay:execute() end

-- An edit marks its variable as an input that the program changes.
local Edit = class(Unary)
function Edit.new(v, strength) return setmetatable({}, Edit):init(v, strength) end
function Edit:is_input() return true end
function Edit:execute() end

-- Two variables; the direction says which one is computed from the other.
local Binary = class(Constraint)

function Binary:init(v1, v2, strength)
  self.v1, self.v2, self.strength, self.direction = v1, v2, strength, NONE
  self:add_constraint()
  return self
end

function Binary:choose_method(mark)
  local v1, v2, s = self.v1, self.v2, self.strength
  if v1.mark == mark then
    self.direction = (v2.mark ~= mark and stronger(s, v2.walk_strength)) and FORWARD or NONE
  elseif v2.mark == mark then
    self.direction = (v1.mark ~= mark and stronger(s, v1.walk_strength)) and BACKWARD or NONE
  elseif weaker(v1.walk_strength, v2.walk_strength) then
    self.direction = stronger(s, v1.walk_strength) and BACKWARD or NONE
  else
    self.direction = stronger(s, v2.walk_strength) and FORWARD or NONE
  end
end

function Binary:add_to_graph()
  self.v1:add_constraint(self)
  self.v2:add_constraint(self)
  self.direction = NONE
end

function Binary:is_satisfied() return self.direction ~= NONE end
function Binary:mark_inputs(mark) self:input().mark = mark end

function Binary:input()
  if self.direction == FORWARD then return self.v1 end
  return self.v2
end

function Binary:output()
  if self.direction == FORWARD then return self.v2 end
  return self.v1
end

function Binary:recalculate()
  local ihn, out = self:input(), self:output()
  out.walk_strength = weakest_of(self.strength, ihn.walk_strength)
  out.stay = ihn.stay
  if out.stay then self:execute() end
end

function Binary:mark_unsatisfied() self.direction = NONE end

function Binary:inputs_known(mark)
  local i = self:input()
  return i.mark == mark or i.stay or i.determined_by == nil
end

function Binary:remove_from_graph()
  self.v1:remove_constraint(self)
  self.v2:remove_constraint(self)
  self.direction = NONE
end

-- v1 = v2.
local Equality = class(Binary)
function Equality.new(v1, v2, strength)
  return setmetatable({}, Equality):init(v1, v2, strength)
end
function Equality:execute()
  if self.direction == FORWARD then self.v2.value = self.v1.value
  else self.v1.value = self.v2.value end
end

-- v2 = v1 * scale + offset, where scale and offset are variables too.
local Scale = class(Equality)

function Scale.new(src, scale, offset, dest, strength)
  local c = setmetatable({ scale = scale, offset = offset }, Scale)
  return c:init(src, dest, strength)
end

function Scale:add_to_graph()
  Binary.add_to_graph(self)
  self.scale:add_constraint(self)
  self.offset:add_constraint(self)
end

function Scale:remove_from_graph()
  Binary.remove_from_graph(self)
  if self.scale then self.scale:remove_constraint(self) end
  if self.offset then self.offset:remove_constraint(self) end
end

function Scale:mark_inputs(mark)
  Binary.mark_inputs(self, mark)
  self.scale.mark, self.offset.mark = mark, mark
end

function Scale:execute()
  if self.direction == FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    self.v1.value = floor((self.v2.value - self.offset.value) / self.scale.value)
  end
end

function Scale:recalculate()
  local ihn, out = self:input(), self:output()
  out.walk_strength = weakest_of(self.strength, ihn.walk_strength)
  out.stay = ihn.stay and self.scale.stay and self.offset.stay
  if out.stay then self:execute() end
end

-- --------------------------------------------------------------------- plans

local Plan = class()
function Plan.new() return setmetatable({ n = 0 }, Plan) end
function Plan:add(c) self.n = self.n + 1; self[self.n] = c end
function Plan:execute()
  for i = 1, self.n do self[i]:execute() end
end

-- ------------------------------------------------------------------- planner

local Planner = class()

function Planner.new() return setmetatable({ current_mark = 0 }, Planner) end

function Planner:new_mark()
  self.current_mark = self.current_mark + 1
  return self.current_mark
end

-- Satisfies c, and then whatever it overrode, and so on down the chain.
function Planner:incremental_add(c)
  local mark = self:new_mark()
  local overridden = c:satisfy(mark)
  while overridden do overridden = overridden:satisfy(mark) end
end

-- Removes c and re-satisfies the constraints that depended on it, the
-- strongest first.
function Planner:incremental_remove(c)
  local out = c:output()
  c:mark_unsatisfied()
  c:remove_from_graph()
  local unsatisfied = self:remove_propagate_from(out)
  for strength = REQUIRED, WEAKEST - 1 do
    for i = 1, #unsatisfied do
      local u = unsatisfied[i]
      if u.strength == strength then self:incremental_add(u) end
    end
  end
end

local function add_consumers(v, todo)
  local determining = v.determined_by
  local cs = v.constraints
  for i = 1, #cs do
    local c = cs[i]
    if c ~= determining and c:is_satisfied() then todo[#todo + 1] = c end
  end
end

function Planner:make_plan(sources)
  local mark = self:new_mark()
  local plan = Plan.new()
  local todo, head = sources, 1
  while head <= #todo do
    local c = todo[head]
    head = head + 1
    local out = c:output()
    if out.mark ~= mark and c:inputs_known(mark) then
      plan:add(c)
      out.mark = mark
      add_consumers(out, todo)
    end
  end
  return plan
end

function Planner:extract_plan(constraints)
  local sources = {}
  for i = 1, #constraints do
    local c = constraints[i]
    if c:is_input() and c:is_satisfied() then sources[#sources + 1] = c end
  end
  return self:make_plan(sources)
end

-- Recomputes the walk strength and stay flag downstream of c; false when
-- that walk comes back to c's output (a cycle).
function Planner:add_propagate(c, mark)
  local todo, head = { c }, 1
  while head <= #todo do
    local d = todo[head]
    head = head + 1
    if d:output().mark == mark then
      self:incremental_remove(c)
      return false
    end
    d:recalculate()
    add_consumers(d:output(), todo)
  end
  return true
end

function Planner:remove_propagate_from(out)
  out.determined_by, out.walk_strength, out.stay = nil, WEAKEST, true
  local unsatisfied, todo, head = {}, { out }, 1
  while head <= #todo do
    local v = todo[head]
    head = head + 1
    local cs = v.constraints
    for i = 1, #cs do
      if not cs[i]:is_satisfied() then unsatisfied[#unsatisfied + 1] = cs[i] end
    end
    local determining = v.determined_by
    for i = 1, #cs do
      local c = cs[i]
      if c ~= determining and c:is_satisfied() then
        c:recalculate()
        todo[#todo + 1] = c:output()
      end
    end
  end
  return unsatisfied
end

-- --------------------------------------------------------------------- tests

local checksum = 0

-- A chain v0 = v1 = ... = vk with a stay at the end and an edit at the
-- start: every value written to v0 must arrive at vk.
local function chain_test(k)
  planner = Planner.new()
  local first, last, prev
  for i = 0, k do
    local v = Variable.new("v" .. i)
    if prev then Equality.new(prev, v, REQUIRED) end
    if i == 0 then first = v end
    if i == k then last = v end
    prev = v
  end
  Stay.new(last, STRONG_DEFAULT)
  local edit = Edit.new(first, PREFERRED)
  local plan = planner:extract_plan({ edit })
  for i = 0, 99 do
    first.value = i
    plan:execute()
    if last.value ~= i then error("chain test failed at " .. i) end
    checksum = (checksum + last.value) % 1000003
  end
end

local function change(v, value)
  local edit = Edit.new(v, PREFERRED)
  local plan = planner:extract_plan({ edit })
  for _ = 1, 10 do
    v.value = value
    plan:execute()
  end
  edit:destroy_constraint()
end

-- k pairs dst = src * scale + offset sharing scale and offset; edits at
-- either end must propagate forwards and backwards.
local function projection_test(k)
  planner = Planner.new()
  local scale, offset = Variable.new("scale", 10), Variable.new("offset", 1000)
  local src, dst
  local dests = {}
  for i = 0, k - 1 do
    src, dst = Variable.new("src" .. i, i), Variable.new("dst" .. i, i)
    dests[#dests + 1] = dst
    Stay.new(src, NORMAL)
    Scale.new(src, scale, offset, dst, REQUIRED)
  end
  change(src, 17)
  if dst.value ~= 1170 then error("projection 1 failed") end
  change(dst, 1050)
  if src.value ~= 5 then error("projection 2 failed") end
  change(scale, 5)
  for i = 0, k - 2 do
    if dests[i + 1].value ~= i * 5 + 1000 then error("projection 3 failed") end
  end
  change(offset, 2000)
  for i = 0, k - 2 do
    if dests[i + 1].value ~= i * 5 + 2000 then error("projection 4 failed") end
  end
  for i = 1, #dests do checksum = (checksum + dests[i].value) % 1000003 end
end

for _ = 1, n do
  chain_test(100)
  projection_test(100)
end
print(string.format("deltablue(%d) = %d %d", n, checksum, planner.current_mark))
