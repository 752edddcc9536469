-- error(): levels add positions, non-string values pass through unchanged.
local function lvl1() error("level 1") end
local function lvl2() error("level 2", 2) end
local function lvl0() error("level 0", 0) end
local function lvl3() error("level 3", 3) end
local function caller(f) f() end             -- line 6
print(pcall(lvl1))
print(pcall(caller, lvl2))
print(pcall(lvl0))
print(pcall(caller, lvl3))
print(pcall(function() caller(lvl3) end))    -- line 11
-- levels beyond the stack give no position
print(pcall(error, "deep", 50))
-- level 2 pointing at a C function gives no position
print(pcall(error, "via pcall", 2))
-- non-string error values are returned as they are
print(pcall(error, 42))
print(pcall(error, 42, 1))                    -- numbers get no position
print(pcall(error, nil))
print(pcall(error))
print(pcall(error, true))
local errtbl = {code = 7}
local ok, e = pcall(error, errtbl)
print(ok, e == errtbl, e.code)
-- runtime errors have positions; errors from C functions called from Lua
-- get the position of the Lua caller when level 1 is a C function
print(pcall(function() local x = nil + 1 end))
print(pcall(string.rep))
print(pcall(function() string.rep() end))
print(pcall(function() ("x"):rep({}) end))
-- error with a string that looks like it has a position already
print(pcall(function() error("file.lua:1: already positioned") end))
-- error message of a number that was concatenated
print(pcall(function() error(1 .. "") end))
-- assert
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
local aok, aerr = pcall(assert, false, {1})
print(aok, type(aerr), aerr[1])
print(select("#", assert(1, 2, 3)), assert(1, 2, 3))
print(pcall(assert))
-- error objects with __tostring stay tables inside pcall
local E = setmetatable({}, {__tostring = function() return "E!" end})
print(select(2, pcall(error, E)) == E)
-- errors thrown through several frames keep their first position
local function a() error("from a") end
local function b() a() end
local function c() b() end
print(pcall(c))
