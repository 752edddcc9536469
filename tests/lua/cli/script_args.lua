-- The arg table and the script's varargs (see script_args.args).
print(#arg, arg[0], arg[1], arg[2], arg[3])
print(arg[-1] ~= nil, arg[-2])
print(select('#', ...), ...)
