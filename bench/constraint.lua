-- constraint: a small finite-domain constraint solver written as classes
-- with inheritance through __index (Constraint -> AllDifferent ->
-- Permutation, Constraint -> Binary -> NotEqualOffset / LessThan), with a
-- trail for undo, a propagation queue and smallest-domain-first search. It
-- solves generated Sudoku puzzles and counts n-queens solutions; nearly
-- every step is a method call on an object found through one or two
-- metatable levels.
-- compat: 5.1
-- quick-size: 2
-- iter-size: 3
local n = tonumber(arg and arg[1]) or 120

local floor = math.floor

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  return c
end

-- ---------------------------------------------------------------- variables

local Var = class()

function Var.new(id, size)
  local dom = {}
  for v = 1, size do dom[v] = true end
  return setmetatable({ id = id, dom = dom, size = size, count = size,
                        constraints = {} }, Var)
end

function Var:value()             -- the value of a fixed variable, else nil
  if self.count ~= 1 then return nil end
  local dom = self.dom
  for v = 1, self.size do
    if dom[v] then return v end
  end
end

function Var:min()
  for v = 1, self.size do if self.dom[v] then return v end end
end

function Var:max()
  for v = self.size, 1, -1 do if self.dom[v] then return v end end
end

-- -------------------------------------------------------------- constraints

local Constraint = class()

