// lua.hpp - the Lua API headers for C++ programs.
//
// The C headers carry no extern "C" guards (as in the reference
// distribution), so C++ code includes this wrapper instead.
extern "C" {
#include "lua.h"
#include "lualib.h"
#include "lauxlib.h"
}
