-- os.time from tables (normalisation, defaults, errors) and os.difftime.
-- Results in local time are only compared with each other, so the time
-- zone does not matter; DST is pinned with isdst = false.

local function tm(y, m, d, h, mi, s)
  return os.time({year = y, month = m, day = d, hour = h, min = mi, sec = s, isdst = false})
end

print(math.type(os.time()))
print(tm(2000, 1, 2, 0, 0, 0) - tm(2000, 1, 1, 0, 0, 0))
print(tm(2000, 3, 1, 0, 0, 0) - tm(2000, 2, 28, 0, 0, 0))   -- leap year
print(tm(1900 + 101, 3, 1, 0, 0, 0) - tm(2001, 2, 28, 0, 0, 0))
print(tm(2020, 1, 1, 12, 0, 0) - tm(2020, 1, 1, 11, 59, 59))

-- default hour is 12, min and sec 0
print(os.time({year = 2020, month = 6, day = 15, isdst = false}) - tm(2020, 6, 15, 0, 0, 0))

-- normalisation of out-of-range fields, written back into the table
local t = {year = 2021, month = 14, day = 35, hour = 25, min = 61, sec = 61, isdst = false}
local v = os.time(t)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday, t.isdst)
print(v - tm(2022, 3, 8, 2, 2, 1))
local neg = {year = 2020, month = 1, day = 0, hour = -1, isdst = false}
os.time(neg)
print(neg.year, neg.month, neg.day, neg.hour, neg.min, neg.sec, neg.yday, neg.wday)

-- fields given as strings or floats with integer values
print(os.time({year = "2000", month = 1.0, day = "1", hour = 0, isdst = false}) - tm(2000, 1, 1, 0, 0, 0))

-- missing and bad fields
print(pcall(os.time, {}))
print(pcall(os.time, {year = 2000}))
print(pcall(os.time, {year = 2000, month = 1}))
print(pcall(os.time, {year = 2000, month = 1, day = 1.5}))
print(pcall(os.time, {year = 2000, month = 1, day = "x"}))
print(pcall(os.time, {year = 2000, month = 1, day = {}}))
print(pcall(os.time, {year = 2000, month = 1, day = 1, hour = "x"}))
print(pcall(os.time, {year = 2000, month = 1, day = 1, min = true}))
print(pcall(os.time, {year = 2^31 + 1900, month = 1, day = 1}))
print(pcall(os.time, {year = -2^31 + 1899, month = 1, day = 1}))
print(pcall(os.time, {year = 2000, month = 2^31 + 1, day = 1}))
print(pcall(os.time, {year = 2000, month = 1, day = 2^31}))
print((pcall(os.time, {year = 2000, month = 1, day = -2^31})))
print(pcall(os.time, {year = 2000, month = 1, day = 1, sec = 2^40}))
print(pcall(os.time, 1))
print(pcall(os.time, "x"))
print(math.type(os.time(nil)))

-- round trip through os.date("*t")
local fixed = 1234567890
print(os.time(os.date("*t", fixed)) == fixed)

-- difftime
print(os.difftime(10, 4), math.type(os.difftime(10, 4)))
print(os.difftime(0, 100))
print(pcall(os.difftime, 1))
print(pcall(os.difftime))
print(pcall(os.difftime, "a", 1))
print(pcall(os.difftime, 1.5, 1))
print(os.difftime(tm(2000, 1, 1, 0, 0, 10), tm(2000, 1, 1, 0, 0, 0)))
