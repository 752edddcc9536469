-- Standard input comes from stdin.stdin.
local lines = {}
for line in io.lines() do lines[#lines + 1] = line end
print(#lines, table.concat(lines, "|"))
