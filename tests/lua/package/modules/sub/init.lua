-- A package found through ?/init.lua.
return "sub package: " .. (...)
