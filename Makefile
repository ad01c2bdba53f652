SHELL := /bin/bash
# Lectern: `make run` opens the course, `make test` runs every test.
SWIFT ?= swift
CONFIG ?= release
BIN = .build/$(CONFIG)/lectern

.PHONY: run test soak build deps bench validate clean

## Install missing system packages (libcmark-dev, libncurses-dev).
deps:
	@./scripts/ensure-deps.sh

build: deps
	$(SWIFT) build -c $(CONFIG) --product lectern
	@$(BIN) toolkit

## Build and open the course (plain help when there is no terminal).
run: build
	@$(BIN)

## Build and run every test (unit, golden, end-to-end).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

## The fault tests at full size: 30 000 fuzzed lessons and cases, a 100 MB
## input, 200 SIGKILLs of `lectern check`, 1000 saves under `lectern watch`
## and 1000 in the full-screen app.
soak: deps
	$(SWIFT) build --build-tests
	LECTERN_SOAK=1 $(SWIFT) test --skip-build --filter 'ParserFuzzTests|CaseDecoderFuzzTests|ProgressCrashTests|WatchSoakTests|AppSaveSoakTests'

validate: build
	$(BIN) validate

## Print the benchmarks that exist.
bench: build
	@./scripts/bench.sh

clean:
	rm -rf .build
