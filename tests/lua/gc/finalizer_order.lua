-- Finalizers (manual 2.5.3): an object is marked for finalization only if
-- its metatable has __gc when setmetatable is called; objects collected
-- in the same cycle are finalized in the reverse order of that marking;
-- each finalizer runs once; __gc added to the metatable later does not
-- count, and removing it later does not stop the call (a nil __gc then
-- does nothing). Every group of objects becomes unreachable at one point
-- right before an explicit collection, so the order does not depend on
-- when automatic collections happen.

local log = {}
local function note(s) log[#log + 1] = s end
local function flush(title)
  print(title, table.concat(log, " "))
  log = {}
end

local function gcmt(tag)
  return {__gc = function(o) note(tag .. o.id) end}
end

for _, mode in ipairs{"incremental", "generational"} do
  print("== " .. mode)
  collectgarbage(mode)

  -- reverse order of marking
  local keep = {}
  local mt = gcmt("a")
  for i = 1, 6 do keep[i] = setmetatable({id = i}, mt) end
  keep = nil
  collectgarbage()
  flush("reverse order:")

  -- marking order is the order of setmetatable, not of creation
  keep = {}
  for i = 1, 4 do keep[i] = {id = i} end
  for _, i in ipairs{3, 1, 4, 2} do setmetatable(keep[i], mt) end
  keep = nil
  collectgarbage()
  flush("setmetatable order 3 1 4 2:")

  -- __gc must be present when setmetatable runs
  local late = {}
  keep = {setmetatable({id = 1}, late)}
  late.__gc = function(o) note("late" .. o.id) end
  keep = nil
  collectgarbage()
  flush("__gc added later:")

  -- a __gc field removed after marking: nothing to call
  local removable = gcmt("r")
  keep = {setmetatable({id = 1}, removable)}
  removable.__gc = nil
  keep = nil
  collectgarbage()
  flush("__gc removed later:")

  -- a __gc replaced after marking: the new one runs
  local swapped = gcmt("old")
  keep = {setmetatable({id = 1}, swapped)}
  swapped.__gc = function(o) note("new" .. o.id) end
  keep = nil
  collectgarbage()
  flush("__gc replaced:")

  -- a finalizer runs once, even when the object survives it
  local saved
  keep = {setmetatable({id = 7}, {__gc = function(o) note("once" .. o.id); saved = o end})}
  keep = nil
  collectgarbage()
  flush("first collection:")
  saved = nil
  collectgarbage()
  flush("after dropping the resurrected object:")

  -- objects reachable only from an object being finalized are finalized
  -- in the same cycle, after it (they were marked for finalization first)
  keep = {}
  local child = setmetatable({id = 1}, gcmt("child"))
  keep.parent = setmetatable({id = 2, child = child}, gcmt("parent"))
  child = nil
  keep = nil
  collectgarbage()
  flush("parent and child:")

  -- userdata finalizers (through a file handle's metatable is not portable;
  -- use a table-created proxy via setmetatable on tables only)
  -- many objects in one cycle
  keep = {}
  local counter = 0
  local cmt = {__gc = function() counter = counter + 1 end}
  for i = 1, 1000 do keep[i] = setmetatable({}, cmt) end
  keep = nil
  collectgarbage()
  print("finalized in one cycle:", counter)
end
