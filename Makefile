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

TEST_PROJECTS := $(wildcard tests/*.Tests/*.Tests.csproj)

.PHONY: help build install test demo emulator docs bench bench-sets clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

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

test: build ## every test: unit, protocol, emulator, clients and end-to-end with the real terraform
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

emulator: ## run the dbt Cloud + Datafold emulator on a free loopback port (Ctrl-C stops it)
	$(DOTNET) run --project src/DbtTfProvider.Emulator -c $(CONFIG) -- --urls http://127.0.0.1:0 --seed examples/emulator/seed.json

demo: ## the whole Datafold setup against the emulator: apply, drift caught, restored, destroyed
	bash scripts/demo.sh

docs: ## regenerate docs/ from the provider's own schema and examples/
	$(DOTNET) run --project src/DbtTfProvider.DocsGenerator -c $(CONFIG) -- $(CURDIR)

bench: ## start-up, plan and set-size benchmarks (results in bench/README.md)
	bash bench/run.sh
	bash bench/sets.sh

bench-sets: ## validating and planning 16,000 set blocks (results in bench/README.md)
	bash bench/sets.sh

clean: ## remove build output
	rm -rf $(BIN) artifacts
	find src tests tools -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} + 2>/dev/null || true
