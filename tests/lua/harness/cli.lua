-- Run through cli.cli: an -e statement before the script, then arguments.
print("script sees", x, ...)
