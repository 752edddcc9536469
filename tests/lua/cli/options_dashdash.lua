-- "--" ends the options; later dashes are script arguments.
print(...)
print(arg[-1], arg[0])
