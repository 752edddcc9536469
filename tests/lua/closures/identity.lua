-- Closure identity and _ENV: functions are values, _ENV is an upvalue.
local function mk() return function() end end
print(mk() == mk())               -- two different closures (5.4 never caches)
local f = mk()
print(f == f)
-- _ENV as a local changes what globals mean
do
  local _ENV = {print = print, x = "local env"}
  print(x)
  y = "stored in the local env"
  print(y, _ENV.y)
end
print(y)
-- _ENV as a parameter
local function with_env(_ENV) return a + b end
print(with_env({a = 1, b = 2}))
-- load with an env table: globals of the chunk go there
local env = {}
local chunk = load("g = 10; return g * 2", "=c", "t", env)
print(chunk(), env.g, g)
-- a loaded chunk's _ENV is its first upvalue and can be replaced; a local
-- function's _ENV would be shared with this chunk, so a loaded one is used
local readglobal = load("return somename")
print((debug.getupvalue(readglobal, 1)), select(2, debug.getupvalue(readglobal, 1)) == _G)
print(debug.setupvalue(readglobal, 1, {somename = "replaced env"}))
print(readglobal(), somename)
-- global access through _G and _ENV are the same at top level
print(_G == _ENV, _G._G == _G)
-- error messages name _ENV fields as globals
print(pcall(function() nosuch() end))
print(pcall(function() local _ENV = {}; nosuch() end))
print(pcall(function() local t = {}; t.nosuch() end))
