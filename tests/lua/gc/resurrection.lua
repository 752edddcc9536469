-- Resurrection (manual 2.5.3, 2.5.4): a finalizer can store its object
-- anywhere; the object and everything it reaches stay usable. Weak values
-- referring to an object being finalized are cleared before the finalizer
-- runs; weak keys referring to it are cleared only when the object is
-- really collected, after the finalizer (so a finalizer can still look
-- itself up in a weak-keyed table). A resurrected object is not finalized
-- again unless setmetatable marks it again.

local graveyard = {}

for _, mode in ipairs{"incremental", "generational"} do
  print("== " .. mode)
  collectgarbage(mode)
  local wv = setmetatable({}, {__mode = "v"})
  local wk = setmetatable({}, {__mode = "k"})
  local seen = {}
  local mt = {}
  mt.__gc = function(o)
    seen[#seen + 1] = string.format("%s: in weak-value %s, in weak-key %s",
      o.name, tostring(wv[o.name] ~= nil), tostring(wk[o] ~= nil))
    graveyard[o.name] = o            -- resurrect
  end
  do
    local o = setmetatable({name = "obj", payload = {data = "payload"}}, mt)
    wv[o.name] = o
    wk[o] = "key entry"
    wv.payload = o.payload
  end
  collectgarbage()
  for _, s in ipairs(seen) do print(s) end
  local o = graveyard.obj
  print("resurrected:", o ~= nil, o.payload.data)
  print("weak-value entry after the cycle:", wv.obj, wv.payload ~= nil)
  print("weak-key entry after the cycle:", wk[o])
  -- a second cycle while it is alive again: no second finalizer call
  collectgarbage()
  print("finalizer calls:", #seen)
  -- drop it: collected for good, the weak-key entry goes now
  graveyard.obj = nil
  o = nil
  collectgarbage()
  print("weak-key entry after real collection:", next(wk))
  print("finalizer calls:", #seen)

  -- marked again with setmetatable inside its finalizer: finalized again
  local times = 0
  local again = {}
  again.__gc = function(x)
    times = times + 1
    if times < 3 then setmetatable(x, again) end
  end
  do setmetatable({}, again) end
  for _ = 1, 5 do collectgarbage() end
  print("re-marked finalizer ran:", times)

  -- resurrected objects keep their own references alive
  local box = setmetatable({inner = {list = {1, 2, 3}}}, {__gc = function(x) graveyard.box = x end})
  box = nil
  collectgarbage()
  print("inner list:", table.concat(graveyard.box.inner.list, ","))
  graveyard.box = nil
  collectgarbage()
end
