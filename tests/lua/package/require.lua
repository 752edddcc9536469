-- require with the Lua searcher and preload; package.loaded rules.

package.path = "./modules/?.lua;./modules/?/init.lua"
package.cpath = "./modules/?.so"

local m, data = require("simple")
print(m.kind, m.name, m.data, data)
print(require("simple") == m, select('#', require("simple")))
print(package.loaded.simple == m)

print(require("returns_nil"), LOADED_RETURNS_NIL, package.loaded.returns_nil)
print(require("returns_nil"), LOADED_RETURNS_NIL)
print(require("returns_false"))
print(package.loaded.returns_false)
print(require("sets_loaded"))
print(require("multi"))
print(require("sub"))
print(require("sub.leaf"))

-- package.loaded[name] = false forces a reload
package.loaded.returns_nil = false
print(require("returns_nil"), LOADED_RETURNS_NIL)

-- preload
package.preload.virtual = function(...) print("preload loader got", ...); return {virtual = true} end
local v, extra = require("virtual")
print(v.virtual, extra)
package.preload.nilmod = function() end
print(require("nilmod"))
print(package.preload == debug.getregistry()._PRELOAD, package.loaded == debug.getregistry()._LOADED)

-- standard libraries are in package.loaded
print(package.loaded.string == string, package.loaded._G == _G, package.loaded.package == package)
print(require("string") == string, require("_G") == _G)

-- errors while loading
local ok, err = pcall(require, "bad_syntax")
print(ok, err)
ok, err = pcall(require, "raises")
print(ok, err)
print(package.loaded.raises)
ok, err = pcall(require, "nonexistent.module")
print(ok, err)
ok, err = pcall(require, "fake")
print(ok, err)
ok, err = pcall(require, "fake.child")
print(ok, err)
print(pcall(require))
print(pcall(require, {}))
print(require(42 == 42 and "simple").kind)

-- module names with a hyphen: the Lua searcher uses the whole name
ok, err = pcall(require, "mod-v2")
print(ok, err)

-- path must be a string, searchers a table
package.path = nil
ok, err = pcall(require, "nothere")
print(ok, err)
package.path = "./modules/?.lua"
local saved = package.searchers
package.searchers = nil
print(pcall(require, "nothere"))
package.searchers = saved

-- custom searchers
table.insert(package.searchers, 1, function(name)
  if name == "custom" then
    return function(n, d) return "custom module " .. n .. " " .. d end, "custom data"
  end
  return "\n\tcustom searcher says no to '" .. name .. "'"
end)
print(require("custom"))
table.insert(package.searchers, 2, function() return nil end)
table.insert(package.searchers, 2, function() return 42 end)
ok, err = pcall(require, "nobody")
print(ok, err)
table.remove(package.searchers, 1)
table.remove(package.searchers, 1)
table.remove(package.searchers, 1)
print(#package.searchers)

-- searchers called directly
print(package.searchers[1]("virtual2"))
package.preload.virtual2 = print
print(package.searchers[1]("virtual2") == print, select(2, package.searchers[1]("virtual2")))
print(package.searchers[2]("nothere"))
print(select('#', package.searchers[4]("nodots")))
print(pcall(package.searchers[4], "fake.sub"))
