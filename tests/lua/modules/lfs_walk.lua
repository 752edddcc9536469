-- Debian's lua-filesystem (lfs, a C module built for liblua5.4) loaded with
-- require: builds a tree in a fresh temporary directory, walks it
-- recursively, reads and sets attributes, links, locks, and reports errors.
-- Paths print relative to the temporary root; entries print sorted.
local lfs = require "lfs"
print("found in cpath:", package.searchpath("lfs", package.cpath))
print(lfs._VERSION)

local root = os.tmpname()          -- a fresh name; replace the file by a directory
assert(os.remove(root))
print("mkdir root", lfs.mkdir(root))
local function rel(path) return (path:gsub(root:gsub("%p", "%%%0"), "ROOT")) end
local function clean(msg) return msg and rel(tostring(msg)) end

local function write(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

-- the tree
assert(lfs.mkdir(root .. "/a"))
assert(lfs.mkdir(root .. "/a/b"))
assert(lfs.mkdir(root .. "/c"))
write(root .. "/top.txt", "top level\n")
write(root .. "/a/one.lua", "return 1\n")
write(root .. "/a/b/deep.bin", string.rep("\0\1\2", 100))
write(root .. "/c/empty", "")

-- a recursive walk with lfs.dir and lfs.attributes(path, "mode")
local function walk(dir, depth, out)
  local names = {}
  for name in lfs.dir(dir) do
    if name ~= "." and name ~= ".." then names[#names + 1] = name end
  end
  table.sort(names)
  for _, name in ipairs(names) do
    local path = dir .. "/" .. name
    local mode = lfs.attributes(path, "mode")
    out[#out + 1] = string.rep("  ", depth) .. name .. " (" .. mode ..
      (mode == "file" and ", " .. lfs.attributes(path, "size") .. " bytes" or "") .. ")"
    if mode == "directory" then walk(path, depth + 1, out) end
  end
  return out
end
print(table.concat(walk(root, 0, {}), "\n"))

-- the dir object: explicit next/close, and a loop left early
local iter, dirobj = lfs.dir(root)
local seen = 0
while true do
  local name = dirobj:next()
  if not name then break end
  seen = seen + 1
end
print("entries with . and ..", seen)
print("closed dir", pcall(dirobj.close, dirobj))
print("next after close", pcall(dirobj.next, dirobj))
for name in lfs.dir(root) do break end
collectgarbage()

-- attributes as a table, and single fields
local attr = lfs.attributes(root .. "/top.txt")
local fields = {}
for k in pairs(attr) do fields[#fields + 1] = k end
table.sort(fields)
print("fields", table.concat(fields, " "))
print("file", attr.mode, attr.size, attr.nlink, #attr.permissions, math.type(attr.modification))
print("dir", lfs.attributes(root .. "/a", "mode"))
local out = {}
print("into table", lfs.attributes(root .. "/a/one.lua", out) == out, out.size, out.mode)
print("same inode twice", lfs.attributes(root .. "/top.txt").ino == attr.ino)

-- touch sets times exactly
print("touch", lfs.touch(root .. "/top.txt", 1000000000, 1234567890))
local t = lfs.attributes(root .. "/top.txt")
print("times", t.access, t.modification)
print("touch new file", lfs.touch(root .. "/c/empty"), lfs.attributes(root .. "/c/empty", "size"))

-- links
print("symlink", lfs.link("top.txt", root .. "/link.txt", true))
print("hard link", lfs.link(root .. "/top.txt", root .. "/hard.txt"))
local la = lfs.symlinkattributes(root .. "/link.txt")
print("symlinkattributes", la.mode, la.target, lfs.symlinkattributes(root .. "/link.txt", "target"))
print("through the link", lfs.attributes(root .. "/link.txt", "mode"), lfs.attributes(root .. "/link.txt", "size"))
print("nlink after hard link", lfs.attributes(root .. "/top.txt", "nlink"))

-- current directory
local here = lfs.currentdir()
print("chdir", lfs.chdir(root .. "/a"))
print("currentdir", rel(lfs.currentdir()))
print("relative read", io.open("one.lua"):read("a"))
print("chdir back", lfs.chdir(here), lfs.currentdir() == here)

-- locks and setmode on open files
local f = assert(io.open(root .. "/top.txt", "r+"))
print("lock", lfs.lock(f, "w"))
print("unlock", lfs.unlock(f))
print("lock range", lfs.lock(f, "r", 0, 4), lfs.unlock(f, 0, 4))
print("setmode", lfs.setmode(f, "binary"))
print("bad lock mode", pcall(lfs.lock, f, "x"))
f:close()
local lock = lfs.lock_dir(root .. "/c")
print("lock_dir", io.type(lock) or type(lock))
print("lock_dir again", select(2, lfs.lock_dir(root .. "/c")))
lock:free()
print("lock_dir after free", type(lfs.lock_dir(root .. "/c")))

-- errors come back as nil, message, code
print("missing attributes", clean(select(2, lfs.attributes(root .. "/nope"))),
      select(3, lfs.attributes(root .. "/nope")))
print("mkdir existing", clean(select(2, lfs.mkdir(root .. "/a"))))
print("rmdir non-empty", clean(select(2, lfs.rmdir(root .. "/a"))))
print("chdir missing", clean(select(2, lfs.chdir(root .. "/nope"))))
print("dir missing", (clean(select(2, pcall(lfs.dir, root .. "/nope"))):gsub("^[^:]*:%d+: ", "")))
print("bad attribute", pcall(lfs.attributes, root, "colour"))

-- remove the tree bottom-up with the same walk
local function remove(dir)
  for name in lfs.dir(dir) do
    if name ~= "." and name ~= ".." then
      local path = dir .. "/" .. name
      if lfs.symlinkattributes(path, "mode") == "directory" then
        remove(path)
      else
        assert(os.remove(path))
      end
    end
  end
  return lfs.rmdir(dir)
end
print("removed", remove(root), lfs.attributes(root) == nil)
