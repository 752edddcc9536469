-- Variables from env.env are in the environment; LUA_INIT is never set by
-- the harness, so the engine's own start-up is unaffected by the caller.
print(os.getenv("CRESCENT_TEST_VAR"), os.getenv("CRESCENT_TEST_EMPTY"), os.getenv("LUA_INIT"))
