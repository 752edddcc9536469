-- Where a coroutine may yield: through pcall, metamethods, iterators and __close it can;
-- through C functions without continuations it gets "attempt to yield across a C-call boundary".
local function try(name, f, ...)
  local co = coroutine.create(f)
  local r = table.pack(coroutine.resume(co, ...))
  for i = 1, r.n do r[i] = tostring(r[i]) end
  print(name, table.concat(r, " "), coroutine.status(co))
  return co
end
-- not allowed: library C functions that call back into Lua
try("tostring", function() return tostring(setmetatable({}, {__tostring = function() coroutine.yield() return "x" end})) end)
try("print", function() print(setmetatable({}, {__tostring = function() coroutine.yield() end})) end)
try("concat __index", function()
  return table.concat(setmetatable({}, {__index = function() coroutine.yield() return "x" end, __len = function() return 1 end}))
end)
try("insert __len", function() table.insert(setmetatable({}, {__len = function() coroutine.yield() return 0 end}), 1) end)
try("sort cmp", function() table.sort({1, 2}, function() coroutine.yield() end) end)
try("sort __lt", function()
  local mt = {__lt = function() coroutine.yield() return false end}
  table.sort({setmetatable({}, mt), setmetatable({}, mt)})
end)
try("gsub fn", function() return string.gsub("a", "a", coroutine.yield) end)
try("gsub __index", function() return string.gsub("a", "a", setmetatable({}, {__index = function() coroutine.yield() end})) end)
try("require", function() package.preload.yy = function() coroutine.yield() end return require("yy") end)
try("load reader", function() return load(function() coroutine.yield() end) end)
try("ipairs __index", function()
  for i, v in ipairs(setmetatable({}, {__index = function(_, i) if i < 3 then return coroutine.yield(i) end end})) do end
end)
try("xpcall handler", function() return xpcall(error, function() coroutine.yield("h") return "handled" end) end)
try("string.format", function() return string.format("%s", setmetatable({}, {__tostring = function() coroutine.yield() end})) end)
try("io.lines body", function() for l in io.lines("yield_boundaries.lua") do return coroutine.yield(l) end end)
try("hook", function()
  debug.sethook(function() coroutine.yield("hooked") end, "l")
  local a = 1
  return "not reached"
end)
-- allowed: Lua calls, pcall/xpcall bodies, metamethods called by the VM, select, next, __close
try("pcall body", function() return pcall(coroutine.yield, "py") end)
try("xpcall body", function() return xpcall(coroutine.yield, print, "xy") end)
try("select", function() return select(2, coroutine.yield("sel")) end)
try("next", function() return next({}, coroutine.yield("nx")) end)
try("__close", function()
  local c <close> = setmetatable({}, {__close = function() coroutine.yield("in close") end})
  return "body"
end)
try("__eq", function() local mt = {__eq = function() return coroutine.yield("eq") end}
  return setmetatable({}, mt) == setmetatable({}, mt) end)
try("__le", function() local mt = {__le = function() return coroutine.yield("le") end}
  return setmetatable({}, mt) <= setmetatable({}, mt) end)
try("__lt for __le", function() local mt = {__lt = function() return coroutine.yield("lt") end}
  return setmetatable({}, mt) <= setmetatable({}, mt) end)
try("__newindex", function() local t = setmetatable({}, {__newindex = function() coroutine.yield("ni") end}); t.x = 1 return "done" end)
try("__unm", function() return -setmetatable({}, {__unm = function() return coroutine.yield("unm") end}) end)
try("__concat", function() return "a" .. setmetatable({}, {__concat = function() return coroutine.yield("cc") end}) .. "b" end)
try("__call", function() return setmetatable({}, {__call = function(_, x) return coroutine.yield(x) end})("called") end)
try("__index chain", function()
  local base = setmetatable({}, {__index = function(_, k) return coroutine.yield("base " .. k) end})
  return setmetatable({}, {__index = base}).field
end)
try("for iterator", function() for v in function() return coroutine.yield("iter") end do return v end end)
try("tbc in for", function()
  for _ in function() return nil end, nil, nil, setmetatable({}, {__close = function() coroutine.yield("for close") end}) do end
  return "after for"
end)
-- resuming the suspended cases finishes them
local co = try("pcall resume", function() local ok, v = pcall(coroutine.yield, 1) return "got", ok, v end)
print(coroutine.resume(co, "back"))
co = try("__close resume", function()
  local c <close> = setmetatable({}, {__close = function(_, e) print("closing, error:", e) coroutine.yield("in close") print("closed") end})
  return "body result"
end)
print(coroutine.resume(co))
print(coroutine.status(co))
co = try("__eq resume", function() local mt = {__eq = function() return coroutine.yield("eq") end}
  return setmetatable({}, mt) == setmetatable({}, mt), setmetatable({}, mt) ~= setmetatable({}, mt) end)
print(coroutine.resume(co, 0))
print(coroutine.resume(co, nil))
-- isyieldable from each place
coroutine.wrap(function()
  print("body", coroutine.isyieldable())
  table.sort({1, 2}, function(a, b) print("sort cmp", coroutine.isyieldable()) return a < b end)
  string.gsub("a", "a", function() print("gsub fn", coroutine.isyieldable()) end)
  pcall(function() print("pcall", coroutine.isyieldable()) end)
  local _ = tostring(setmetatable({}, {__tostring = function() print("__tostring", coroutine.isyieldable()) return "" end}))
  local _ = setmetatable({}, {__index = function() print("__index", coroutine.isyieldable()) end}).x
  xpcall(error, function() print("handler", coroutine.isyieldable()) end)
end)()
print("main", coroutine.isyieldable())
-- yielding from the main thread
print(pcall(coroutine.yield))
