-- Unbounded Lua recursion ends in a catchable "stack overflow" error, in
-- the main thread and in coroutines, through every kind of call; the
-- stack shrinks back afterwards, so deep (bounded) recursion still works.
local function plain() return 1 + plain() end
print(pcall(plain))

local function varargs(...) return 1 + varargs(1, 2, 3, ...) end
local ok, msg = pcall(varargs)
print(ok, (msg:gsub("^.-:%d+: ", "")))

local function wide(a, b, c, d, e, f, g, h) local x, y, z = a, b, c; return wide(x, y, z, d, e, f, g, h) + 1 end
print(pcall(wide))

-- the message handler of xpcall sees the overflow error
print(xpcall(plain, function(m) return "handled: " .. m end))

-- inside a coroutine: resume reports it, the coroutine is dead
local co = coroutine.create(plain)
print(coroutine.resume(co))
print(coroutine.status(co))

-- through a metamethod that is a Lua function
local obj = setmetatable({}, {__add = function(a, b) return a + b end})
print(pcall(function() return obj + 1 end))

-- afterwards the stack is usable again: a deep but bounded recursion
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(150000))
for i = 1, 3 do print(i, pcall(plain)) end
print(depth(10))
