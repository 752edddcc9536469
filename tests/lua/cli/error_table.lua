-- An error object that is not a string and has no __tostring.
error({code = 1})
