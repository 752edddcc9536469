-- error(nil) uncaught.
print("about to fail")
error()
