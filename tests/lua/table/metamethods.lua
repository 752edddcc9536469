-- the table library honours __index, __newindex and __len, and accepts table-like non-tables
local log = {}
local function logger(name)
  local store = {}
  local mt = {
    __index = function(_, k) log[#log + 1] = name .. "[" .. tostring(k) .. "]" return store[k] end,
    __newindex = function(_, k, v) log[#log + 1] = name .. "[" .. tostring(k) .. "]=" .. tostring(v) store[k] = v end,
    __len = function() log[#log + 1] = "#" .. name local n = 0 while store[n + 1] ~= nil do n = n + 1 end return n end,
  }
  return setmetatable({}, mt), store
end
local function flush(label)
  print(label, table.concat(log, " "))
  log = {}
end
local p = logger("p")
table.insert(p, "a") flush("insert end")
table.insert(p, "b") flush("insert end")
table.insert(p, 1, "c") flush("insert front")
print(table.concat(p, ",")) flush("concat")
print(table.remove(p, 1)) flush("remove front")
print(table.remove(p)) flush("remove end")
print(table.unpack(p)) flush("unpack")
table.insert(p, "z") table.insert(p, "y") flush("inserts")
table.sort(p) flush("sort")
print(table.concat(p, ",")) flush("concat")
-- __len that lies
local liar = setmetatable({}, {__len = function() return 3 end})
table.insert(liar, "x")
print(rawget(liar, 4), rawlen(liar))
print(table.concat(setmetatable({"a", "b", "c"}, {__len = function() return 2 end}), ","))
print(pcall(table.insert, setmetatable({}, {__len = function() return "x" end}), 1))
print(pcall(table.insert, setmetatable({}, {__len = function() return 1.5 end}), 1))
print(pcall(table.insert, setmetatable({}, {__len = function() return "2" end}), 1))
print(pcall(table.insert, setmetatable({}, {__len = function() return math.maxinteger end}), 1))
-- userdata-like values: only metamethods make them acceptable
local fake = setmetatable({}, {__index = function(_, k) return k end, __newindex = function() end,
                               __len = function() return 3 end})
local fake_ud = io.stdout  -- a real userdata without __len
print(pcall(table.concat, fake_ud))
print(pcall(table.insert, fake_ud, 1))
print(pcall(table.insert, "abc", 1))
print(pcall(table.concat, "abc"))
print(pcall(table.unpack, "abc"))
-- __index on the metatable is not enough when __len is missing for a non-table
local onlyindex = setmetatable({}, {__index = function() return "v" end})
print(table.concat(onlyindex), table.concat(onlyindex, ",", 1, 3))
-- tables are accepted even with no metamethods
print(table.concat({1, 2}, "+"))
-- errors inside metamethods propagate
local bad = setmetatable({}, {__index = function() error("index failed") end, __len = function() return 1 end})
print(pcall(table.concat, bad))
local badlen = setmetatable({}, {__len = function() error("len failed") end})
print(pcall(table.insert, badlen, 1))
print(pcall(table.sort, setmetatable({}, {__len = function() return 2 end, __index = function(_, k) return -k end,
                                          __newindex = function(_, k, v) print("  set", k, v) end})))
