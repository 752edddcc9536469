-- _G, _VERSION and the set of global names the standard libraries define.
print(_VERSION, _G._G == _G, _G == _ENV, type(_G))
local names = {}
for k, v in pairs(_G) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
for _, lib in ipairs({"coroutine", "debug", "io", "os", "package"}) do
  local fields = {}
  for k, v in pairs(_G[lib]) do fields[#fields + 1] = k .. ":" .. type(v) end
  table.sort(fields)
  print(lib, table.concat(fields, " "))
end
