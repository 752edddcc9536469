-- json: a small JSON encoder and recursive-descent parser. Each round
-- builds a document of nested objects and arrays (strings with escapes,
-- integers, fractions, booleans, null), encodes it with sorted keys, parses
-- the text back and encodes that again, which must give the same text.
-- Byte-level string scanning, string building and table construction.
-- compat: 5.1
-- quick-size: 5
-- iter-size: 40
local n = tonumber(arg and arg[1]) or 1200

local byte, char, sub, find = string.byte, string.char, string.sub, string.find
local format = string.format
local concat, sort, floor = table.concat, table.sort, math.floor

local NULL = setmetatable({}, { __tostring = function() return "null" end })

-- ------------------------------------------------------------------ encoder

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\t"] = "\\t",
                  ["\r"] = "\\r", ["\b"] = "\\b", ["\f"] = "\\f" }

local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or format("\\u%04x", byte(c))
  end) .. '"'
end

local function is_array(t)
  local k = 0
  for _ in pairs(t) do k = k + 1 end
  return k == #t
end

local encode_value

local function encode_into(out, v)
  local kind = type(v)
  if kind == "string" then
    out[#out + 1] = encode_string(v)
  elseif kind == "number" then
    -- Integral values print as integers, others with 14 significant digits,
    -- so every engine writes the same text whatever its number types.
    if v == floor(v) and v >= -1e15 and v <= 1e15 then
      out[#out + 1] = format("%d", v)
    else
      out[#out + 1] = format("%.14g", v)
    end
  elseif kind == "boolean" then
    out[#out + 1] = v and "true" or "false"
  elseif v == NULL then
    out[#out + 1] = "null"
  elseif is_array(v) then
    out[#out + 1] = "["
    for i = 1, #v do
      if i > 1 then out[#out + 1] = "," end
      encode_into(out, v[i])
    end
    out[#out + 1] = "]"
  else
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    sort(keys)
    out[#out + 1] = "{"
    for i = 1, #keys do
      if i > 1 then out[#out + 1] = "," end
      out[#out + 1] = encode_string(keys[i])
      out[#out + 1] = ":"
      encode_into(out, v[keys[i]])
    end
    out[#out + 1] = "}"
  end
end

function encode_value(v)
  local out = {}
  encode_into(out, v)
  return concat(out)
end

-- ------------------------------------------------------------------- parser

local parse_value

local function skip(s, i)
  local _, e = find(s, "^[ \n\r\t]*", i)
  return e + 1
end

local unescape = { [byte('"')] = '"', [byte("\\")] = "\\", [byte("/")] = "/",
                   [byte("n")] = "\n", [byte("t")] = "\t", [byte("r")] = "\r",
                   [byte("b")] = "\b", [byte("f")] = "\f" }

local function parse_string(s, i)        -- s:byte(i) is the opening quote
  local parts, j = {}, i + 1
  while true do
    local c = byte(s, j)
    if c == 34 then                       -- "
      return concat(parts), j + 1
    elseif c == 92 then                   -- backslash
      local e = byte(s, j + 1)
      if e == 117 then                    -- \uXXXX, ASCII range only here
        parts[#parts + 1] = char(tonumber(sub(s, j + 2, j + 5), 16))
        j = j + 6
      else
        parts[#parts + 1] = unescape[e] or error("bad escape at " .. j)
        j = j + 2
      end
    elseif c == nil then
      error("unterminated string")
    else
      local stop = find(s, '["\\]', j)
      parts[#parts + 1] = sub(s, j, stop - 1)
      j = stop
    end
  end
end

local function parse_number(s, i)
  local _, e = find(s, "^-?%d+%.?%d*[eE]?[-+]?%d*", i)
  return tonumber(sub(s, i, e)), e + 1
end

function parse_value(s, i)
  i = skip(s, i)
  local c = byte(s, i)
  if c == 123 then                        -- {
    local obj = {}
    i = skip(s, i + 1)
    if byte(s, i) == 125 then return obj, i + 1 end
    while true do
      local key
      key, i = parse_string(s, skip(s, i))
      i = skip(s, i)
      if byte(s, i) ~= 58 then error("expected ':' at " .. i) end
      obj[key], i = parse_value(s, i + 1)
      i = skip(s, i)
      c = byte(s, i)
      if c == 125 then return obj, i + 1 end
      if c ~= 44 then error("expected ',' or '}' at " .. i) end
      i = i + 1
    end
  elseif c == 91 then                     -- [
    local arr, k = {}, 0
    i = skip(s, i + 1)
    if byte(s, i) == 93 then return arr, i + 1 end
    while true do
      k = k + 1
      arr[k], i = parse_value(s, i)
      i = skip(s, i)
      c = byte(s, i)
      if c == 93 then return arr, i + 1 end
      if c ~= 44 then error("expected ',' or ']' at " .. i) end
      i = i + 1
    end
  elseif c == 34 then
    return parse_string(s, i)
  elseif c == 116 and sub(s, i, i + 3) == "true" then
    return true, i + 4
  elseif c == 102 and sub(s, i, i + 4) == "false" then
    return false, i + 5
  elseif c == 110 and sub(s, i, i + 3) == "null" then
    return NULL, i + 4
  else
    return parse_number(s, i)
  end
end

-- ----------------------------------------------------------------- document

local function document(seed, depth)
  local items = {}
  for i = 1, 6 do
    local k = (seed + i) % 7
    if k == 0 and depth > 0 then
      items[i] = document(seed * 3 + i, depth - 1)
    elseif k == 1 then
      items[i] = "line " .. i .. "\n\t\"quoted\" \\ " .. seed
    elseif k == 2 then
      items[i] = (seed * 7 + i) % 100000 - 5000
    elseif k == 3 then
      items[i] = (seed % 1000) / 8 + i / 3
    elseif k == 4 then
      items[i] = (seed + i) % 2 == 0
    elseif k == 5 then
      items[i] = NULL
    else
      items[i] = "\1ctl" .. string.rep("x", i)
    end
  end
  return {
    id = seed,
    name = "item-" .. seed,
    tags = { "a" .. seed % 10, "b" .. seed % 7, "c" },
    values = items,
    child = depth > 0 and document(seed + 11, depth - 1) or NULL,
    ratio = seed / 7,
  }
end

local total_len, numbers = 0, 0
local function sum_numbers(v)
  if type(v) == "number" then
    numbers = numbers + floor(v * 8)   -- exact: the sum is order-independent
  elseif type(v) == "table" and v ~= NULL then
    for _, x in pairs(v) do sum_numbers(x) end
  end
end

for round = 1, n do
  local text = encode_value(document(round, 3))
  local parsed, stop = parse_value(text, 1)
  if stop ~= #text + 1 then error("trailing text in round " .. round) end
  local again = encode_value(parsed)
  if again ~= text then error("round trip differs in round " .. round) end
  total_len = total_len + #text
  sum_numbers(parsed)
end
print(format("json(%d) = %d %d", n, total_len, numbers))
