# Crescent — a Lua 5.4 engine. One Makefile, in sections.
#
#   make            build build/crescent (release)
#   make run        build, then run the showcase in examples/
#   make test       build, then run every test (last line: N passed, N failed)
#   make test-asan  the whole test suite on an ASan+UBSan build (build-asan/)
#   make debug      a build with internal assertions on (build-debug/)
#   make bench      benchmarks side by side with lua5.4 and luajit
#   make clean
#
# Missing tools (clang-19, lua5.4, ...) are installed by scripts/setup.sh,
# which every target runs first; it returns at once when all is present.

# ---------------------------------------------------------------------------
# Compiler options
# ---------------------------------------------------------------------------
CC       := clang-19
# -fvisibility=hidden: only LUA_API/LUALIB_API symbols are exported.
CSTD     := -std=gnu11
WARN     := -Wall -Wextra -Wno-unused-parameter
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
ALLFLAGS  = $(CSTD) $(WARN) $(CFLAGS) $(FEATURES) -fvisibility=hidden \
            -fno-strict-aliasing -Iinclude -Isrc -MMD -MP
# -Wl,-E exports the Lua API from the executable, so C modules loaded with
# require find lua_* / luaL_* in the process, as with lua5.4.
LDFLAGS  ?=
LDLIBS   := -lm -ldl -lreadline

# ---------------------------------------------------------------------------
# Features and debug switches (each one a -D passed to every file)
#   CRESCENT_ASSERT=1   internal assertions with messages (debug/test builds)
# ---------------------------------------------------------------------------
FEATURES ?=

# ---------------------------------------------------------------------------
# Sources: every .c under src/ except build-time generators in src/host.
# ---------------------------------------------------------------------------
BUILD    ?= build
SRCS     := $(shell find src -name '*.c' -not -path 'src/host/*' | sort)
OBJS     := $(SRCS:%.c=$(BUILD)/obj/%.o)
CRESCENT := $(BUILD)/crescent

.PHONY: all run test test-asan debug bench clean setup

all: setup $(CRESCENT)

setup:
	@sh scripts/setup.sh

$(CRESCENT): $(OBJS)
	$(CC) $(CFLAGS) $(FEATURES) -Wl,-E $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLFLAGS) -c $< -o $@

-include $(OBJS:.o=.d)

# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------
run: all
	./$(CRESCENT) examples/showcase.lua

# ---------------------------------------------------------------------------
# Tests: differential scripts against lua5.4 in every tier (tests/README.md)
# ---------------------------------------------------------------------------
TEST_JOBS ?= 2
test: all
	python3 tests/suite.py --build $(BUILD) --jobs $(TEST_JOBS)

# ---------------------------------------------------------------------------
# Sanitizers and debug builds (separate build directories)
# ---------------------------------------------------------------------------
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined
test-asan: setup
	$(MAKE) BUILD=build-asan CFLAGS="$(SAN_FLAGS)" FEATURES="-DCRESCENT_ASSERT=1" \
	        LDFLAGS="-fsanitize=address,undefined" build-asan/crescent
	ASAN_OPTIONS=detect_leaks=1 python3 tests/suite.py --build build-asan \
	        --jobs $(TEST_JOBS) --ldflags=-fsanitize=address,undefined

debug: setup
	$(MAKE) BUILD=build-debug CFLAGS="-O0 -g" FEATURES="-DCRESCENT_ASSERT=1" \
	        build-debug/crescent

# ---------------------------------------------------------------------------
# Benchmarks (bench/README or docs/performance.md)
# ---------------------------------------------------------------------------
bench: all
	python3 bench/run.py --engine $(CRESCENT)

clean:
	rm -rf build build-asan build-debug
