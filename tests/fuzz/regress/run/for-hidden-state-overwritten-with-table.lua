-- FORLOOP must not trust the types of the loop's hidden state: here the
-- iteration count becomes a table through debug.setlocal, and a collection
-- then marks the stack (lua5.4 writes the new count into the value still
-- tagged as a table).
local n = 0
for i = 1, 3 do
  n = n + 1
  if n > 5 then break end
  debug.setlocal(1, 3, {})     -- the iteration count
  collectgarbage()
end
for i = 1.0, 3.0 do
  n = n + 1
  if n > 10 then break end
  debug.setlocal(1, 2, {})     -- the float loop's index
  collectgarbage()
end
print("done", n)
