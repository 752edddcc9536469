-- <close> variables: order, values passed to __close, errors, break/return/goto.
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(self, err)
    log[#log + 1] = name .. "(" .. tostring(err) .. ")"
  end})
end
local function flush(what) print(what, table.concat(log, " ")); log = {} end

do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c <close> = nil         -- nil and false are allowed and ignored
  local d <close> = false
end
flush("block")
local function ret()
  local x <close> = closer("x")
  return "value"
end
print(ret())
flush("return")
for i = 1, 3 do
  local it <close> = closer("it" .. i)
  if i == 2 then break end
end
flush("break")
do
  local g <close> = closer("g")
  goto out
end
::out::
flush("goto")
-- on error: __close gets the error object, then the error continues
print(pcall(function()
  local e1 <close> = closer("e1")
  local e2 <close> = closer("e2")
  error("boom", 0)
end))
flush("error")
-- an error inside __close replaces the original error
print(pcall(function()
  local bad <close> = setmetatable({}, {__close = function() error("in close", 0) end})
  local ok <close> = closer("ok")
  error("orig", 0)
end))
flush("error in close")
print(pcall(function()
  local bad <close> = setmetatable({}, {__close = function() error("close only", 0) end})
  return 1
end))
-- generic for's 4th value is closed when the loop ends or breaks
local function iter(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end, nil, nil, closer("for")
end
for v in iter(2) do log[#log + 1] = "v" .. v end
flush("for end")
for v in iter(5) do if v == 2 then break end end
flush("for break")
print(pcall(function() for v in iter(5) do error("in loop", 0) end end))
flush("for error")
-- the returned values survive the closing of variables
local function many()
  local c <close> = closer("m")
  return 1, 2, 3
end
print(many())
flush("multret")
-- non-closable values
local cases = {
  "local x <close> = 1",
  "local x <close> = {}",
  "local x <close> = 'str'",
  "local x <close> = setmetatable({}, {__index = {}})",
}
for _, src in ipairs(cases) do
  print(pcall(load(src, "=src")))
end
print(load("local a <close>, b <close> = nil, nil", "=src"))
-- __close may be a callable table? No: must be a function value reached by metamethod lookup
print(pcall(load("local x <close> = setmetatable({}, {__close = 1})", "=src")))
-- tbc in coroutines: coroutine.close runs pending __close
local co = coroutine.create(function()
  local cc <close> = closer("co")
  coroutine.yield(1)
end)
coroutine.resume(co)
print(coroutine.close(co), coroutine.status(co))
flush("coroutine.close")
