-- Script arguments (from args.args) reach both 'arg' and the main chunk's '...'.
print(select("#", ...), ...)
print(#arg, arg[0], arg[1], arg[2], arg[3])
