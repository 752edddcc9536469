-- A script with a syntax error: the error is reported at load time and
-- nothing runs.
print("this never runs")
local x = = 1
