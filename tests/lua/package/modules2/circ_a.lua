-- requires circ_b, which looks at circ_a while circ_a is still loading
local ok, b = pcall(require, "circ_b")
return {name = "a", b_ok = ok, b = b}
