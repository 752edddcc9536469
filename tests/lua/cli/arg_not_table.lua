-- If arg is not a table when the script starts, that is an error.
print("not reached")
