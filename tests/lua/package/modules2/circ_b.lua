-- sees package.loaded.circ_a before circ_a has finished
local a = package.loaded.circ_a
return {name = "b", sees_a = tostring(a)}
