-- Strings past the size limit: string.rep, string.format, string.pack
-- and packsize, table.concat and table.unpack refuse results that are too
-- large with an error, before allocating anything.
local function show(label, ok, msg)
  print(label, ok, (tostring(msg):gsub("^[%w_]+%.lua:%d+: ", "")))
end
show("rep maxinteger", pcall(string.rep, "x", math.maxinteger))
show("rep 2^62 with sep", pcall(string.rep, "x", 2^62, ","))
show("rep 2^40", pcall(string.rep, "ab", 2^40))
show("rep 2^31", pcall(string.rep, "x", 2^31))
show("rep sep only", pcall(string.rep, "", 2^40, "y"))
local mb = ("x"):rep(2^20)
show("rep 1MiB x 2^20", pcall(string.rep, mb, 2^20))
show("rep 1MiB x 2^30", pcall(string.rep, mb, 2^30))
show("format width 99", pcall(string.format, "%099d", 1))
show("format width 100", pcall(string.format, "%100d", 1))
show("format precision 100", pcall(string.format, "%.100f", 1))
show("packsize huge", pcall(string.packsize, ("c1000000000"):rep(20)))
show("packsize overflow", pcall(string.packsize, "c9223372036854775807c1"))
show("pack i0", pcall(string.pack, "i0", 1))
show("pack i17", pcall(string.pack, "i17", 1))
show("pack s1 too long", pcall(string.pack, "s1", ("x"):rep(256)))
show("concat holes", pcall(table.concat, {}, ",", 1, 2^40))
show("unpack 1e7", pcall(table.unpack, {}, 1, 1e7))
show("unpack whole range", pcall(table.unpack, {}, math.mininteger, math.maxinteger))
show("char 1e6 args", pcall(function() return string.char(table.unpack({}, 1, 1e6)) end))
-- nothing was allocated on the way: the heap is still small
print(#mb, collectgarbage("count") < 10000)
