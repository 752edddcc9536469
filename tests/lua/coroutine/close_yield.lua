-- __close metamethods that yield: allowed on normal exit, error unwinding inside pcall and
-- generic-for breaks; not while coroutine.close or a wrap error closes the variables.
local co = coroutine.create(function()
  local a <close> = setmetatable({}, {__close = function() coroutine.yield("from close") end})
  coroutine.yield("body")
end)
print(coroutine.resume(co))
print(coroutine.close(co))
print(coroutine.status(co))
-- __close yielding while an error propagates (wrap closes on error)
local w = coroutine.wrap(function()
  local a <close> = setmetatable({}, {__close = function(_, e) print("closing with", e) coroutine.yield("yield in close") print("resumed close") end})
  error("err", 0)
end)
print(pcall(w))
print(pcall(w))
-- close in a pcall inside coroutine where __close yields during error unwinding
local co2 = coroutine.create(function()
  local ok, e = pcall(function()
    local a <close> = setmetatable({}, {__close = function(_, e) coroutine.yield("close during error: " .. tostring(e)) end})
    error("inner", 0)
  end)
  return "pcall gave", ok, e
end)
print(coroutine.resume(co2))
print(coroutine.resume(co2))
-- return values preserved across yield in __close
local co3 = coroutine.create(function()
  local a <close> = setmetatable({}, {__close = function() coroutine.yield("y") end})
  return 1, 2, 3
end)
print(coroutine.resume(co3))
print(coroutine.resume(co3))
-- break out of generic for with closing value that yields
local co4 = coroutine.wrap(function()
  for i in function(s, c) if c < 3 then return c + 1 end end, nil, 0, setmetatable({}, {__close = function() coroutine.yield("for-close") end}) do
    if i == 2 then break end
  end
  return "after"
end)
print(co4()) print(co4())
