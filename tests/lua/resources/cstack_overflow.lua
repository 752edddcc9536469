-- Recursion that goes through C (pcall, metamethods called by the VM,
-- string.gsub callbacks, table.sort comparators, tostring, nested
-- coroutine resumes, message handlers) ends in a catchable "C stack
-- overflow" / "error in error handling" error instead of a crash, and the
-- state keeps working after each one.
-- messages lose their "file:line: " prefixes (errors that cross
-- coroutine.wrap collect one per level; how many levels fit is not the
-- point here)
local function show(ok, msg)
  print(ok, type(msg) == "string" and (msg:gsub("[%w_]+%.lua:%d+: ", "")) or type(msg))
end

-- nested pcall: the innermost pcall catches the overflow
local depth = 0
local function nest() depth = depth + 1; return select(2, pcall(nest)) end
print(pcall(nest))
print(depth > 100)

-- nested xpcall with a handler
local function xnest() return select(2, xpcall(xnest, function(m) return m end)) end
print(pcall(xnest))

-- __index function that indexes itself
local t = setmetatable({}, {})
getmetatable(t).__index = function(self, k) return self[k] end
show(pcall(function() return t.x end))

-- __newindex function that assigns to itself
local n = setmetatable({}, {})
getmetatable(n).__newindex = function(self, k, v) self[k] = v end
show(pcall(function() n.x = 1 end))

-- __call chain through a function that calls the object again
local c = setmetatable({}, {})
getmetatable(c).__call = function(self) return (self()) end
show(pcall(c))

-- __tostring that calls tostring on itself
local s = setmetatable({}, {})
getmetatable(s).__tostring = function(self) return tostring(self) end
show(pcall(tostring, s))

-- __eq / __lt / __concat that recurse
local e = setmetatable({}, {})
getmetatable(e).__eq = function(a, b) return a == b end
getmetatable(e).__lt = function(a, b) return a < b end
getmetatable(e).__concat = function(a, b) return a .. b end
local e2 = setmetatable({}, getmetatable(e))
show(pcall(function() return e == e2 end))
show(pcall(function() return e < e2 end))
show(pcall(function() return e .. e2 end))

-- string.gsub callbacks that call gsub again
local function g(x) return (string.gsub(x, "x", g)) end
show(pcall(g, "x"))

-- table.sort comparators that sort again
local function sorter()
  local a = {3, 1, 2}
  table.sort(a, function(x, y) sorter(); return x < y end)
end
show(pcall(sorter))

-- coroutines resuming coroutines
local function resumer() return coroutine.resume(coroutine.create(resumer)) end
show(pcall(resumer))
local function wrapper() return coroutine.wrap(wrapper)() end
show(pcall(wrapper))

-- a message handler that fails: error in error handling
show(xpcall(error, function(m) error("again") end))
show(xpcall(error, function(m) local x = nil; return x.y end, "first"))

-- load with a reader that calls load
local function reader() load(reader); return nil end
show(pcall(load, reader))

-- the state is fine afterwards
print(select("#", pcall(string.rep, "x", 3)), ("ok"):rep(2))
