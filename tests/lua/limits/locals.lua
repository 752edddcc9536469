-- Limits on locals, upvalues and registers; sources generated with string.rep.
local function try(what, src)
  local f, err = load(src, "=src")
  if f then
    local ok, res = pcall(f)
    print(what, "runs:", ok, res)
  else
    print(what, "error:", err)
  end
end
local function locals(n)
  local names = {}
  for i = 1, n do names[i] = "v" .. i end
  return "local " .. table.concat(names, ", ") .. " = 1 return v1"
end
try("199 locals", locals(199))
try("200 locals", locals(200))
try("201 locals", locals(201))
-- locals spread over several statements
local parts = {}
for i = 1, 201 do parts[i] = "local x" .. i .. " = " .. i end
try("201 local statements", table.concat(parts, "\n"))
try("200 local statements", table.concat(parts, "\n", 1, 200) .. "\nreturn x200")
-- locals in a nested function
try("nested 201", "local function f() " .. locals(201) .. " end")
-- upvalues: the innermost of nested functions uses outer locals from
-- every level; locals are spread so that no function has more than 100.
local function nested_upvalue_src(n)
  local out = {}
  local per, level = 100, 0
  for i = 1, n, per do
    level = level + 1
    out[#out + 1] = "return (function()"
    for j = i, math.min(i + per - 1, n) do out[#out + 1] = "local u" .. j .. " = " .. j end
  end
  local uses = {}
  for i = 1, n do uses[i] = "u" .. i end
  out[#out + 1] = "return (function() return " .. table.concat(uses, " + ") .. " end)()"
  for _ = 1, level do out[#out + 1] = "end)()" end
  return table.concat(out, "\n")
end
try("255 upvalues", nested_upvalue_src(255))
try("256 upvalues", nested_upvalue_src(256))
try("300 upvalues", nested_upvalue_src(300))
