-- A number as error object is converted like a string.
error(42)
