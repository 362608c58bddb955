# Everything runs inside .venv, created from pyproject.toml on first use:
# on a fresh machine with Python 3.11 and pip, `make test` is the only command needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: setup generate update-specs check-generated unasync check-unasync lint typecheck build test demo bench zabbix-start zabbix-stop clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

setup: $(STAMP)

## Regenerate generated/ from specs/ with the pinned openapi-python-client.
generate: $(STAMP)
	$(PY) -m scripts.generate

## Re-run the update over the vendor pages kept in specs/<vendor>/vendor/ (no diff when they are unchanged).
## A new page: python -m scripts.update_specs VENDOR PAGE (see README, "When a vendor changes its API").
update-specs: $(STAMP)
	for vendor in voximplant nlpearl; do $(PY) -m scripts.update_specs $$vendor specs/$$vendor/vendor/*.page.md || exit $$?; done

## Fail when generated/ is not exactly what `make generate` writes.
check-generated: generate
	@git diff --exit-code --stat -- generated || { echo "generated/ differs from 'make generate': change the spec, overlay or config, never generated/"; exit 1; }
	@test -z "$$(git status --porcelain -- generated)" || { git status --porcelain -- generated; echo "generated/ has files not committed"; exit 1; }

## Write the sync twins (_sync/) of the async sources (_async/): the async code is written once.
unasync: $(STAMP)
	$(PY) -m scripts.unasync

## Fail when a sync twin is not exactly what scripts/unasync.py writes.
check-unasync: $(STAMP)
	$(PY) -m scripts.unasync --check

lint: $(STAMP)
	$(BIN)/ruff check overlays scripts tests
	$(BIN)/ruff format --check overlays scripts tests

typecheck: $(STAMP)
	$(BIN)/mypy --strict overlays/core/audit_core overlays/voximplant/voximplant_audit overlays/nlpearl/nlpearl_audit \
		overlays/zabbix/zabbix_audit overlays/navixy/navixy_audit overlays/auditpull/auditpull scripts

## Wheels and sdists of audit-core, the four SDKs and auditpull into dist/.
build: $(STAMP)
	$(PY) -m scripts.build

test: check-generated check-unasync lint typecheck build
	$(PY) -m pytest $(PYTEST_ARGS)

demo: $(STAMP)
	$(PY) -m scripts.demo

## The benchmark suite of issue 10 (writes BENCHMARKS.md). The peers and the profiler are installed in
## .venv-bench only (scripts/bench/requirements.txt), never into our packages or .venv.
## BENCH_ARGS=--quick for a reduced run; BENCH_ARGS="--skip zabbix" without the real Zabbix.
BENCH_VENV  := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed
BENCH_ARGS  ?=

$(BENCH_STAMP): pyproject.toml scripts/bench/requirements.txt
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e . -r scripts/bench/requirements.txt
	touch $@

bench: $(STAMP) $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python -m scripts.bench $(BENCH_ARGS)

## The real Zabbix servers of the tests (ZABBIX_VERSIONS="7.0" for one of them).
ZABBIX_VERSIONS ?= 6.0 7.0

zabbix-start: $(STAMP)
	for v in $(ZABBIX_VERSIONS); do scripts/zabbix-server start --version $$v || exit 1; done

zabbix-stop:
	for v in $(ZABBIX_VERSIONS); do scripts/zabbix-server stop --version $$v || exit 1; done

clean:
	rm -rf dist build .mypy_cache .ruff_cache .pytest_cache
