-- Method definitions and calls: self, colon vs dot, varargs, chained calls.
local Account = {}
Account.__index = Account
function Account.new(balance) return setmetatable({balance = balance}, Account) end
function Account:deposit(v) self.balance = self.balance + v; return self end
function Account:get() return self.balance end
function Account.static(x) return "static " .. tostring(x) end
function Account:varm(...) return self.balance, select("#", ...), ... end
local acc = Account.new(100)
print(acc:deposit(10):deposit(5):get())
print(Account.get(acc), acc.get(acc))
print(Account.static(1), acc.static(2))
print(acc:varm(nil, nil))
print(acc:varm())
-- method call on expression results
local function mk() return acc end
print(mk():get(), (mk()):get())
print(("%d-%d"):format(1, 2), ("abc"):len(), #("x"):rep(5))
local s = "hello"
print(s:sub(2, 3), s:upper():lower():len())
-- methods stored in nested tables
local obj = {inner = {val = 7}}
function obj.inner:get() return self.val end
print(obj.inner:get())
-- method name that is a keyword-like field via brackets is not allowed with ':'
print(load("local o = {} function o:end() end"))
-- self is an ordinary parameter and can be assigned
local t = {n = 1}
function t:reset() self = {n = 99}; return self.n end
print(t:reset(), t.n)
-- method call evaluates the object once
local count = 0
local holder = {get = function() count = count + 1; return acc end}
print(holder.get():get(), count)
-- string methods through the string metatable
print(("abc"):upper(), pcall(load("return (5):type()")))
