-- Debian's lua-cjson (a C module built for liblua5.4) loaded with require:
-- encode/decode round trips with nesting, numbers, escapes, configuration
-- and the error messages of both directions. Objects with several keys are
-- printed through a sorted re-encoding, since cjson follows lua_next order.
local cjson = require "cjson"
print("found in cpath:", package.searchpath("cjson", package.cpath))
print(cjson._NAME, cjson._VERSION, type(cjson.null), cjson.null == cjson.null)

-- a canonical dump with sorted keys, to compare structures
local function dump(v)
  if v == cjson.null then return "null" end
  if type(v) == "number" then return string.format("%.14g", v) end  -- this cjson decodes floats only
  if type(v) ~= "table" then return type(v) == "string" and string.format("%q", v) or tostring(v) end
  local keys, n = {}, 0
  for k in pairs(v) do keys[#keys + 1] = k; n = n + 1 end
  if n == #v then
    local parts = {}
    for i = 1, #v do parts[i] = dump(v[i]) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for i, k in ipairs(keys) do parts[i] = tostring(k) .. ":" .. dump(v[k]) end
  return "{" .. table.concat(parts, ",") .. "}"
end

-- scalars and arrays encode deterministically
for _, v in ipairs{ 0, -1, 3.25, 1e300, 2^53, math.mininteger, true, false, "",
                    "quote\" slash/ back\\ nl\n tab\t ctl\1 del\127", "caf\xc3\xa9" } do
  print("encode", cjson.encode(v))
end
print("encode null", cjson.encode(cjson.null), cjson.encode({cjson.null, 1}))
print("encode arrays", cjson.encode({}), cjson.encode({1, 2, 3}), cjson.encode({{}, {{}}, {1, {2, {3}}}}))
print("encode object", cjson.encode({only = {nested = {deeper = "yes"}}}))
local multi = cjson.encode({b = 1, a = {x = true, y = false}, c = "s"})
print("encode object (decoded back)", dump(cjson.decode(multi)))

-- decode: every JSON form
local doc = [==[
{ "name": "crescent", "tags": ["lua", "json", "c"], "version": 5.4,
  "ints": [0, -0, 12, -34, 1e2, 2.5E-3], "flags": {"on": true, "off": false, "none": null},
  "esc": "\"\\\/\b\f\n\r\t\u0041\u00e9\u20ac\ud83d\ude00",
  "deep": [[[[[[[[[["bottom"]]]]]]]]]], "empty": {}, "emptylist": [] }
]==]
local d = cjson.decode(doc)
print("decode", dump(d))
print("types", math.type(d.ints[3]), math.type(d.ints[5]), math.type(d.version), d.flags.none == cjson.null)
print("esc bytes", #d.esc, d.esc:byte(1, 9))

-- round trips keep structure
local function roundtrip(v)
  local s = cjson.encode(v)
  local back = cjson.decode(s)
  return dump(back) == dump(v), s:len()
end
print("roundtrip", roundtrip({1, "two", {three = 3, four = {4, 4.5}}, false}))
local wide = {}
for i = 1, 200 do wide[i] = {id = i, name = "item" .. i, sq = i * i, even = i % 2 == 0} end
print("roundtrip wide", roundtrip(wide))
local deep = "leaf"
for i = 1, 1200 do deep = {deep} end
local ok, err = pcall(cjson.encode, deep)
print("deep encode", ok, err)
print("max depths", cjson.encode_max_depth(2000), cjson.decode_max_depth(2000))
print("deep encode raised limit", roundtrip(deep))

-- sparse arrays and configuration
print("sparse ok", cjson.encode({[1] = "a", [3] = "c"}))
print("sparse too", pcall(cjson.encode, {[1] = 1, [1000] = 2}))
print("sparse setting", cjson.encode_sparse_array(true))
print("sparse now", dump(cjson.decode(cjson.encode({[1] = 1, [1000] = 2}))))
print("precision", cjson.encode_number_precision(4), cjson.encode(math.pi))
cjson.encode_number_precision(14)
print("invalid numbers", pcall(cjson.encode, 0/0))
print("invalid numbers setting", cjson.encode_invalid_numbers("null"), cjson.encode({1/0, -1/0}))
local inv = cjson.decode("[NaN, Infinity, -Infinity]")
print("decode invalid numbers", cjson.decode_invalid_numbers(), inv[1] ~= inv[1], inv[2], inv[3])
cjson.decode_invalid_numbers(false)
print("decode invalid numbers off", pcall(cjson.decode, "[NaN]"))
print("keep buffer", cjson.encode_keep_buffer(false), cjson.encode({"still", "works"}))

-- encode errors
for _, bad in ipairs{ {f = print}, {[true] = 1}, {co = coroutine.create(print)}, {1, {f = print}} } do
  print("encode error", pcall(cjson.encode, bad))
end
print("mixed keys become an object", dump(cjson.decode(cjson.encode({1, 2, x = 3}))))
local cyclic = {}
cyclic[1] = cyclic
print("cyclic", pcall(cjson.encode, cyclic))

-- decode errors
for _, bad in ipairs{ "", "{", "[1,]", "{\"a\" 1}", "tru", "\"unterminated", "[1] x",
                      "{\"a\":1,}", "\"\\ud800\"", "01", "[\"\\q\"]", "{1: 2}",
                      string.rep("[", 2100) .. string.rep("]", 2100) } do
  local ok, msg = pcall(cjson.decode, bad)
  print("decode error", string.format("%q", bad:sub(1, 12)), ok, msg)
end
print("decode max depth", cjson.decode_max_depth(3), pcall(cjson.decode, "[[[[1]]]]"))

-- independent instances keep their own settings
local other = cjson.new()
print("new", other ~= cjson, other.encode_sparse_array(), pcall(other.encode, {[1] = 1, [1000] = 2}))
