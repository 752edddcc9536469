-- A script that ends normally exits with status 0; stdout is flushed.
io.write("no newline at the end")
