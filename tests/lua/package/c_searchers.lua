-- The C and all-in-one searchers with a real C module (Debian's lpeg, installed by
-- scripts/setup.sh): what the searchers return, package.loadlib with "*" and with a luaopen_
-- name, and module names with a hyphen or a dot, using copies of lpeg.so in a temporary folder.
local dir = "/usr/lib/x86_64-linux-gnu/lua/5.4"
local so = dir .. "/lpeg.so"
package.path = ""
package.cpath = dir .. "/?.so"
-- searchers[3] (C): the loader and the file name
local loader, where = package.searchers[3]("lpeg")
print(type(loader), where)
print(package.searchers[3]("nosuchmodule"))
-- the all-in-one searcher looks for the root name's file and a luaopen_ of the whole name
print(package.searchers[4]("lpeg.nosub"))
print(select("#", package.searchers[4]("lpeg")))
-- loadlib: "*" only links the library, a name returns the C function
print(package.loadlib(so, "*"))
local open = package.loadlib(so, "luaopen_lpeg")
print(type(open), type(open().match))
print(package.loadlib(so, "luaopen_nothing"))
-- require gives the loader data (the file name) as second result
local lpeg, data = require("lpeg")
print(type(lpeg.P), data, select("#", require("lpeg")))
print(package.loaded.lpeg == lpeg)
-- copies with other names: the part before "-" is ignored for the luaopen_ name
local tmp = os.tmpname()
local base = tmp:match("[^/]+$")
local function copy(to)
  local src = assert(io.open(so, "rb"))
  local dst = assert(io.open(to, "wb"))
  dst:write(src:read("a"))
  src:close()
  dst:close()
end
local function clean(s) return (tostring(s):gsub(base, "TMP")) end
local prefixed = tmp .. "_v2-lpeg.so"
copy(prefixed)
package.cpath = tmp .. "_?.so"
local ok, m, file = pcall(require, "v2-lpeg")
print(ok, type(m) == "table" and type(m.P), clean(file))
-- a hyphen with nothing after it that names a luaopen_ function
local suffixed = tmp .. "_lpeg-v2.so"
copy(suffixed)
ok, m = pcall(require, "lpeg-v2")
print(ok, type(m) == "table" and type(m.P) or clean(m))
-- the all-in-one searcher: "lpegx.sub" finds lpegx.so but no luaopen_lpegx_sub
local allinone = tmp .. "_lpegx.so"
copy(allinone)
ok, m = pcall(require, "lpegx.sub")
print(ok, type(m) == "table" and type(m.P) or clean(m))
os.remove(prefixed)
os.remove(suffixed)
os.remove(allinone)
os.remove(tmp)
