-- require: circular requires, what loaders receive and return, package.loaded set to false,
-- error objects from modules and searchers, searchers returning nil data, bad paths.
package.path = "./modules2/?.lua"
package.cpath = ""
local a = require("circ_a")
print(a.name, a.b_ok, a.b.name, a.b.sees_a)
local r, extra = require("args")
print(r[1], r[2], r[3], extra)
print(require("setfalse"), package.loaded.setfalse)
local ok, e = pcall(require, "errobj")
print(ok, type(e), e.code, package.loaded.errobj)
-- loader returning values
package.preload.multi = function(name, data) return "first", "second" end
print(require("multi"))
print(require("multi"))
package.preload.retfalse = function() return false end
print(require("retfalse"), package.loaded.retfalse)
print(require("retfalse"))
-- a searcher that errors
table.insert(package.searchers, 1, function(n) if n == "boom" then error("searcher failed") end end)
print(pcall(require, "boom"))
table.remove(package.searchers, 1)
-- searchers returning a loader and a nil second value
table.insert(package.searchers, 1, function(n) if n == "nilsecond" then return function(...) return select('#', ...), ... end end end)
print(require("nilsecond"))
table.remove(package.searchers, 1)
-- package.loaded replaced
local saved = package.loaded
package.loaded = {}
print(pcall(function() return require("string") == string end))
package.loaded = saved
-- searchpath with rep and different seps
print(package.searchpath("a.b", "./modules2/?.lua", ".", "_"))
print(package.searchpath("args", "./modules2/?.lua;./modules2/?.lua"))
print(package.searchpath("x", "?;?", "", ""))
-- preload searcher direct
print(package.searchers[1]("nothing"))
print(pcall(package.searchers[2]))
print(select(2, package.searchers[2]("args")))
-- config
print(package.config)
-- loadlib errors
print(package.loadlib("", "*"))
print(pcall(package.loadlib, "x", {}))
-- require with non-string names that are numbers
print(pcall(require, 42))
-- package.path non-string: number?
package.path = 123
print(pcall(require, "zzz"))
package.path = "./modules2/?.lua"
package.cpath = {}
print(pcall(require, "zzz"))
