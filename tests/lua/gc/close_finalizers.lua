-- At the end of the program (lua_close), every object still marked for
-- finalization is finalized, in reverse order of marking, including
-- reachable ones; an error in one of them is a warning and the rest still
-- run; objects created by finalizers at close are not finalized.
warn("@on")
local live = {}
local mt = {__gc = function(o)
  print("closing", o.id)
  if o.id == 3 then error("failure in " .. o.id) end
  if o.id == 2 then setmetatable({id = 99}, getmetatable(o)) end
end}
for i = 1, 5 do live[i] = setmetatable({id = i}, mt) end
-- some garbage too, in the same list (mixed with live ones)
local tmp = {}
for i = 6, 7 do tmp[i] = setmetatable({id = i}, mt) end
tmp = nil
collectgarbage()
print("end of main chunk")
