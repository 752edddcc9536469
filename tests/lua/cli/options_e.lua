-- -e options run in order before the script; arg has negative indices.
print("script sees x =", x)
print(arg[-4], arg[-3], arg[-2], arg[-1], arg[0], arg[1], arg[2])
print(...)
