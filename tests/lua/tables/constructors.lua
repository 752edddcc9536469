-- Table constructors: positional, keyed, mixed, varargs and calls at the end.
-- '#' is shown only where the border is unique (a table with holes may
-- report any border, and which one is not part of the language).
local function dump(t, n, holes)
  local out = {}
  for i = 1, n do out[i] = tostring(t[i]) end
  return "[" .. table.concat(out, ",") .. "]" .. (holes and "" or " #=" .. #t)
end
local function three() return 1, 2, 3 end
local function none() end
print(dump({}, 0))
print(dump({1, 2, 3}, 3))
print(dump({three()}, 3))
print(dump({three(), three()}, 4))
print(dump({(three())}, 3))
print(dump({three(), 10}, 3))
print(dump({10, three()}, 4))
print(dump({none(), 5}, 2, "holes"))
print(dump({5, none()}, 2))
local function va(...) return {...} end
print(dump(va(), 1))
print(dump(va(1, 2, 3, 4), 4))
local function va2(...) return {..., "end"} end
print(dump(va2(1, 2, 3), 3))
local function va3(...) return {"start", ...} end
print(dump(va3(1, 2, 3), 4))
-- trailing separators
print(dump({1, 2, 3,}, 3), dump({1; 2; 3;}, 3), dump({1, 2; 3}, 3))
-- keyed entries
local t = {x = 1, ["y"] = 2, [1 + 1] = "two", [3.0] = "three", "one"}
print(t.x, t.y, t[1], t[2], t[3], #t)
-- positional items win over earlier explicit keys at the same index
local u = {[1] = "explicit", "positional"}
print(u[1])
local w = {"positional", [1] = "explicit"}
print(w[1])
-- nested constructors
local n = {{1, 2}, {3, {4, 5}}, k = {z = "deep"}}
print(n[1][2], n[2][2][1], n.k.z)
-- many items (more than one flush of the constructor)
local big = {}
for i = 1, 200 do big[i] = i end
local src = "return {" .. string.rep("1,", 120) .. "...}"
local many = load(src)(table.unpack(big))
print(#many, many[120], many[121], many[320])
-- constructor with a hash part and many fields
local fields = {}
for i = 1, 100 do fields[#fields + 1] = "f" .. i .. " = " .. i end
local ft = load("return {" .. table.concat(fields, ", ") .. "}")()
local sum = 0
for i = 1, 100 do sum = sum + ft["f" .. i] end
print("fields sum", sum)
-- functions and methods in constructors
local obj = {value = 5, get = function(self) return self.value end}
print(obj:get())
-- evaluation order inside constructors is left to right
local order = {}
local function mark(x) order[#order + 1] = x; return x end
local _ = {mark("a"), k = mark("b"), [mark("c")] = mark("d"), mark("e")}
print(table.concat(order, " "))
