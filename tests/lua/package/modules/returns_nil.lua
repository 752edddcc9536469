-- A module that returns nothing: require stores true.
LOADED_RETURNS_NIL = (LOADED_RETURNS_NIL or 0) + 1
