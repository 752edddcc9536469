-- coring: a ring of coroutines passing a token: each one receives the
-- remaining count through resume's arguments and hands it on through its
-- yield; a scheduler loop resumes the ring member that holds the token.
-- Then a producer/consumer pair over a bounded buffer. Measures coroutine
-- switches with values going in and out, and coroutine.status.
-- compat: 5.1
-- quick-size: 5000
-- iter-size: 100000
local n = tonumber(arg and arg[1]) or 4000000

local create, resume, yield, status = coroutine.create, coroutine.resume,
                                      coroutine.yield, coroutine.status
local RING = 503

-- Member i keeps a count of tokens it has seen; it yields (next member,
-- token - 1) and the loop below resumes that member with the token.
local ring, seen = {}, {}
for i = 1, RING do
  seen[i] = 0
  ring[i] = create(function(token)
    while true do
      seen[i] = seen[i] + 1
      if token == 0 then return i end
      token = yield(i % RING + 1, token - 1)
    end
  end)
end

local holder, token, last = 1, n, nil
while true do
  local ok, next_member, rest = resume(ring[holder], token)
  assert(ok, next_member)
  if status(ring[holder]) == "dead" then last = next_member; break end
  holder, token = next_member, rest
end
local spread = 0
for i = 1, RING do spread = spread + seen[i] * (i % 10) end

-- A bounded buffer between a producer and a consumer coroutine.
local buffer, size = {}, 0
local producer = create(function()
  for i = 1, n / 4 do
    while size == 16 do yield("full") end
    size = size + 1
    buffer[size] = i * 3 % 1001
  end
  return "done"
end)
local consumed, total = 0, 0
while true do
  local ok, why = resume(producer)
  assert(ok, why)
  for i = 1, size do total = total + buffer[i]; buffer[i] = nil end
  consumed = consumed + size
  size = 0
  if why == "done" then break end
end
print(string.format("coring(%d) = %d %d %d %d", n, last, spread, consumed, total))
