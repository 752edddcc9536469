-- A module that returns false: require stores... see the test.
return false
