-- string.gmatch: iteration, captures, empty matches, init, anchors
local function collect(s, p, init)
  local out = {}
  for a, b, c in string.gmatch(s, p, init) do
    out[#out + 1] = tostring(a) .. (b and ("/" .. tostring(b)) or "") .. (c and ("/" .. tostring(c)) or "")
  end
  return #out .. ": " .. table.concat(out, " ")
end
print(collect("hello world from lua", "%a+"))
print(collect("k1=v1, k2=v2, k3=v3", "(%w+)=(%w+)"))
print(collect("abc", ""))
print(collect("abc", ".-"))
print(collect("abc", "x*"))
print(collect("abc", "()"))
print(collect("aaa", "a*"))
print(collect("a,b,,c,", "([^,]*)"))
print(collect("a,b,,c,", "[^,]*"))
print(collect("one two  three", "%S+"))
print(collect("^a^a", "^a"))
print(collect("aaa", "^a"))
print(collect("", ".*"))
print(collect("", "x"))
print(collect("hello", "l"))
print(collect("x1y22z333", "()(%d+)()"))
print(collect("The Quick Brown", "%u%l*"))
-- init
print(collect("hello world", "%a+", 3))
print(collect("hello world", "%a+", -5))
print(collect("hello world", "%a+", 100))
print(collect("hello world", "%a+", 0))
print(collect("hello world", "%a+", -100))
print(collect("hello", "", 6))
print(collect("hello", "", 7))
print(collect("hello", "()", math.mininteger))
-- the iterator keeps working after the loop and after the string is gone
local it = string.gmatch("a1b2c3", "%a(%d)")
print(it(), it(), it(), it(), it())
local it2
do
  local s = string.rep("xy", 3)
  it2 = string.gmatch(s, "y")
end
collectgarbage()
print(it2(), it2(), it2(), it2())
print(pcall(string.gmatch, "abc"))
print(pcall(string.gmatch, nil, "a"))
print(pcall(string.gmatch, "abc", "a", "x"))
print(type(string.gmatch("", "")))
-- an iterator called from another coroutine
local shared = string.gmatch("p q r", "%a")
local co = coroutine.wrap(function() return shared() end)
print(shared(), co(), shared())
