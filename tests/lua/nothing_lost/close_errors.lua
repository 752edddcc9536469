-- An error raised by a __close metamethod does not swallow the error that
-- is unwinding: every pending __close still runs, each one receives the
-- error in flight as its second argument, and pcall reports the last
-- error raised. Covers normal block exit, error exit, non-string error
-- values, and coroutine.close.
local function closer(name, fail)
  return setmetatable({}, {__close = function(o, e)
    print("close", name, type(e) == "table" and "table" or e)
    if fail then error(fail, 0) end
  end})
end

print(pcall(function()
  local a <close> = closer("a")
  local b <close> = closer("b", "b failed")
  local c <close> = closer("c")
  error("original", 0)
end))

print(pcall(function()
  local a <close> = closer("a", "a failed")
  return "normal"
end))

local ok, e = pcall(function()
  local a <close> = closer("a", {code = 1})
  local b <close> = closer("b", "b failed")
  error("original", 0)
end)
print(ok, type(e), e.code)

-- on break, goto and return out of nested blocks
for round = 1, 2 do
  print(pcall(function()
    while true do
      local w <close> = closer("loop " .. round, round == 2 and "loop failed" or nil)
      if round == 1 then break end
      do return "returned" end
    end
    return "after loop"
  end))
end

-- coroutine.close runs the pending closers and reports their error
local co = coroutine.create(function()
  local a <close> = closer("co-a", "co-a failed")
  local b <close> = closer("co-b")
  coroutine.yield(1)
end)
print(coroutine.resume(co))
print(coroutine.close(co))
print(coroutine.status(co))

-- an error in a coroutine body, with a failing closer
local co2 = coroutine.create(function()
  local a <close> = closer("co2-a", "co2-a failed")
  error("co2 body", 0)
end)
print(coroutine.resume(co2))
print(coroutine.status(co2), coroutine.close(co2))
