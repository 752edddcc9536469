-- raises a table
error({code = 9})