function Constraint:init(vars)
  self.vars = vars
  for i = 1, #vars do
    local cs = vars[i].constraints
    cs[#cs + 1] = self
  end
  return self
end

function Constraint:propagate(solver, changed)
  error("propagate is not defined for " .. tostring(self.kind))
end

-- All variables take different values: a fixed variable's value is removed
-- from every other variable of the group.
local AllDifferent = class(Constraint)
AllDifferent.kind = "alldifferent"

function AllDifferent.new(vars)
  return setmetatable({}, AllDifferent):init(vars)
end

function AllDifferent:propagate(solver, changed)
  local v = changed:value()
  if not v then return true end
  local vars = self.vars
  for i = 1, #vars do
    local other = vars[i]
    if other ~= changed and not solver:remove(other, v) then return false end
  end
  return true
end

-- As many variables as values: besides AllDifferent's rule, a value that
-- only one variable can still take is given to it.
local Permutation = class(AllDifferent)
Permutation.kind = "permutation"

function Permutation.new(vars)
  return setmetatable({}, Permutation):init(vars)
end

function Permutation:propagate(solver, changed)
  if not AllDifferent.propagate(self, solver, changed) then return false end
  local vars = self.vars
  for value = 1, #vars do
    local place, places = nil, 0
    for i = 1, #vars do
      if vars[i].dom[value] then
        place, places = vars[i], places + 1
        if places > 1 then break end
      end
    end
    if places == 0 then return false end
    if places == 1 and place.count > 1 and not solver:assign(place, value) then
      return false
    end
  end
  return true
end

local Binary = class(Constraint)

function Binary:setup(x, y)
  self.x, self.y = x, y
  return self:init({ x, y })
end

function Binary:propagate(solver, changed)
  if changed == self.x then return self:forward(solver) end
  return self:backward(solver)
end

-- x ~= y + offset (queens on a diagonal).
local NotEqualOffset = class(Binary)
NotEqualOffset.kind = "notequal"

function NotEqualOffset.new(x, y, offset)
  local c = setmetatable({ offset = offset }, NotEqualOffset)
  return c:setup(x, y)
end

function NotEqualOffset:forward(solver)
  local v = self.x:value()
  if not v then return true end
  local w = v - self.offset
  if w < 1 or w > self.y.size then return true end
  return solver:remove(self.y, w)
end

function NotEqualOffset:backward(solver)
  local w = self.y:value()
  if not w then return true end
  local v = w + self.offset
  if v < 1 or v > self.x.size then return true end
  return solver:remove(self.x, v)
end

-- x < y (bounds consistency).
local LessThan = class(Binary)
LessThan.kind = "lessthan"

function LessThan.new(x, y)
  return setmetatable({}, LessThan):setup(x, y)
end

function LessThan:forward(solver)
  local low = self.x:min()
  for v = 1, low do
    if self.y.dom[v] and not solver:remove(self.y, v) then return false end
  end
  return self:backward(solver)
end

function LessThan:backward(solver)
  local high = self.y:max()
  for v = high, self.x.size do
    if self.x.dom[v] and not solver:remove(self.x, v) then return false end
  end
  return true
end

-- ------------------------------------------------------------------- solver

local Solver = class()

function Solver.new()
  return setmetatable({ vars = {}, constraints = {}, trail_var = {}, trail_value = {},
                        top = 0, queue = {}, nodes = 0, solutions = 0 }, Solver)
end

function Solver:var(size)
  local v = Var.new(#self.vars + 1, size)
  self.vars[#self.vars + 1] = v
  return v
end

function Solver:add(c)
  self.constraints[#self.constraints + 1] = c
  return c
end

-- Every change of a domain is recorded on the trail so undo can restore it.
function Solver:remove(var, value)
  if not var.dom[value] then return true end
  var.dom[value] = false
  var.count = var.count - 1
  local top = self.top + 1
  self.top = top
  self.trail_var[top], self.trail_value[top] = var, value
  if var.count == 0 then return false end
  self.queue[#self.queue + 1] = var
  return true
end

function Solver:assign(var, value)
  for v = 1, var.size do
    if v ~= value and var.dom[v] and not self:remove(var, v) then return false end
  end
  return true
end

function Solver:undo(mark)
  local tv, tval = self.trail_var, self.trail_value
  for i = self.top, mark + 1, -1 do
    local var = tv[i]
    var.dom[tval[i]] = true
    var.count = var.count + 1
    tv[i] = nil
  end
  self.top = mark
end

function Solver:propagate()
  local queue, head = self.queue, 1
  while head <= #queue do
    local var = queue[head]
    head = head + 1
    local cs = var.constraints
    for i = 1, #cs do
      if not cs[i]:propagate(self, var) then
        for j = #queue, 1, -1 do queue[j] = nil end
        return false
      end
    end
  end
  for j = #queue, 1, -1 do queue[j] = nil end
  return true
end

function Solver:choose()
  local best
  local vars = self.vars
  for i = 1, #vars do
    local v = vars[i]
    if v.count > 1 and (not best or v.count < best.count) then best = v end
  end
  return best
end

-- Counts solutions up to limit; on_solution sees the first one.
function Solver:search(limit, on_solution)
  self.nodes = self.nodes + 1
  local var = self:choose()
  if not var then
    self.solutions = self.solutions + 1
    if self.solutions == 1 and on_solution then on_solution(self) end
    return
  end
  for value = 1, var.size do
    if var.dom[value] then
      local mark = self.top
      if self:assign(var, value) and self:propagate() then
        self:search(limit, on_solution)
      else
        for j = #self.queue, 1, -1 do self.queue[j] = nil end
      end
      self:undo(mark)
      if self.solutions >= limit then return end
    end
  end
end

function Solver:solve(limit, on_solution)
  for i = 1, #self.vars do self.queue[#self.queue + 1] = self.vars[i] end
  if self:propagate() then self:search(limit, on_solution) end
  return self.solutions, self.nodes
end

-- ------------------------------------------------------------------ puzzles

local seed = 42
local function random(k)           -- Park-Miller: exact in doubles too
  seed = (seed * 16807) % 2147483647
  return seed % k + 1
end

local function shuffled(k)
  local p = {}
  for i = 1, k do p[i] = i end
  for i = k, 2, -1 do
    local j = random(i)
    p[i], p[j] = p[j], p[i]
  end
  return p
end

-- A valid grid from the shifted-rows pattern, relabelled and with rows and
-- columns permuted inside their bands, then most cells erased.
local function sudoku_puzzle(givens)
  local digits, rows, cols = shuffled(9), {}, {}
  local band_order, stack_order = shuffled(3), shuffled(3)
  for b = 1, 3 do
    local inner_r, inner_c = shuffled(3), shuffled(3)
    for k = 1, 3 do
      rows[(b - 1) * 3 + k] = (band_order[b] - 1) * 3 + inner_r[k]
      cols[(b - 1) * 3 + k] = (stack_order[b] - 1) * 3 + inner_c[k]
    end
  end
  local grid = {}
  for r = 1, 9 do
    for c = 1, 9 do
      local rr, cc = rows[r] - 1, cols[c] - 1
      grid[(r - 1) * 9 + c] = digits[(rr * 3 + floor(rr / 3) + cc) % 9 + 1]
    end
  end
  local order = shuffled(81)
  for i = givens + 1, 81 do grid[order[i]] = 0 end
  return grid
end

local function solve_sudoku(grid)
  local s = Solver.new()
  local cell = {}
  for i = 1, 81 do cell[i] = s:var(9) end
  for k = 0, 8 do
    local row, col, box = {}, {}, {}
    for j = 0, 8 do
      row[j + 1] = cell[k * 9 + j + 1]
      col[j + 1] = cell[j * 9 + k + 1]
      local r = floor(k / 3) * 3 + floor(j / 3)
      local c = (k % 3) * 3 + j % 3
      box[j + 1] = cell[r * 9 + c + 1]
    end
    s:add(Permutation.new(row))
    s:add(Permutation.new(col))
    s:add(Permutation.new(box))
  end
  for i = 1, 81 do
    if grid[i] ~= 0 then s:assign(cell[i], grid[i]) end
  end
  local digest = 0
  local solutions, nodes = s:solve(2, function()
    for i = 1, 81 do digest = (digest * 7 + cell[i]:value() * i) % 1000003 end
  end)
  return solutions, nodes, digest
end

local function queens(k)
  local s = Solver.new()
  local q = {}
  for i = 1, k do q[i] = s:var(k) end
  s:add(AllDifferent.new(q))
  for i = 1, k do
    for j = i + 1, k do
      s:add(NotEqualOffset.new(q[i], q[j], j - i))
      s:add(NotEqualOffset.new(q[i], q[j], i - j))
    end
  end
  s:add(LessThan.new(q[1], q[k]))      -- the mirror image is not counted
  return s:solve(1e9)
end

local unique, total_nodes, digest_sum, queen_solutions = 0, 0, 0, 0
for i = 1, n do
  local solutions, nodes, digest = solve_sudoku(sudoku_puzzle(26 + i % 9))
  if solutions == 1 then unique = unique + 1 end
  total_nodes = total_nodes + nodes
  digest_sum = (digest_sum + digest) % 1000003
  local count, qnodes = queens(5 + i % 4)
  queen_solutions = queen_solutions + count
  total_nodes = total_nodes + qnodes
end
print(string.format("constraint(%d) = %d %d %d %d", n, unique, queen_solutions,
                    total_nodes, digest_sum))
