-- An error inside a coroutine resumed through coroutine.wrap propagates to
-- the caller with its position.
local gen = coroutine.wrap(function()
  coroutine.yield(1)
  error("inside coroutine")
end)
print(gen())
gen()
