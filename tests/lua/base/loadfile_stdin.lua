-- loadfile() and dofile() without a file name read standard input (see loadfile_stdin.stdin);
-- the chunk is named "=stdin", and a second read finds the input exhausted.
local f, err = loadfile()
print(type(f), err)
print(f("arg1"))
print(dofile())
print(loadfile(nil, "b"))
print(select("#", dofile()))
