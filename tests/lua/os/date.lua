-- os.date with fixed times, in UTC ("!") so the time zone does not matter.

local t0 = 0
local t1 = 1700000000          -- 2023-11-14 22:13:20 UTC, a Tuesday
local t2 = 951782400 + 3661    -- 2000-02-29 01:01:01 UTC (leap day)

print(os.date("!%Y-%m-%d %H:%M:%S", t0))
print(os.date("!%Y-%m-%d %H:%M:%S", t1))
print(os.date("!%Y-%m-%d %H:%M:%S", t2))

-- every single-letter conversion C99 defines
local singles = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%"
for c in singles:gmatch(".") do
  if c ~= "Z" and c ~= "z" then   -- %z/%Z name the zone: differs per system for UTC?
    print(c, os.date("!%" .. c, t1), os.date("!%" .. c, t2))
  end
end
print(os.date("!%z", t1) == "+0000", #os.date("!%Z", t1) > 0)

-- E and O modifiers
for _, c in ipairs({"Ec", "EC", "Ex", "EX", "Ey", "EY", "Od", "Oe", "OH", "OI",
                    "Om", "OM", "OS", "Ou", "OU", "OV", "Ow", "OW", "Oy"}) do
  print(c, os.date("!%" .. c, t1))
end

-- literal text, embedded zeros, long formats
print(os.date("!Year %Y, day %j of the year; 100%%", t1))
print(#os.date("!a\0b%Y", t1))
print(#os.date("!" .. string.rep("%Y", 200), t1))
print(os.date("!", t1) == "")
print(os.date("", t1) == "")

-- "*t" and "!*t"
local function show(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = k .. "=" .. tostring(t[k]) end
  return table.concat(out, " ")
end
print(show(os.date("!*t", t1)))
print(show(os.date("!*t", t2)))
print(show(os.date("!*t", t0)))
print(show(os.date("!*t", -86400)))
local lt = os.date("*t", t1)
print(type(lt.isdst), type(lt.year), lt.min)

-- invalid conversions
for _, f in ipairs({"%Ez", "%Ez abc", "%", "%E", "%O", "%Oz", "%q", "abc%", "%5d", "%-d", "%#c", "%E%"}) do
  print(f, pcall(os.date, f, t1))
end
print(pcall(os.date, "%\0", t1))

-- bad time arguments
print(pcall(os.date, "%Y", "x"))
print(pcall(os.date, "%Y", 1.5))
print(pcall(os.date, 1, t1))
print(pcall(os.date, {}, t1))
print(os.date("!%Y", "86400"))
print(os.date("!%Y", 2^31))
print(os.date("!%Y-%m-%d", -2^31))
print(pcall(os.date, "!%Y", 2^60))
print(pcall(os.date, "!%Y", math.maxinteger))
print(type(os.date()), type(os.date("%c")), type(os.date(nil, t1)))
