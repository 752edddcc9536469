-- collectgarbage("step") reports whether a step finished a cycle; the standalone lua5.4 runs
-- the collector in generational mode, where a step never ends at the pause state.
print(collectgarbage("step", 0), collectgarbage("step"), collectgarbage("step", 1000000))
print(collectgarbage("incremental"))
-- in incremental mode a big enough step finishes the cycle
print(collectgarbage("step", 1000000))
print(collectgarbage("generational"))
print(collectgarbage("step", 0))
