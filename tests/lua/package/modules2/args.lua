-- returns the arguments the loader received
return {select('#', ...), ...}
