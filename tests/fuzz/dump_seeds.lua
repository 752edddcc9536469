-- dump_seeds.lua — writes string.dump of each given script (with and
-- without debug information) into a directory: the seed corpus of the
-- binary chunk fuzz target. Run by make_seeds.py with the engine under
-- test, since binary chunks are engine-specific.
--   crescent dump_seeds.lua OUTDIR script.lua...
local outdir = assert(arg[1], "usage: dump_seeds.lua OUTDIR script.lua...")
local written = 0
for i = 2, #arg do
  local path = arg[i]
  local f = loadfile(path)
  if f then
    local base = path:gsub("[/\\.]", "_")
    for _, strip in ipairs({false, true}) do
      local name = outdir .. "/" .. base .. (strip and ".stripped" or "") .. ".luac"
      local file = assert(io.open(name, "wb"))
      file:write(string.dump(f, strip))
      file:close()
      written = written + 1
    end
  end
end
print(written .. " dumps written to " .. outdir)
