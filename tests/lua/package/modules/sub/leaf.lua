-- A submodule found through the dot-to-slash rule.
return "leaf: " .. (...) .. " from " .. select(2, ...)
