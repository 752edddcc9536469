-- difffuzz program seed=12 index=4240
local function show(v)
  local t = type(v)
  if t == "number" then
    if v ~= v then return "nan" end
    if math.type(v) == "integer" then return tostring(v) end
    return tostring(v) .. "|" .. string.format("%a", v)
  elseif t == "string" then
    v = v:gsub("(%a+): 0x%x+", "%1: ADDR")   -- tostring of a table or function
    return (string.format("%q", v):gsub("%-?nan", "nan"))
  elseif t == "table" then
    local mt = getmetatable(v)
    if type(mt) == "table" and rawget(mt, "__tostring") then return "T:" .. tostring(v) end
    if rawget(v, "v") ~= nil then return "obj(" .. show(rawget(v, "v")) .. ")" end
    if rawget(v, "code") ~= nil then return "err(" .. show(rawget(v, "code")) .. ")" end
    return "table#" .. rawlen(v)
  elseif t == "boolean" or t == "nil" then
    return tostring(v)
  end
  return t
end
local function P(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do parts[i] = show((select(i, ...))) end
  print(n, table.concat(parts, " "))
end
local function N(x)   -- a NaN's sign is not Lua's business: format a fixed value
  if x ~= x then return -1.25 end
  return x
end
local function T(f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then P("ok", table.unpack(r, 2, r.n)) else P("err", r[2]) end
end
local w2 = 0
while w2 < 1 do
  w2 = w2 + 1
  local n3 = ((("1e2"):byte(1) or 0) ~ (64 // 2))
  P(n3)
end
P(w2)
