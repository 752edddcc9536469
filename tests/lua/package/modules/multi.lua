-- A module that returns several values: only the first counts.
return "first", "second"
