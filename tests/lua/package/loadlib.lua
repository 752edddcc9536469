-- package.loadlib with system libraries (never calling what it loads).

print(package.loadlib("libm.so.6", "*"))
local f, err, where = package.loadlib("libm.so.6", "cos")
print(type(f), err, where)
print(package.loadlib("libm.so.6", "no_such_symbol_here"))
print(package.loadlib("/no/such/library.so", "f"))
print(package.loadlib("/no/such/library.so", "*"))
print(package.loadlib("./modules/fake.so", "f"))
print(pcall(package.loadlib))
print(pcall(package.loadlib, "libm.so.6"))

-- the C searcher reports a missing luaopen_ function
package.cpath = "/lib/x86_64-linux-gnu/?.so.6"
print(pcall(require, "libm"))
print(pcall(require, "libm-v2"))
print(pcall(require, "v2-libm"))
print(pcall(require, "libm.sub"))
print(package.searchers[4]("libm.sub"))

-- the library table in the registry
local clibs = debug.getregistry()._CLIBS
print(type(clibs), type(getmetatable(clibs).__gc), #clibs > 0)
