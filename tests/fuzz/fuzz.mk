# fuzz.mk — builds and runs the libFuzzer targets of tests/fuzz.
# Used from the repository root; the top-level `make fuzz` calls it:
#
#   make -f tests/fuzz/fuzz.mk                  build every target
#   make -f tests/fuzz/fuzz.mk fuzz FUZZ_SECONDS=60    replay regressions, then fuzz each target
#   make -f tests/fuzz/fuzz.mk replay           only replay tests/fuzz/regress/<target>/*
#
# The engine (every src/**/*.c except the standalone program in src/cli and
# the build-time generators in src/host) is compiled into FUZZ_BUILD with
# ASan + UBSan and libFuzzer's coverage instrumentation (fuzzer-no-link),
# assertions on; each target links those objects with -fsanitize=fuzzer.
# src/core/common.h drops preserve_none under ASan by itself.

CC          := clang-19
FUZZ_BUILD  ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= compile run undump strlib
# UBSan stays recoverable here so that tests/fuzz/known.supp can mute bugs
# already reported while fuzzing goes on; run.py sets halt_on_error=1, so
# every other finding still stops the input as a crash.
SAN         := -fsanitize=address,undefined -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter $(SAN) \
               -DCRESCENT_ASSERT=1 -fno-strict-aliasing -Iinclude -Isrc

ENGINE_SRCS := $(shell find src -name '*.c' -not -path 'src/host/*' \
                 -not -path 'src/cli/*' | sort)
ENGINE_OBJS := $(ENGINE_SRCS:%.c=$(FUZZ_BUILD)/obj/%.o)
HOST_OBJ    := $(FUZZ_BUILD)/obj/tests/fuzz/fuzz_host.o
TARGET_BINS := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

.PHONY: all fuzz replay
all: $(TARGET_BINS)
# The objects are reached through pattern rules only; keep them.
.SECONDARY: $(ENGINE_OBJS) $(HOST_OBJ)

$(FUZZ_BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC (fuzz) $<"
	@$(CC) $(FUZZ_CFLAGS) -MMD -MP -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_host.h $(HOST_OBJ) $(ENGINE_OBJS)
	@echo "LINK $@"
	@$(CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(HOST_OBJ) $(ENGINE_OBJS) -lm -ldl

# Changing this file (flags, lists) rebuilds everything.
$(ENGINE_OBJS) $(HOST_OBJ): tests/fuzz/fuzz.mk

-include $(ENGINE_OBJS:.o=.d) $(HOST_OBJ:.o=.d)

# The undump seeds are string.dump output of the release engine
# (build/crescent, which the top-level `make fuzz` builds first).
fuzz: all
	python3 tests/fuzz/run.py --build $(FUZZ_BUILD) --seconds $(FUZZ_SECONDS) $(FUZZ_TARGETS)

replay: all
	python3 tests/fuzz/run.py --build $(FUZZ_BUILD) --replay $(FUZZ_TARGETS)
