-- Generic for: the iterator protocol, state and control values, stateless
-- iterators, extra values, and the 4th (closing) value.
local function iter(state, ctl)
  if ctl < state then return ctl + 1, ctl * 2 end
end
for a, b in iter, 3, 0 do io.write(a, ":", b, " ") end
print()
-- iterator returning more values than there are variables, and fewer
for a in iter, 2, 0 do io.write(a, " ") end
print()
for a, b, c, d in iter, 2, 0 do io.write(tostring(c), tostring(d), " ") end
print()
-- closures as iterators
local function range(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end
end
local s = 0
for v in range(100) do s = s + v end
print("range sum", s)
-- the loop stops at the first nil control value, even if other values follow
local function nil_first() local n = 0
  return function() n = n + 1; if n == 1 then return 1, "x" elseif n == 2 then return nil, "y" end end
end
for a, b in nil_first() do print("nil_first", a, b) end
-- false is a valid control value? No: only nil ends the loop
local function falsy() local n = 0
  return function() n = n + 1; if n == 1 then return false end end
end
for v in falsy() do print("got", v) end
-- ipairs stops at the first nil; respects __index (5.4)
local t = {1, 2, nil, 4}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end
print()
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 100 end end})
for i, v in ipairs(proxy) do io.write(i, "=", v, " ") end
print()
-- next-based iteration with sorted keys to be order-independent
local dict = {b = 2, a = 1, c = 3, [1] = "one", [2] = "two"}
local keys = {}
for k in pairs(dict) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
-- __pairs
local mt = {__pairs = function(t) return function(_, k) if not k then return 1, "custom" end end, t, nil end}
for k, v in pairs(setmetatable({}, mt)) do print("__pairs", k, v) end
-- loop variables are fresh per iteration (closures capture each)
local fns = {}
for i, v in ipairs{"a", "b", "c"} do fns[i] = function() return i .. v end end
print(fns[1](), fns[2](), fns[3]())
-- errors: calling a non-function iterator
print(pcall(function() for x in 1 do end end))
print(pcall(function() for x in nil do end end))
print(pcall(function() local t = {} for x in t do end end))
print(pcall(function() for k, v in {} do end end))
-- callable table as iterator
local callable = setmetatable({}, {__call = function(self, st, ctl)
  ctl = ctl + 1; if ctl <= 3 then return ctl end end})
for v in callable, nil, 0 do io.write(v, " ") end
print()
-- break inside generic for, then the iterator is not called again
local count = 0
local function counting() return function() count = count + 1; return count end end
for v in counting() do if v == 5 then break end end
print("iterator calls", count)
