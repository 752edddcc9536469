# fuzz.mk — builds and runs the libFuzzer targets of tests/fuzz.
# Used from the repository root; the top-level `make fuzz` calls it:
#
#   make -f tests/fuzz/fuzz.mk                  build every target
#   make -f tests/fuzz/fuzz.mk fuzz FUZZ_SECONDS=60    replay regressions, then fuzz each target
#   make -f tests/fuzz/fuzz.mk replay           only replay tests/fuzz/regress/<target>/*
#
# The engine is built by the top-level Makefile itself (so generated
# sources such as the JIT's stencil tables come along) into FUZZ_BUILD as
# the static library libcrescent.a — every src/**/*.c except the
# standalone program (src/cli) and the build-time generators (src/host) —
# compiled with ASan + UBSan and libFuzzer's coverage instrumentation
# (fuzzer-no-link), assertions on. Each target links that library with
# -fsanitize=fuzzer. src/core/common.h drops preserve_none under ASan by
# itself.

CC           := clang-19
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= compile run undump strlib
# what run.py fuzzes: the targets, plus run-jit (fuzz_run with the baseline
# JIT compiling everything at once)
FUZZ_RUNS    ?= compile run run-jit undump strlib
# UBSan stays recoverable here so that tests/fuzz/known.supp can mute bugs
# already reported while fuzzing goes on; run.py sets halt_on_error=1, so
# every other finding still stops the input as a crash.
SAN          := -fsanitize=address,undefined -fno-omit-frame-pointer
ENGINE_CFLAGS := -O1 -g $(SAN) -fsanitize=fuzzer-no-link
HOST_CFLAGS  := -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter $(SAN) \
                -DCRESCENT_ASSERT=1 -fno-strict-aliasing -Iinclude -Isrc
ENGINE_LIB   := $(FUZZ_BUILD)/libcrescent.a
HOST_OBJ     := $(FUZZ_BUILD)/fuzz_host.o
TARGET_BINS  := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

.PHONY: all fuzz replay FORCE
all: $(TARGET_BINS)

# Always asks the top-level Makefile; it does nothing when all is current.
$(ENGINE_LIB): FORCE
	$(MAKE) -f Makefile BUILD=$(FUZZ_BUILD) CFLAGS="$(ENGINE_CFLAGS)" \
	        FEATURES="-DCRESCENT_ASSERT=1" $(ENGINE_LIB)

$(HOST_OBJ): tests/fuzz/fuzz_host.c tests/fuzz/fuzz_host.h tests/fuzz/fuzz.mk
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_host.h $(HOST_OBJ) $(ENGINE_LIB)
	$(CC) $(HOST_CFLAGS) -fsanitize=fuzzer -o $@ $< $(HOST_OBJ) $(ENGINE_LIB) -lm -ldl

# The undump seeds are string.dump output of the release engine
# (build/crescent, which the top-level `make fuzz` builds first).
fuzz: all
	python3 tests/fuzz/run.py --build $(FUZZ_BUILD) --seconds $(FUZZ_SECONDS) $(FUZZ_RUNS)

replay: all
	python3 tests/fuzz/run.py --build $(FUZZ_BUILD) --replay $(FUZZ_RUNS)
